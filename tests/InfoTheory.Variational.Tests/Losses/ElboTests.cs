using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Losses;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Losses;

/// <summary>The negative ELBO: its value recomputed by hand, its reparameterised gradients, and its input rules.</summary>
public class ElboTests
{
    private const int Batch = 3, Latent = 2, Features = 4;

    [Fact]
    public void Evaluate_OneSampleAnalyticKl_EqualsHandComputedTerms()
    {
        var x = AutodiffTensor.RandomUniform(new Random(1), 0.0, 1.0, Batch, Features);
        var posterior = new DiagonalGaussian<double>(Uniform(2, Batch, Latent), Uniform(3, Batch, Latent) * 0.5);
        var weight = Uniform(4, Latent, Features);
        var bias = Uniform(5, Features);
        var terms = Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, bias), new BernoulliLikelihood<double>(), new Random(6), LossReduction.Mean, new ElboOptions { Beta = 2.0 });

        // The same noise the reparameterisation draws: one standard normal block of the mean's shape.
        var noise = AutodiffTensor.RandomNormal(new Random(6), 0.0, 1.0, Batch, Latent);
        double loss = 0, reconstructionMean = 0, klMean = 0;
        for (int i = 0; i < Batch; i++)
        {
            double reconstruction = 0;
            for (int j = 0; j < Features; j++)
            {
                double logit = bias[j];
                for (int k = 0; k < Latent; k++)
                {
                    double z = posterior.Mean[i, k] + (Math.Exp(0.5 * posterior.LogVariance[i, k]) * noise[i, k]);
                    logit += z * weight[k, j];
                }

                double p = 1 / (1 + Math.Exp(-logit));
                reconstruction -= (x[i, j] * Math.Log(p)) + ((1 - x[i, j]) * Math.Log(1 - p));
            }

            double kl = Gaussian.KullbackLeibler(posterior.ToGaussian(i), Gaussian.Standard(Latent));
            terms.PerExampleReconstruction[i].Should().BeApproximately(reconstruction, 1e-10);
            terms.PerExampleKl[i].Should().BeApproximately(kl, 1e-10);
            loss += (reconstruction + (2.0 * kl)) / Batch;
            reconstructionMean += reconstruction / Batch;
            klMean += kl / Batch;
        }

        terms.Loss.Item.Should().BeApproximately(loss, 1e-10);
        terms.Reconstruction.Item.Should().BeApproximately(reconstructionMean, 1e-10);
        terms.Kl.Item.Should().BeApproximately(klMean, 1e-10);
        terms.LowerBound.Should().BeApproximately(-(reconstructionMean + klMean), 1e-10);
    }

    [Fact]
    public void Evaluate_MonteCarloKl_AgreesWithAnalyticWithinStandardErrors()
    {
        var x = AutodiffTensor.RandomUniform(new Random(1), 0.0, 1.0, 1, Features);
        var posterior = new DiagonalGaussian<double>(Uniform(2, 1, Latent), Uniform(3, 1, Latent) * 0.5);
        var weight = Uniform(4, Latent, Features);
        const int samples = 20000;
        var options = new ElboOptions { Samples = samples, MonteCarloKl = MonteCarloEstimator.K1 };
        var monteCarlo = Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, null), new BernoulliLikelihood<double>(), new Random(7), LossReduction.Mean, options);

        // The per-sample KL terms, log q(z) − log p(z), recomputed from the same draws for their spread.
        var z = posterior.RSample(new Random(7), samples);
        var terms = (posterior.LogProb(z) + ((z.Square() + Math.Log(2 * Math.PI)).Sum(-1) * 0.5)).ToArray();
        double mean = terms.Average();
        double standardError = Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / (samples - 1) / samples);
        monteCarlo.Kl.Item.Should().BeApproximately(mean, 1e-10);
        monteCarlo.Kl.Item.Should().BeApproximately(posterior.KullbackLeiblerToStandardNormal().Item, 4 * standardError);
    }

    [Theory]
    [InlineData(MonteCarloEstimator.K2)]
    [InlineData(MonteCarloEstimator.K3)]
    [InlineData(MonteCarloEstimator.AbsoluteLogRatio)]
    public void Evaluate_MonteCarloKl_IsTheMeanOfTheEstimatorsTermOverTheSamples(MonteCarloEstimator estimator)
    {
        var x = AutodiffTensor.RandomUniform(new Random(1), 0.0, 1.0, 1, Features);
        var posterior = new DiagonalGaussian<double>(Uniform(2, 1, Latent), Uniform(3, 1, Latent) * 0.5);
        var weight = Uniform(4, Latent, Features);
        const int samples = 2000;
        var options = new ElboOptions { Samples = samples, MonteCarloKl = estimator };

        var kl = Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, null), new BernoulliLikelihood<double>(), new Random(7), LossReduction.Mean, options).Kl.Item;

        // Schulman's terms of ℓ = log q(z) − log p(z), from the same draws: ½ℓ², e^(−ℓ) − 1 + ℓ, |ℓ|.
        var z = posterior.RSample(new Random(7), samples);
        double[] l = (posterior.LogProb(z) + ((z.Square() + Math.Log(2 * Math.PI)).Sum(-1) * 0.5)).ToArray();
        Func<double, double> term = estimator switch
        {
            MonteCarloEstimator.K2 => v => 0.5 * v * v,
            MonteCarloEstimator.K3 => v => Math.Exp(-v) - 1 + v,
            _ => Math.Abs,
        };
        kl.Should().BeApproximately(l.Average(term), 1e-10);
    }

    [Theory]
    [InlineData(1, null, 1.0)]
    [InlineData(3, MonteCarloEstimator.K1, 0.5)]
    [InlineData(3, MonteCarloEstimator.K2, 1.0)]
    [InlineData(3, MonteCarloEstimator.K3, 1.0)]
    [InlineData(3, MonteCarloEstimator.AbsoluteLogRatio, 1.0)]
    [InlineData(2, null, 4.0)]
    public void Loss_ReparameterisedGradients_MatchFiniteDifferences(int samples, MonteCarloEstimator? estimator, double beta)
    {
        var x = AutodiffTensor.RandomUniform(new Random(1), 0.0, 1.0, Batch, Features);
        var options = new ElboOptions { Samples = samples, MonteCarloKl = estimator, Beta = beta };
        var result = GradCheck.Run(
            p => Elbo.Evaluate(
                x,
                new DiagonalGaussian<double>(AutodiffTensor.Linear(x, p[0], null), AutodiffTensor.Linear(x, p[1], null)),
                z => AutodiffTensor.Linear(z.Tanh(), p[2], p[3]),
                new BernoulliLikelihood<double>(),
                new Random(8),
                LossReduction.Mean,
                options).Loss,
            Uniform(10, Features, Latent),
            Uniform(11, Features, Latent) * 0.5,
            Uniform(12, Latent, Features),
            Uniform(13, Features));
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Loss_LearnedGaussianVariance_GradientsMatchFiniteDifferences()
    {
        var x = Uniform(1, Batch, Features);
        var likelihood = new GaussianLikelihood<double>(Features, 0.8);
        var result = GradCheck.Run(
            p => Elbo.Evaluate(x, new DiagonalGaussian<double>(p[0], p[1]), z => AutodiffTensor.Linear(z, p[2], null), likelihood, new Random(9), LossReduction.Mean).Loss,
            Uniform(20, Batch, Latent),
            Uniform(21, Batch, Latent) * 0.5,
            Uniform(22, Latent, Features),
            likelihood.LogVariance!);
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Evaluate_SameSeed_SameBits()
    {
        var x = AutodiffTensor.RandomUniform(new Random(1), 0f, 1f, Batch, Features);
        var posterior = new DiagonalGaussian<float>(AutodiffTensor.RandomNormal(new Random(2), 0f, 1f, Batch, Latent), AutodiffTensor.Zeros<float>(Batch, Latent));
        var weight = AutodiffTensor.RandomNormal(new Random(3), 0f, 1f, Latent, Features);
        float Loss() => Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, null), new BernoulliLikelihood<float>(), new Random(4), LossReduction.Mean, new ElboOptions { Samples = 4 }).Loss.Item;
        Loss().Should().Be(Loss());
    }

    [Fact]
    public void Evaluate_SumReduction_IsTheBatchTimesTheMean()
    {
        // The same draws reduced both ways: the sum over the batch is Batch × the mean, term by term.
        var x = AutodiffTensor.RandomUniform(new Random(1), 0.0, 1.0, Batch, Features);
        var posterior = new DiagonalGaussian<double>(Uniform(2, Batch, Latent), Uniform(3, Batch, Latent) * 0.5);
        var weight = Uniform(4, Latent, Features);

        var mean = Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, null), new BernoulliLikelihood<double>(), new Random(6), LossReduction.Mean);
        var sum = Elbo.Evaluate(x, posterior, z => AutodiffTensor.Linear(z, weight, null), new BernoulliLikelihood<double>(), new Random(6), LossReduction.Sum);

        sum.Reduction.Should().Be(LossReduction.Sum);
        sum.Loss.Item.Should().BeApproximately(Batch * mean.Loss.Item, 1e-12);
        sum.Reconstruction.Item.Should().BeApproximately(Batch * mean.Reconstruction.Item, 1e-12);
        sum.LowerBound.Should().BeApproximately(Batch * mean.LowerBound, 1e-12);
        sum.PerExampleKl.ToArray().Should().Equal(mean.PerExampleKl.ToArray());
    }

    [Fact]
    public void Evaluate_ReductionNotChosen_ThrowsNamingReduction()
    {
        var act = () => Elbo.Evaluate(
            AutodiffTensor.Zeros<double>(2, Latent), new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            z => z, new GaussianLikelihood<double>(1.0), new Random(1), default);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("reduction");
    }

    [Fact]
    public void Evaluate_BatchSizesDiffer_ThrowsNamingPosterior()
    {
        var act = () => Elbo.Evaluate(
            AutodiffTensor.Zeros<double>(3, Features), new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            z => z, new GaussianLikelihood<double>(1.0), new Random(1), LossReduction.Mean);
        act.Should().Throw<ArgumentException>().WithParameterName("posterior");
    }

    [Fact]
    public void Evaluate_DecoderOutputWrongWidth_ThrowsNamingDecoder()
    {
        var act = () => Elbo.Evaluate(
            AutodiffTensor.Zeros<double>(2, Features), new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            z => z, new GaussianLikelihood<double>(1.0), new Random(1), LossReduction.Mean);
        act.Should().Throw<ArgumentException>().WithParameterName("decoder").WithMessage("decoder returned shape [2, 2] for codes of shape [2, 2]*[2, 4]*");
    }

    [Fact]
    public void Evaluate_DecoderReturningNull_ThrowsNamingDecoder()
    {
        var act = () => Elbo.Evaluate(
            AutodiffTensor.Zeros<double>(2, Features), new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            _ => null!, new GaussianLikelihood<double>(1.0), new Random(1), LossReduction.Mean);
        act.Should().Throw<ArgumentException>().WithParameterName("decoder").WithMessage("*null*");
    }

    [Fact]
    public void Evaluate_NaNInput_ThrowsNamingX()
    {
        var x = AutodiffTensor.Zeros<double>(2, Latent);
        x.Values[3] = double.NaN;
        var act = () => Elbo.Evaluate(
            x, new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            z => z, new GaussianLikelihood<double>(1.0), new Random(1), LossReduction.Mean);
        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("*x[3]*NaN*");
    }

    [Fact]
    public void Evaluate_SamplesBeyondATensor_ThrowsNamingOptions()
    {
        var act = () => Elbo.Evaluate(
            AutodiffTensor.Zeros<double>(2, Features), new DiagonalGaussian<double>(AutodiffTensor.Zeros<double>(2, Latent), AutodiffTensor.Zeros<double>(2, Latent)),
            z => z, new GaussianLikelihood<double>(1.0), new Random(1), LossReduction.Mean, new ElboOptions { Samples = int.MaxValue });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*options.Samples × the posterior mean's elements = 2147483647 × 4*");
    }
}
