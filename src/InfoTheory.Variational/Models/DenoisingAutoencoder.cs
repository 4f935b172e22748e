namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder trained to recover clean inputs from corrupted ones: min ‖x − d(e(x̃))‖², x̃ ~ q(x̃|x).</summary>
/// <remarks>
/// <para>Vincent, Larochelle, Bengio and Manzagol, "Extracting and composing robust features with denoising
/// autoencoders", ICML 2008; Vincent et al., JMLR 11 (2010). Every minibatch is corrupted afresh by
/// <see cref="DenoisingOptions.Corruption"/> (masking, additive Gaussian or salt-and-pepper noise) with draws from
/// the training generator, and the squared error compares the reconstruction with the clean batch:
/// <see cref="TrainingEpoch.Loss"/> = <see cref="TrainingEpoch.Reconstruction"/> is that error per example and
/// <see cref="TrainingEpoch.Regularization"/> is 0. More corruption regularizes more, which helps most when data is
/// scarce. The network is described on <see cref="DeterministicAutoencoder{TOptions}"/>.</para>
/// </remarks>
public sealed class DenoisingAutoencoder : DeterministicAutoencoder<DenoisingOptions>
{
    /// <summary>Creates an untrained denoising autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public DenoisingAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0)
        : base(inputSize, hiddenSizes, codeSize, seed)
    {
    }
}
