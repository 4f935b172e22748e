using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// A Bernoulli VAE in the reference shape 64-128-(8)-128-64 on the digits: its per-epoch training terms, test
/// reconstructions and samples from the prior, and the final −ELBO = reconstruction + KL on train and test data.
/// </summary>
internal sealed class VaeExperiment : IExperiment
{
    public const int DefaultEpochs = 100;

    private const int Hidden = 128;
    private const int Latent = 8;
    private const int SampleCount = 32;

    // Reparameterisation samples per image when scoring the ELBO, so the reported bound is not one noisy draw.
    private const int EvaluationSamples = 10;

    public string Name => "vae";

    public string Description =>
        $"Bernoulli VAE (hidden {Hidden}, latent {Latent}), {DefaultEpochs} epochs: training curves (vae-training.png), reconstructions (vae-reconstructions.png), prior samples (vae-samples.png)";

    public int Steps(DemoOptions options) => Epochs(options) + 1;

    public void Run(ExperimentContext context)
    {
        int seed = context.Options.Seed;
        (Dataset train, Dataset test) = context.Split();
        var model = new VariationalAutoencoder(train.FeatureCount, [Hidden], Latent, new BernoulliLikelihood<float>(), seed, context.Options.KlWeight);
        var options = new TrainingOptions { Epochs = Epochs(context.Options), BatchSize = 64, LearningRate = 1e-3, Seed = seed };
        TrainingHistory history = model.Fit(train, options, context.EpochProgress());

        context.AddFigure(LineChartFigure.Write(
            context.FigurePath("vae-training.png"),
            $"VAE training on {train.Count} samples (β = {Formatting.Number(model.KlWeight)}, Adam 1e-3, batch 64)",
            "nats per sample",
            [
                new ChartSeries("−ELBO (loss)", history.Epochs.Select(e => e.Loss).ToArray()),
                new ChartSeries("reconstruction −E_q[log p(x|z)]", history.Epochs.Select(e => e.Reconstruction).ToArray()),
                new ChartSeries("KL(q(z|x) ‖ N(0, I))", history.Epochs.Select(e => e.Regularization).ToArray()),
            ]));

        double trainKl = 0;
        foreach ((string part, Dataset data) in new[] { ("train", train), ("test", test) })
        {
            ElboEvaluation elbo = model.Evaluate(data, seed, EvaluationSamples);
            context.AddResult($"{part} −ELBO ({data.Count} samples)", Formatting.Nats(elbo.NegativeElbo));
            context.AddResult($"{part} reconstruction −E_q[log p(x|z)]", Formatting.Nats(elbo.Reconstruction));
            context.AddResult($"{part} KL(q(z|x) ‖ p(z))", Formatting.Nats(elbo.Kl));
            trainKl = part == "train" ? elbo.Kl : trainKl;
        }

        int active = PosteriorCollapse.ActiveUnits(model.Encode(train));
        context.AddResult("active latent units", $"{active} of {Latent}");
        if (PosteriorCollapse.Warning(trainKl, active, Latent, model.KlWeight) is { } warning)
        {
            context.AddResult("warning", warning);
        }

        float[,] originals = test.ToMatrix();
        ImageComparison.Write(
            context,
            "vae-reconstructions.png",
            "Test images and the VAE's reconstructions E[x | z = μ(x)]",
            test.Image,
            [("test images", originals), ("reconstructed", model.Reconstruct(test))]);
        ImageComparison.WriteSamples(
            context, "vae-samples.png", $"{SampleCount} samples from the prior: E[x | z], z ~ N(0, I)", test.Image, model.Sample(SampleCount, context.NewRandom()));
        context.Advance();
    }

    private static int Epochs(DemoOptions options) => options.Epochs ?? DefaultEpochs;
}
