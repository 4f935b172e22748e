using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Fitting;
using InfoTheory.Variational.Losses;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests;

/// <summary>
/// The README's variational example, run as written: the region is the README's block line for line
/// (<c>ReadmeSnippetsTests</c> in the core tests compares them), and the assertions check what its comments claim.
/// </summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Variational_RunsAsWritten_TrainsBelowTheMeanImageAndDifferentiatesTheExpression()
    {
        #region snippet: Variational
        // A VAE on the embedded 8×8 digits: 64 → 128 → (8 μ, 8 log σ²) → 128 → 64, Bernoulli likelihood.
        var (train, test) = Digits.Load().Split(trainCount: 1500, seed: 0);
        var vae = new VariationalAutoencoder(64, hiddenSizes: [128], latentSize: 8, new BernoulliLikelihood<float>(), seed: 1);
        TrainingHistory history = vae.Fit(train, new TrainingOptions { Epochs = 100, BatchSize = 64, Seed = 1 });
        ElboEvaluation heldOut = vae.Evaluate(test, seed: 2);        // reconstruction, KL, −ELBO in nats per digit
        float[,] samples = vae.Sample(16, seed: 3);                   // decoded draws from the prior N(0, I)

        // The engine itself: gradients of any expression.
        var x = AutodiffTensor.FromValues<double>([1.0, 2.0, 3.0], 3).RequiringGrad();
        var y = (x * x).Sum() + x.Exp().Sum();
        y.Backward();                                                 // x.Gradient = 2x + eˣ

        // The KL penalty of RL fine-tuning as a loss: k2, whose gradient is that of KL(policy‖reference); padding masked out.
        var logPolicy = AutodiffTensor.FromValues<float>([-1.20f, -0.70f, -2.10f, 0f], 1, 4).RequiringGrad();
        var logReference = AutodiffTensor.FromValues<float>([-1.25f, -0.60f, -2.00f, 0f], 1, 4);
        var penalty = KlPenalty.Loss(logPolicy, logReference, [true, true, true, false], KlAggregation.TokenMean,
                                     new MonteCarloOptions { Estimator = MonteCarloEstimator.K2 });
        penalty.Backward();                                           // logPolicy.Gradient = ℓ/3 per token (ℓ = log-ratio), 0 for padding
        #endregion

        // The best constant (mean-image) Bernoulli model scores 26.57 nats per digit (numpy, by the models' tests).
        heldOut.NegativeElbo.Should().BeLessThan(26.57);
        history.Epochs.Should().HaveCount(100);
        samples.GetLength(0).Should().Be(16);
        samples.GetLength(1).Should().Be(64);

        // dy/dx = 2x + eˣ.
        x.Gradient.ToArray().Should().BeEquivalentTo(
            new[] { 2 + Math.Exp(1), 4 + Math.Exp(2), 6 + Math.Exp(3) }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());

        // k2 = ½ℓ² with ℓ = log p − log q, averaged over the three unmasked tokens; ∂/∂log p = ℓ/3.
        float[] l = [-1.20f - -1.25f, -0.70f - -0.60f, -2.10f - -2.00f];
        penalty.Item.Should().BeApproximately(l.Average(v => 0.5f * v * v), 1e-7f);
        logPolicy.Gradient.ToArray().Should().BeEquivalentTo(
            new[] { l[0] / 3, l[1] / 3, l[2] / 3, 0f }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-7f)).WhenTypeIs<float>());
    }

    [Fact]
    public void KlFit_ForwardOnTheNotesMixture_LandsOnTheMixturesMoments()
    {
        var p = new GaussianMixture([0.5, 0.5],
        [
            Gaussian.Diagonal([0.0, 0.0], [0.25 * 0.25, 0.5 * 0.5]),
            Gaussian.Diagonal([1.0, 1.0], [0.25 * 0.25, 0.25 * 0.25]),
        ]);
        KlFitResult wide = KlFit.Fit(p, KlDirection.Forward, new KlFitOptions { Seed = 1 });

        // Moment matching by hand: mean (½, ½); covariance = mean of the component covariances + ¼ (1,1)(1,1)ᵀ.
        wide.Fitted.Mean.ToArray().Should().BeEquivalentTo(new[] { 0.5, 0.5 }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 0.05)).WhenTypeIs<double>());
        wide.Fitted.Covariance(0, 1).Should().BeApproximately(0.25, 0.05);

        // Moment matching is the minimiser of KL(p‖q) over Gaussians q, so the fit's KL is the KL to that Gaussian,
        // estimated independently by the core library's Monte Carlo over the same mixture.
        var momentMatched = new Gaussian([0.5, 0.5], new[,] { { 0.3125, 0.25 }, { 0.25, 0.40625 } });
        Estimate floor = MonteCarlo.KullbackLeibler(p, momentMatched, samples: 200_000, seed: 7);
        wide.Kl.Value.Should().BeApproximately(floor.Value, 0.05);
    }
}
