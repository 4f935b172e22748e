using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Models;

/// <summary>
/// What the plain, denoising and sparse autoencoders share: an MLP encoder e with ReLU hidden layers and a sigmoid
/// code, a mirrored decoder d with a linear output, squared-error training with Adam, and encode, decode,
/// reconstruct, save and load.
/// </summary>
/// <remarks>
/// <para>Hidden layers start He-normal, the code and output layers Xavier-uniform, biases at 0 (Hinton and
/// Salakhutdinov, Science 313, 2006, for the model). Only this library derives from it:
/// <see cref="Autoencoder"/>, <see cref="DenoisingAutoencoder"/> and <see cref="SparseAutoencoder"/>, each of which
/// gives the network its objective (corruption, sparsity penalty) at construction.</para>
/// <para>Every verb takes a <see cref="Dataset"/>; a <c>float[,]</c> or <c>double[,]</c> of rows converts to one
/// implicitly. The network is in evaluation mode except while <c>Fit</c> runs, so <c>Encode</c>, <c>Decode</c> and
/// <c>Reconstruct</c> are deterministic (a denoising model corrupts only training batches).</para>
/// <para>Initial weights come from the constructor's seed, batch order and training noise from
/// <see cref="TrainingOptions.Seed"/>, so the same seeds give the same parameters bit for bit.</para>
/// <para>Thread safety: <c>Encode</c>, <c>Decode</c>, <c>Reconstruct</c> and <see cref="Save"/> only read the
/// parameters and may run concurrently on one model. <c>Fit</c> and <see cref="LoadParameters"/> write them: while one
/// runs, no other call on the same model may. Separate models are independent.</para>
/// </remarks>
public abstract class DeterministicAutoencoder
{
    private protected DeterministicAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed, AutoencoderObjective objective)
        => Core = new AutoencoderCore(inputSize, hiddenSizes, codeSize, seed, objective);

    /// <summary>Features per example.</summary>
    public int InputSize => Core.InputSize;

    /// <summary>Width of the code layer.</summary>
    public int CodeSize => Core.CodeSize;

    /// <summary>Widths of the encoder's hidden layers, input side first.</summary>
    public IReadOnlyList<int> HiddenSizes => Core.HiddenSizes;

    internal AutoencoderCore Core { get; }

    /// <summary>Trains on <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, <see cref="InputSize"/> features each (a matrix of rows converts implicitly).</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; the defaults of <see cref="TrainingOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses; the derived class says what <see cref="TrainingEpoch.Loss"/> and its terms are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(Dataset data, TrainingOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Core.Fit(ModelInput.Check(data, InputSize, nameof(data)), options ?? new TrainingOptions(), progress);

    /// <summary>The codes e(x) of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="CodeSize"/> sigmoid activations in [0, 1] per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Encode(Dataset data) => Core.Encode(ModelInput.Check(data, InputSize, nameof(data)).Features);

    /// <summary>The outputs d(c) for the codes in <paramref name="codes"/>.</summary>
    /// <param name="codes">One code per sample, <see cref="CodeSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="InputSize"/> values per code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="codes"/> does not have <see cref="CodeSize"/> features.</exception>
    public float[,] Decode(Dataset codes) => Core.Decode(ModelInput.Check(codes, CodeSize, nameof(codes)).Features);

    /// <summary>The reconstructions d(e(x)) of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Reconstruct(Dataset data) => Core.Reconstruct(ModelInput.Check(data, InputSize, nameof(data)).Features);

    /// <summary>
    /// Writes the parameters and the model's description (kind, sizes, activations, objective settings, format and
    /// library version) to a safetensors file through <see cref="Serialization.ParameterFile"/>, replacing it atomically;
    /// the static <c>Load</c> of the model's type rebuilds the model from it.
    /// </summary>
    /// <param name="path">The destination file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => Core.Save(path);

    /// <summary>Replaces the parameters with those saved by a model of the same sizes; reads files of every format version, also those without a description.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or its tensors do not match this model's sizes (the message names the tensor and both shapes); the model is unchanged.</exception>
    public void LoadParameters(string path) => Core.LoadParameters(path);

    // <summary>Reads a description written by <see cref="Save"/> and builds the model it describes with the saved parameters.</summary>
    private protected static TModel Load<TModel>(string path, string kind, Func<ModelDescription, int, int[], int, TModel> create)
        where TModel : DeterministicAutoencoder
    {
        var description = ModelDescription.Read(path, kind, AutoencoderCore.Activations);
        int inputSize = description.Size(ModelDescription.InputSizeKey);
        int[] hidden = description.HiddenSizes();
        int codeSize = description.Size(AutoencoderCore.CodeSizeKey);
        description.RequireParameterCount(AutoencoderCore.ParameterCount(inputSize, hidden, codeSize));
        TModel model = description.Build(() => create(description, inputSize, hidden, codeSize));
        Serialization.ParameterFile.Read(description.Bytes, model.Core.NamedParameters(), path);
        return model;
    }
}
