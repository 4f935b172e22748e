namespace InfoTheory;

/// <summary>A sampled estimate of a quantity, with the uncertainty that comes with it.</summary>
/// <param name="Value">The point estimate, in the unit the estimator was asked for.</param>
/// <param name="StandardError">
/// The estimated standard error of <paramref name="Value"/> (sample standard deviation of the
/// terms divided by √n), in the same unit; 0 when the estimator has no sampling error to report.
/// </param>
/// <param name="SampleCount">How many samples (terms) the estimate averages.</param>
/// <param name="ClippedFraction">
/// The fraction of terms, in [0, 1], whose log-ratio or term was clipped (a term counts once if either clamp changed it);
/// 0 when no clipping was asked for.
/// A large value means the clipping interval, not the data, decided the result.
/// </param>
public readonly record struct Estimate(double Value, double StandardError, long SampleCount, double ClippedFraction)
{
    /// <summary>Returns the estimate as <c>value ± standard error (n = count)</c>, with the clipped fraction when it is not zero.</summary>
    public override string ToString()
    {
        var text = FormattableString.Invariant($"{Value:G6} ± {StandardError:G3} (n = {SampleCount}");
        return ClippedFraction > 0
            ? text + FormattableString.Invariant($", clipped {ClippedFraction:P2})")
            : text + ")";
    }
}
