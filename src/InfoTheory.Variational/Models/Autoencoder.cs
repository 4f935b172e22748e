namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder trained to reproduce its input: min (1/n) Σ_i ‖x_i − d(e(x_i))‖².</summary>
/// <remarks>
/// <para>Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural networks", Science 313 (2006).
/// <see cref="TrainingEpoch.Loss"/> = <see cref="TrainingEpoch.Reconstruction"/> is the squared error per example;
/// <see cref="TrainingEpoch.Regularization"/> is 0. The network is described on <see cref="DeterministicAutoencoder"/>.</para>
/// </remarks>
public sealed class Autoencoder : DeterministicAutoencoder
{
    /// <summary>Creates an untrained autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public Autoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0)
        : base(inputSize, hiddenSizes, codeSize, seed, ReconstructionObjective.Instance)
    {
    }

    /// <summary>Rebuilds an autoencoder saved by <see cref="DeterministicAutoencoder.Save"/>: its sizes come from the file's description.</summary>
    /// <param name="path">A file written by <see cref="DeterministicAutoencoder.Save"/> of an <see cref="Autoencoder"/>.</param>
    /// <returns>The saved model, ready to encode or train further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt, describes another kind of model, or has no description (written before format version 2: construct the model and call <see cref="DeterministicAutoencoder.LoadParameters"/>).</exception>
    public static Autoencoder Load(string path)
        => Load(path, nameof(Autoencoder), static (_, inputSize, hidden, codeSize) => new Autoencoder(inputSize, hidden, codeSize));
}
