using InfoTheory.Internal;
using MathNet.Numerics.Distributions;

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
    /// <summary>The normal-approximation confidence interval Value ± z·StandardError, z the (1 + level)/2 quantile of N(0, 1).</summary>
    /// <remarks>
    /// Right for the Monte Carlo and kNN estimates, whose value is a mean of many terms (central limit theorem); the interval
    /// is only as good as the standard error (for tokens of sequences, the cluster-robust one the sequence overloads report).
    /// It says nothing about bias: a clipped estimate, or a kNN estimate at small N, can be precise and wrong. An infinite
    /// standard error gives (−∞, +∞); an infinite value (KL with q = 0 &lt; p) gives the single point it is.
    /// </remarks>
    /// <param name="level">The coverage, in (0, 1); 0.95 by default (z = 1.959964).</param>
    /// <returns>The interval, with <paramref name="level"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public ConfidenceInterval ConfidenceInterval(double level = 0.95)
    {
        Guard.OpenUnitInterval(level, nameof(level));
        if (double.IsInfinity(Value))
        {
            return new(Value, Value, level);
        }

        double half = Normal.InvCDF(0, 1, (1 + level) / 2) * StandardError;
        return double.IsPositiveInfinity(StandardError)
            ? new(double.NegativeInfinity, double.PositiveInfinity, level)
            : new(Value - half, Value + half, level);
    }

    /// <summary>Returns the estimate as <c>value ± standard error (n = count)</c>, with the clipped fraction when it is not zero.</summary>
    public override string ToString()
    {
        var text = FormattableString.Invariant($"{Value:G6} ± {StandardError:G3} (n = {SampleCount}");
        return ClippedFraction > 0
            ? text + FormattableString.Invariant($", clipped {ClippedFraction:P2})")
            : text + ")";
    }
}
