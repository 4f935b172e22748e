using InfoTheory.Geometry;

namespace InfoTheory.Tests.Geometry;

public class CategoricalFamilyTests
{
    [Fact]
    public void FromProbabilities_ThreeOutcomes_IsLogRatioToTheLast()
    {
        // θᵢ = ln(pᵢ/p₃) with p = (0.2, 0.3, 0.5): (ln 0.4, ln 0.6), by hand.
        var theta = new double[2];
        new CategoricalFamily(3).FromProbabilities([0.2, 0.3, 0.5], theta);

        theta.Should().Equal([Math.Log(0.4), Math.Log(0.6)], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(33)]
    public void ToProbabilities_OfFromProbabilities_RoundTrips(int n)
    {
        var family = new CategoricalFamily(n);
        double[] p = DiscreteSamples.Positive(new Random(n), n), theta = new double[n - 1], back = new double[n];
        family.FromProbabilities(p, theta);
        family.ToProbabilities(theta, back);

        back.Should().Equal(p, (a, b) => Math.Abs(a - b) <= 1e-14);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void KullbackLeibler_BregmanOfTheLogPartition_EqualsDivergenceKullbackLeibler(int n)
    {
        // KL(p ‖ q) = B_ψ(θ_q : θ_p): the argument order matters, KL is not symmetric.
        var family = new CategoricalFamily(n);
        var random = new Random(n);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] p = DiscreteSamples.Positive(random, n), q = DiscreteSamples.Positive(random, n);
            double[] thetaP = new double[n - 1], thetaQ = new double[n - 1];
            family.FromProbabilities(p, thetaP);
            family.FromProbabilities(q, thetaQ);

            family.KullbackLeibler(thetaP, thetaQ).Should().BeApproximately(Divergence.KullbackLeibler(p, q), 1e-12);
        }
    }

    [Fact]
    public void FisherMetricNatural_IsTheCovarianceOfTheIndicatorStatistic()
    {
        // Cov[t] = Σₓ p(x) (t(x) − η)(t(x) − η)ᵀ with tᵢ(x) = [x = i], summed over the outcomes here.
        var family = new CategoricalFamily(5);
        double[] p = DiscreteSamples.Positive(new Random(5), 5), theta = new double[4], g = new double[16];
        family.FromProbabilities(p, theta);
        family.FisherMetricNatural(theta, g);

        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double covariance = 0;
                for (int x = 0; x < 5; x++)
                {
                    covariance += p[x] * ((x == i ? 1 : 0) - p[i]) * ((x == j ? 1 : 0) - p[j]);
                }

                g[(i * 4) + j].Should().BeApproximately(covariance, 1e-15);
            }
        }
    }

    [Fact]
    public void FisherMetricExpectation_IsFisherInformationCategorical()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4], g = new double[9], expected = new double[9];
        new CategoricalFamily(4).FisherMetricExpectation(p.AsSpan(0, 3), g);
        FisherInformation.Categorical(p, expected);

        g.Should().Equal(expected, (a, b) => Math.Abs(a - b) <= 1e-12 * b);
    }

    [Fact]
    public void NegativeEntropy_IsMinusShannon()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4];

        new CategoricalFamily(4).NegativeEntropy(p.AsSpan(0, 3)).Should().BeApproximately(-Entropy.Shannon(p), 1e-15);
    }

    [Fact]
    public void LogPartition_LargeTheta_DoesNotOverflow()
    {
        // ψ(740, 0) = 740 + ln(1 + 2e^−740) = 740 in double; ln(1 + e^740 + 1) computed naively is +∞.
        new CategoricalFamily(3).LogPartition([740, 0]).Should().Be(740);
    }

    [Fact]
    public void Members_OutsideTheSimplex_ThrowNamingTheParameter()
    {
        var family = new CategoricalFamily(3);
        var theta = new double[2];

        FluentActions.Invoking(() => family.ToNatural([0.6, 0.4], theta)).Should().Throw<ArgumentException>().WithParameterName("eta").WithMessage("*sums to 1*");
        FluentActions.Invoking(() => family.NegativeEntropy([0, 0.5])).Should().Throw<ArgumentException>().WithParameterName("eta").WithMessage("eta[0] is 0*");
        FluentActions.Invoking(() => family.FromProbabilities([0.5, 0.5, 0], theta)).Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[2] is 0*");
        FluentActions.Invoking(() => family.FromProbabilities([0.5, 0.5], theta)).Should().Throw<ArgumentException>().WithParameterName("p");
        FluentActions.Invoking(() => family.ToExpectation([-800, 0], theta)).Should().Throw<ArgumentException>().WithParameterName("theta").WithMessage("theta[0] is -800*underflows*");
        FluentActions.Invoking(() => new CategoricalFamily(1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outcomes");
    }
}
