using InfoTheory.Internal;

namespace InfoTheory.Inference;

/// <summary>A bootstrap confidence interval together with the estimate on the full data it surrounds.</summary>
/// <param name="Estimate">The statistic on the data as given, in the statistic's unit.</param>
/// <param name="Lower">The lower end of the interval, in the same unit.</param>
/// <param name="Upper">The upper end, ≥ <paramref name="Lower"/>.</param>
/// <param name="Level">The nominal coverage, in (0, 1).</param>
/// <param name="Method">How the interval was formed from the replicates; a defined <see cref="BootstrapMethod"/>.</param>
/// <param name="Resamples">B, the number of bootstrap resamples drawn.</param>
/// <param name="StandardError">The bootstrap standard error: the sample standard deviation of the B replicates, in the statistic's unit.</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Method"/> is not a defined <see cref="BootstrapMethod"/>.</exception>
public readonly record struct BootstrapInterval(
    double Estimate, double Lower, double Upper, double Level, BootstrapMethod Method, int Resamples, double StandardError)
{
    private readonly BootstrapMethod _method = Checked(Method);

    /// <summary>How the interval was formed from the replicates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="BootstrapMethod"/>.</exception>
    public BootstrapMethod Method
    {
        get => _method;
        init => _method = Checked(value);
    }

    /// <summary>The interval alone, as the library's other interval estimates return it.</summary>
    public ConfidenceInterval Interval => new(Lower, Upper, Level);

    private static BootstrapMethod Checked(BootstrapMethod method)
    {
        Guard.Defined(method, nameof(Method));
        return method;
    }
}
