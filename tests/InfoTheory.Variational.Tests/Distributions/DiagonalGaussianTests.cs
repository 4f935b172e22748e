using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Distributions;

/// <summary>
/// The differentiable diagonal Gaussian against the core library's <see cref="Gaussian"/> (one
/// definition, two uses), against sampling, and against finite differences.
/// </summary>
public class DiagonalGaussianTests
{
    private static DiagonalGaussian<double> Batch(int seed, int rows = 4, int d = 3)
        => new(Uniform(seed, rows, d), Uniform(seed + 100, rows, d) * 0.5);

    [Fact]
    public void KullbackLeibler_EqualsCoreGaussianKullbackLeibler()
    {
        var p = Batch(1);
        var q = Batch(2);
        var kl = p.KullbackLeibler(q).ToArray();
        for (int i = 0; i < kl.Length; i++)
        {
            kl[i].Should().BeApproximately(Gaussian.KullbackLeibler(p.ToGaussian(i), q.ToGaussian(i)), 1e-6);
        }
    }

    [Fact]
    public void KullbackLeiblerToStandardNormal_EqualsCoreGaussianKullbackLeibler()
    {
        var p = Batch(3);
        var kl = p.KullbackLeiblerToStandardNormal().ToArray();
        for (int i = 0; i < kl.Length; i++)
        {
            kl[i].Should().BeApproximately(Gaussian.KullbackLeibler(p.ToGaussian(i), Gaussian.Standard(3)), 1e-6);
        }
    }

    [Fact]
    public void KullbackLeibler_ToItself_IsZero()
    {
        var p = Batch(4);
        p.KullbackLeibler(p).ToArray().Should().AllSatisfy(v => v.Should().BeApproximately(0.0, 1e-12));
    }

    [Fact]
    public void LogProbAndEntropy_EqualCoreGaussian()
    {
        var p = Batch(5);
        var z = Uniform(6, 4, 3);
        var logProb = p.LogProb(z).ToArray();
        var entropy = p.Entropy().ToArray();
        for (int i = 0; i < 4; i++)
        {
            logProb[i].Should().BeApproximately(p.ToGaussian(i).LogDensity(z.Values.Slice(i * 3, 3)), 1e-10);
            entropy[i].Should().BeApproximately(p.ToGaussian(i).Entropy(), 1e-10);
        }
    }

    [Fact]
    public void LogProb_WithLeadingSampleAxis_ScoresEachSampleAgainstItsRow()
    {
        var p = Batch(7, rows: 2, d: 2);
        var z = Uniform(8, 5, 2, 2);
        var logProb = p.LogProb(z);
        logProb.Shape.ToArray().Should().Equal(5, 2);
        for (int s = 0; s < 5; s++)
        {
            for (int i = 0; i < 2; i++)
            {
                logProb[s, i].Should().BeApproximately(p.ToGaussian(i).LogDensity(z.Values.Slice((s * 4) + (i * 2), 2)), 1e-10);
            }
        }
    }

    [Fact]
    public void RSample_SameSeed_SameBits()
    {
        var p = Batch(9);
        p.RSample(new Random(42)).ToArray().Should().Equal(p.RSample(new Random(42)).ToArray());
        p.RSample(new Random(42), 1).ToArray().Should().Equal(p.RSample(new Random(42)).ToArray());
    }

    [Fact]
    public void RSample_ManyDraws_MatchMeanAndVarianceWithinStandardErrors()
    {
        var mean = AutodiffTensor.FromValues<double>([0.5, -1.0], 2);
        var logVariance = AutodiffTensor.FromValues<double>([Math.Log(0.25), Math.Log(4.0)], 2);
        var p = new DiagonalGaussian<double>(mean, logVariance);
        const int n = 20000;
        var z = p.RSample(new Random(11), n);
        double[] variance = [0.25, 4.0];
        for (int j = 0; j < 2; j++)
        {
            double sum = 0, sumSquares = 0;
            for (int s = 0; s < n; s++)
            {
                double v = z[s, j] - mean[j];
                sum += v;
                sumSquares += v * v;
            }

            // Standard errors of a sample mean (σ/√n) and of a sample variance (σ²√(2/n)) of a normal.
            (sum / n).Should().BeApproximately(0.0, 4 * Math.Sqrt(variance[j] / n));
            (sumSquares / n).Should().BeApproximately(variance[j], 4 * variance[j] * Math.Sqrt(2.0 / n));
        }
    }

    [Fact]
    public void MonteCarloKullbackLeibler_AgreesWithAnalyticWithinStandardErrors()
    {
        var p = Batch(12, rows: 1, d: 3);
        var q = Batch(13, rows: 1, d: 3);
        const int n = 20000;
        var z = p.RSample(new Random(14), n);
        var terms = (p.LogProb(z) - q.LogProb(z)).ToArray();
        double mean = terms.Average();
        double sd = Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / (n - 1));
        mean.Should().BeApproximately(p.KullbackLeibler(q).Item, 4 * sd / Math.Sqrt(n));
    }

    [Fact]
    public void RSample_ReparameterisedGradients_MatchFiniteDifferences()
    {
        var result = GradCheck.Run(
            x => new DiagonalGaussian<double>(x[0], x[1]).RSample(new Random(5), 3).Square(),
            Uniform(20, 2, 3),
            Uniform(21, 2, 3));
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Theory]
    [InlineData("log prob")]
    [InlineData("entropy")]
    [InlineData("kl")]
    [InlineData("kl to standard normal")]
    public void Members_Gradients_MatchFiniteDifferences(string member)
    {
        Func<IReadOnlyList<AutodiffTensor<double>>, AutodiffTensor<double>> f = member switch
        {
            "log prob" => x => new DiagonalGaussian<double>(x[0], x[1]).LogProb(x[2]),
            "entropy" => x => new DiagonalGaussian<double>(x[0], x[1]).Entropy(),
            "kl" => x => new DiagonalGaussian<double>(x[0], x[1]).KullbackLeibler(new DiagonalGaussian<double>(x[2], x[3])),
            _ => x => new DiagonalGaussian<double>(x[0], x[1]).KullbackLeiblerToStandardNormal(),
        };
        var result = GradCheck.Run(f, Uniform(30, 2, 3), Uniform(31, 2, 3), Uniform(32, 2, 3), Uniform(33, 2, 3));
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Constructor_ShapesDiffer_ThrowsNamingLogVariance()
    {
        var act = () => new DiagonalGaussian<double>(Uniform(1, 2, 3), Uniform(2, 2, 4));
        act.Should().Throw<ArgumentException>().WithParameterName("logVariance");
    }

    [Fact]
    public void Constructor_ScalarMean_ThrowsNamingMean()
    {
        var act = () => new DiagonalGaussian<double>(AutodiffTensor.Scalar(1.0), AutodiffTensor.Scalar(0.0));
        act.Should().Throw<ArgumentException>().WithParameterName("mean");
    }

    [Fact]
    public void Constructor_NaNMean_ThrowsNamingMean()
    {
        var act = () => new DiagonalGaussian<float>(AutodiffTensor.FromValues<float>([0f, float.NaN], 2), AutodiffTensor.Zeros<float>(2));
        act.Should().Throw<ArgumentException>().WithParameterName("mean").WithMessage("*mean[1]*NaN*");
    }

    [Fact]
    public void Constructor_InfiniteLogVariance_ThrowsNamingLogVariance()
    {
        var act = () => new DiagonalGaussian<float>(AutodiffTensor.Zeros<float>(2), AutodiffTensor.FromValues<float>([float.PositiveInfinity, 0f], 2));
        act.Should().Throw<ArgumentException>().WithParameterName("logVariance");
    }

    [Fact]
    public void LogProb_WrongTrailingShape_ThrowsNamingZ()
    {
        var act = () => Batch(1).LogProb(Uniform(2, 4, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("z");
    }

    [Fact]
    public void RSample_ZeroSamples_ThrowsNamingSamples()
    {
        var act = () => Batch(1).RSample(new Random(1), 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
    }

    [Fact]
    public void KullbackLeibler_OtherShape_ThrowsNamingOther()
    {
        var act = () => Batch(1).KullbackLeibler(Batch(2, rows: 3));
        act.Should().Throw<ArgumentException>().WithParameterName("other");
    }

    [Fact]
    public void ToGaussian_RowOutOfRange_ThrowsNamingIndex()
    {
        var act = () => Batch(1).ToGaussian(4);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void RSample_SampleCountBeyondTheTensorSizeLimit_ThrowsNamingSamples()
    {
        var p = new DiagonalGaussian<float>(AutodiffTensor.Zeros<float>(2), AutodiffTensor.Zeros<float>(2));

        var act = () => p.RSample(new Random(1), int.MaxValue);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
    }

    [Fact]
    public void ToGaussian_VarianceBeyondDouble_ThrowsInvalidOperationNamingTheRow()
    {
        // exp(800) overflows double: the graph distribution exists, the core Gaussian cannot. Before, the error named
        // 'variances', a parameter of an internal call.
        var gaussian = new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, 2), AutodiffTensor.FromValues<double>([0.0, 0.0, 0.0, 800.0], 2, 2));
        gaussian.ToGaussian(0).Dimension.Should().Be(2);
        gaussian.Invoking(g => g.ToGaussian(1)).Should().Throw<InvalidOperationException>().WithMessage("*row 1, coordinate 1 is 800*");
    }
}
