using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Distributions;

/// <summary>The observation models against their textbook formulas and the core Gaussian density.</summary>
public class LikelihoodTests
{
    [Fact]
    public void Bernoulli_LogProb_EqualsDirectFormulaPerExample()
    {
        var logits = Uniform(1, 3, 4);
        var x = AutodiffTensor.RandomUniform(new Random(2), 0.0, 1.0, 3, 4);
        var logProb = new BernoulliLikelihood<double>().LogProb(logits, x);
        logProb.Shape.ToArray().Should().Equal(3);
        for (int i = 0; i < 3; i++)
        {
            double expected = 0;
            for (int j = 0; j < 4; j++)
            {
                double p = 1 / (1 + Math.Exp(-logits[i, j]));
                expected += (x[i, j] * Math.Log(p)) + ((1 - x[i, j]) * Math.Log(1 - p));
            }

            logProb[i].Should().BeApproximately(expected, 1e-12);
        }
    }

    [Fact]
    public void Bernoulli_LogProb_ExtremeLogits_StayFinite()
    {
        // log σ(−1000) = −1000 − ln(1 + e^−1000) = −1000 to double precision; the other terms vanish.
        var logits = AutodiffTensor.FromValues<float>([-1000f, 1000f, 1000f], 1, 3);
        var x = AutodiffTensor.FromValues<float>([1f, 1f, 0f], 1, 3);
        var logProb = new BernoulliLikelihood<float>().LogProb(logits, x);
        logProb[0].Should().BeApproximately(-2000f, 1e-2f);
    }

    [Fact]
    public void Bernoulli_Forward_IsSigmoid()
    {
        var y = new BernoulliLikelihood<double>().Forward(AutodiffTensor.FromValues<double>([0.0, Math.Log(3.0)], 2));
        y.ToArray().Should().Equal([0.5, 0.75], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Bernoulli_TargetOutsideUnitInterval_ThrowsNamingX()
    {
        var act = () => new BernoulliLikelihood<double>().LogProb(AutodiffTensor.Zeros<double>(1, 2), AutodiffTensor.FromValues<double>([0.5, 1.5], 1, 2));
        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("*x[1]*1.5*");
    }

    [Fact]
    public void GaussianFixedVariance_LogProb_EqualsCoreDiagonalGaussian()
    {
        var mean = Uniform(3, 2, 5);
        var x = Uniform(4, 2, 5);
        var logProb = new GaussianLikelihood<double>(0.3).LogProb(mean, x);
        for (int i = 0; i < 2; i++)
        {
            var core = Gaussian.Diagonal(mean.Values.Slice(i * 5, 5), [0.3, 0.3, 0.3, 0.3, 0.3]);
            logProb[i].Should().BeApproximately(core.LogDensity(x.Values.Slice(i * 5, 5)), 1e-10);
        }
    }

    [Fact]
    public void GaussianLearnedVariance_IsAParameterAndLogProbEqualsCoreDiagonalGaussian()
    {
        var likelihood = new GaussianLikelihood<double>(3, 2.0);
        likelihood.NamedParameters().Select(p => p.Key).Should().Equal("log_variance");
        likelihood.LogVariance!.Values[1] = Math.Log(0.5);
        var mean = Uniform(5, 2, 3);
        var x = Uniform(6, 2, 3);
        var logProb = likelihood.LogProb(mean, x);
        for (int i = 0; i < 2; i++)
        {
            var core = Gaussian.Diagonal(mean.Values.Slice(i * 3, 3), [2.0, 0.5, 2.0]);
            logProb[i].Should().BeApproximately(core.LogDensity(x.Values.Slice(i * 3, 3)), 1e-10);
        }
    }

    [Fact]
    public void GaussianLearnedVariance_Gradients_MatchFiniteDifferences()
    {
        var likelihood = new GaussianLikelihood<double>(3, 0.7);
        var x = Uniform(7, 2, 3);
        var result = GradCheck.Run(v => likelihood.LogProb(v[0], x), Uniform(8, 4, 2, 3), likelihood.LogVariance!);
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void LogProb_OutputShapeDiffers_ThrowsNamingOutput()
    {
        var act = () => new GaussianLikelihood<double>(1.0).LogProb(Uniform(1, 2, 4), Uniform(2, 2, 5));
        act.Should().Throw<ArgumentException>().WithParameterName("output");
    }

    [Fact]
    public void LogProb_NonFiniteObservation_ThrowsNamingX()
    {
        var act = () => new GaussianLikelihood<double>(1.0).LogProb(AutodiffTensor.Zeros<double>(2), AutodiffTensor.FromValues<double>([double.PositiveInfinity, 0], 2));
        act.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void GaussianLearnedVariance_FeatureCountDiffers_ThrowsNamingX()
    {
        var act = () => new GaussianLikelihood<double>(3, 1.0).LogProb(AutodiffTensor.Zeros<double>(2), AutodiffTensor.Zeros<double>(2));
        act.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void GaussianFixedVariance_NotPositive_ThrowsNamingVariance(double variance)
    {
        var act = () => new GaussianLikelihood<double>(variance);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(variance));
    }

    [Theory]
    [InlineData(1e-50)]
    [InlineData(1e50)]
    [InlineData(1e-39)]
    [InlineData(2e38)]
    public void Gaussian_FloatVarianceOutsideItsNormalRange_Throws(double value)
    {
        // Before: 1e-50 was accepted and gave NaN log-likelihoods (1/σ² overflows float), 1e50 became ∞.
        FluentActions.Invoking(() => new GaussianLikelihood<float>(value)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("variance");
        FluentActions.Invoking(() => new GaussianLikelihood<float>(3, value)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialVariance");
    }

    [Theory]
    [InlineData(1e-310)]
    [InlineData(1e308)]
    public void Gaussian_DoubleVarianceOutsideItsNormalRange_Throws(double value)
    {
        FluentActions.Invoking(() => new GaussianLikelihood<double>(value)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("variance");
    }

    [Theory]
    [InlineData(-126)]
    [InlineData(126)]
    public void Gaussian_FloatVarianceAtTheEndsOfItsRange_GivesTheFiniteTextbookValue(int exponent)
    {
        // −½ [ln 2π + ln σ² + (x − μ)²/σ²] for one feature with x − μ = 2⁻⁶⁰ (so the squared error is finite at both ends).
        double variance = Math.ScaleB(1.0, exponent);
        double error = Math.ScaleB(1.0, -60);
        var logProb = new GaussianLikelihood<float>(variance).LogProb(AutodiffTensor.Zeros<float>(1, 1), AutodiffTensor.FromValues<float>([(float)error], 1, 1));
        double expected = -0.5 * (Math.Log(2 * Math.PI) + Math.Log(variance) + (error * error / variance));

        float.IsFinite(logProb.Item).Should().BeTrue();
        ((double)logProb.Item).Should().BeApproximately(expected, 1e-5 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Bernoulli_ForwardOfNoLogits_IsEmpty()
    {
        var mean = new BernoulliLikelihood<double>().Forward(AutodiffTensor.Zeros<double>(0));

        mean.Shape.ToArray().Should().Equal(0);
    }

    [Fact]
    public void Gaussian_FeaturesBeyondAnArray_ThrowsNamingFeatures()
    {
        var act = () => new GaussianLikelihood<double>(int.MaxValue, 1.0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("features").WithMessage("features is 2147483647*bytes*");
    }
}
