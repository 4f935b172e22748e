using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>Settings for the <see cref="MonteCarlo"/> divergence estimators: clipping, estimator form, unit and parallelism.</summary>
/// <remarks>
/// Clipping acts at the two places training libraries put it. First each log-ratio ℓ = log p(x) − log q(x) (that is,
/// −log r with r = q/p) is replaced by min(max(ℓ, <see cref="LogRatioMin"/>), <see cref="LogRatioMax"/>) before it enters
/// the estimator (reinforcement-learning code clamps to ±20); then the estimator's per-sample term t is replaced by
/// min(max(t, <see cref="TermMin"/>), <see cref="TermMax"/>) (one popular trainer clamps k3 to [−10, 10]). Both trade a
/// bias for bounded terms; the returned <see cref="Estimate.ClippedFraction"/> counts a sample once if either clamp
/// changed it. Both intervals are in nats, whatever <see cref="Unit"/> says. No option changes which random numbers are drawn, and the result never
/// depends on <see cref="MaxDegreeOfParallelism"/>. Each property is checked when it is set, so an options object is always valid.
/// </remarks>
public sealed record MonteCarloOptions
{
    private readonly double _logRatioMin = double.NegativeInfinity;
    private readonly double _logRatioMax = double.PositiveInfinity;
    private readonly double _termMin = double.NegativeInfinity;
    private readonly double _termMax = double.PositiveInfinity;
    private readonly MonteCarloEstimator _estimator = MonteCarloEstimator.K1;
    private readonly LogBase _unit = LogBase.Nats;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>No clipping, the k1 estimator, nats, all cores.</summary>
    public static MonteCarloOptions Default { get; } = new();

    /// <summary>The lower end of the clipping interval for the log-ratio; −∞ (no clipping below) by default.</summary>
    /// <remarks>−∞ or finite, and at most <see cref="LogRatioMax"/> as it stands when this is set; NaN and +∞ would clip every term to an infinity.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or +∞, or above <see cref="LogRatioMax"/>.</exception>
    public double LogRatioMin
    {
        get => _logRatioMin;
        init
        {
            Guard.LowerClipEnd(value, LogRatioMax, nameof(LogRatioMin), nameof(LogRatioMax));
            _logRatioMin = value;
        }
    }

    /// <summary>The upper end of the clipping interval for the log-ratio; +∞ (no clipping above) by default.</summary>
    /// <remarks>+∞ or finite, and at least <see cref="LogRatioMin"/> as it stands when this is set.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or −∞, or below <see cref="LogRatioMin"/>.</exception>
    public double LogRatioMax
    {
        get => _logRatioMax;
        init
        {
            Guard.UpperClipEnd(value, LogRatioMin, nameof(LogRatioMax), nameof(LogRatioMin));
            _logRatioMax = value;
        }
    }

    /// <summary>The lower end of the clipping interval for the estimator's per-sample term, in nats; −∞ (no clipping below) by default.</summary>
    /// <remarks>−∞ or finite, and at most <see cref="TermMax"/> as it stands when this is set.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or +∞, or above <see cref="TermMax"/>.</exception>
    public double TermMin
    {
        get => _termMin;
        init
        {
            Guard.LowerClipEnd(value, TermMax, nameof(TermMin), nameof(TermMax));
            _termMin = value;
        }
    }

    /// <summary>The upper end of the clipping interval for the estimator's per-sample term, in nats; +∞ (no clipping above) by default.</summary>
    /// <remarks>+∞ or finite, and at least <see cref="TermMin"/> as it stands when this is set.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or −∞, or below <see cref="TermMin"/>.</exception>
    public double TermMax
    {
        get => _termMax;
        init
        {
            Guard.UpperClipEnd(value, TermMin, nameof(TermMax), nameof(TermMin));
            _termMax = value;
        }
    }

    /// <summary>The per-sample term to average; <see cref="MonteCarloEstimator.K1"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="MonteCarloEstimator"/>.</exception>
    public MonteCarloEstimator Estimator
    {
        get => _estimator;
        init
        {
            Guard.Defined(value, nameof(Estimator));
            _estimator = value;
        }
    }

    /// <summary>The unit of the value and standard error; nats by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="LogBase"/>.</exception>
    public LogBase Unit
    {
        get => _unit;
        init
        {
            Guard.Defined(value, nameof(Unit));
            _unit = value;
        }
    }

    /// <summary>The most threads to use; −1 (the default) means all cores, 1 runs on the calling thread, as <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            Guard.DegreeOfParallelism(value, nameof(MaxDegreeOfParallelism));
            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Options that clip the log-ratio to [−<paramref name="bound"/>, <paramref name="bound"/>].</summary>
    /// <param name="bound">The half-width of the interval; finite and &gt; 0 (20 is the common choice).</param>
    /// <param name="estimator">The per-sample term to average.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not finite and positive, or <paramref name="estimator"/> is not a defined value.</exception>
    public static MonteCarloOptions Clipped(double bound, MonteCarloEstimator estimator = MonteCarloEstimator.K1)
    {
        Guard.Positive(bound, nameof(bound));
        Guard.Defined(estimator, nameof(estimator));
        return new MonteCarloOptions { LogRatioMin = -bound, LogRatioMax = bound, Estimator = estimator };
    }
}
