using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>Shannon entropy and its relatives: cross-entropy, self-information, joint, conditional and count-based estimates.</summary>
/// <remarks>
/// All measures compute in nats and convert once to the requested <see cref="LogBase"/>.
/// By convention 0·log 0 = 0.
/// </remarks>
public static partial class Entropy
{
    /// <summary>The Shannon entropy H(p) of a discrete distribution.</summary>
    /// <remarks>H(p) = −Σᵢ pᵢ log pᵢ, with 0·log 0 = 0. It lies in [0, log n] and is maximal for the uniform distribution.</remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Shannon(ReadOnlySpan<double> p, LogBase unit = LogBase.Nats)
    {
        Guard.Probabilities(p, nameof(p));
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return Units.FromNats(Math.Max(h, 0.0), unit);
    }
}
