using System.Globalization;
using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// A sparse autoencoder whose code units are held near a mean activation ρ = 0.05 by the penalty β Σ_j KL(ρ ‖ ρ̂_j),
/// beside the same network trained without the penalty: per-unit mean activations on test data, reconstructions,
/// and the codes of test images side by side.
/// </summary>
internal sealed class SparseExperiment : IExperiment
{
    /// <summary>ρ, the target mean activation of every code unit: the model's default.</summary>
    private const double TargetActivation = 0.05;

    /// <summary>β: strong enough that every unit settles near ρ within the default budget.</summary>
    public const double SparsityWeight = 3;

    public string Name => "sae";

    public string Description =>
        $"sparse autoencoder (ρ = {TargetActivation}, β = {SparsityWeight}) and the same net without the penalty, {AutoencoderSetup.DefaultEpochs} epochs each: "
        + "mean activation per code unit (sae-activations.png), reconstructions (sae-reconstructions.png), test codes (sae-codes.png)";

    public int Steps(DemoOptions options) => (2 * AutoencoderSetup.Epochs(options)) + 1;

    public void Run(ExperimentContext context)
    {
        int seed = context.Options.Seed;
        (Dataset train, Dataset test) = context.Split();
        IProgress<TrainingEpoch> progress = context.EpochProgress();
        TrainingOptions training = AutoencoderSetup.Training(context.Options);
        double rho = TargetActivation;

        var sparse = new SparseAutoencoder(train.FeatureCount, AutoencoderSetup.HiddenSizes, AutoencoderSetup.CodeSize, seed, rho, SparsityWeight);
        sparse.Fit(train, training, progress);
        var dense = new SparseAutoencoder(train.FeatureCount, AutoencoderSetup.HiddenSizes, AutoencoderSetup.CodeSize, seed, rho, sparsityWeight: 0);
        dense.Fit(train, training, progress);

        float[,] sparseCodes = sparse.Encode(test);
        float[,] denseCodes = dense.Encode(test);
        double[] sparseActivation = ColumnMeans(sparseCodes);
        double[] denseActivation = ColumnMeans(denseCodes);
        context.AddFigure(BarChartFigure.Write(
            context.FigurePath("sae-activations.png"),
            $"Mean activation ρ̂ⱼ of each code unit on {test.Count} test samples",
            "code unit j",
            "mean sigmoid activation",
            [new ChartSeries($"sparse (β = {SparsityWeight})", sparseActivation), new ChartSeries("no penalty (β = 0)", denseActivation)],
            (rho, string.Create(CultureInfo.InvariantCulture, $"target ρ = {rho}"))));

        float[,] originals = test.ToMatrix();
        float[,] reconstructed = sparse.Reconstruct(test);
        context.AddResult($"sparse: mean code activation on test (target ρ = {Formatting.Number(rho)})", Formatting.Number(sparseActivation.Average()));
        context.AddResult("sparse: per-unit mean activations range", $"{Formatting.Number(sparseActivation.Min())} … {Formatting.Number(sparseActivation.Max())}");
        context.AddResult("no penalty: mean code activation on test", Formatting.Number(denseActivation.Average()));
        context.AddResult("sparse: share of test code activations above ½", Formatting.Number(ShareAbove(sparseCodes, 0.5)));
        context.AddResult("no penalty: share of test code activations above ½", Formatting.Number(ShareAbove(denseCodes, 0.5)));
        context.AddResult("sparse: test squared error per sample", Formatting.Number(SquaredError.PerRow(reconstructed, originals)));
        context.AddResult("no penalty: test squared error per sample", Formatting.Number(SquaredError.PerRow(dense.Reconstruct(test), originals)));
        ImageComparison.Write(
            context, "sae-reconstructions.png", "Test images and the sparse autoencoder's reconstructions", test.Image, [("test images", originals), ("reconstructed", reconstructed)]);

        // One cell per unit shows whether a code is a few units firing fully or every unit firing weakly.
        ImageComparison.Write(
            context,
            "sae-codes.png",
            "Codes of the first test images, one cell per unit (black = 1)",
            new ImageShape(4, AutoencoderSetup.CodeSize / 4),
            [($"sparse (β = {SparsityWeight})", sparseCodes), ("no penalty", denseCodes)]);
        context.Advance();
    }

    private static double ShareAbove(float[,] values, double threshold)
    {
        int above = 0;
        foreach (float v in values)
        {
            above += v > threshold ? 1 : 0;
        }

        return (double)above / values.Length;
    }

    private static double[] ColumnMeans(float[,] values)
    {
        var means = new double[values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < means.Length; j++)
            {
                means[j] += values[i, j];
            }
        }

        return [.. means.Select(m => m / values.GetLength(0))];
    }
}
