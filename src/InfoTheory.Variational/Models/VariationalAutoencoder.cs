using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Losses;
using InfoTheory.Variational.Optim;
using InfoTheory.Variational.Serialization;

namespace InfoTheory.Variational.Models;

/// <summary>
/// A variational autoencoder: encoder q(z|x) = N(μ(x), diag σ²(x)), prior p(z) = N(0, I), decoder p(x|z) given by a
/// <see cref="Likelihood{T}"/>, trained by minimizing the negative ELBO −E_q[log p(x|z)] + β KL(q(z|x) ‖ p(z)).
/// </summary>
/// <remarks>
/// <para>Kingma and Welling, "Auto-Encoding Variational Bayes", ICLR 2014. The encoder is an MLP with ReLU hidden
/// layers and two linear heads for μ and log σ²; every weight and bias starts uniform on ±1/√fan_in (PyTorch's
/// default, so runs compare with PyTorch ones); the decoder mirrors the hidden layers and its
/// linear output is read by the likelihood (logits for <see cref="BernoulliLikelihood{T}"/>, means for
/// <see cref="GaussianLikelihood{T}"/>). The expectation is estimated with one reparameterized sample
/// z = μ + σ·ξ per example (<see cref="Elbo"/>), the KL term analytically; β ≠ 1 gives the β-VAE.</para>
/// <para>Initial weights come from the constructor's seed, batch order and ξ from <see cref="TrainingOptions.Seed"/>,
/// so the same seeds give the same parameters bit for bit.</para>
/// <para>Thread safety: <c>Encode</c>, <c>EncodeLogVariance</c>, <c>Decode</c>, <c>Reconstruct</c>, <c>Sample</c>
/// (each thread with its own <see cref="Random"/>), <c>Evaluate</c> and <see cref="Save"/> only read the parameters and
/// may run concurrently on one model. <c>Fit</c> and <see cref="Load"/> write them: while one runs, no other call on the
/// same model may. Separate models are independent, also when they share a parameter-free likelihood.</para>
/// </remarks>
public sealed class VariationalAutoencoder
{
    private const int EvaluationChunk = 1024;

    private readonly VaeNetwork _network;

    /// <summary>Creates an untrained VAE.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="latentSize">d, the dimension of z, &gt;= 1.</param>
    /// <param name="likelihood">p(x|z): <c>new BernoulliLikelihood&lt;float&gt;()</c> for data in [0, 1], a <see cref="GaussianLikelihood{T}"/> for real values. Its parameters (a learned variance) are trained, saved and loaded with the model, so a likelihood with parameters belongs to one model; a parameter-free one (Bernoulli, fixed variance) may be shared.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, or two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> or <paramref name="likelihood"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="likelihood"/> has learned parameters and already belongs to another model.</exception>
    public VariationalAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int latentSize, Likelihood<float> likelihood, int seed = 0)
    {
        Guard.InRange(inputSize, 1, int.MaxValue, nameof(inputSize));
        int[] hidden = ModelInput.LayerSizes(hiddenSizes, nameof(hiddenSizes));
        Guard.InRange(latentSize, 1, int.MaxValue, nameof(latentSize));
        ModelInput.LayerWeights(inputSize, hidden, latentSize, nameof(hiddenSizes), nameof(latentSize));
        ArgumentNullException.ThrowIfNull(likelihood);
        InputSize = inputSize;
        LatentSize = latentSize;
        HiddenSizes = hidden;
        _network = new VaeNetwork(inputSize, hidden, latentSize, likelihood, new Random(seed));
        likelihood.Claim(this, nameof(likelihood));
    }

    /// <summary>Features per example.</summary>
    public int InputSize { get; }

    /// <summary>d, the dimension of the latent code z.</summary>
    public int LatentSize { get; }

    /// <summary>Widths of the encoder's hidden layers, input side first.</summary>
    public IReadOnlyList<int> HiddenSizes { get; }

    /// <summary>The observation model p(x|z).</summary>
    public Likelihood<float> Likelihood => _network.Likelihood;

    /// <summary>Trains on <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, <see cref="InputSize"/> features each, inside the likelihood's support ([0, 1] for Bernoulli).</param>
    /// <param name="options">Epochs, batch size, learning rate, seed and β; the defaults of <see cref="VaeOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>
    /// The per-epoch losses in nats per example: <see cref="TrainingEpoch.Reconstruction"/> = −E_q[log p(x|z)],
    /// <see cref="TrainingEpoch.Regularization"/> = KL(q ‖ p), <see cref="TrainingEpoch.Loss"/> = reconstruction + β KL.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features or leaves the likelihood's support.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(Dataset data, VaeOptions? options = null, IProgress<TrainingEpoch>? progress = null)
    {
        CheckSupport(ModelInput.Check(data, InputSize, nameof(data)).Features, nameof(data));
        options ??= new VaeOptions();
        var elboOptions = new ElboOptions { Beta = options.KlWeight };
        var optimizer = new Adam<float>(_network.Parameters(), options.LearningRate);
        return MinibatchTrainer.Run(data, options, progress, optimizer, (batch, rows, random) =>
        {
            using (TensorScope.Begin())
            {
                var x = AutodiffTensor.FromValues<float>(batch, rows, InputSize);
                var terms = Elbo.Evaluate(x, _network.Posterior(x, training: true), _network.Decoder, _network.Likelihood, random, LossReduction.Mean, elboOptions);
                optimizer.ZeroGrad();
                terms.Loss.Backward();
                optimizer.Step();
                return (terms.Loss.Item, terms.Reconstruction.Item, terms.Kl.Item);
            }
        });
    }

    /// <summary>Trains on the rows of <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">One example per row, <see cref="InputSize"/> finite columns inside the likelihood's support, at least one row.</param>
    /// <param name="options">Epochs, batch size, learning rate, seed and β; the defaults of <see cref="VaeOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>The per-epoch losses in nats per example, as <see cref="Fit(Dataset, VaeOptions?, IProgress{TrainingEpoch}?)"/> returns them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, a non-finite entry, or an entry outside the likelihood's support.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(float[,] data, VaeOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Fit(ModelInput.AsDataset(ModelInput.Rows(data, InputSize, nameof(data)), InputSize), options, progress);

    /// <inheritdoc cref="Fit(float[,], VaeOptions?, IProgress{TrainingEpoch}?)"/>
    /// <remarks>Values are rounded to single precision, in which the model computes.</remarks>
    public TrainingHistory Fit(double[,] data, VaeOptions? options = null, IProgress<TrainingEpoch>? progress = null)
        => Fit(ModelInput.AsDataset(ModelInput.Rows(data, InputSize, nameof(data)), InputSize), options, progress);

    /// <summary>The posterior means μ(x) of the examples: their deterministic latent codes.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features.</param>
    /// <returns>One row of <see cref="LatentSize"/> means per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Encode(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, LatentSize, _network.Mean);

    /// <summary>The posterior means μ(x) of the rows of <paramref name="data"/>.</summary>
    /// <param name="data">One example per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="LatentSize"/> means per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Encode(float[,] data) => ModelInput.Map(ModelInput.Rows(data, InputSize, nameof(data)), InputSize, LatentSize, _network.Mean);

    /// <inheritdoc cref="Encode(float[,])"/>
    public double[,] Encode(double[,] data) => ModelInput.ToDouble(ModelInput.Map(ModelInput.Rows(data, InputSize, nameof(data)), InputSize, LatentSize, _network.Mean));

    /// <summary>The posterior log-variances log σ²(x) of the examples, which with <see cref="Encode(Dataset)"/> give q(z|x).</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features.</param>
    /// <returns>One row of <see cref="LatentSize"/> log-variances per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] EncodeLogVariance(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, LatentSize, _network.LogVariance);

    /// <summary>The mean reconstructions E[x|z] for the latent codes in the rows of <paramref name="latents"/>.</summary>
    /// <param name="latents">One code z per row, <see cref="LatentSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="InputSize"/> values per code (pixel probabilities for a Bernoulli likelihood).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="latents"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="latents"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Decode(float[,] latents) => ModelInput.Map(ModelInput.Rows(latents, LatentSize, nameof(latents)), LatentSize, InputSize, _network.DecodeMean);

    /// <inheritdoc cref="Decode(float[,])"/>
    public double[,] Decode(double[,] latents) => ModelInput.ToDouble(ModelInput.Map(ModelInput.Rows(latents, LatentSize, nameof(latents)), LatentSize, InputSize, _network.DecodeMean));

    /// <summary>The mean reconstructions E[x | z = μ(x)] of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features.</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Reconstruct(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, InputSize, _network.Forward);

    /// <summary>The mean reconstructions E[x | z = μ(x)] of the rows of <paramref name="data"/>.</summary>
    /// <param name="data">One example per row, <see cref="InputSize"/> finite columns, at least one row.</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows, the wrong column count, or a non-finite entry.</exception>
    public float[,] Reconstruct(float[,] data) => ModelInput.Map(ModelInput.Rows(data, InputSize, nameof(data)), InputSize, InputSize, _network.Forward);

    /// <inheritdoc cref="Reconstruct(float[,])"/>
    public double[,] Reconstruct(double[,] data) => ModelInput.ToDouble(ModelInput.Map(ModelInput.Rows(data, InputSize, nameof(data)), InputSize, InputSize, _network.Forward));

    /// <summary>Draws z ~ N(0, I) from the prior and returns the decoded means E[x|z].</summary>
    /// <param name="count">How many samples, &gt;= 1.</param>
    /// <param name="random">The source of z; the same seed gives the same samples.</param>
    /// <returns><paramref name="count"/> rows of <see cref="InputSize"/> values (pixel probabilities for a Bernoulli likelihood).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is &lt; 1, or count × <see cref="LatentSize"/> or count × <see cref="InputSize"/> exceeds <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public float[,] Sample(int count, Random random)
    {
        Guard.InRange(count, 1, int.MaxValue, nameof(count));
        ArgumentNullException.ThrowIfNull(random);
        // Both the codes and the decoded rows must fit in one array; count × LatentSize wrapped to a small buffer before.
        Guard.ElementCount(nameof(count), "count × InputSize", count, InputSize);
        var z = new float[Guard.ElementCount(nameof(count), "count × LatentSize", count, LatentSize)];
        AutodiffTensor<float>.FillNormal(random, 0f, 1f, z);
        return ModelInput.Map(z, LatentSize, InputSize, _network.DecodeMean);
    }

    /// <inheritdoc cref="Sample(int, Random)"/>
    /// <param name="count">How many samples, &gt;= 1.</param>
    /// <param name="seed">Seeds the generator of z.</param>
    public float[,] Sample(int count, int seed) => Sample(count, new Random(seed));

    /// <summary>The negative ELBO of the examples and its two terms, averaged over examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features inside the likelihood's support.</param>
    /// <param name="seed">Seeds the reparameterization noise.</param>
    /// <param name="samples">L &gt;= 1, the samples of z per example that estimate E_q[log p(x|z)]; the KL term is exact.</param>
    /// <returns>Reconstruction and KL in nats per example; <see cref="ElboEvaluation.NegativeElbo"/> bounds −log p(x) from above.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features or leaves the likelihood's support.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is &lt; 1.</exception>
    public ElboEvaluation Evaluate(Dataset data, int seed, int samples = 1)
    {
        ReadOnlySpan<float> rows = ModelInput.Check(data, InputSize, nameof(data)).Features;
        Guard.InRange(samples, 1, int.MaxValue, nameof(samples));
        CheckSupport(rows, nameof(data));
        var random = new Random(seed);
        var options = new ElboOptions { Samples = samples };
        double reconstruction = 0, kl = 0;
        using (Autograd.NoGrad())
        {
            for (int start = 0; start < data.Count; start += EvaluationChunk)
            {
                int n = Math.Min(EvaluationChunk, data.Count - start);
                using (TensorScope.Begin())
                {
                    var x = AutodiffTensor.FromValues<float>(rows.Slice(start * InputSize, n * InputSize), n, InputSize);
                    var terms = Elbo.Evaluate(x, _network.Posterior(x), _network.Decoder, _network.Likelihood, random, LossReduction.Mean, options);
                    reconstruction += (double)terms.Reconstruction.Item * n;
                    kl += (double)terms.Kl.Item * n;
                }
            }
        }

        return new ElboEvaluation(reconstruction / data.Count, kl / data.Count);
    }

    /// <summary>Writes the parameters (including a learned likelihood variance) to a safetensors file through <see cref="ParameterFile"/>, replacing it atomically.</summary>
    /// <param name="path">The destination file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => ParameterFile.Save(_network, path);

    /// <summary>Replaces the parameters with those saved by a model of the same sizes and likelihood.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or its tensors do not match this model; the model is unchanged.</exception>
    public void Load(string path) => ParameterFile.Load(_network, path);

    private void CheckSupport(ReadOnlySpan<float> rows, string paramName)
    {
        int count = rows.Length / InputSize;
        using (Autograd.NoGrad())
        {
            for (int start = 0; start < count; start += EvaluationChunk)
            {
                int n = Math.Min(EvaluationChunk, count - start);
                using (TensorScope.Begin())
                {
                    var x = AutodiffTensor.FromValues<float>(rows.Slice(start * InputSize, n * InputSize), n, InputSize);
                    try
                    {
                        // The likelihood owns the definition of its support; evaluating it is the check.
                        _network.Likelihood.LogProb(AutodiffTensor.Zeros<float>(n, InputSize), x);
                    }
                    catch (ArgumentException e)
                    {
                        throw Guard.Restate(e, $"{paramName} rows {start}..{start + n - 1}, element", paramName);
                    }
                }
            }
        }
    }
}
