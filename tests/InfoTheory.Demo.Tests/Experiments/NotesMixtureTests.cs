using InfoTheory.Continuous;
using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class NotesMixtureTests
{
    [Theory]
    // ln(½ N(x; (0,0), diag(.0625, .25)) + ½ N(x; (1,1), diag(.0625, .0625))), evaluated in python3 with math.
    [InlineData(0.0, 0.0, -0.4515824802191308)]
    [InlineData(1.0, 1.0, 0.2415871749777315)]
    [InlineData(0.5, 0.5, -2.5826015698881393)]
    public void LogDensity_MatchesTheNotesMixture(double x1, double x2, double expected)
    {
        NotesMixture.LogDensity(NotesMixture.Create(), x1, x2).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Moments_AreTheMixtureMeanAndCovariance()
    {
        // By hand: μ = (½, ½); E[xxᵀ] = diag(.0625, .15625) + ½·[[1,1],[1,1]]; Σ = E[xxᵀ] − μμᵀ.
        (double[] mean, double[,] covariance) = NotesMixture.Moments(NotesMixture.Create());

        mean.Should().Equal(0.5, 0.5);
        covariance[0, 0].Should().BeApproximately(0.3125, 1e-15);
        covariance[0, 1].Should().BeApproximately(0.25, 1e-15);
        covariance[1, 0].Should().BeApproximately(0.25, 1e-15);
        covariance[1, 1].Should().BeApproximately(0.40625, 1e-15);
    }

    [Fact]
    public void Moments_AgreeWithTheSampleMomentsOfManyDraws()
    {
        GaussianMixture p = NotesMixture.Create();
        const int N = 200_000;
        var draws = new double[2 * N];
        p.Sample(new Random(3), draws);
        double mx = 0, my = 0, sxy = 0;
        for (int i = 0; i < N; i++)
        {
            mx += draws[2 * i] / N;
            my += draws[(2 * i) + 1] / N;
        }

        for (int i = 0; i < N; i++)
        {
            sxy += (draws[2 * i] - mx) * (draws[(2 * i) + 1] - my) / N;
        }

        (double[] mean, double[,] covariance) = NotesMixture.Moments(p);

        // Standard errors are about 0.0013 for the means and 0.0011 for the covariance; 5 of them.
        mx.Should().BeApproximately(mean[0], 0.007);
        my.Should().BeApproximately(mean[1], 0.007);
        sxy.Should().BeApproximately(covariance[0, 1], 0.006);
    }
}
