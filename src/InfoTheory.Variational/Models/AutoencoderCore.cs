using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;
using InfoTheory.Variational.Serialization;

namespace InfoTheory.Variational.Models;

/// <summary>
/// The network and training loop shared by the plain, denoising and sparse autoencoders: an MLP encoder
/// with ReLU hidden layers and a sigmoid code, a mirrored ReLU decoder with a linear output, and squared error.
/// </summary>
internal sealed class AutoencoderCore : Module<float>
{
    private readonly Sequential<float> _encoder;
    private readonly Sequential<float> _decoder;

    public AutoencoderCore(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed)
    {
        Guard.InRange(inputSize, 1, int.MaxValue, nameof(inputSize));
        int[] hidden = ModelInput.LayerSizes(hiddenSizes, nameof(hiddenSizes));
        Guard.InRange(codeSize, 1, int.MaxValue, nameof(codeSize));
        ModelInput.LayerWeights(inputSize, hidden, codeSize, nameof(hiddenSizes), nameof(codeSize));
        InputSize = inputSize;
        CodeSize = codeSize;
        HiddenSizes = hidden;
        var random = new Random(seed);

        var encoderLayers = new List<Module<float>>();
        int width = inputSize;
        foreach (int h in hidden)
        {
            encoderLayers.Add(new Linear<float>(width, h, random, WeightInitialization.HeNormal));
            encoderLayers.Add(new Relu<float>());
            width = h;
        }

        encoderLayers.Add(new Linear<float>(width, codeSize, random));
        encoderLayers.Add(new Sigmoid<float>());

        var decoderLayers = new List<Module<float>>();
        width = codeSize;
        for (int i = hidden.Length - 1; i >= 0; i--)
        {
            decoderLayers.Add(new Linear<float>(width, hidden[i], random, WeightInitialization.HeNormal));
            decoderLayers.Add(new Relu<float>());
            width = hidden[i];
        }

        decoderLayers.Add(new Linear<float>(width, inputSize, random));
        _encoder = RegisterModule("encoder", new Sequential<float>([.. encoderLayers]));
        _decoder = RegisterModule("decoder", new Sequential<float>([.. decoderLayers]));
    }

    public int InputSize { get; }

    public int CodeSize { get; }

    public IReadOnlyList<int> HiddenSizes { get; }

    public override AutodiffTensor<float> Forward(AutodiffTensor<float> input) => _decoder.Forward(_encoder.Forward(input));

    /// <summary>Trains with the corruption of <see cref="DenoisingOptions"/> or the penalty of <see cref="SparseOptions"/> when the options carry one.</summary>
    public TrainingHistory Fit(Dataset data, TrainingOptions options, IProgress<TrainingEpoch>? progress)
    {
        Corruption? corruption = (options as DenoisingOptions)?.Corruption;
        var sparsity = options as SparseOptions;
        var optimizer = new Adam<float>(Parameters(), options.LearningRate);
        float[] corrupted = corruption is null ? [] : new float[Math.Min(options.BatchSize, data.Count) * InputSize];
        return MinibatchTrainer.Run(data, options, progress, optimizer, (batch, rows, random) =>
        {
            using (TensorScope.Begin())
            {
                var clean = AutodiffTensor.FromValues<float>(batch, rows, InputSize);
                var input = clean;
                if (corruption is not null)
                {
                    corruption.Apply(batch, random, corrupted);
                    input = AutodiffTensor.FromValues<float>(corrupted.AsSpan(0, batch.Length), rows, InputSize);
                }

                var code = _encoder.Forward(input);
                var reconstruction = (_decoder.Forward(code) - clean).Square().Sum() * (1f / rows);
                var loss = reconstruction;
                AutodiffTensor<float>? penalty = null;
                if (sparsity is not null)
                {
                    penalty = SparsityPenalty.EvaluateUnchecked(code, sparsity.TargetActivation);
                    loss = reconstruction + (penalty * (float)sparsity.SparsityWeight);
                }

                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                return (loss.Item, reconstruction.Item, penalty?.Item ?? 0.0);
            }
        });
    }

    public float[,] Encode(ReadOnlySpan<float> rows) => ModelInput.Map(rows, InputSize, CodeSize, _encoder.Forward);

    public float[,] Decode(ReadOnlySpan<float> codes) => ModelInput.Map(codes, CodeSize, InputSize, _decoder.Forward);

    public float[,] Reconstruct(ReadOnlySpan<float> rows) => ModelInput.Map(rows, InputSize, InputSize, Forward);

    public void Save(string path) => ParameterFile.Save(this, path);

    public void Load(string path) => ParameterFile.Load(this, path);
}
