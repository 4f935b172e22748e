namespace InfoTheory.Continuous;

/// <summary>Settings for the <see cref="MonteCarlo"/> divergence estimators: clipping, estimator form, unit and parallelism.</summary>
/// <remarks>
/// Clipping acts at the two places training libraries put it. First each log-ratio ℓ = log p(x) − log q(x) (that is,
/// −log r with r = q/p) is replaced by min(max(ℓ, <see cref="LogRatioMin"/>), <see cref="LogRatioMax"/>) before it enters
/// the estimator (reinforcement-learning code clamps to ±20); then the estimator's per-sample term t is replaced by
/// min(max(t, <see cref="TermMin"/>), <see cref="TermMax"/>) (one popular trainer clamps k3 to [−10, 10]). Both trade a
/// bias for bounded terms; the returned <see cref="Estimate.ClippedFraction"/> counts a sample once if either clamp
/// changed it. Both intervals are in nats, whatever <see cref="Unit"/> says. No option changes which random numbers are drawn, and the result never
/// depends on <see cref="MaxDegreeOfParallelism"/>.
/// </remarks>
public sealed record MonteCarloOptions
{
    /// <summary>No clipping, the k1 estimator, nats, all cores.</summary>
    public static MonteCarloOptions Default { get; } = new();

    /// <summary>The lower end of the clipping interval for the log-ratio; −∞ (no clipping below) by default.</summary>
    /// <remarks>−∞ or finite, and at most <see cref="LogRatioMax"/>; the estimators reject NaN and +∞, which would clip every term to an infinity.</remarks>
    public double LogRatioMin { get; init; } = double.NegativeInfinity;

    /// <summary>The upper end of the clipping interval for the log-ratio; +∞ (no clipping above) by default.</summary>
    /// <remarks>+∞ or finite, and at least <see cref="LogRatioMin"/>; the estimators reject NaN and −∞.</remarks>
    public double LogRatioMax { get; init; } = double.PositiveInfinity;

    /// <summary>The lower end of the clipping interval for the estimator's per-sample term, in nats; −∞ (no clipping below) by default.</summary>
    /// <remarks>−∞ or finite, and at most <see cref="TermMax"/>; the estimators reject NaN and +∞.</remarks>
    public double TermMin { get; init; } = double.NegativeInfinity;

    /// <summary>The upper end of the clipping interval for the estimator's per-sample term, in nats; +∞ (no clipping above) by default.</summary>
    /// <remarks>+∞ or finite, and at least <see cref="TermMin"/>; the estimators reject NaN and −∞.</remarks>
    public double TermMax { get; init; } = double.PositiveInfinity;

    /// <summary>The per-sample term to average; <see cref="MonteCarloEstimator.K1"/> by default.</summary>
    public MonteCarloEstimator Estimator { get; init; } = MonteCarloEstimator.K1;

    /// <summary>The unit of the value and standard error; nats by default.</summary>
    public LogBase Unit { get; init; } = LogBase.Nats;

    /// <summary>The most threads to use; −1 (the default) means all cores, 1 runs on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Options that clip the log-ratio to [−<paramref name="bound"/>, <paramref name="bound"/>].</summary>
    /// <param name="bound">The half-width of the interval; finite and &gt; 0 (20 is the common choice).</param>
    /// <param name="estimator">The per-sample term to average.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not finite and positive, or <paramref name="estimator"/> is not a defined value.</exception>
    public static MonteCarloOptions Clipped(double bound, MonteCarloEstimator estimator = MonteCarloEstimator.K1)
    {
        Internal.Guard.Positive(bound, nameof(bound));
        Internal.Guard.Defined(estimator, nameof(estimator));
        return new MonteCarloOptions { LogRatioMin = -bound, LogRatioMax = bound, Estimator = estimator };
    }
}
