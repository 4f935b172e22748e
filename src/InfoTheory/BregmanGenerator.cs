namespace InfoTheory;

/// <summary>
/// The strictly convex, differentiable potential φ of a Bregman divergence D_φ(x, y) = φ(x) − φ(y) − ⟨∇φ(y), x − y⟩,
/// with its gradient ∇φ.
/// </summary>
/// <remarks>
/// D_φ(x, y) ≥ 0 with equality iff x = y, it is convex in x, and it is not symmetric unless φ is a quadratic form. The three
/// named generators are separable, φ(x) = Σᵢ φ(xᵢ), and run as one fused SIMD pass; a generator made from a caller's φ and
/// ∇φ is evaluated as the definition reads. Reference: L. M. Bregman, "The relaxation method of finding the common point of
/// convex sets and its application to the solution of problems in convex programming", USSR Computational Mathematics and
/// Mathematical Physics 7 (1967) 200–217; A. Banerjee, S. Merugu, I. S. Dhillon and J. Ghosh, "Clustering with Bregman
/// divergences", JMLR 6 (2005) 1705–1749, table 1.
/// </remarks>
public sealed class BregmanGenerator
{
    private BregmanGenerator(Kind kind, Func<ReadOnlySpan<double>, double>? function, Action<ReadOnlySpan<double>, Span<double>>? gradient)
    {
        Generator = kind;
        Function = function;
        Gradient = gradient;
    }

    /// <summary>Creates the generator of a caller's potential φ and its gradient ∇φ.</summary>
    /// <param name="function">φ(x): strictly convex and differentiable on its domain, finite there.</param>
    /// <param name="gradient">Writes ∇φ(x) into its second argument, a span of x's length that it must fill.</param>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="gradient"/> is null.</exception>
    public BregmanGenerator(Func<ReadOnlySpan<double>, double> function, Action<ReadOnlySpan<double>, Span<double>> gradient)
        : this(Kind.User, function, gradient)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gradient);
    }

    // <summary>Which generator this is: a named one runs its own fused kernel.</summary>
    internal enum Kind
    {
        // <summary>A caller's φ and ∇φ.</summary>
        User,

        // <summary>φ(x) = ‖x‖².</summary>
        SquaredEuclidean,

        // <summary>φ(x) = Σ xᵢ ln xᵢ − xᵢ.</summary>
        GeneralizedKullbackLeibler,

        // <summary>φ(x) = −Σ ln xᵢ.</summary>
        ItakuraSaito,
    }

    /// <summary>Gets φ(x) = ‖x‖² = Σᵢ xᵢ² over all of ℝⁿ, whose divergence is the squared Euclidean distance ‖x − y‖².</summary>
    public static BregmanGenerator SquaredEuclidean { get; } = new(Kind.SquaredEuclidean, null, null);

    /// <summary>
    /// Gets φ(x) = Σᵢ xᵢ ln xᵢ − xᵢ (negative entropy) over non-negative vectors, whose divergence is the generalized
    /// Kullback–Leibler divergence Σᵢ xᵢ ln(xᵢ/yᵢ) − xᵢ + yᵢ in nats (I-divergence), KL(x‖y) when both sum to 1.
    /// </summary>
    public static BregmanGenerator GeneralizedKullbackLeibler { get; } = new(Kind.GeneralizedKullbackLeibler, null, null);

    /// <summary>Gets φ(x) = −Σᵢ ln xᵢ (Burg entropy) over positive vectors, whose divergence is the Itakura–Saito divergence Σᵢ xᵢ/yᵢ − ln(xᵢ/yᵢ) − 1.</summary>
    /// <remarks>Reference: F. Itakura and S. Saito, "Analysis synthesis telephony based on the maximum likelihood method", 6th International Congress on Acoustics (1968) C17–C20.</remarks>
    public static BregmanGenerator ItakuraSaito { get; } = new(Kind.ItakuraSaito, null, null);

    // <summary>Gets which generator this is.</summary>
    internal Kind Generator { get; }

    // <summary>Gets a caller's φ; null for a named generator.</summary>
    internal Func<ReadOnlySpan<double>, double>? Function { get; }

    // <summary>Gets a caller's ∇φ; null for a named generator.</summary>
    internal Action<ReadOnlySpan<double>, Span<double>>? Gradient { get; }
}
