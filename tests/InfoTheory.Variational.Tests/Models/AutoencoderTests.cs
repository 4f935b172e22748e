using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Models;

public class AutoencoderTests
{
    private static readonly TrainingOptions Short = new() { Epochs = 20, BatchSize = 32, LearningRate = 3e-3, Seed = 2 };

    [Fact]
    public void Fit_OnDigits_ReconstructsHeldOutImagesFarBetterThanTheMeanImage()
    {
        var model = new Autoencoder(64, [32], 16, seed: 1);
        model.Fit(ModelTestData.Train, Short);

        float[,] clean = ModelTestData.Test.ToMatrix();
        double baseline = ModelTestData.MeanSquaredError(ModelTestData.MeanImagePrediction(ModelTestData.Train, ModelTestData.Test), clean);
        double trained = ModelTestData.MeanSquaredError(model.Reconstruct(ModelTestData.Test), clean);

        // Measured: 2.20 against 4.68 for the mean image (squared error per 64-pixel image).
        trained.Should().BeLessThan(0.6 * baseline);
    }

    [Fact]
    public void Fit_ReportsEveryEpochInOrder_AndReturnsTheSameHistory()
    {
        var progress = new ModelTestData.RecordingProgress<TrainingEpoch>();
        var history = new Autoencoder(64, [16], 8, seed: 3).Fit(ModelTestData.Train, Short with { Epochs = 5 }, progress);

        progress.Reports.Should().Equal(history.Epochs);
        history.Epochs.Select(e => e.Epoch).Should().Equal(1, 2, 3, 4, 5);
        history.Final.Loss.Should().BeLessThan(history.Epochs[0].Loss);
        history.Epochs.Should().OnlyContain(e => e.Regularization == 0 && e.Loss == e.Reconstruction);
    }

    [Fact]
    public void Fit_TwiceWithTheSameSeeds_GivesIdenticalBits()
    {
        float[,] Train(int trainingSeed)
        {
            var model = new Autoencoder(64, [16], 8, seed: 5);
            model.Fit(ModelTestData.Train, Short with { Epochs = 3, Seed = trainingSeed });
            return model.Reconstruct(ModelTestData.Test);
        }

        Train(7).Should().BeEquivalentTo(Train(7), o => o.WithStrictOrdering());
        Train(7).Should().NotBeEquivalentTo(Train(8));
    }

    [Fact]
    public void SaveThenLoad_IntoAFreshModel_GivesIdenticalOutputs()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "ae.safetensors");
        var trained = new Autoencoder(64, [16], 8, seed: 1);
        trained.Fit(ModelTestData.Train, Short with { Epochs = 2 });
        trained.Save(path);

        var restored = new Autoencoder(64, [16], 8, seed: 99);
        restored.Reconstruct(ModelTestData.Test).Should().NotBeEquivalentTo(trained.Reconstruct(ModelTestData.Test));
        restored.LoadParameters(path);

        restored.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(trained.Reconstruct(ModelTestData.Test), o => o.WithStrictOrdering());
        restored.Encode(ModelTestData.Test).Should().BeEquivalentTo(trained.Encode(ModelTestData.Test), o => o.WithStrictOrdering());
    }

    [Fact]
    public void LoadParameters_FileOfADifferentArchitecture_ThrowsNamingBothShapesAndLeavesTheModelUnchanged()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "other.safetensors");
        new Autoencoder(64, [16], 4, seed: 1).Save(path);
        var model = new Autoencoder(64, [16], 8, seed: 1);
        float[,] before = model.Reconstruct(ModelTestData.Test);

        model.Invoking(m => m.LoadParameters(path)).Should().Throw<InvalidDataException>().WithMessage("*shape [16, 4]*shape [16, 8]*");
        model.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public void EncodeThenDecode_EqualsReconstruct_ForEveryInputTypeConvertedToADataset()
    {
        var model = new Autoencoder(64, [16], 8, seed: 4);
        float[,] rows = ModelTestData.Test.ToMatrix();
        var wide = new double[rows.GetLength(0), rows.GetLength(1)];
        for (int i = 0; i < rows.GetLength(0); i++)
        {
            for (int j = 0; j < rows.GetLength(1); j++)
            {
                wide[i, j] = rows[i, j];
            }
        }

        float[,] codes = model.Encode(rows);
        codes.Should().BeEquivalentTo(model.Encode(ModelTestData.Test), o => o.WithStrictOrdering());
        codes.Cast<float>().Should().OnlyContain(c => c >= 0 && c <= 1, "the code layer is a sigmoid");
        model.Decode(codes).Should().BeEquivalentTo(model.Reconstruct(rows), o => o.WithStrictOrdering());
        model.Reconstruct(wide).Should().BeEquivalentTo(model.Reconstruct(rows), o => o.WithStrictOrdering(), "doubles that are floats convert to the same dataset");
        model.Decode(model.Encode(wide)).Should().BeEquivalentTo(model.Reconstruct(wide), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Fit_WrongFeatureCount_Throws()
    {
        var model = new Autoencoder(63, [8], 4);
        model.Invoking(m => m.Fit(ModelTestData.Train)).Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*64 features*63*");
        model.Invoking(m => m.Fit(new float[3, 64])).Should().Throw<ArgumentException>().WithParameterName("data");
    }

    [Fact]
    public void Fit_NoRows_Throws()
    {
        var model = new Autoencoder(4, [], 2);
        model.Invoking(m => m.Fit(new float[0, 4])).Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*empty*");
        model.Invoking(m => m.Fit(new double[0, 4])).Should().Throw<ArgumentException>().WithParameterName("data");
    }

    [Fact]
    public void Fit_NonFiniteInput_ThrowsNamingTheEntry()
    {
        var model = new Autoencoder(2, [], 1);
        model.Invoking(m => m.Fit(new float[,] { { 0, 1 }, { float.NaN, 0 } })).Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("data[2] is NaN*");
        model.Invoking(m => m.Fit(new double[,] { { 0, double.PositiveInfinity } })).Should().Throw<ArgumentException>().WithParameterName("data");
        model.Invoking(m => m.Reconstruct(new double[,] { { 0, 1e300 } })).Should().Throw<ArgumentException>().WithParameterName("data");
    }

    [Fact]
    public void DecodeAndEncode_BadShapes_Throw()
    {
        var model = new Autoencoder(4, [3], 2);
        model.Invoking(m => m.Decode(new float[1, 3])).Should().Throw<ArgumentException>().WithParameterName("codes");
        model.Invoking(m => m.Decode(new double[1, 4])).Should().Throw<ArgumentException>().WithParameterName("codes");
        model.Invoking(m => m.Encode(new float[2, 5])).Should().Throw<ArgumentException>().WithParameterName("data");
        model.Invoking(m => m.Encode((Dataset)null!)).Should().Throw<ArgumentNullException>().WithParameterName("data");
    }

    [Fact]
    public void Constructor_BadSizes_Throw()
    {
        FluentActions.Invoking(() => new Autoencoder(0, [3], 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputSize");
        FluentActions.Invoking(() => new Autoencoder(4, [3, 0], 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("hiddenSizes").WithMessage("hiddenSizes[1] is 0*");
        FluentActions.Invoking(() => new Autoencoder(4, [3], 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("codeSize");
        FluentActions.Invoking(() => new Autoencoder(4, null!, 2)).Should().Throw<ArgumentNullException>().WithParameterName("hiddenSizes");
    }

    [Fact]
    public void Fit_HugeLearningRate_ThrowsTrainingDivergedAndRestoresEveryParameter()
    {
        var model = new Autoencoder(64, [16], 8, seed: 1);

        // Adam's first step moves every parameter by about η whatever the gradient: batch 1 (the initial model's loss)
        // is finite, and the loss of batch 2, computed with weights near ±1e30, overflows float.
        ModelTestData.ShouldDivergeAndRestore(model.Save, () => model.Fit(ModelTestData.Train, Short with { Epochs = 3, LearningRate = 1e30 }), () => model.Reconstruct(ModelTestData.Test), (1, 2, 1e30));
    }

    [Theory]
    [InlineData(int.MaxValue, 2, 3, "inputSize")]
    [InlineData(3, 1 << 30, 3, "hiddenSizes")]
    [InlineData(3, 2, int.MaxValue, "codeSize")]
    public void Constructor_LayerWeightBeyondATensor_ThrowsNamingTheLargerSize(int inputSize, int hidden, int codeSize, string parameter)
    {
        foreach (Action build in new Action[]
        {
            () => _ = new Autoencoder(inputSize, [hidden], codeSize),
            () => _ = new DenoisingAutoencoder(inputSize, [hidden], codeSize),
            () => _ = new SparseAutoencoder(inputSize, [hidden], codeSize),
        })
        {
            build.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter).WithMessage("*layer weight*more than 2147483647*");
        }
    }

    [Fact]
    public void Constructor_TwoHugeHiddenLayers_NamesHiddenSizesAndTheirIndices()
    {
        var act = () => new Autoencoder(2, [65536, 65536], 2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("hiddenSizes").WithMessage("*hiddenSizes[0] × hiddenSizes[1] = 65536 × 65536*");
    }
}
