using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Models;

/// <summary>
/// What the plain, denoising and sparse autoencoders share: an MLP encoder e with ReLU hidden layers and a sigmoid
/// code, a mirrored decoder d with a linear output, squared-error training with Adam, and encode, decode,
/// reconstruct, save and load.
/// </summary>
/// <typeparam name="TOptions">The training options of the concrete model, which select its corruption or penalty.</typeparam>
/// <remarks>
/// <para>Hidden layers start He-normal, the code and output layers Xavier-uniform, biases at 0 (Hinton and
/// Salakhutdinov, Science 313, 2006, for the model). Only this library derives from it:
/// <see cref="Autoencoder"/>, <see cref="DenoisingAutoencoder"/> and <see cref="SparseAutoencoder"/>.</para>
/// <para>Initial weights come from the constructor's seed, batch order and training noise from
/// <see cref="TrainingOptions.Seed"/>, so the same seeds give the same parameters bit for bit.</para>
/// <para>Thread safety: <c>Encode</c>, <c>Decode</c>, <c>Reconstruct</c> and <see cref="Save"/> only read the
/// parameters and may run concurrently on one model. <c>Fit</c> and <see cref="Load"/> write them: while one runs, no
/// other call on the same model may. Separate models are independent.</para>
/// </remarks>
public abstract class DeterministicAutoencoder<TOptions>
    where TOptions : TrainingOptions, new()
{
    private readonly AutoencoderCore _core;

    private protected DeterministicAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed)
        => _core = new AutoencoderCore(inputSize, hiddenSizes, codeSize, seed);

    /// <summary>Features per example.</summary>
    public int InputSize => _core.InputSize;

    /// <summary>Width of the code layer.</summary>
    public int CodeSize => _core.CodeSize;

    /// <summary>Widths of the encoder's hidden layers, input side first.</summary>
    public IReadOnlyList<int> HiddenSizes => _core.HiddenSizes;

    /// <summary>Trains on <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, <see cref="InputSize"/> features each.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; a default-constructed <typeparamref name="TOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses; the derived class says what <see cref="TrainingEpoch.Loss"/> and its terms are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features, or <paramref name="options"/> is of a type derived from <typeparamref name="TOptions"/> (another model's options).</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(Dataset data, TOptions? options = null, IProgress<TrainingEpoch>? progress = null)
    {
        ModelInput.Check(data, InputSize, nameof(data));

        // The options' type selects the objective, so options of another model would silently change it.
        if (options is not null && options.GetType() != typeof(TOptions))
        {
            throw new ArgumentException(
                $"{nameof(options)} is a {options.GetType().Name} but {GetType().Name} trains with {typeof(TOptions).Name}.", nameof(options));
        }

        return _core.Fit(data, options ?? new TOptions(), progress);
    }

    /// <summary>Trains on the rows of <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, one per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; a default-constructed <typeparamref name="TOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses; the derived class says what <see cref="TrainingEpoch.Loss"/> and its terms are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry, or <paramref name="options"/> is of a type derived from <typeparamref name="TOptions"/>.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(float[,] data, TOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Fit(ModelInput.AsDataset(ModelInput.Rows(data, InputSize, nameof(data)), InputSize), options, progress);

    /// <inheritdoc cref="Fit(float[,], TOptions?, IProgress{TrainingEpoch}?)"/>
    /// <remarks>Values are rounded to single precision, in which the model computes.</remarks>
    public TrainingHistory Fit(double[,] data, TOptions? options = null, IProgress<TrainingEpoch>? progress = null)
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
