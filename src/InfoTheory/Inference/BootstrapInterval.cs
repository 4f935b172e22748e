namespace InfoTheory.Inference;

/// <summary>A bootstrap confidence interval together with the estimate on the full data it surrounds.</summary>
/// <param name="Estimate">The statistic on the data as given, in the statistic's unit.</param>
/// <param name="Lower">The lower end of the interval, in the same unit.</param>
/// <param name="Upper">The upper end, ≥ <paramref name="Lower"/>.</param>
/// <param name="Level">The nominal coverage, in (0, 1).</param>
/// <param name="Method">How the interval was formed from the replicates.</param>
/// <param name="Resamples">B, the number of bootstrap resamples drawn.</param>
/// <param name="StandardError">The bootstrap standard error: the sample standard deviation of the B replicates, in the statistic's unit.</param>
public readonly record struct BootstrapInterval(
    double Estimate, double Lower, double Upper, double Level, BootstrapMethod Method, int Resamples, double StandardError)
{
    /// <summary>The interval alone, as the library's other interval estimates return it.</summary>
    public ConfidenceInterval Interval => new(Lower, Upper, Level);
}
