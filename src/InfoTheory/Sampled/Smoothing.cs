using InfoTheory.Internal;

namespace InfoTheory.Sampled;

/// <summary>Additive (Lidstone) smoothing: a pseudo-count α added to every label's count before normalising.</summary>
/// <remarks>
/// p̂ᵢ = (cᵢ + α) / (N + α K) over an alphabet of K labels. α = 1 is Laplace's rule of succession,
/// α = ½ the Jeffreys (Krichevsky–Trofimov) prior; α = 0 (the default) is the raw plug-in histogram,
/// under which a label seen in one sample and not the other makes KL infinite.
/// </remarks>
public readonly record struct Smoothing
{
    private Smoothing(double pseudoCount) => PseudoCount = pseudoCount;

    /// <summary>No smoothing (α = 0): relative frequencies.</summary>
    public static Smoothing None => default;

    /// <summary>Laplace smoothing (α = 1).</summary>
    public static Smoothing Laplace => new(1.0);

    /// <summary>Jeffreys smoothing (α = ½).</summary>
    public static Smoothing Jeffreys => new(0.5);

    /// <summary>The pseudo-count α added to every label, ≥ 0.</summary>
    public double PseudoCount { get; }

    /// <summary>The largest pseudo-count <see cref="Additive"/> accepts: 10²⁹⁰.</summary>
    /// <remarks>
    /// The smoothed total N + αK must stay finite for every alphabet an array can index (K ≤ 2³¹) and every total a long
    /// can count, or every p̂ᵢ would round to 0; 10²⁹⁰·2³¹ is far below <see cref="double.MaxValue"/>. Past about 10²⁰ the
    /// counts no longer change p̂ anyway: it is the uniform distribution.
    /// </remarks>
    public const double MaxPseudoCount = 1e290;

    /// <summary>Additive smoothing with a chosen pseudo-count.</summary>
    /// <param name="pseudoCount">α, in [0, <see cref="MaxPseudoCount"/>].</param>
    /// <returns>The smoothing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pseudoCount"/> is negative, NaN, or above <see cref="MaxPseudoCount"/> (infinity included).</exception>
    public static Smoothing Additive(double pseudoCount)
    {
        Guard.InRange(pseudoCount, 0.0, MaxPseudoCount, nameof(pseudoCount));
        return new Smoothing(pseudoCount);
    }
}
