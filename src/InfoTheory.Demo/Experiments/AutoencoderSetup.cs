using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>The network size and training budget the plain, denoising and sparse autoencoders share, so their numbers compare.</summary>
internal static class AutoencoderSetup
{
    public const int DefaultEpochs = 100;

    /// <summary>Code units; 16 so a code draws as a 4 × 4 square in the sparse experiment.</summary>
    public const int CodeSize = 16;

    public static readonly int[] HiddenSizes = [64];

    public static int Epochs(DemoOptions options) => options.Epochs ?? DefaultEpochs;

    /// <summary>Adam 3e-3 on minibatches of 32, seeded by --seed: the training options every autoencoder of the demo shares.</summary>
    public static TrainingOptions Training(DemoOptions options) =>
        new() { Epochs = Epochs(options), BatchSize = 32, LearningRate = 3e-3, Seed = options.Seed };

    /// <summary>The architecture, for --help and figure titles.</summary>
    public static string Shape(int inputs) => $"{inputs}-{string.Join("-", HiddenSizes)}-({CodeSize})-{string.Join("-", HiddenSizes.Reverse())}-{inputs}";
}
