using InfoTheory.Variational.Models;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Models;

public class SparseAutoencoderTests
{
    private static readonly TrainingOptions Options = new() { Epochs = 30, BatchSize = 32, LearningRate = 3e-3, Seed = 2 };

    [Fact]
    public void Fit_DrivesTheMeanActivationOfEveryCodeUnitNearTheTarget()
    {
        var model = new SparseAutoencoder(64, [32], 16, seed: 1, sparsityWeight: 3);
        model.Fit(ModelTestData.Train, Options);

        double[] perUnit = ModelTestData.ColumnMeans(model.Encode(ModelTestData.Test));

        // Measured on held-out digits: 0.055 overall, every unit in 0.048..0.061 (ρ = 0.05); without the
        // penalty (β = 0) the same network settles at 0.39.
        perUnit.Average().Should().BeInRange(0.04, 0.065);
        perUnit.Should().OnlyContain(a => a > 0.025 && a < 0.09);
    }

    [Fact]
    public void Fit_WithoutThePenalty_LeavesTheCodeDense()
    {
        var model = new SparseAutoencoder(64, [32], 16, seed: 1, sparsityWeight: 0);
        var history = model.Fit(ModelTestData.Train, Options);

        ModelTestData.ColumnMeans(model.Encode(ModelTestData.Test)).Average().Should().BeGreaterThan(0.2);
        history.Final.Loss.Should().Be(history.Final.Reconstruction);
        history.Final.Regularization.Should().BeGreaterThan(1, "the penalty is still reported while β = 0");
    }

    [Fact]
    public void Fit_ReportsTheWeightedSumOfReconstructionAndPenalty()
    {
        var history = new SparseAutoencoder(64, [16], 8, seed: 3, sparsityWeight: 2).Fit(ModelTestData.Train, Options with { Epochs = 3 });

        history.Epochs.Should().OnlyContain(e => Math.Abs(e.Loss - (e.Reconstruction + (2 * e.Regularization))) < 1e-4 * e.Loss);
        history.Final.Regularization.Should().BeLessThan(history.Epochs[0].Regularization);
    }

    [Fact]
    public void FitTwice_WithTheSameSeeds_GivesIdenticalBits_AndSaveLoadRoundTrips()
    {
        float[,] Train(SparseAutoencoder model)
        {
            model.Fit(ModelTestData.Train, Options with { Epochs = 2 });
            return model.Encode(ModelTestData.Test);
        }

        var first = new SparseAutoencoder(64, [16], 8, seed: 5, targetActivation: 0.1, sparsityWeight: 3);
        Train(first).Should().BeEquivalentTo(Train(new SparseAutoencoder(64, [16], 8, seed: 5, targetActivation: 0.1, sparsityWeight: 3)), o => o.WithStrictOrdering());

        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "sae.safetensors");
        first.Save(path);
        var restored = new SparseAutoencoder(64, [16], 8, seed: 6);
        restored.LoadParameters(path);
        restored.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(first.Reconstruct(ModelTestData.Test), o => o.WithStrictOrdering());
        var rebuilt = SparseAutoencoder.Load(path);
        rebuilt.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(first.Reconstruct(ModelTestData.Test), o => o.WithStrictOrdering());
        (rebuilt.TargetActivation, rebuilt.SparsityWeight).Should().Be((0.1, 3.0));
    }

    [Fact]
    public void Constructor_BadSparsitySettings_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => new SparseAutoencoder(2, [], 2, targetActivation: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetActivation");
        FluentActions.Invoking(() => new SparseAutoencoder(2, [], 2, targetActivation: 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetActivation");
        FluentActions.Invoking(() => new SparseAutoencoder(2, [], 2, sparsityWeight: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sparsityWeight");
        FluentActions.Invoking(() => new SparseAutoencoder(2, [], 2, sparsityWeight: double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sparsityWeight");
    }

    [Fact]
    public void Fit_BadInputs_Throw()
    {
        var model = new SparseAutoencoder(2, [], 3);
        model.Invoking(m => m.Fit(new float[0, 2])).Should().Throw<ArgumentException>().WithParameterName("data");
        model.Invoking(m => m.Fit(new float[,] { { 1, float.NegativeInfinity } })).Should().Throw<ArgumentException>().WithParameterName("data");
        model.Invoking(m => m.Decode(new float[2, 2])).Should().Throw<ArgumentException>().WithParameterName("codes");
    }

    [Fact]
    public void Fit_HugeLearningRate_ThrowsTrainingDivergedAndRestoresEveryParameter()
    {
        var model = new SparseAutoencoder(64, [16], 8, seed: 1);

        // As for the plain autoencoder: the first Adam step is about η, so the loss of batch 2 overflows.
        ModelTestData.ShouldDivergeAndRestore(model.Save, () => model.Fit(ModelTestData.Train, Options with { Epochs = 2, LearningRate = 1e30 }), () => model.Reconstruct(ModelTestData.Test), (1, 2, 1e30));
    }
}
