using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>The plain autoencoder min ‖X − d(e(X))‖²: its training curve, test reconstructions and test error against the mean-image floor.</summary>
internal sealed class AutoencoderExperiment : IExperiment
{
    public string Name => "ae";

    public string Description =>
        $"plain autoencoder, {AutoencoderSetup.DefaultEpochs} epochs: training curve (ae-training.png), test reconstructions (ae-reconstructions.png)";

    public int Steps(DemoOptions options) => AutoencoderSetup.Epochs(options) + 1;

    public void Run(ExperimentContext context)
    {
        (Dataset train, Dataset test) = context.Split();
        var model = new Autoencoder(train.FeatureCount, AutoencoderSetup.HiddenSizes, AutoencoderSetup.CodeSize, context.Options.Seed);
        TrainingHistory history = model.Fit(train, AutoencoderSetup.Training(context.Options), context.EpochProgress());

        context.AddFigure(LineChartFigure.Write(
            context.FigurePath("ae-training.png"),
            $"Autoencoder {AutoencoderSetup.Shape(train.FeatureCount)} on {train.Count} samples",
            "squared error per sample",
            [new ChartSeries("training ‖x − d(e(x))‖²", history.Epochs.Select(e => e.Reconstruction).ToArray())]));

        float[,] originals = test.ToMatrix();
        float[,] reconstructed = model.Reconstruct(test);
        context.AddResult("train squared error per sample (last epoch)", Formatting.Number(history.Final.Reconstruction));
        context.AddResult($"test squared error per sample ({test.Count} samples)", Formatting.Number(SquaredError.PerRow(reconstructed, originals)));
        context.AddResult("test error of the mean training image (floor to beat)", Formatting.Number(SquaredError.OfMeanImage(train.ToMatrix(), originals)));
        ImageComparison.Write(
            context, "ae-reconstructions.png", "Test images and the autoencoder's reconstructions", test.Image, [("test images", originals), ("reconstructed", reconstructed)]);
        context.Advance();
    }
}
