using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>
/// The convex generator f of an f-divergence D_f(p‖q) = Σᵢ qᵢ f(pᵢ/qᵢ), with the two limits that the terms where pᵢ or
/// qᵢ is 0 need.
/// </summary>
/// <remarks>
/// f must be convex on (0, ∞) with f(1) = 0; then D_f ≥ 0, with equality at p = q (Jensen), and for f strictly convex at 1
/// only there. The zero entries follow from continuity: a term with pᵢ = qᵢ = 0 is 0; with qᵢ = 0 &lt; pᵢ it is
/// pᵢ·f*(0), where f*(0) = lim_{t→∞} f(t)/t (<see cref="SlopeAtInfinity"/>); with pᵢ = 0 &lt; qᵢ it is qᵢ·f(0), where
/// f(0) = lim_{t→0⁺} f(t) (<see cref="AtZero"/>). Either limit may be +∞, and then so is the divergence wherever it is
/// needed. Locally D_f(p : p + dp) = f''(1)·½ dξᵀ G dξ + O(‖dξ‖³) with G the Fisher metric
/// (<see cref="FisherInformation.QuadraticForm"/>), so f''(1) is each member's constant: 1 for KL, ¼ for the squared
/// Hellinger distance, 2 for both χ² and for Jeffreys, 1 for the triangular discrimination. Adding c·(t − 1) to f changes
/// no divergence. References: I. Csiszár, "Information-type measures of difference of probability distributions and
/// indirect observations", Studia Sci. Math. Hungarica 2 (1967) 299–318; S. M. Ali and S. D. Silvey, "A general class
/// of coefficients of divergence of one distribution from another", JRSS B 28 (1966) 131–142.
/// </remarks>
public sealed class FGenerator
{
    // f(1) = 0 is checked to this much: a generator built from library functions hits 0 exactly or within a few ulps.
    private const double OneTolerance = 1e-12;

    private readonly Func<double, double> _function;

    /// <summary>Creates the generator f with its limits at 0 and its slope at infinity.</summary>
    /// <param name="function">f(t) for t &gt; 0: convex, f(1) = 0; it may return +∞ where f is infinite, never NaN or −∞.</param>
    /// <param name="atZero">f(0) = lim_{t→0⁺} f(t), finite or +∞.</param>
    /// <param name="slopeAtInfinity">f*(0) = lim_{t→∞} f(t)/t, finite or +∞.</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="function"/> is not 0 at t = 1 (within 1e-12).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atZero"/> or <paramref name="slopeAtInfinity"/> is NaN or −∞.</exception>
    public FGenerator(Func<double, double> function, double atZero, double slopeAtInfinity)
        : this(Kind.User, function, atZero, slopeAtInfinity)
    {
    }

    private FGenerator(Kind kind, Func<double, double> function, double atZero, double slopeAtInfinity)
    {
        ArgumentNullException.ThrowIfNull(function);
        Guard.FiniteOrPositiveInfinity(atZero, nameof(atZero));
        Guard.FiniteOrPositiveInfinity(slopeAtInfinity, nameof(slopeAtInfinity));
        double atOne = function(1.0);
        if (!(Math.Abs(atOne) <= OneTolerance))
        {
            throw new ArgumentException(
                $"function(1) is {Guard.Format(atOne)}; an f-divergence's generator must have f(1) = 0, so that D_f(p‖p) = 0.", nameof(function));
        }

        _function = function;
        Generator = kind;
        AtZero = atZero;
        SlopeAtInfinity = slopeAtInfinity;
    }

    /// <summary>Gets f(0) = lim_{t→0⁺} f(t): a term with pᵢ = 0 &lt; qᵢ is qᵢ·f(0).</summary>
    public double AtZero { get; }

    // <summary>Which generator this is: <see cref="Divergence.F(ReadOnlySpan{double}, ReadOnlySpan{double}, FGenerator)"/> runs a named one as its member's fused pass.</summary>
    internal Kind Generator { get; }

    /// <summary>Gets f*(0) = lim_{t→∞} f(t)/t: a term with qᵢ = 0 &lt; pᵢ is pᵢ·f*(0).</summary>
    public double SlopeAtInfinity { get; }

    /// <summary>Gets f(t) = t ln t, whose f-divergence is KL(p‖q) in nats; f(0) = 0, f*(0) = +∞, f''(1) = 1.</summary>
    public static FGenerator KullbackLeibler { get; } = new(Kind.KullbackLeibler, t => t * Math.Log(t), 0.0, double.PositiveInfinity);

    /// <summary>Gets f(t) = ½(√t − 1)², whose f-divergence is the squared Hellinger distance H² = 1 − BC; f(0) = ½, f*(0) = ½, f''(1) = ¼.</summary>
    /// <remarks>
    /// So <see cref="Divergence.Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/> is the square root of its divergence,
    /// the Bhattacharyya coefficient is 1 minus it, and the Bhattacharyya distance −ln(1 − H²).
    /// </remarks>
    public static FGenerator SquaredHellinger { get; } = new(Kind.SquaredHellinger, t => 0.5 * (Math.Sqrt(t) - 1) * (Math.Sqrt(t) - 1), 0.5, 0.5);

    /// <summary>Gets f(t) = ½|t − 1|, whose f-divergence is the total variation distance; f(0) = ½, f*(0) = ½ (not smooth at 1).</summary>
    public static FGenerator TotalVariation { get; } = new(Kind.TotalVariation, t => 0.5 * Math.Abs(t - 1), 0.5, 0.5);

    /// <summary>Gets f(t) = (t − 1)², whose f-divergence is Pearson's χ²(p‖q); f(0) = 1, f*(0) = +∞, f''(1) = 2.</summary>
    public static FGenerator PearsonChiSquare { get; } = new(Kind.PearsonChiSquare, t => (t - 1) * (t - 1), 1.0, double.PositiveInfinity);

    /// <summary>Gets f(t) = (t − 1)²/t, whose f-divergence is Neyman's χ²(p‖q); f(0) = +∞, f*(0) = 1, f''(1) = 2.</summary>
    public static FGenerator NeymanChiSquare { get; } = new(Kind.NeymanChiSquare, t => (t - 1) * (t - 1) / t, double.PositiveInfinity, 1.0);

    /// <summary>Gets f(t) = (t − 1) ln t, whose f-divergence is Jeffreys' KL(p‖q) + KL(q‖p) in nats; f(0) = +∞, f*(0) = +∞, f''(1) = 2.</summary>
    public static FGenerator Jeffreys { get; } = new(Kind.Jeffreys, t => (t - 1) * Math.Log(t), double.PositiveInfinity, double.PositiveInfinity);

    /// <summary>Gets f(t) = (t − 1)²/(t + 1), whose f-divergence is the triangular discrimination; f(0) = 1, f*(0) = 1, f''(1) = 1.</summary>
    public static FGenerator Triangular { get; } = new(Kind.Triangular, t => (t - 1) * (t - 1) / (t + 1), 1.0, 1.0);

    // <summary>The generators: a caller's, or one of the named members, each with a fused pass of its own.</summary>
    internal enum Kind
    {
        User,
        KullbackLeibler,
        SquaredHellinger,
        TotalVariation,
        PearsonChiSquare,
        NeymanChiSquare,
        Jeffreys,
        Triangular,
    }

    // <summary>f(t) for t &gt; 0, by the caller's function.</summary>
    internal double Evaluate(double t) => _function(t);
}
