namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder trained to recover clean inputs from corrupted ones: min ‖x − d(e(x̃))‖², x̃ ~ q(x̃|x).</summary>
/// <remarks>
/// <para>Vincent, Larochelle, Bengio and Manzagol, "Extracting and composing robust features with denoising
/// autoencoders", ICML 2008; Vincent et al., JMLR 11 (2010). Every training minibatch is corrupted afresh by
/// <see cref="Corruption"/> (masking, additive Gaussian or salt-and-pepper noise) with draws from the training
/// generator (seeded by <see cref="TrainingOptions.Seed"/>), and the squared error compares the reconstruction with
/// the clean batch: <see cref="TrainingEpoch.Loss"/> = <see cref="TrainingEpoch.Reconstruction"/> is that error per
/// example and <see cref="TrainingEpoch.Regularization"/> is 0. The corruption is a layer active in training mode
/// only: <c>Encode</c> and <c>Reconstruct</c> see the input as given. More corruption regularizes more, which helps
/// most when data is scarce. The network is described on <see cref="DeterministicAutoencoder"/>.</para>
/// </remarks>
public sealed class DenoisingAutoencoder : DeterministicAutoencoder
{
    /// <summary>Creates an untrained denoising autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <param name="corruption">How training inputs are corrupted; masking noise with ν = 0.25 when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public DenoisingAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0, Corruption? corruption = null)
        : base(inputSize, hiddenSizes, codeSize, seed, new DenoisingObjective(corruption ?? Corruption.Masking(0.25)))
    {
    }

    /// <summary>How training inputs are corrupted.</summary>
    public Corruption Corruption => ((DenoisingObjective)Core.Objective).Corruption;

    /// <summary>Rebuilds a denoising autoencoder saved by <see cref="DeterministicAutoencoder.Save"/>: its sizes and corruption come from the file's description.</summary>
    /// <param name="path">A file written by <see cref="DeterministicAutoencoder.Save"/> of a <see cref="DenoisingAutoencoder"/>.</param>
    /// <returns>The saved model, ready to encode or train further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt, describes another kind of model, or has no description (written before format version 2: construct the model and call <see cref="DeterministicAutoencoder.LoadParameters"/>).</exception>
    public static DenoisingAutoencoder Load(string path)
        => Load(path, nameof(DenoisingAutoencoder), static (description, inputSize, hidden, codeSize) => new DenoisingAutoencoder(inputSize, hidden, codeSize, corruption: description.Corruption()));
}
