using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Distributions;

/// <summary>The full-covariance differentiable Gaussian against the core library's <see cref="Gaussian"/> and finite differences.</summary>
public class CholeskyGaussianTests
{
    // Unconstrained parameters: any real matrix gives a valid factor.
    private static CholeskyGaussian<double> Random3(int seed, params int[] batch)
        => CholeskyGaussian.FromUnconstrained(Uniform(seed, [.. batch, 3]), Uniform(seed + 50, [.. batch, 3, 3]) * 0.5);

    [Fact]
    public void LogProbAndEntropy_EqualCoreGaussian()
    {
        var p = Random3(1);
        var z = Uniform(2, 5, 3);
        var logProb = p.LogProb(z);
        var core = p.ToGaussian(0);
        for (int s = 0; s < 5; s++)
        {
            logProb[s].Should().BeApproximately(core.LogDensity(z.Values.Slice(s * 3, 3)), 1e-10);
        }

        p.Entropy().Item.Should().BeApproximately(core.Entropy(), 1e-10);
    }

    [Fact]
    public void KullbackLeibler_EqualsCoreGaussianKullbackLeibler_UnbatchedAndBatched()
    {
        Random3(3).KullbackLeibler(Random3(4)).Item
            .Should().BeApproximately(Gaussian.KullbackLeibler(Random3(3).ToGaussian(0), Random3(4).ToGaussian(0)), 1e-9);
        var p = Random3(5, 2);
        var q = Random3(6, 2);
        var kl = p.KullbackLeibler(q);
        var toStandard = p.KullbackLeiblerToStandardNormal();
        for (int i = 0; i < 2; i++)
        {
            kl[i].Should().BeApproximately(Gaussian.KullbackLeibler(p.ToGaussian(i), q.ToGaussian(i)), 1e-9);
            toStandard[i].Should().BeApproximately(Gaussian.KullbackLeibler(p.ToGaussian(i), Gaussian.Standard(3)), 1e-9);
        }
    }

    [Fact]
    public void LogProb_Batched_ScoresEachRowAgainstItsGaussian()
    {
        var p = Random3(7, 2);
        var z = Uniform(8, 4, 2, 3);
        var logProb = p.LogProb(z);
        logProb.Shape.ToArray().Should().Equal(4, 2);
        for (int s = 0; s < 4; s++)
        {
            for (int i = 0; i < 2; i++)
            {
                logProb[s, i].Should().BeApproximately(p.ToGaussian(i).LogDensity(z.Values.Slice((s * 6) + (i * 3), 3)), 1e-10);
            }
        }
    }

    [Fact]
    public void FromGaussian_RoundTripsMeanAndCovariance()
    {
        var core = new Gaussian([0.5, -1.0], new[,] { { 2.0, 0.6 }, { 0.6, 0.5 } });
        var p = CholeskyGaussian.FromGaussian<double>(core);
        var back = p.ToGaussian(0);
        back.Mean.ToArray().Should().Equal(0.5, -1.0);
        var covariance = p.Covariance();
        covariance[0, 1].Should().BeApproximately(0.6, 1e-14);
        back.Covariance(1, 1).Should().BeApproximately(0.5, 1e-14);
        p.ScaleTril[0, 1].Should().Be(0.0);
    }

    [Fact]
    public void FromGaussian_ScaleTril_IsTheCoreFactorAsMathNetComputesIt()
    {
        // The factor is read from the core Gaussian, not recomputed: the bits equal MathNet's Cholesky of Σ, as before.
        var covariance = new[,] { { 2.0, 0.6, 0.1 }, { 0.6, 0.5, -0.2 }, { 0.1, -0.2, 1.5 } };
        var core = new Gaussian([0.5, -1.0, 2.0], covariance);
        var mathNet = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;

        var scale = CholeskyGaussian.FromGaussian<double>(core).ScaleTril.ToArray();

        scale.Should().Equal(core.CholeskyFactor.ToArray());
        scale.Should().Equal(mathNet.ToRowMajorArray());
    }

    [Fact]
    public void RSample_ManyDraws_MatchCovarianceWithinStandardErrors()
    {
        var p = CholeskyGaussian.FromGaussian<double>(new Gaussian([1.0, -2.0], new[,] { { 1.0, 0.8 }, { 0.8, 2.0 } }));
        const int n = 20000;
        var z = p.RSample(new Random(9), n);
        double m0 = 0, m1 = 0, c01 = 0;
        for (int s = 0; s < n; s++)
        {
            m0 += z[s, 0] / n;
            m1 += z[s, 1] / n;
        }

        for (int s = 0; s < n; s++)
        {
            c01 += (z[s, 0] - m0) * (z[s, 1] - m1) / n;
        }

        // Standard errors: √(σ²/n) for a mean; √((σ₀²σ₁² + σ₀₁²)/n) for a sample covariance of a normal pair.
        m0.Should().BeApproximately(1.0, 4 * Math.Sqrt(1.0 / n));
        m1.Should().BeApproximately(-2.0, 4 * Math.Sqrt(2.0 / n));
        c01.Should().BeApproximately(0.8, 4 * Math.Sqrt(((1.0 * 2.0) + (0.8 * 0.8)) / n));
    }

    [Theory]
    [InlineData("log prob")]
    [InlineData("rsample")]
    [InlineData("kl")]
    [InlineData("kl to standard normal")]
    [InlineData("entropy")]
    public void Members_GradientsThroughUnconstrainedParameters_MatchFiniteDifferences(string member)
    {
        Func<IReadOnlyList<AutodiffTensor<double>>, AutodiffTensor<double>> f = member switch
        {
            "log prob" => x => CholeskyGaussian.FromUnconstrained(x[0], x[1]).LogProb(x[2]),
            "rsample" => x => CholeskyGaussian.FromUnconstrained(x[0], x[1]).RSample(new Random(3), 4).Square(),
            "kl" => x => CholeskyGaussian.FromUnconstrained(x[0], x[1]).KullbackLeibler(CholeskyGaussian.FromUnconstrained(x[2].Slice(0, 0, 1).Reshape(2, 3), x[3])),
            "kl to standard normal" => x => CholeskyGaussian.FromUnconstrained(x[0], x[1]).KullbackLeiblerToStandardNormal(),
            _ => x => CholeskyGaussian.FromUnconstrained(x[0], x[1]).Entropy(),
        };
        var result = GradCheck.Run(f, Uniform(10, 2, 3), Uniform(11, 2, 3, 3) * 0.5, Uniform(12, 4, 2, 3), Uniform(13, 2, 3, 3) * 0.5);
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Constructor_EntryAboveDiagonal_ThrowsNamingScaleTril()
    {
        var act = () => new CholeskyGaussian<double>(AutodiffTensor.Zeros<double>(2), AutodiffTensor.FromValues<double>([1, 0.5, 0, 1], 2, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("scaleTril").WithMessage("*row 0, column 1*");
    }

    [Fact]
    public void Constructor_NonPositiveDiagonal_ThrowsNamingScaleTril()
    {
        var act = () => new CholeskyGaussian<double>(AutodiffTensor.Zeros<double>(2), AutodiffTensor.FromValues<double>([1, 0, 0.3, -1], 2, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("scaleTril").WithMessage("*diagonal*");
    }

    [Fact]
    public void Constructor_FactorShapeDiffers_ThrowsNamingScaleTril()
    {
        var act = () => new CholeskyGaussian<double>(AutodiffTensor.Zeros<double>(3), AutodiffTensor.Ones<double>(2, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("scaleTril");
    }

    [Fact]
    public void FromUnconstrained_NaN_ThrowsNamingRaw()
    {
        var raw = AutodiffTensor.Zeros<double>(2, 2);
        raw.Values[2] = double.NaN;
        var act = () => CholeskyGaussian.FromUnconstrained(AutodiffTensor.Zeros<double>(2), raw);
        act.Should().Throw<ArgumentException>().WithParameterName("raw");
    }

    [Fact]
    public void LogProb_WrongDimension_ThrowsNamingZ()
    {
        var act = () => Random3(1).LogProb(AutodiffTensor.Zeros<double>(4, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("z");
    }

    [Fact]
    public void FromUnconstrained_DiagonalWhoseExpOverflows_ThrowsNamingRawOnce()
    {
        var raw = AutodiffTensor.Zeros<double>(2, 2);
        raw.Values[3] = 1000;
        var act = () => CholeskyGaussian.FromUnconstrained(AutodiffTensor.Zeros<double>(2), raw);

        // Before: "... (Parameter 'the factor built from raw') (Parameter 'raw')".
        var thrown = act.Should().Throw<ArgumentException>().WithParameterName("raw").WithMessage("the factor built from raw[3] (flat index in shape [2, 2]) is Infinity*").Which;
        thrown.Message.Should().EndWith("(Parameter 'raw')").And.NotContain("(Parameter 'the factor");
    }

    [Fact]
    public void RSample_SampleBlockBeyondATensor_ThrowsNamingSamples()
    {
        var small = CholeskyGaussian.FromUnconstrained(AutodiffTensor.Zeros<double>(2), AutodiffTensor.Zeros<double>(2, 2));
        var wide = CholeskyGaussian.FromUnconstrained(AutodiffTensor.Zeros<double>(1000), AutodiffTensor.Zeros<double>(1000, 1000));

        small.Invoking(p => p.RSample(new Random(1), 1 << 30)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
        wide.Invoking(p => p.RSample(new Random(1), 2200)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples")
            .WithMessage("*2200 × 1000 × 1000*");
    }
}
