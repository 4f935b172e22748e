using InfoTheory.Channels;

namespace InfoTheory.Tests.Channels;

/// <summary>
/// <c>RateDistortion</c> (src/InfoTheory/Channels/RateDistortion.cs): Hamming distortion on a Bernoulli source and on a uniform
/// source, whose curves have closed forms (Cover and Thomas, "Elements of Information Theory", 2nd ed., Theorem 10.3.1 and
/// Problem 10.5), the flat part of the curve, the test channel, curves, and the input rules.
/// </summary>
public class RateDistortionTests
{
    private static readonly double[,] Hamming = { { 0, 1 }, { 1, 0 } };

    /// <summary>h(p) in nats.</summary>
    private static double H(double p) => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));

    [Theory]
    [InlineData(0.3, -1.0)]
    [InlineData(0.3, -2.0)]
    [InlineData(0.3, -4.0)]
    [InlineData(0.8, -3.0)]
    public void AtSlope_HammingOnBernoulli_IsBinaryEntropyOfSourceLessBinaryEntropyOfDistortion(double p, double slope)
    {
        // Cover and Thomas Theorem 10.3.1: R(D) = h(p) − h(D) for 0 ≤ D ≤ min(p, 1 − p). Its slope is R′(D) = ln(D/(1 − D)),
        // so slope s is reached at D = 1/(1 + e^{−s}).
        RateDistortionPoint point = RateDistortion.AtSlope([1 - p, p], Hamming, slope);

        point.Converged.Should().BeTrue();
        point.Distortion.Should().BeApproximately(1 / (1 + Math.Exp(-slope)), 1e-7);
        point.Rate.Should().BeApproximately(H(p) - H(point.Distortion), 1e-9);
        point.RateLowerBound.Should().BeInRange(point.Rate - 1e-9, point.Rate);
    }

    [Fact]
    public void AtSlope_HammingOnUniformQuaternary_IsTheClosedForm()
    {
        // Cover and Thomas Problem 10.5: a uniform source on m symbols, Hamming distortion: R(D) = ln m − h(D) − D ln(m − 1), whose
        // slope ln(D/((1 − D)(m − 1))) is s at D = (m − 1)e^s / (1 + (m − 1)e^s).
        const int m = 4;
        var distortion = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                distortion[i, j] = i == j ? 0 : 1;
            }
        }

        RateDistortionPoint point = RateDistortion.AtSlope([0.25, 0.25, 0.25, 0.25], distortion, -3, LogBase.Bits);

        double d = 3 * Math.Exp(-3) / (1 + (3 * Math.Exp(-3)));
        point.Distortion.Should().BeApproximately(d, 1e-12);
        point.Rate.Should().BeApproximately((Math.Log(m) - H(d) - (d * Math.Log(m - 1))) / Math.Log(2), 1e-12);
    }

    [Fact]
    public void AtSlope_FlatterThanTheCurveAtItsEnd_GivesZeroRateAtTheLargestDistortion()
    {
        // R(D) = 0 from D_max = min(p, 1 − p) = 0.3 on; its slope at D_max is ln(0.3/0.7) ≈ −0.85, so s = −0.5 lands there.
        RateDistortionPoint point = RateDistortion.AtSlope([0.7, 0.3], Hamming, -0.5);

        point.Rate.Should().BeLessThan(1e-8);
        point.Distortion.Should().BeApproximately(0.3, 1e-6);
    }

    [Fact]
    public void AtSlope_TestChannel_HasTheRateAsItsInformationAndTheDistortionAsItsExpectation()
    {
        var rng = new Random(3);
        double[] source = DiscreteSamples.Positive(rng, 5);
        var distortion = new double[5, 3];
        for (int x = 0; x < 5; x++)
        {
            for (int j = 0; j < 3; j++)
            {
                distortion[x, j] = rng.NextDouble() * 2;
            }
        }

        RateDistortionPoint point = RateDistortion.AtSlope(source, distortion, -1.5);

        double expected = 0;
        for (int x = 0; x < 5; x++)
        {
            for (int j = 0; j < 3; j++)
            {
                expected += source[x] * point.TestChannel[x, j] * distortion[x, j];
            }
        }

        point.Distortion.Should().BeApproximately(expected, 1e-14);
        point.Rate.Should().BeApproximately(point.TestChannel.MutualInformation(source), 1e-12);
    }

    [Fact]
    public void Curve_Slopes_AreEachPointAndTraceADecreasingConvexCurve()
    {
        double[] slopes = [-0.9, -1.5, -2.5, -4, -6];

        IReadOnlyList<RateDistortionPoint> curve = RateDistortion.Curve([0.6, 0.4], Hamming, slopes);

        curve.Select(c => c.Slope).Should().Equal(slopes);
        curve[2].Rate.Should().Be(RateDistortion.AtSlope([0.6, 0.4], Hamming, -2.5).Rate);
        for (int i = 1; i < curve.Count; i++)
        {
            curve[i].Distortion.Should().BeLessThan(curve[i - 1].Distortion);
            curve[i].Rate.Should().BeGreaterThan(curve[i - 1].Rate);
            // Convexity: the chord's slope lies between the slopes at its ends.
            double chord = (curve[i].Rate - curve[i - 1].Rate) / (curve[i].Distortion - curve[i - 1].Distortion);
            chord.Should().BeInRange(slopes[i] - 1e-6, slopes[i - 1] + 1e-6);
        }
    }

    [Fact]
    public void AtSlope_IterationCapReached_IsFlagged()
    {
        RateDistortionPoint point = RateDistortion.AtSlope([0.7, 0.3], Hamming, -2, options: new ConvergenceOptions { MaxIterations = 2 });

        point.Converged.Should().BeFalse();
        point.Iterations.Should().Be(2);
        point.RateLowerBound.Should().BeLessThan(point.Rate);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void AtSlope_SlopeNotFiniteNegative_ThrowsNamingSlope(double slope)
    {
        Action act = () => RateDistortion.AtSlope([0.5, 0.5], Hamming, slope);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(slope));
    }

    [Fact]
    public void AtSlope_BadDistortion_ThrowsNamingDistortion()
    {
        ((Action)(() => RateDistortion.AtSlope([0.5, 0.5], new[,] { { 0, -1.0 }, { 1, 0 } }, -1)))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "distortion" && e.Message.Contains("distortion[0,1] is -1"));
        ((Action)(() => RateDistortion.AtSlope([0.2, 0.3, 0.5], Hamming, -1)))
            .Should().Throw<ArgumentException>().WithParameterName("distortion");
        ((Action)(() => RateDistortion.AtSlope([0.5, 0.6], Hamming, -1)))
            .Should().Throw<ArgumentException>().WithParameterName("source");
    }

    [Fact]
    public void Curve_BadSlope_ThrowsNamingSlopesAndTheIndex()
    {
        Action act = () => RateDistortion.Curve([0.5, 0.5], Hamming, [-1, 0.5]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "slopes" && e.Message.Contains("slopes[1] is 0.5"));
    }
}
