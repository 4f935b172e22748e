using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Losses;

namespace InfoTheory.Variational.Tests.Losses;

/// <summary>
/// The ELBO and the importance-weighted bound on probabilistic PCA, a model whose evidence is known
/// in closed form: z ~ N(0, I₂), x = zW + b + ε with ε ~ N(0, σ²I₄), so x ~ N(b, WᵀW + σ²I)
/// (Tipping and Bishop 1999). The rows of W are orthogonal, which makes the exact posterior
/// diagonal: precision Λ = I + WWᵀ/σ² = diag(1 + ‖wₖ‖²/σ²), mean Λ⁻¹W(x − b)/σ².
/// </summary>
public class ImportanceWeightedBoundTests
{
    private const double NoiseVariance = 0.5;
    private static readonly double[] W = [1.2, 0.4, -0.5, 0.3, 0.2, -0.6, 0.0, 0.0];   // rows w₁ · w₂ = 0.24 − 0.24 = 0
    private static readonly double[] B = [0.1, -0.2, 0.3, 0.0];

    private static AutodiffTensor<double> Weight => AutodiffTensor.FromValues<double>(W, 2, 4);

    private static AutodiffTensor<double> Bias => AutodiffTensor.FromValues<double>(B, 4);

    private static Gaussian Evidence()
    {
        var covariance = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                covariance[i, j] = (W[i] * W[j]) + (W[4 + i] * W[4 + j]) + (i == j ? NoiseVariance : 0);
            }
        }

        return new Gaussian(B, covariance);
    }

    private static (AutodiffTensor<double> X, double[] LogEvidence) Data(int count)
    {
        var evidence = Evidence();
        var values = new double[count * 4];
        evidence.Sample(new Random(3), values);
        var logEvidence = new double[count];
        evidence.LogDensity(values, logEvidence);
        return (AutodiffTensor.FromValues<double>(values, count, 4), logEvidence);
    }

    private static DiagonalGaussian<double> ExactPosterior(AutodiffTensor<double> x)
    {
        int count = x.Shape[0];
        var mean = new double[count * 2];
        var logVariance = new double[count * 2];
        for (int n = 0; n < count; n++)
        {
            for (int k = 0; k < 2; k++)
            {
                double norm = 0, projection = 0;
                for (int j = 0; j < 4; j++)
                {
                    norm += W[(k * 4) + j] * W[(k * 4) + j];
                    projection += W[(k * 4) + j] * (x[n, j] - B[j]);
                }

                double precision = 1 + (norm / NoiseVariance);
                mean[(n * 2) + k] = projection / NoiseVariance / precision;
                logVariance[(n * 2) + k] = -Math.Log(precision);
            }
        }

        return new DiagonalGaussian<double>(AutodiffTensor.FromValues<double>(mean, count, 2), AutodiffTensor.FromValues<double>(logVariance, count, 2));
    }

    private static AutodiffTensor<double> Decode(AutodiffTensor<double> z) => AutodiffTensor.Linear(z, Weight, Bias);

    [Fact]
    public void ExactPosterior_EveryImportanceWeightIsTheEvidence()
    {
        // With q = p(z|x), p(x|z)p(z)/q(z|x) = p(x) for every z: both bounds are exact for any sample.
        var (x, logEvidence) = Data(3);
        var posterior = ExactPosterior(x);
        var likelihood = new GaussianLikelihood<double>(NoiseVariance);
        var bound = ImportanceWeightedBound.Evaluate(x, posterior, Decode, likelihood, 5, new Random(4));
        var elbo = Elbo.Evaluate(x, posterior, Decode, likelihood, new Random(5), LossReduction.Mean, new ElboOptions { MonteCarloKl = MonteCarloEstimator.K1 });
        var perExampleElbo = (-(elbo.PerExampleReconstruction + elbo.PerExampleKl)).ToArray();
        for (int n = 0; n < 3; n++)
        {
            bound[n].Should().BeApproximately(logEvidence[n], 1e-9);
            perExampleElbo[n].Should().BeApproximately(logEvidence[n], 1e-9);
        }
    }

    [Fact]
    public void PerturbedPosterior_ElboGapIsThePosteriorKl_AndIwae1000IsWithinFiveHundredthsOfANat()
    {
        var (x, logEvidence) = Data(3);
        var exact = ExactPosterior(x);
        var perturbed = new DiagonalGaussian<double>(exact.Mean + 0.3, exact.LogVariance + 0.4);
        var likelihood = new GaussianLikelihood<double>(NoiseVariance);
        var elbo = Elbo.Evaluate(x, perturbed, Decode, likelihood, new Random(6), LossReduction.Mean, new ElboOptions { Samples = 4000 });
        var perExampleElbo = (-(elbo.PerExampleReconstruction + elbo.PerExampleKl)).ToArray();
        var bound = ImportanceWeightedBound.Evaluate(x, perturbed, Decode, likelihood, 1000, new Random(7));
        for (int n = 0; n < 3; n++)
        {
            // log p(x) − ELBO = KL(q(z|x) ‖ p(z|x)), computed here by the core library in closed form.
            double gap = Gaussian.KullbackLeibler(perturbed.ToGaussian(n), exact.ToGaussian(n));
            gap.Should().BeGreaterThan(0.1);
            perExampleElbo[n].Should().BeLessThan(logEvidence[n]);
            perExampleElbo[n].Should().BeApproximately(logEvidence[n] - gap, 0.05);
            bound[n].Should().BeApproximately(logEvidence[n], 0.05);
            bound[n].Should().BeGreaterThan(perExampleElbo[n]);
        }
    }

    [Fact]
    public void Evaluate_SamplesBelowOne_ThrowsNamingSamples()
    {
        var (x, _) = Data(1);
        var act = () => ImportanceWeightedBound.Evaluate(x, ExactPosterior(x), Decode, new GaussianLikelihood<double>(NoiseVariance), 0, new Random(1));
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
    }

    [Fact]
    public void Evaluate_NullRandom_ThrowsNamingRandom()
    {
        var (x, _) = Data(1);
        var act = () => ImportanceWeightedBound.Evaluate(x, ExactPosterior(x), Decode, new GaussianLikelihood<double>(NoiseVariance), 3, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("random");
    }
}
