using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;
using InfoTheory.Variational.Serialization;

namespace InfoTheory.Variational.Models;

// <summary>
// The network and training loop shared by the plain, denoising and sparse autoencoders: an MLP encoder
// with ReLU hidden layers and a sigmoid code, a mirrored ReLU decoder with a linear output, and squared error,
// plus what the model's <see cref="AutoencoderObjective"/> adds (input corruption, a code penalty).
// </summary>
internal sealed class AutoencoderCore : Module<float>
{
    // <summary>The activations every autoencoder of this library uses, as its saved description states them.</summary>
    public const string Activations = "encoder:relu,code:sigmoid,decoder:relu,output:linear";

    // <summary>The description key of the code width.</summary>
    public const string CodeSizeKey = "code_size";

    private readonly AutoencoderObjective _objective;
    private readonly InputCorruption? _corruption;
    private readonly Sequential<float> _encoder;
    private readonly Sequential<float> _decoder;

    public AutoencoderCore(int inputSize, IReadOnlyList<int> hiddenSizes, int codeSize, int seed, AutoencoderObjective objective)
    {
        Guard.InRange(inputSize, 1, int.MaxValue, nameof(inputSize));
        int[] hidden = ModelInput.LayerSizes(hiddenSizes, nameof(hiddenSizes));
        Guard.InRange(codeSize, 1, int.MaxValue, nameof(codeSize));
        ModelInput.LayerWeights(inputSize, hidden, codeSize, nameof(hiddenSizes), nameof(codeSize));
        InputSize = inputSize;
        CodeSize = codeSize;
        HiddenSizes = hidden;
        _objective = objective;
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

        // Parameter-free, so registering it first leaves the parameter names of saved files as they were.
        _corruption = objective.CreateInputLayer() is { } layer ? RegisterModule("corruption", layer) : null;
        _encoder = RegisterModule("encoder", new Sequential<float>([.. encoderLayers]));
        _decoder = RegisterModule("decoder", new Sequential<float>([.. decoderLayers]));
        Eval();
    }

    public int InputSize { get; }

    public int CodeSize { get; }

    public IReadOnlyList<int> HiddenSizes { get; }

    public AutoencoderObjective Objective => _objective;

    // <summary>The input layer of a denoising objective, or null.</summary>
    public InputCorruption? Corruption => _corruption;

    // <summary>d(e(x)), with x corrupted first in training mode when the objective corrupts.</summary>
    public override AutodiffTensor<float> Forward(AutodiffTensor<float> input) => _decoder.Forward(Code(input));

    // <summary>Trains with the objective's corruption and penalty, in training mode for the length of the run.</summary>
    public TrainingHistory Fit(Dataset data, TrainingOptions options, IProgress<TrainingEpoch>? progress)
    {
        var optimizer = new Adam<float>(Parameters(), options.LearningRate);
        var random = new Random(options.Seed);
        if (_corruption is not null)
        {
            _corruption.Generator = random;
        }

        try
        {
            return MinibatchTrainer.Run(this, data, options, random, progress, optimizer, (batch, rows, _) =>
            {
                using (TensorScope.Begin())
                {
                    var clean = AutodiffTensor.FromValues<float>(batch, rows, InputSize);
                    var code = Code(clean);
                    var reconstruction = (_decoder.Forward(code) - clean).Square().Sum() * (1f / rows);
                    var loss = reconstruction;
                    var penalty = _objective.Penalty(code);
                    if (penalty is { } p)
                    {
                        loss = reconstruction + p.Weighted;
                    }

                    optimizer.ZeroGrad();
                    loss.Backward();
                    optimizer.Step();
                    return (loss.Item, reconstruction.Item, penalty?.Value.Item ?? 0.0);
                }
            });
        }
        finally
        {
            if (_corruption is not null)
            {
                _corruption.Generator = null;
            }
        }
    }

    public float[,] Encode(ReadOnlySpan<float> rows) => ModelInput.Map(rows, InputSize, CodeSize, Code);

    public float[,] Decode(ReadOnlySpan<float> codes) => ModelInput.Map(codes, CodeSize, InputSize, _decoder.Forward);

    public float[,] Reconstruct(ReadOnlySpan<float> rows) => ModelInput.Map(rows, InputSize, InputSize, Forward);

    // <summary>What <see cref="ModelDescription"/> records for this network.</summary>
    public ModelDescription Describe()
    {
        var description = ModelDescription.Create(_objective.Kind, InputSize, HiddenSizes, CodeSizeKey, CodeSize, Activations);
        _objective.Describe(description);
        return description;
    }

    // <summary>The parameters of a network of these sizes: encoder input → hidden… → code, decoder code → hidden… → input.</summary>
    public static long ParameterCount(int inputSize, int[] hidden, int codeSize)
        => ModelDescription.DenseParameters([inputSize, .. hidden, codeSize]) + ModelDescription.DenseParameters([codeSize, .. Enumerable.Reverse(hidden), inputSize]);

    public void Save(string path) => ParameterFile.Save(this, path, Describe().Entries);

    public void LoadParameters(string path) => ParameterFile.Load(this, path);

    private AutodiffTensor<float> Code(AutodiffTensor<float> input) => _encoder.Forward(_corruption?.Forward(input) ?? input);
}
