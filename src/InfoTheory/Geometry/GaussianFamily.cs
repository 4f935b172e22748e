using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Geometry;

/// <summary>The univariate normal distributions N(μ, σ²) as an exponential family: θ = (μ/σ², −1/(2σ²)) and η = (μ, μ² + σ²).</summary>
/// <remarks>
/// <para>The sufficient statistic is t(x) = (x, x²). Then ψ(θ) = −θ₁²/(4θ₂) + ½ ln(−π/θ₂) = μ²/(2σ²) + ½ ln(2πσ²),
/// and φ(η) = −½ (1 + ln 2π + ln(η₂ − η₁²)) is minus the differential entropy (Amari 2016, ch. 2; Amari &amp; Nagaoka 2000, ch. 2).
/// The natural domain is θ₂ &lt; 0 and the expectation domain η₂ − η₁² &gt; 0: both say σ² &gt; 0.</para>
/// <para>The Fisher metric is G(θ) = Cov[(x, x²)] = [[σ², 2μσ²], [2μσ², 2σ⁴ + 4μ²σ²]] and
/// G(η) = G(θ)⁻¹ = σ⁻⁴ [[σ² + 2μ², −μ], [−μ, ½]]; in (μ, σ) it is diag(1/σ², 2/σ²). The natural gradients multiply by
/// these 2 × 2 matrices. For the multivariate family see <see cref="MultivariateGaussianFamily"/>, whose dimension-1 case
/// has the same coordinates.</para>
/// </remarks>
public sealed class GaussianFamily : ExponentialFamily
{
    /// <summary>Creates the family; it has 2 coordinates.</summary>
    public GaussianFamily()
        : base(2)
    {
    }

    /// <summary>The natural coordinates θ = (μ/σ², −1/(2σ²)) of a one-dimensional <see cref="Gaussian"/>.</summary>
    /// <param name="distribution">N(μ, σ²), of dimension 1.</param>
    /// <param name="theta">Receives θ; length 2.</param>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="distribution"/> is not one-dimensional, or <paramref name="theta"/> does not have length 2.</exception>
    public static void FromGaussian(Gaussian distribution, Span<double> theta)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.SameDimension(1, distribution.Dimension, "this family", nameof(distribution));
        Guard.SameLength(2, theta.Length, "the result", nameof(theta));
        double precision = 1 / distribution.Covariance(0, 0);
        theta[0] = distribution.Mean[0] * precision;
        theta[1] = -0.5 * precision;
    }

    /// <summary>The distribution with natural coordinates <paramref name="theta"/> as a one-dimensional <see cref="Gaussian"/>: σ² = −1/(2θ₂), μ = θ₁σ².</summary>
    /// <param name="theta">θ: 2 finite values with θ₂ &lt; 0.</param>
    /// <returns>N(μ, σ²).</returns>
    /// <exception cref="ArgumentException"><paramref name="theta"/> does not have length 2, has a non-finite entry, or has θ₂ ≥ 0 (a variance that is not positive and finite).</exception>
    public static Gaussian ToGaussian(ReadOnlySpan<double> theta)
    {
        Guard.FamilyCoordinates(theta, 2, nameof(theta));
        (double mean, double variance) = Moments(theta, nameof(theta));
        return Gaussian.Diagonal([mean], [variance]);
    }

    private protected override void ExpectationOf(ReadOnlySpan<double> theta, Span<double> eta, string paramName)
    {
        (double mean, double variance) = Moments(theta, paramName);
        eta[0] = mean;
        eta[1] = (mean * mean) + variance;
    }

    private protected override void NaturalOf(ReadOnlySpan<double> eta, Span<double> theta, string paramName)
    {
        double variance = Variance(eta, paramName);
        theta[0] = eta[0] / variance;
        theta[1] = -0.5 / variance;
    }

    private protected override double LogPartitionOf(ReadOnlySpan<double> theta, string paramName)
    {
        (double mean, double variance) = Moments(theta, paramName);
        return (0.5 * mean * mean / variance) + (0.5 * (Numerics.LnTwoPi + Math.Log(variance)));
    }

    private protected override double NegativeEntropyOf(ReadOnlySpan<double> eta, string paramName)
        => -0.5 * (1 + Numerics.LnTwoPi + Math.Log(Variance(eta, paramName)));

    private protected override void FisherNaturalOf(ReadOnlySpan<double> theta, Span<double> destination, string paramName)
    {
        (double mean, double variance) = Moments(theta, paramName);
        destination[0] = variance;
        destination[1] = destination[2] = 2 * mean * variance;
        destination[3] = (2 * variance * variance) + (4 * mean * mean * variance);
    }

    private protected override void FisherExpectationOf(ReadOnlySpan<double> eta, Span<double> destination, string paramName)
    {
        double variance = Variance(eta, paramName);
        double mean = eta[0], scale = 1 / (variance * variance);
        destination[0] = (variance + (2 * mean * mean)) * scale;
        destination[1] = destination[2] = -mean * scale;
        destination[3] = 0.5 * scale;
    }

    private protected override void NaturalGradientNaturalOf(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(θ)⁻¹ g = G(η) g.
        (double mean, double variance) = Moments(theta, paramName);
        double scale = 1 / (variance * variance);
        destination[0] = (((variance + (2 * mean * mean)) * gradient[0]) - (mean * gradient[1])) * scale;
        destination[1] = ((0.5 * gradient[1]) - (mean * gradient[0])) * scale;
    }

    private protected override void NaturalGradientExpectationOf(ReadOnlySpan<double> eta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(η)⁻¹ g = G(θ) g.
        double variance = Variance(eta, paramName);
        double mean = eta[0];
        destination[0] = variance * (gradient[0] + (2 * mean * gradient[1]));
        destination[1] = (2 * mean * variance * gradient[0]) + (((2 * variance * variance) + (4 * mean * mean * variance)) * gradient[1]);
    }

    // (μ, σ²) from θ, with σ² = −1/(2θ₂) required positive and finite.
    private static (double Mean, double Variance) Moments(ReadOnlySpan<double> theta, string paramName)
    {
        double variance = -0.5 / theta[1];
        double mean = theta[0] * variance;
        if (!(variance > 0) || double.IsPositiveInfinity(variance) || !double.IsFinite(mean))
        {
            throw new ArgumentException(
                $"{paramName}[1] is {Guard.Format(theta[1])}; θ₂ = −1/(2σ²) must be < 0 and give a finite variance (here σ² = {Guard.Format(variance)}, μ = {Guard.Format(mean)}).",
                paramName);
        }

        return (mean, variance);
    }

    // σ² = η₂ − η₁², required positive.
    private static double Variance(ReadOnlySpan<double> eta, string paramName)
    {
        double variance = eta[1] - (eta[0] * eta[0]);
        if (!(variance > 0) || double.IsPositiveInfinity(variance))
        {
            throw new ArgumentException(
                $"{paramName} is ({Guard.Format(eta[0])}, {Guard.Format(eta[1])}), so the variance η₂ − η₁² is {Guard.Format(variance)}; it must be finite and > 0.",
                paramName);
        }

        return variance;
    }
}
