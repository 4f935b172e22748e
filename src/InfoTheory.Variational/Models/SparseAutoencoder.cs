using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Models;

/// <summary>An autoencoder whose sigmoid code units are pushed to fire rarely: min ‖x − d(e(x))‖² + β Σ_j KL(ρ ‖ ρ̂_j).</summary>
/// <remarks>
/// <para>ρ̂_j is the mean activation of code unit j over the minibatch and KL(ρ ‖ ρ̂_j) the Bernoulli divergence
/// (<see cref="SparsityPenalty"/>), so each unit is driven to be active for a fraction ρ (5% by default) of the
/// examples (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011). The network is that of
/// <see cref="Autoencoder"/>: ReLU hidden layers, a sigmoid code, a mirrored decoder with a linear output.</para>
/// <para>Initial weights come from the constructor's seed and batch order from <see cref="TrainingOptions.Seed"/>,
/// so the same seeds give the same parameters bit for bit.</para>
/// </remarks>
public sealed class SparseAutoencoder
{
    private readonly AutoencoderCore _core;

    /// <summary>Creates an untrained autoencoder.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="codeSize">Width of the sigmoid code layer, &gt;= 1.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> is null.</exception>
    public SparseAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed = 0)
        => _core = new AutoencoderCore(inputSize, hiddenSizes, codeSize, seed);

    /// <summary>Features per example.</summary>
    public int InputSize => _core.InputSize;

    /// <summary>Width of the code layer.</summary>
    public int CodeSize => _core.CodeSize;

    /// <summary>Widths of the encoder's hidden layers, input side first.</summary>
    public IReadOnlyList<int> HiddenSizes => _core.HiddenSizes;

    /// <summary>Trains on <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, <see cref="InputSize"/> features each.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; the defaults of <see cref="SparseOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses; <see cref="TrainingEpoch.Reconstruction"/> is the squared error per example, <see cref="TrainingEpoch.Regularization"/> the penalty Σ_j KL(ρ ‖ ρ̂_j) in nats and <see cref="TrainingEpoch.Loss"/> their β-weighted sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    /// <exception cref="InvalidOperationException">The loss became non-finite (learning rate too large); the parameters are restored to their values before the call.</exception>
    public TrainingHistory Fit(Dataset data, SparseOptions? options = null, IProgress<TrainingEpoch>? progress = null)
    {
        options ??= new SparseOptions();
        return _core.Fit(ModelInput.Check(data, InputSize, nameof(data)), options, progress, corruption: null, options);
    }

    /// <summary>Trains on the rows of <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, one per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; the defaults of <see cref="SparseOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses; <see cref="TrainingEpoch.Reconstruction"/> is the squared error per example, <see cref="TrainingEpoch.Regularization"/> the penalty Σ_j KL(ρ ‖ ρ̂_j) in nats and <see cref="TrainingEpoch.Loss"/> their β-weighted sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    /// <exception cref="InvalidOperationException">The loss became non-finite (learning rate too large); the parameters are restored to their values before the call.</exception>
    public TrainingHistory Fit(float[,] data, SparseOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Fit(ModelInput.AsDataset(ModelInput.Rows(data, InputSize, nameof(data)), InputSize), options, progress);

    /// <inheritdoc cref="Fit(float[,], SparseOptions?, IProgress{TrainingEpoch}?)"/>
    /// <remarks>Values are rounded to single precision, in which the model computes.</remarks>
    public TrainingHistory Fit(double[,] data, SparseOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Fit(ModelInput.AsDataset(ModelInput.Rows(data, InputSize, nameof(data)), InputSize), options, progress);

    /// <summary>The codes e(x) of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features.</param>
    /// <returns>One row of <see cref="CodeSize"/> sigmoid activations in [0, 1] per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Encode(Dataset data) => _core.Encode(ModelInput.Check(data, InputSize, nameof(data)).Features);

    /// <summary>The codes e(x) of the rows of <paramref name="data"/>.</summary>
    /// <param name="data">One example per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="CodeSize"/> sigmoid activations in [0, 1] per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Encode(float[,] data) => _core.Encode(ModelInput.Rows(data, InputSize, nameof(data)));

    /// <inheritdoc cref="Encode(float[,])"/>
    public double[,] Encode(double[,] data) => ModelInput.ToDouble(_core.Encode(ModelInput.Rows(data, InputSize, nameof(data))));

    /// <summary>The outputs d(c) for the codes in the rows of <paramref name="codes"/>.</summary>
    /// <param name="codes">One code per row, <see cref="CodeSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="InputSize"/> values per code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="codes"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Decode(float[,] codes) => _core.Decode(ModelInput.Rows(codes, CodeSize, nameof(codes)));

    /// <inheritdoc cref="Decode(float[,])"/>
    public double[,] Decode(double[,] codes) => ModelInput.ToDouble(_core.Decode(ModelInput.Rows(codes, CodeSize, nameof(codes))));

    /// <summary>The reconstructions d(e(x)) of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features.</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Reconstruct(Dataset data) => _core.Reconstruct(ModelInput.Check(data, InputSize, nameof(data)).Features);

    /// <summary>The reconstructions d(e(x)) of the rows of <paramref name="data"/>.</summary>
    /// <param name="data">One example per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Reconstruct(float[,] data) => _core.Reconstruct(ModelInput.Rows(data, InputSize, nameof(data)));

    /// <inheritdoc cref="Reconstruct(float[,])"/>
    public double[,] Reconstruct(double[,] data) => ModelInput.ToDouble(_core.Reconstruct(ModelInput.Rows(data, InputSize, nameof(data))));

    /// <summary>Writes the parameters to a safetensors file through <see cref="Serialization.ParameterFile"/>, replacing it atomically.</summary>
    /// <param name="path">The destination file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => _core.Save(path);

    /// <summary>Replaces the parameters with those saved by a model of the same sizes.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or its tensors do not match this model's sizes; the model is unchanged.</exception>
    public void Load(string path) => _core.Load(path);
}
