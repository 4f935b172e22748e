using System.Text.Json.Nodes;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Serialization;
using InfoTheory.Variational.Tests.Data;
using InfoTheory.Variational.Tests.Serialization;

namespace InfoTheory.Variational.Tests.Models;

/// <summary>The description a saved model carries (format version 2), and the static Load of every model that reads it.</summary>
public class ModelDescriptionTests
{
    private static readonly TrainingOptions TwoEpochs = new() { Epochs = 2, BatchSize = 32, LearningRate = 3e-3, Seed = 2 };

    [Fact]
    public void Save_WritesKindSizesActivationsAndVersions()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "ae.safetensors");
        new SparseAutoencoder(64, [32, 16], 8, targetActivation: 0.1, sparsityWeight: 3).Save(path);

        var metadata = ParameterFile.ReadMetadata(path);

        metadata.Should().Contain(new Dictionary<string, string>
        {
            ["format"] = "InfoTheory.Variational",
            ["format_version"] = "2",
            ["model"] = "SparseAutoencoder",
            ["input_size"] = "64",
            ["hidden_sizes"] = "32,16",
            ["code_size"] = "8",
            ["activations"] = "encoder:relu,code:sigmoid,decoder:relu,output:linear",
            ["target_activation"] = "0.1",
            ["sparsity_weight"] = "3",
        });
        metadata["library_version"].Should().StartWith("0.1.0", "the assembly's version, from Directory.Build.props");
    }

    [Fact]
    public void AutoencoderLoad_RebuildsTheModelWithoutItsSizes()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "ae.safetensors");
        var trained = new Autoencoder(64, [16], 8, seed: 1);
        trained.Fit(ModelTestData.Train, TwoEpochs);
        trained.Save(path);

        var loaded = Autoencoder.Load(path);

        (loaded.InputSize, loaded.CodeSize).Should().Be((64, 8));
        loaded.HiddenSizes.Should().Equal(16);
        loaded.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(trained.Reconstruct(ModelTestData.Test), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Load_FileOfAnotherKind_ThrowsNamingTheKindItHolds()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "dae.safetensors");
        new DenoisingAutoencoder(4, [3], 2).Save(path);

        FluentActions.Invoking(() => Autoencoder.Load(path)).Should().Throw<InvalidDataException>().WithMessage("*describes a DenoisingAutoencoder*Autoencoder.Load reads only Autoencoder files*");
        FluentActions.Invoking(() => VariationalAutoencoder.Load(path)).Should().Throw<InvalidDataException>().WithMessage("*DenoisingAutoencoder*");
        DenoisingAutoencoder.Load(path).Corruption.Should().Be(Corruption.Masking(0.25));
    }

    [Fact]
    public void Load_Version1FileWithoutADescription_ThrowsPointingToLoadParameters_WhichStillLoadsIt()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "old.safetensors");
        var trained = new VariationalAutoencoder(64, [16], 4, new BernoulliLikelihood<float>(), seed: 1);
        trained.Fit(ModelTestData.Train, TwoEpochs);
        trained.Save(path);
        ParameterFileHeader.MakeVersion1(path);

        FluentActions.Invoking(() => VariationalAutoencoder.Load(path)).Should().Throw<InvalidDataException>().WithMessage("*does not describe its model*LoadParameters*");
        var sameShape = new VariationalAutoencoder(64, [16], 4, new BernoulliLikelihood<float>(), seed: 7);
        sameShape.LoadParameters(path);
        sameShape.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(trained.Reconstruct(ModelTestData.Test), o => o.WithStrictOrdering());

        var otherShape = new VariationalAutoencoder(64, [16], 5, new BernoulliLikelihood<float>());
        otherShape.Invoking(m => m.LoadParameters(path)).Should().Throw<InvalidDataException>().WithMessage("*'mean.weight' has shape [16, 4] but the model's has shape [16, 5]*");
    }

    [Theory]
    [InlineData("input_size", "x")]
    [InlineData("input_size", "0")]
    [InlineData("input_size", "65", "implies")]
    [InlineData("hidden_sizes", "16,-3")]
    [InlineData("hidden_sizes", "16,,8")]
    [InlineData("code_size", null, "no 'code_size'")]
    [InlineData("activations", "encoder:tanh,code:sigmoid,decoder:relu,output:linear")]
    [InlineData("corruption", "Blur")]
    [InlineData("corruption", "1")]
    [InlineData("corruption_level", "NaN")]
    [InlineData("corruption_level", "2", "cannot be built")]
    [InlineData("model", "Autoencoder")]
    [InlineData("format_version", "3", "newer")]
    public void DenoisingLoad_CorruptDescription_ThrowsInvalidData(string key, string? value, string message = "")
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "dae.safetensors");
        new DenoisingAutoencoder(64, [16], 8).Save(path);
        ParameterFileHeader.SetMetadata(path, key, value);

        FluentActions.Invoking(() => DenoisingAutoencoder.Load(path)).Should().Throw<InvalidDataException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"model\":64}")]
    [InlineData("\"VariationalAutoencoder\"")]
    public void Load_MetadataThatIsNotAMapOfStrings_ThrowsInvalidData(string metadata)
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "vae.safetensors");
        new VariationalAutoencoder(4, [3], 2, new BernoulliLikelihood<float>()).Save(path);
        ParameterFileHeader.Rewrite(path, header => header["__metadata__"] = JsonNode.Parse(metadata));

        FluentActions.Invoking(() => VariationalAutoencoder.Load(path)).Should().Throw<InvalidDataException>();
        FluentActions.Invoking(() => ParameterFile.ReadMetadata(path)).Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidData()
    {
        using var folder = new TempDirectory();
        string path = Path.Combine(folder.Path, "sae.safetensors");
        new SparseAutoencoder(64, [16], 8).Save(path);
        byte[] bytes = File.ReadAllBytes(path);

        foreach (int length in new[] { 4, 40, bytes.Length - 4 })
        {
            File.WriteAllBytes(path, bytes[..length]);
            FluentActions.Invoking(() => SparseAutoencoder.Load(path)).Should().Throw<InvalidDataException>();
        }
    }
}
