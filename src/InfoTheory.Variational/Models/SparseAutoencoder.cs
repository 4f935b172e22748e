namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder whose sigmoid code units are pushed to fire rarely: min ‖x − d(e(x))‖² + β Σ_j KL(ρ ‖ ρ̂_j).</summary>
/// <remarks>
/// <para>ρ̂_j is the mean activation of code unit j over the minibatch and KL(ρ ‖ ρ̂_j) the Bernoulli divergence
/// (<see cref="SparsityPenalty"/>), so each unit is driven to be active for a fraction ρ (5% by default) of the
/// examples (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011). <see cref="TrainingEpoch.Reconstruction"/>
/// is the squared error per example, <see cref="TrainingEpoch.Regularization"/> the penalty Σ_j KL(ρ ‖ ρ̂_j) in nats
/// and <see cref="TrainingEpoch.Loss"/> their β-weighted sum. The network is described on
/// <see cref="DeterministicAutoencoder"/>.</para>
/// </remarks>
public sealed class SparseAutoencoder : DeterministicAutoencoder
{
    /// <summary>Creates an untrained sparse autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <param name="targetActivation">ρ, the desired mean activation of every code unit, strictly between 0 and 1; 0.05 by default.</param>
    /// <param name="sparsityWeight">β, the weight of the sparsity penalty, finite and &gt;= 0; 1 by default (0 trains a plain autoencoder that still reports the penalty).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A size is below 1, two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements,
    /// <paramref name="targetActivation"/> is not strictly between 0 and 1, or <paramref name="sparsityWeight"/> is negative, NaN or infinite.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public SparseAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0, double targetActivation = 0.05, double sparsityWeight = 1.0)
        : base(inputSize, hiddenSizes, codeSize, seed, new SparseObjective(targetActivation, sparsityWeight, nameof(targetActivation), nameof(sparsityWeight)))
    {
    }

    /// <summary>ρ, the target mean activation of every code unit.</summary>
    public double TargetActivation => ((SparseObjective)Core.Objective).TargetActivation;

    /// <summary>β, the weight of the sparsity penalty.</summary>
    public double SparsityWeight => ((SparseObjective)Core.Objective).SparsityWeight;

    /// <summary>Rebuilds a sparse autoencoder saved by <see cref="DeterministicAutoencoder.Save"/>: its sizes, ρ and β come from the file's description.</summary>
    /// <param name="path">A file written by <see cref="DeterministicAutoencoder.Save"/> of a <see cref="SparseAutoencoder"/>.</param>
    /// <returns>The saved model, ready to encode or train further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt, describes another kind of model, or has no description (written before format version 2: construct the model and call <see cref="DeterministicAutoencoder.LoadParameters"/>).</exception>
    public static SparseAutoencoder Load(string path)
        => Load(path, nameof(SparseAutoencoder), static (description, inputSize, hidden, codeSize)
            => new SparseAutoencoder(inputSize, hidden, codeSize, targetActivation: description.Number("target_activation"), sparsityWeight: description.Number("sparsity_weight")));
}
