namespace InfoTheory.Inference;

/// <summary>How <see cref="Bootstrap"/> turns the bootstrap distribution of a statistic into a confidence interval.</summary>
public enum BootstrapMethod
{
    /// <summary>
    /// The α/2 and 1 − α/2 quantiles of the bootstrap replicates (B. Efron and R. J. Tibshirani, "An Introduction to the
    /// Bootstrap", 1993, §13.3). Right when the statistic is unbiased and its distribution symmetric; it undercovers otherwise.
    /// </summary>
    Percentile = 0,

    /// <summary>
    /// Bias-corrected and accelerated: the quantiles moved by the median bias z₀ of the replicates and the jackknife
    /// acceleration a, which makes the interval second-order accurate and transformation-respecting
    /// (B. Efron, "Better bootstrap confidence intervals", JASA 82 (1987), 171–185). The default.
    /// </summary>
    Bca = 1,
}
