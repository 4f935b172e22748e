using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Fitting;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests;

/// <summary>The README's variational examples, compiled and checked: if this file has to change, so does the README.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Vae_OnTheEmbeddedDigits_TrainsBelowTheMeanImageBaseline()
    {
        var (train, test) = Digits.Load().Split(trainCount: 1500, seed: 0);
        var vae = new VariationalAutoencoder(inputSize: 64, hiddenSizes: [128], latentSize: 8,
                                             new BernoulliLikelihood<float>(), seed: 1);
        TrainingHistory history = vae.Fit(train, new TrainingOptions { Epochs = 20, BatchSize = 64, Seed = 1 });
        ElboEvaluation heldOut = vae.Evaluate(test, seed: 2);
        float[,] samples = vae.Sample(16, seed: 3);

        // The best constant (mean-image) Bernoulli model scores 26.57 nats per digit (numpy, by the models' tests).
        heldOut.NegativeElbo.Should().BeLessThan(26.57);
        history.Epochs.Should().HaveCount(20);
        samples.GetLength(0).Should().Be(16);
        samples.GetLength(1).Should().Be(64);
    }

    [Fact]
    public void Autodiff_GradientOfASmallExpression_MatchesCalculus()
    {
        var x = AutodiffTensor.FromValues<double>([1.0, 2.0, 3.0], 3).RequiringGrad();
        var y = (x * x).Sum() + x.Exp().Sum();   // y = Σ x² + Σ eˣ
        y.Backward();

        // dy/dx = 2x + eˣ.
        x.Gradient.ToArray().Should().BeEquivalentTo(
            new[] { 2 + Math.Exp(1), 4 + Math.Exp(2), 6 + Math.Exp(3) }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
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
        wide.Kl.Value.Should().BeGreaterThan(0);
    }
}
