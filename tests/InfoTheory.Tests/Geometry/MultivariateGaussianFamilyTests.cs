using InfoTheory.Continuous;
using InfoTheory.Geometry;

namespace InfoTheory.Tests.Geometry;

public class MultivariateGaussianFamilyTests
{
    [Fact]
    public void FromGaussian_TwoDimensions_GivesTheMinimalCoordinates()
    {
        // Σ = [[2, 0.6], [0.6, 1]], μ = (1, −1): P = Σ⁻¹ = [[1, −0.6], [−0.6, 2]] / 1.64, by hand; θ = (Pμ; −½P₀₀, −P₀₁, −½P₁₁),
        // η = (μ; Σ₀₀ + μ₀², Σ₀₁ + μ₀μ₁, Σ₁₁ + μ₁²).
        var family = new MultivariateGaussianFamily(2);
        var theta = new double[5];
        family.FromGaussian(new Gaussian([1, -1], new[,] { { 2, 0.6 }, { 0.6, 1 } }), theta);

        double det = 1.64;
        theta.Should().Equal([1.6 / det, -2.6 / det, -0.5 / det, 0.6 / det, -1 / det], (a, b) => Math.Abs(a - b) < 1e-14);
        FamilySamples.Eta(family, theta).Should().Equal([1, -1, 3, -0.4, 2], (a, b) => Math.Abs(a - b) < 1e-14);
        family.Dimension.Should().Be(5);
        new MultivariateGaussianFamily(3).Dimension.Should().Be(9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void KullbackLeibler_BregmanOfTheLogPartition_EqualsGaussianKullbackLeibler(int d)
    {
        var family = new MultivariateGaussianFamily(d);
        var random = new Random(d);
        for (int trial = 0; trial < 20; trial++)
        {
            Gaussian p = FamilySamples.RandomGaussian(d, random), q = FamilySamples.RandomGaussian(d, random);
            double[] thetaP = new double[family.Dimension], thetaQ = new double[family.Dimension];
            family.FromGaussian(p, thetaP);
            family.FromGaussian(q, thetaQ);

            family.KullbackLeibler(thetaP, thetaQ).Should().BeApproximately(Gaussian.KullbackLeibler(p, q), 1e-10);
        }
    }

    [Fact]
    public void ToGaussian_OfFromGaussian_RoundTrips()
    {
        var family = new MultivariateGaussianFamily(3);
        var g = FamilySamples.RandomGaussian(3, new Random(3));
        var theta = new double[9];
        family.FromGaussian(g, theta);
        var back = family.ToGaussian(theta);

        back.Mean.ToArray().Should().Equal(g.Mean.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        back.GetCovariance().Should().BeEquivalentTo(g.GetCovariance(), o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        family.NegativeEntropy(FamilySamples.Eta(family, theta)).Should().BeApproximately(-g.Entropy(), 1e-12);
    }

    [Fact]
    public void DimensionOne_AgreesWithTheUnivariateFamily()
    {
        ExponentialFamily multivariate = new MultivariateGaussianFamily(1), univariate = new GaussianFamily();
        double[] theta = [0.8, -0.3], eta = FamilySamples.Eta(univariate, theta), g = [0.4, -1.1];

        FamilySamples.Eta(multivariate, theta).Should().Equal(eta, (a, b) => Math.Abs(a - b) < 1e-14);
        multivariate.LogPartition(theta).Should().BeApproximately(univariate.LogPartition(theta), 1e-14);
        FamilySamples.Metric(multivariate, theta, true).Should().Equal(FamilySamples.Metric(univariate, theta, true), (a, b) => Math.Abs(a - b) < 1e-13);
        FamilySamples.Metric(multivariate, eta, false).Should().Equal(FamilySamples.Metric(univariate, eta, false), (a, b) => Math.Abs(a - b) < 1e-13);
        double[] a = new double[2], b = new double[2];
        multivariate.NaturalGradientExpectation(eta, g, a);
        univariate.NaturalGradientExpectation(eta, g, b);
        a.Should().Equal(b, (x, y) => Math.Abs(x - y) < 1e-13);
    }

    [Fact]
    public void Members_NotPositiveDefinite_ThrowNamingTheParameter()
    {
        var family = new MultivariateGaussianFamily(2);
        var destination = new double[5];

        // η = (0, 0; 1, 2, 1): Σ = [[1, 2], [2, 1]] has eigenvalue −1.
        FluentActions.Invoking(() => family.ToNatural([0, 0, 1, 2, 1], destination)).Should().Throw<ArgumentException>().WithParameterName("eta").WithMessage("*covariance*not positive definite*");
        // θ = (0, 0; 0.5, 0, −0.5): −2Θ = diag(−1, 1).
        FluentActions.Invoking(() => family.LogPartition([0, 0, 0.5, 0, -0.5])).Should().Throw<ArgumentException>().WithParameterName("theta").WithMessage("*precision*not positive definite*");
        FluentActions.Invoking(() => family.FromGaussian(Gaussian.Standard(3), destination)).Should().Throw<ArgumentException>().WithParameterName("distribution");
        FluentActions.Invoking(() => new MultivariateGaussianFamily(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimension");
    }
}
