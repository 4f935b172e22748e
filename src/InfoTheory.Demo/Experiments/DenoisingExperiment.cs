using System.Globalization;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// A denoising autoencoder (masked inputs, loss against the clean ones) next to a plain one of the same size and
/// budget, both asked to clean masked test images: the notes' claim that corruption during training teaches denoising.
/// </summary>
internal sealed class DenoisingExperiment : IExperiment
{
    /// <summary>ν, the fraction of pixels masking noise zeroes, in training and in the test.</summary>
    public const double MaskedFraction = 0.3;

    public string Name => "dae";

    public string Description =>
        $"denoising vs plain autoencoder, {AutoencoderSetup.DefaultEpochs} epochs each, {MaskedFraction * 100:0}% masking noise: clean, masked and both models' outputs (dae-denoising.png)";

    public int Steps(DemoOptions options) => (2 * AutoencoderSetup.Epochs(options)) + 1;

    public void Run(ExperimentContext context)
    {
        int seed = context.Options.Seed;
        (Dataset train, Dataset test) = context.Split();
        IProgress<TrainingEpoch> progress = context.EpochProgress();
        Corruption masking = Corruption.Masking(MaskedFraction);

        var plain = new Autoencoder(train.FeatureCount, AutoencoderSetup.HiddenSizes, AutoencoderSetup.CodeSize, seed);
        plain.Fit(train, AutoencoderSetup.Training(context.Options), progress);
        var denoising = new DenoisingAutoencoder(train.FeatureCount, AutoencoderSetup.HiddenSizes, AutoencoderSetup.CodeSize, seed, masking);
        denoising.Fit(train, AutoencoderSetup.Training(context.Options), progress);

        var maskedRows = new float[test.Features.Length];
        masking.Apply(test.Features, context.NewRandom(), maskedRows);
        float[,] clean = test.ToMatrix();
        float[,] masked = Dataset.FromRows(maskedRows, test.FeatureCount).ToMatrix();
        float[,] plainOutput = plain.Reconstruct(masked);
        float[,] denoisedOutput = denoising.Reconstruct(masked);

        string noise = string.Create(CultureInfo.InvariantCulture, $"{MaskedFraction * 100:0}% masked");
        context.AddResult($"test squared error per sample, {noise} inputs as they are", Formatting.Number(SquaredError.PerRow(masked, clean)));
        context.AddResult($"plain AE on {noise} test inputs", Formatting.Number(SquaredError.PerRow(plainOutput, clean)));
        context.AddResult($"denoising AE on {noise} test inputs", Formatting.Number(SquaredError.PerRow(denoisedOutput, clean)));
        context.AddResult("plain AE on clean test inputs", Formatting.Number(SquaredError.PerRow(plain.Reconstruct(test), clean)));
        context.AddResult("denoising AE on clean test inputs", Formatting.Number(SquaredError.PerRow(denoising.Reconstruct(test), clean)));
        ImageComparison.Write(
            context,
            "dae-denoising.png",
            $"Test images, {noise}, and what each autoencoder makes of the masked ones",
            test.Image,
            [("clean", clean), (noise, masked), ("plain AE", plainOutput), ("denoising AE", denoisedOutput)]);
        context.Advance();
    }
}
