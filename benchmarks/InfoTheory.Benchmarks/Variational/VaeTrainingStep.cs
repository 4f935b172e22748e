using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Benchmarks.Variational;

/// <summary>
/// The canonical VAE of Kingma and Welling (784 → 400 → (20 μ, 20 log σ²) → 400 → 784, Bernoulli
/// decoder) built only from engine operations, with one Adam step per call: the workload the
/// issue compares with PyTorch (~15 ms per step of batch 128 on this machine). The two 400 → 20
/// heads are one 400 → 40 layer sliced in two: the same function, one product instead of two. The layers' weights
/// are applied with <see cref="AutodiffTensor.Linear{T}"/> and the given matrix-product options, as a user would
/// choose a kernel or a thread budget.
/// </summary>
public sealed class VaeTrainingStep
{
    private const int Pixels = 784;
    private const int Hidden = 400;
    private const int Latent = 20;

    private readonly Linear<float> _encoder;
    private readonly Linear<float> _heads;
    private readonly Linear<float> _decoderHidden;
    private readonly Linear<float> _decoderOut;
    private readonly Adam<float> _optimizer;
    private readonly Random _noise;
    private readonly float[] _batch;
    private readonly int _batchSize;
    private readonly MatrixProductOptions? _products;

    public VaeTrainingStep(int batchSize, int seed, MatrixProductOptions? products = null)
    {
        _products = products;
        var random = new Random(seed);
        _batchSize = batchSize;
        _encoder = new Linear<float>(Pixels, Hidden, random, WeightInitialization.HeNormal);
        _heads = new Linear<float>(Hidden, 2 * Latent, random);
        _decoderHidden = new Linear<float>(Latent, Hidden, random, WeightInitialization.HeNormal);
        _decoderOut = new Linear<float>(Hidden, Pixels, random);
        var parameters = new[] { _encoder, _heads, _decoderHidden, _decoderOut }.SelectMany(l => l.Parameters());
        _optimizer = new Adam<float>(parameters, learningRate: 1e-3);
        _noise = new Random(seed + 1);
        _batch = new float[batchSize * Pixels];
        for (int i = 0; i < _batch.Length; i++)
        {
            _batch[i] = random.NextDouble() < 0.2 ? 1f : 0f;
        }
    }

    /// <summary>Forward, backward and one Adam update; returns the loss (nats per example).</summary>
    public float Step()
    {
        using (TensorScope.Begin())
        {
            var x = AutodiffTensor.FromValues<float>(_batch, _batchSize, Pixels);
            var h = Dense(_encoder, x).Relu();
            var heads = Dense(_heads, h);
            var mu = heads.Slice(1, 0, Latent);
            var logVar = heads.Slice(1, Latent, Latent);
            var eps = AutodiffTensor.RandomNormal(_noise, 0f, 1f, _batchSize, Latent);
            var z = mu + ((logVar * 0.5f).Exp() * eps);
            var logits = Dense(_decoderOut, Dense(_decoderHidden, z).Relu());
            var reconstruction = AutodiffTensor.BinaryCrossEntropyWithLogits(logits, x, LossReduction.Sum);
            var kl = (1f + logVar - mu.Square() - logVar.Exp()).Sum() * -0.5f;
            var loss = (reconstruction + kl) * (1f / _batchSize);
            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            return loss.Item;
        }
    }

    private AutodiffTensor<float> Dense(Linear<float> layer, AutodiffTensor<float> input)
        => AutodiffTensor.Linear(input, layer.Weight, layer.Bias, _products);
}
