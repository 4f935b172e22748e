using InfoTheory.Continuous;
using InfoTheory.Geometry;

namespace InfoTheory.Tests.Geometry;

public class GaussianFamilyTests
{
    private static readonly GaussianFamily Family = new();

    [Fact]
    public void ReadmeSnippet_GaussianFamily_GivesTheQuotedValues()
    {
        #region snippet: InformationGeometry
        // N(1, 4) and N(0, 1) in natural coordinates θ = (μ/σ², −1/(2σ²)).
        var family = new GaussianFamily();
        double[] p = new double[2], q = new double[2];
        GaussianFamily.FromGaussian(Gaussian.Diagonal([1], [4]), p); // θ = (0.25, −0.125)
        GaussianFamily.FromGaussian(Gaussian.Diagonal([0], [1]), q); // θ = (0, −0.5)

        // KL(p ‖ q) is the Bregman divergence of the log-partition ψ with the arguments swapped, B_ψ(θ_q : θ_p).
        double kl = family.KullbackLeibler(p, q); // 1.3069 nats, as Gaussian.KullbackLeibler

        // The Fisher metric in θ is ∇²ψ = Cov[(x, x²)]; the natural gradient G⁻¹g in θ is the gradient in η, in closed form.
        double[] eta = new double[2], metric = new double[4], natural = new double[2];
        family.ToExpectation(p, eta);                      // η = (μ, μ² + σ²) = (1, 5)
        family.FisherMetricNatural(p, metric);             // [[4, 8], [8, 48]]
        family.NaturalGradientNatural(p, [1, 0], natural); // G⁻¹(1, 0) = (0.375, −0.0625)
        #endregion

        p.Should().Equal(0.25, -0.125);
        q.Should().Equal(0, -0.5);
        kl.Should().BeApproximately(Gaussian.KullbackLeibler(Gaussian.Diagonal([1], [4]), Gaussian.Diagonal([0], [1])), 1e-15);
        kl.Should().BeApproximately(0.5 * (4 + 1 - 1 - Math.Log(4)), 1e-15).And.BeApproximately(1.3069, 5e-5);
        eta.Should().Equal(1, 5);
        metric.Should().Equal(4, 8, 8, 48);
        natural.Should().Equal([0.375, -0.0625], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void FromGaussian_MeanOneVarianceFour_GivesTheNaturalAndExpectationParameters()
    {
        // θ = (μ/σ², −1/(2σ²)) = (0.25, −0.125) and η = (μ, μ² + σ²) = (1, 5), by hand.
        var theta = new double[2];
        GaussianFamily.FromGaussian(Gaussian.Diagonal([1], [4]), theta);

        theta.Should().Equal(0.25, -0.125);
        FamilySamples.Eta(Family, theta).Should().Equal(1, 5);
    }

    [Fact]
    public void ToGaussian_OfFromGaussian_RoundTrips()
    {
        var theta = new double[2];
        GaussianFamily.FromGaussian(Gaussian.Diagonal([-0.7], [2.5]), theta);
        var back = GaussianFamily.ToGaussian(theta);

        back.Mean[0].Should().BeApproximately(-0.7, 1e-15);
        back.Covariance(0, 0).Should().BeApproximately(2.5, 1e-15);
    }

    [Fact]
    public void FisherMetric_InMeanAndStandardDeviation_IsDiagonalOneAndTwoOverVariance()
    {
        // G(μ, σ) = Jᵀ G(θ) J with J = ∂θ/∂(μ, σ) = [[1/σ², −2μ/σ³], [0, 1/σ³]]; the closed form is diag(1/σ², 2/σ²).
        foreach ((double mu, double sigma) in new[] { (0.0, 1.0), (1.5, 0.5), (-3.0, 2.0) })
        {
            var theta = new double[2];
            GaussianFamily.FromGaussian(Gaussian.Diagonal([mu], [sigma * sigma]), theta);
            double[] g = FamilySamples.Metric(Family, theta, natural: true);
            double[,] j = { { 1 / (sigma * sigma), -2 * mu / (sigma * sigma * sigma) }, { 0, 1 / (sigma * sigma * sigma) } };
            var pulled = new double[2, 2];
            for (int a = 0; a < 2; a++)
            {
                for (int b = 0; b < 2; b++)
                {
                    for (int r = 0; r < 2; r++)
                    {
                        for (int c = 0; c < 2; c++)
                        {
                            pulled[a, b] += j[r, a] * g[(r * 2) + c] * j[c, b];
                        }
                    }
                }
            }

            double scale = 1 / (sigma * sigma);
            pulled[0, 0].Should().BeApproximately(scale, 1e-12 * scale);
            pulled[0, 1].Should().BeApproximately(0, 1e-12 * scale);
            pulled[1, 0].Should().BeApproximately(0, 1e-12 * scale);
            pulled[1, 1].Should().BeApproximately(2 * scale, 1e-12 * scale);
        }
    }

    [Fact]
    public void KullbackLeibler_BregmanOfTheLogPartition_EqualsGaussianKullbackLeibler()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            var p = Gaussian.Diagonal([(random.NextDouble() * 4) - 2], [0.2 + (random.NextDouble() * 3)]);
            var q = Gaussian.Diagonal([(random.NextDouble() * 4) - 2], [0.2 + (random.NextDouble() * 3)]);
            double[] thetaP = new double[2], thetaQ = new double[2];
            GaussianFamily.FromGaussian(p, thetaP);
            GaussianFamily.FromGaussian(q, thetaQ);

            Family.KullbackLeibler(thetaP, thetaQ).Should().BeApproximately(Gaussian.KullbackLeibler(p, q), 1e-12);
        }
    }

    [Fact]
    public void NegativeEntropy_IsMinusTheDifferentialEntropy()
    {
        var g = Gaussian.Diagonal([0.4], [1.7]);

        Family.NegativeEntropy([0.4, 1.7 + 0.16]).Should().BeApproximately(-g.Entropy(), 1e-14);
    }

    [Fact]
    public void KullbackLeibler_MeanNearMaxValue_ThrowsRatherThanReturningInfinityMinusInfinity()
    {
        // μ = 1e308 makes ψ(θ) = μ²/(2σ²) + … overflow; the Bregman form would be ∞ − ∞.
        FluentActions.Invoking(() => Family.KullbackLeibler([1e308, -0.5], [0.1, -0.4])).Should().Throw<ArgumentException>().WithParameterName("theta").WithMessage("*too far out for double*");
    }

    [Fact]
    public void Members_NonPositiveVariance_ThrowNamingTheParameter()
    {
        var destination = new double[2];

        FluentActions.Invoking(() => Family.ToExpectation([1, 0], destination)).Should().Throw<ArgumentException>().WithParameterName("theta").WithMessage("theta[1] is 0*");
        FluentActions.Invoking(() => Family.LogPartition([1, 0.5])).Should().Throw<ArgumentException>().WithParameterName("theta");
        FluentActions.Invoking(() => GaussianFamily.ToGaussian([1, 0.5])).Should().Throw<ArgumentException>().WithParameterName("theta");
        FluentActions.Invoking(() => Family.ToNatural([1, 0.5], destination)).Should().Throw<ArgumentException>().WithParameterName("eta").WithMessage("*variance η₂ − η₁² is -0.5*");
        FluentActions.Invoking(() => Family.FisherMetricExpectation([1, 1], new double[4])).Should().Throw<ArgumentException>().WithParameterName("eta");
        FluentActions.Invoking(() => GaussianFamily.FromGaussian(Gaussian.Standard(2), destination)).Should().Throw<ArgumentException>().WithParameterName("distribution");
    }
}
