namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder whose sigmoid code units are pushed to fire rarely: min ‖x − d(e(x))‖² + β Σ_j KL(ρ ‖ ρ̂_j).</summary>
/// <remarks>
/// <para>ρ̂_j is the mean activation of code unit j over the minibatch and KL(ρ ‖ ρ̂_j) the Bernoulli divergence
/// (<see cref="SparsityPenalty"/>), so each unit is driven to be active for a fraction ρ (5% by default) of the
/// examples (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011). <see cref="TrainingEpoch.Reconstruction"/>
/// is the squared error per example, <see cref="TrainingEpoch.Regularization"/> the penalty Σ_j KL(ρ ‖ ρ̂_j) in nats
/// and <see cref="TrainingEpoch.Loss"/> their β-weighted sum. The network is described on
/// <see cref="DeterministicAutoencoder{TOptions}"/>.</para>
/// </remarks>
public sealed class SparseAutoencoder : DeterministicAutoencoder<SparseOptions>
{
    /// <summary>Creates an untrained sparse autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public SparseAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0)
        : base(inputSize, hiddenSizes, codeSize, seed)
    {
    }
}
