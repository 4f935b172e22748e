namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder trained to reproduce its input: min (1/n) Σ_i ‖x_i − d(e(x_i))‖².</summary>
/// <remarks>
/// <para>Hinton and Salakhutdinov, "Reducing the dimensionality of data with neural networks", Science 313 (2006).
/// <see cref="TrainingEpoch.Loss"/> = <see cref="TrainingEpoch.Reconstruction"/> is the squared error per example;
/// <see cref="TrainingEpoch.Regularization"/> is 0. The network is described on <see cref="DeterministicAutoencoder{TOptions}"/>.</para>
/// </remarks>
public sealed class Autoencoder : DeterministicAutoencoder<TrainingOptions>
{
    /// <summary>Creates an untrained autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public Autoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0)
        : base(inputSize, hiddenSizes, codeSize, seed)
    {
    }
}
