using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

public class GaussianMixtureTests
{
    [Fact]
    public void MomentMatched_HasTheMixtureMeanAndCovariance()
    {
        // By hand: μ = (½, ½); E[xxᵀ] = diag(.0625, .15625) + ½·[[1,1],[1,1]]; Σ = E[xxᵀ] − μμᵀ.
        Gaussian matched = NotesMixture().MomentMatched();
        double[] mean = matched.Mean.ToArray();
        double[,] covariance = matched.GetCovariance();

        mean.Should().Equal(0.5, 0.5);
        covariance[0, 0].Should().BeApproximately(0.3125, 1e-15);
        covariance[0, 1].Should().BeApproximately(0.25, 1e-15);
        covariance[1, 0].Should().BeApproximately(0.25, 1e-15);
        covariance[1, 1].Should().BeApproximately(0.40625, 1e-15);
    }

    [Fact]
    public void MomentMatched_AgreesWithTheSampleMomentsOfManyDraws()
    {
        GaussianMixture p = NotesMixture();
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

        Gaussian matched = p.MomentMatched();
        double[] mean = matched.Mean.ToArray();
        double[,] covariance = matched.GetCovariance();

        // Standard errors are about 0.0013 for the means and 0.0011 for the covariance; 5 of them.
        mx.Should().BeApproximately(mean[0], 0.007);
        my.Should().BeApproximately(mean[1], 0.007);
        sxy.Should().BeApproximately(covariance[0, 1], 0.006);
    }

    // The worked example of the notes: ½ N((0,0), diag(0.25², 0.5²)) + ½ N((1,1), diag(0.25², 0.25²)).
    private static GaussianMixture NotesMixture() => new(
        [0.5, 0.5],
        [Gaussian.Diagonal([0.0, 0.0], [0.0625, 0.25]), Gaussian.Diagonal([1.0, 1.0], [0.0625, 0.0625])]);

    [Fact]
    public void LogDensity_NearTheModes_IsLogOfWeightedSum()
    {
        var mixture = NotesMixture();

        foreach (var x in new[] { new[] { 0.0, 0.0 }, new[] { 0.5, 0.7 }, new[] { 1.2, 0.9 } })
        {
            double expected = Math.Log(
                (0.5 * Math.Exp(mixture.Components[0].LogDensity(x))) + (0.5 * Math.Exp(mixture.Components[1].LogDensity(x))));
            mixture.LogDensity(x).Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void LogDensity_FarInTheTails_StaysFiniteAndExact()
    {
        var mixture = NotesMixture();
        double[] x = [60.0, 60.0];

        // Both component densities underflow to 0 here; the log-sum-exp identity still holds:
        // log(½e^a + ½e^b) = max(a, b) + ln ½ + ln(1 + e^(−|a−b|)).
        double a = mixture.Components[0].LogDensity(x), b = mixture.Components[1].LogDensity(x);
        double expected = Math.Max(a, b) + Math.Log(0.5) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
        Math.Exp(a).Should().Be(0.0);
        mixture.LogDensity(x).Should().BeApproximately(expected, 1e-9 * Math.Abs(expected));
    }

    [Fact]
    public void LogDensity_Batched_MatchesPointByPoint()
    {
        // 150 points cross two batch boundaries of the SIMD path; a zero-weight component must not count.
        var mixture = new GaussianMixture(
            [0.5, 0.0, 0.5],
            [NotesMixture().Components[0], Gaussian.Standard(2), NotesMixture().Components[1]]);
        var points = new double[2 * 150];
        Gaussian.Diagonal([0.5, 0.5], [25.0, 25.0]).Sample(new Random(2), points);
        var batched = new double[150];

        mixture.LogDensity(points, batched);

        for (int i = 0; i < 150; i++)
        {
            double single = mixture.LogDensity(points.AsSpan(2 * i, 2));
            batched[i].Should().BeApproximately(single, 1e-13 * Math.Max(1, Math.Abs(single)));
        }
    }

    [Fact]
    public void Sample_ManyPoints_MatchesMixtureMean()
    {
        var mixture = new GaussianMixture([0.3, 0.7], [Gaussian.Diagonal([0.0], [1.0]), Gaussian.Diagonal([10.0], [1.0])]);
        const int n = 20000;
        var points = new double[n];

        mixture.Sample(new Random(5), points);

        // Points above 5 come from the second component (misclassification odds ~3e-7).
        double share = points.Count(v => v > 5) / (double)n;
        share.Should().BeApproximately(0.7, 4 * Math.Sqrt(0.21 / n));
        points.Average().Should().BeApproximately(7.0, 0.15);
    }

    [Fact]
    public void Sample_ZeroWeightComponent_IsNeverDrawn()
    {
        var mixture = new GaussianMixture([1.0, 0.0], [Gaussian.Diagonal([0.0], [1.0]), Gaussian.Diagonal([1000.0], [1.0])]);
        var points = new double[5000];

        mixture.Sample(new Random(9), points);

        points.Should().OnlyContain(v => v < 100);
    }

    [Fact]
    public void Constructor_NegativeWeight_Throws()
    {
        var act = () => new GaussianMixture([1.5, -0.5], [Gaussian.Standard(1), Gaussian.Standard(1)]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights[1] is -0.5*");
    }

    [Fact]
    public void Constructor_WeightsNotSummingToOne_Throws()
    {
        var act = () => new GaussianMixture([0.5, 0.6], [Gaussian.Standard(1), Gaussian.Standard(1)]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights sums to 1.1*");
    }

    [Fact]
    public void Constructor_WeightCountMismatch_Throws()
    {
        var act = () => new GaussianMixture([1.0], [Gaussian.Standard(1), Gaussian.Standard(1)]);

        act.Should().Throw<ArgumentException>().WithParameterName("components");
    }

    [Fact]
    public void Constructor_ComponentDimensionsDiffer_Throws()
    {
        var act = () => new GaussianMixture([0.5, 0.5], [Gaussian.Standard(1), Gaussian.Standard(2)]);

        act.Should().Throw<ArgumentException>().WithParameterName("components").WithMessage("components[1] has dimension 2*");
    }

    [Fact]
    public void LogDensity_WrongPointLength_Throws()
    {
        var act = () => NotesMixture().LogDensity([1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LogDensity_NonFiniteCoordinate_ThrowsNamingIt(double bad)
    {
        // Two components take the SIMD batch path, seventeen the point-by-point one; both must refuse the point.
        var wide = new GaussianMixture(Enumerable.Repeat(1.0 / 17, 17).ToArray(), Enumerable.Repeat(Gaussian.Standard(2), 17).ToArray());
        foreach (var mixture in new[] { NotesMixture(), wide })
        {
            var one = () => mixture.LogDensity([bad, 0.5]);
            var batch = () => mixture.LogDensity([0.0, 0.0, 1.0, 1.0, bad, 0.5], new double[3]);

            one.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[0] is *; values must be finite.*");
            batch.Should().Throw<ArgumentException>().WithParameterName("points").WithMessage("points[2,0] (flat index 4) is *; coordinates must be finite.*");
        }
    }

    [Fact]
    public void LogDensity_FinitePointBeyondUnderflow_IsNegativeInfinity()
    {
        var destination = new double[2];

        NotesMixture().LogDensity([1e200, 0.0, 0.0, 0.0], destination);

        NotesMixture().LogDensity([1e200, 0.0]).Should().Be(double.NegativeInfinity);
        destination[0].Should().Be(double.NegativeInfinity);
        double.IsFinite(destination[1]).Should().BeTrue();
    }
}
