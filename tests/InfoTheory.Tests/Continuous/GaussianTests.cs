using InfoTheory.Continuous;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Tests.Continuous;

public class GaussianTests
{
    private static readonly double[,] Correlated = { { 2.0, 0.6 }, { 0.6, 1.0 } };

    [Fact]
    public void CholeskyFactor_FullCovariance_IsTheLowerFactorRowMajor()
    {
        // Σ = L Lᵀ with L = [[2, 0, 0], [1, 3, 0], [−1, 1, 2]], worked by hand: 4 = 2², 10 = 1² + 3², 6 = 1 + 1 + 2², …
        var sigma = new double[,] { { 4, 2, -2 }, { 2, 10, 2 }, { -2, 2, 6 } };
        var factor = new Gaussian(new double[3], sigma).CholeskyFactor.ToArray();

        factor.Should().Equal([2, 0, 0, 1, 3, 0, -1, 1, 2], (a, b) => Math.Abs(a - b) <= 1e-15 * 4);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                double product = 0;
                for (int k = 0; k < 3; k++)
                {
                    product += factor[(i * 3) + k] * factor[(j * 3) + k];
                }

                product.Should().BeApproximately(sigma[i, j], 1e-14);
            }
        }
    }

    [Fact]
    public void LogDensity_OneDimension_MatchesMathNetNormal()
    {
        var g = Gaussian.Diagonal([1.0], [0.25]);

        foreach (double x in new[] { -3.0, 0.0, 1.3, 7.5 })
        {
            g.LogDensity([x]).Should().BeApproximately(Normal.PDFLn(1.0, 0.5, x), 1e-12);
        }
    }

    [Fact]
    public void LogDensity_FullCovariance_MatchesClosedForm()
    {
        var g = new Gaussian([1.0, 2.0], Correlated);

        // Hand computation: det Σ = 2·1 − 0.6² = 1.64, Σ⁻¹ = [[1, −0.6], [−0.6, 2]] / 1.64,
        // v = x − μ = (1, −1): vᵀΣ⁻¹v = (1 + 1.2 + 2) / 1.64.
        double expected = -Math.Log(2 * Math.PI) - (0.5 * Math.Log(1.64)) - (0.5 * 4.2 / 1.64);
        g.LogDensity([2.0, 1.0]).Should().BeApproximately(expected, 1e-13);
        g.LogDeterminant.Should().BeApproximately(Math.Log(1.64), 1e-14);
    }

    [Fact]
    public void LogDensity_Batched_EqualsPointByPoint()
    {
        var g = new Gaussian([1.0, 2.0], Correlated);
        double[] points = [0.0, 0.0, 1.0, 2.0, -3.0, 5.5];
        var batched = new double[3];

        g.LogDensity(points, batched);

        for (int i = 0; i < 3; i++)
        {
            batched[i].Should().Be(g.LogDensity(points.AsSpan(2 * i, 2)));
        }
    }

    [Fact]
    public void Entropy_Diagonal_IsSumOfUnivariateEntropies()
    {
        var g = Gaussian.Diagonal([0.0, 5.0, -1.0], [0.5, 2.0, 9.0]);

        // h(N(μ, σ²)) = ½ ln(2πe σ²) per independent coordinate.
        double expected = new[] { 0.5, 2.0, 9.0 }.Sum(v => 0.5 * Math.Log(2 * Math.PI * Math.E * v));
        g.Entropy().Should().BeApproximately(expected, 1e-13);
        g.Entropy(LogBase.Bits).Should().BeApproximately(expected / Math.Log(2), 1e-13);
    }

    [Fact]
    public void KullbackLeibler_ReferenceRow21_MatchesTensorFlowProbability()
    {
        // TF Probability's Gaussian KL test: KL(N(1, 0.5²) ‖ N(1.1, 0.3²)).
        var p = Gaussian.Diagonal([1.0], [0.25]);
        var q = Gaussian.Diagonal([1.1], [0.09]);

        Gaussian.KullbackLeibler(p, q).Should().BeApproximately(0.4336188206784539, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_FullCovariances_MatchesMatrixFormula()
    {
        var p = new Gaussian([1.0, 2.0, 0.0], new double[,] { { 2.0, 0.6, 0.1 }, { 0.6, 1.0, -0.3 }, { 0.1, -0.3, 1.5 } });
        var q = new Gaussian([0.0, 1.5, 1.0], new double[,] { { 1.0, 0.2, 0.0 }, { 0.2, 3.0, 0.5 }, { 0.0, 0.5, 0.7 } });

        // Independent evaluation with MathNet's dense inverse and determinant.
        var sp = Matrix<double>.Build.DenseOfArray(p.GetCovariance());
        var sq = Matrix<double>.Build.DenseOfArray(q.GetCovariance());
        var dm = Vector<double>.Build.DenseOfArray([-1.0, -0.5, 1.0]);
        var sqInv = sq.Inverse();
        double expected = 0.5 * ((sqInv * sp).Trace() + (dm * sqInv * dm) - 3 + Math.Log(sq.Determinant() / sp.Determinant()));

        Gaussian.KullbackLeibler(p, q).Should().BeApproximately(expected, 1e-12);
        Gaussian.KullbackLeibler(p, p).Should().BeApproximately(0.0, 1e-14);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(-0.9)]
    public void MutualInformation_BivariateNormal_IsMinusHalfLogOneMinusRhoSquared(double rho)
    {
        var g = new Gaussian([0.0, 0.0], new double[,] { { 4.0, 2.0 * 3.0 * rho }, { 2.0 * 3.0 * rho, 9.0 } });

        double expected = -0.5 * Math.Log(1 - (rho * rho));
        g.MutualInformation(1).Should().BeApproximately(expected, 1e-14);
        g.MutualInformation([1], [0]).Should().BeApproximately(expected, 1e-14);
    }

    [Fact]
    public void MutualInformation_Blocks_IsSumOfEntropiesMinusJoint()
    {
        var g = new Gaussian([0.0, 1.0, 2.0], new double[,] { { 2.0, 0.6, 0.1 }, { 0.6, 1.0, -0.3 }, { 0.1, -0.3, 1.5 } });

        double expected = g.Marginal([0]).Entropy() + g.Marginal([1, 2]).Entropy() - g.Entropy();
        g.MutualInformation([0], [1, 2]).Should().BeApproximately(expected, 1e-13);
    }

    [Fact]
    public void Sample_ManyPoints_MatchesMeanAndCovariance()
    {
        var g = new Gaussian([1.0, -2.0], Correlated);
        const int n = 40000;
        var points = new double[2 * n];

        g.Sample(new Random(11), points);

        double m0 = 0, m1 = 0, c00 = 0, c01 = 0, c11 = 0;
        for (int i = 0; i < n; i++)
        {
            m0 += points[2 * i];
            m1 += points[(2 * i) + 1];
        }

        m0 /= n;
        m1 /= n;
        for (int i = 0; i < n; i++)
        {
            double a = points[2 * i] - m0, b = points[(2 * i) + 1] - m1;
            c00 += a * a;
            c01 += a * b;
            c11 += b * b;
        }

        // Standard errors at n = 40000 are about 0.007 for the means and 0.015 for the covariances.
        m0.Should().BeApproximately(1.0, 0.03);
        m1.Should().BeApproximately(-2.0, 0.03);
        (c00 / n).Should().BeApproximately(2.0, 0.06);
        (c01 / n).Should().BeApproximately(0.6, 0.04);
        (c11 / n).Should().BeApproximately(1.0, 0.04);
    }

    [Fact]
    public void Sample_SameSeed_SameBits()
    {
        var g = new Gaussian([1.0, -2.0], Correlated);
        var a = new double[14];
        var b = new double[14];

        g.Sample(new Random(3), a);
        g.Sample(new Random(3), b);

        a.Should().Equal(b);
    }

    [Fact]
    public void Accessors_ReturnWhatWasGiven()
    {
        var g = new Gaussian([1.0, 2.0], Correlated);

        g.Dimension.Should().Be(2);
        g.Mean.ToArray().Should().Equal(1.0, 2.0);
        g.GetCovariance().Should().BeEquivalentTo(Correlated);
        g.Covariance(0, 1).Should().Be(0.6);
        Gaussian.Standard(3).GetCovariance().Should().BeEquivalentTo(new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } });
    }

    [Fact]
    public void Constructor_SingularCovariance_Throws()
    {
        var act = () => new Gaussian([0.0, 0.0], new double[,] { { 1.0, 1.0 }, { 1.0, 1.0 } });

        act.Should().Throw<ArgumentException>().WithParameterName("covariance").WithMessage("*positive definite*");
    }

    [Fact]
    public void Constructor_NumericallySingularCovariance_Throws()
    {
        var act = () => new Gaussian([0.0, 0.0], new double[,] { { 1.0, 1.0 }, { 1.0, 1.0 + 1e-15 } });

        act.Should().Throw<ArgumentException>().WithParameterName("covariance").WithMessage("*singular*");
    }

    [Fact]
    public void Constructor_IndefiniteCovariance_Throws()
    {
        var act = () => new Gaussian([0.0, 0.0], new double[,] { { 1.0, 2.0 }, { 2.0, 1.0 } });

        act.Should().Throw<ArgumentException>().WithParameterName("covariance");
    }

    [Fact]
    public void Constructor_NonSymmetricCovariance_Throws()
    {
        var act = () => new Gaussian([0.0, 0.0], new double[,] { { 2.0, 0.5 }, { 0.4, 1.0 } });

        act.Should().Throw<ArgumentException>().WithParameterName("covariance").WithMessage("covariance[0,1] is 0.5 but covariance[1,0] is 0.4*");
    }

    [Fact]
    public void Constructor_CovarianceShapeMismatch_Throws()
    {
        var act = () => new Gaussian([0.0, 0.0, 0.0], Correlated);

        act.Should().Throw<ArgumentException>().WithParameterName("covariance").WithMessage("covariance is 2 × 2; expected 3 × 3.*");
    }

    [Fact]
    public void Constructor_NonFiniteMean_Throws()
    {
        var act = () => new Gaussian([0.0, double.NaN], Correlated);

        act.Should().Throw<ArgumentException>().WithParameterName("mean");
    }

    [Fact]
    public void Constructor_EmptyMean_Throws()
    {
        var act = () => new Gaussian([], new double[0, 0]);

        act.Should().Throw<ArgumentException>().WithParameterName("mean");
    }

    [Fact]
    public void Diagonal_NonPositiveVariance_Throws()
    {
        var act = () => Gaussian.Diagonal([0.0, 0.0], [1.0, -2.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("variances").WithMessage("variances[1] is -2*");
    }

    [Fact]
    public void Diagonal_VarianceNearMaxValue_IsAcceptedWithFiniteMeasures()
    {
        // 0.5·(a + a) overflowed for a = 1e308 and the covariance was called singular. Closed forms at σ² = 1e308:
        // h = ½(1 + ln 2π + ln σ²), log p(μ) = −½(ln 2π + ln σ²), KL(N(0,1)‖N(0,σ²)) = ½(1/σ² − 1 + ln σ²).
        double logVariance = 308 * Math.Log(10);
        var wide = Gaussian.Diagonal([0.0], [1e308]);

        wide.LogDeterminant.Should().BeApproximately(logVariance, 1e-12);
        wide.Entropy().Should().BeApproximately(0.5 * (1 + Math.Log(2 * Math.PI) + logVariance), 1e-12);
        wide.LogDensity([0.0]).Should().BeApproximately(-0.5 * (Math.Log(2 * Math.PI) + logVariance), 1e-12);
        Gaussian.KullbackLeibler(Gaussian.Standard(1), wide).Should().BeApproximately(0.5 * (1e-308 - 1 + logVariance), 1e-12);
        Gaussian.KullbackLeibler(wide, wide).Should().Be(0);
    }

    [Fact]
    public void Constructor_FullCovarianceNearMaxValue_FactorsIt()
    {
        // det [[1, ½], [½, 1]]·10⁶¹⁶ = ¾·10⁶¹⁶, so ln det Σ = ln ¾ + 616 ln 10.
        var g = new Gaussian([0.0, 0.0], new[,] { { 1e308, 5e307 }, { 5e307, 1e308 } });

        g.LogDeterminant.Should().BeApproximately(Math.Log(0.75) + (616 * Math.Log(10)), 1e-10);
        g.Covariance(0, 0).Should().Be(1e308);
        g.Covariance(0, 1).Should().Be(5e307);
    }

    [Fact]
    public void Diagonal_SubnormalVariance_IsKeptExactly()
    {
        // Halving each triangle first must not round an odd subnormal diagonal entry away (½·ε rounds to 0).
        var g = Gaussian.Diagonal([0.0], [3 * double.Epsilon]);

        g.Covariance(0, 0).Should().Be(3 * double.Epsilon);
    }

    [Fact]
    public void Diagonal_LengthMismatch_Throws()
    {
        var act = () => Gaussian.Diagonal([0.0, 0.0], [1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("variances");
    }

    [Fact]
    public void Standard_ZeroDimension_Throws()
    {
        var act = () => Gaussian.Standard(0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimension");
    }

    [Fact]
    public void LogDensity_WrongPointLength_Throws()
    {
        var act = () => Gaussian.Standard(2).LogDensity([1.0, 2.0, 3.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void LogDensity_BatchLengthMismatch_Throws()
    {
        var act = () => Gaussian.Standard(2).LogDensity([1.0, 2.0, 3.0], new double[2]);

        act.Should().Throw<ArgumentException>().WithParameterName("points").WithMessage("points has length 3 but the destination holds 2 results*");
    }

    [Fact]
    public void Sample_DestinationNotWholePoints_Throws()
    {
        var act = () => Gaussian.Standard(2).Sample(new Random(1), new double[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void KullbackLeibler_DimensionMismatch_Throws()
    {
        var act = () => Gaussian.KullbackLeibler(Gaussian.Standard(2), Gaussian.Standard(3));

        act.Should().Throw<ArgumentException>().WithParameterName("q");
    }

    [Fact]
    public void MutualInformation_OverlappingBlocks_Throws()
    {
        var act = () => Gaussian.Standard(3).MutualInformation([0, 1], [1, 2]);

        act.Should().Throw<ArgumentException>().WithParameterName("second");
    }

    [Fact]
    public void MutualInformation_SplitOutOfRange_Throws()
    {
        var act = () => Gaussian.Standard(3).MutualInformation(3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("split");
    }

    [Fact]
    public void Marginal_RepeatedCoordinate_Throws()
    {
        var act = () => Gaussian.Standard(3).Marginal([0, 0]);

        act.Should().Throw<ArgumentException>().WithParameterName("coordinates");
    }

    [Theory]
    [InlineData(Gaussian.MaxDimension + 1)]
    [InlineData(1 << 30)]
    [InlineData(int.MaxValue)]
    public void Standard_DimensionWhoseCovarianceCannotFit_ThrowsNamingDimension(int size)
    {
        var act = () => Gaussian.Standard(size);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimension").WithMessage("*d × d covariance*");
    }

    [Fact]
    public void MaxDimension_IsTheLargestWhoseSquareIsAnArrayLength()
    {
        ((long)Gaussian.MaxDimension * Gaussian.MaxDimension).Should().BeLessThanOrEqualTo(Array.MaxLength);
        ((long)(Gaussian.MaxDimension + 1) * (Gaussian.MaxDimension + 1)).Should().BeGreaterThan(int.MaxValue);
    }

    [Fact]
    public void Diagonal_MeanLongerThanMaxDimension_ThrowsNamingMean()
    {
        double[] ones = Enumerable.Repeat(1.0, Gaussian.MaxDimension + 1).ToArray();

        var act = () => Gaussian.Diagonal(ones, ones);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("mean");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LogDensity_NonFiniteCoordinate_ThrowsNamingIt(double bad)
    {
        foreach (var g in new[] { Gaussian.Standard(2), new Gaussian([0.0, 0.0], Correlated) })
        {
            var one = () => g.LogDensity([0.5, bad]);
            var batch = () => g.LogDensity([0.0, 0.0, 0.5, bad], new double[2]);

            one.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage($"x[1] is {bad.ToString(System.Globalization.CultureInfo.InvariantCulture)}; values must be finite.*");
            batch.Should().Throw<ArgumentException>().WithParameterName("points").WithMessage("points[1,1] (flat index 3) is *; coordinates must be finite.*");
        }
    }

    [Fact]
    public void LogDensity_FinitePointBeyondUnderflow_IsNegativeInfinity()
    {
        // (x − μ)² overflows at x = 1e200, so the density underflows: −∞ is the right answer, not a rejected point.
        var destination = new double[2];
        var g = new Gaussian([0.0, 0.0], Correlated);

        g.LogDensity([0.0, 0.0, 1e200, 0.0], destination);

        g.LogDensity([1e200, 0.0]).Should().Be(double.NegativeInfinity);
        destination[1].Should().Be(double.NegativeInfinity);
        destination[0].Should().Be(g.LogDensity([0.0, 0.0]));
    }
}
