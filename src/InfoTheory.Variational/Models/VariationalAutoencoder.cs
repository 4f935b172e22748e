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
/// so the same seeds give the same parameters bit for bit. β is part of the model (a constructor argument, saved with
/// it), the training options are those of every model.</para>
/// <para>Every verb takes a <see cref="Dataset"/>; a <c>float[,]</c> or <c>double[,]</c> of rows converts to one
/// implicitly. The network is in evaluation mode except while <c>Fit</c> runs.</para>
/// <para>Thread safety: <c>Encode</c>, <c>EncodeLogVariance</c>, <c>Decode</c>, <c>Reconstruct</c>, <c>Sample</c>
/// (each thread with its own <see cref="Random"/>), <c>Evaluate</c> and <see cref="Save"/> only read the parameters and
/// may run concurrently on one model. <c>Fit</c> and <see cref="LoadParameters"/> write them: while one runs, no other call on the
/// same model may. Separate models are independent, also when they share a parameter-free likelihood.</para>
/// </remarks>
public sealed class VariationalAutoencoder
{
    // <summary>The activations of every VAE of this library, as its saved description states them.</summary>
    private const string Activations = "encoder:relu,heads:linear,decoder:relu,output:linear";
    private const string LatentSizeKey = "latent_size";
    private const string LikelihoodKey = "likelihood";
    private const string LikelihoodVarianceKey = "likelihood_variance";
    private const string KlWeightKey = "kl_weight";
    private const string Learned = "learned";
    private const int EvaluationChunk = 1024;

    private readonly VaeNetwork _network;

    /// <summary>Creates an untrained VAE.</summary>
    /// <param name="inputSize">Features per example, &gt;= 1.</param>
    /// <param name="hiddenSizes">Widths of the encoder's hidden layers from the input side, each &gt;= 1 (the decoder mirrors them); may be empty.</param>
    /// <param name="latentSize">d, the dimension of z, &gt;= 1.</param>
    /// <param name="likelihood">p(x|z): <c>new BernoulliLikelihood&lt;float&gt;()</c> for data in [0, 1], a <see cref="GaussianLikelihood{T}"/> for real values. Its parameters (a learned variance) are trained, saved and loaded with the model, so a likelihood with parameters belongs to one model; a parameter-free one (Bernoulli, fixed variance) may be shared.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <param name="klWeight">β, the weight of the KL term, finite and &gt;= 0; 1 (the negative ELBO, Kingma and Welling, 2014) by default, &gt; 1 the β-VAE (Higgins et al., 2017).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1, two adjacent sizes (a layer's weight) multiply to more than <see cref="int.MaxValue"/> elements, or <paramref name="klWeight"/> is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hiddenSizes"/> or <paramref name="likelihood"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="likelihood"/> has learned parameters and already belongs to another model.</exception>
    public VariationalAutoencoder(int inputSize, IReadOnlyList<int> hiddenSizes, int latentSize, Likelihood<float> likelihood, int seed = 0, double klWeight = 1.0)
    {
        Guard.InRange(inputSize, 1, int.MaxValue, nameof(inputSize));
        int[] hidden = ModelInput.LayerSizes(hiddenSizes, nameof(hiddenSizes));
        Guard.InRange(latentSize, 1, int.MaxValue, nameof(latentSize));
        ModelInput.LayerWeights(inputSize, hidden, latentSize, nameof(hiddenSizes), nameof(latentSize));
        ArgumentNullException.ThrowIfNull(likelihood);
        Guard.InRange(klWeight, 0.0, double.MaxValue, nameof(klWeight));
        KlWeight = klWeight;
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

    /// <summary>β, the weight of the KL term in the training loss.</summary>
    public double KlWeight { get; }

    // <summary>The network, for tests of its modes.</summary>
    internal VaeNetwork Network => _network;

    /// <summary>Trains on <paramref name="data"/>, continuing from the current parameters with a fresh Adam optimizer.</summary>
    /// <param name="data">The training examples, <see cref="InputSize"/> features each, inside the likelihood's support ([0, 1] for Bernoulli); a matrix of rows converts implicitly.</param>
    /// <param name="options">Epochs, batch size, learning rate and seed; the defaults of <see cref="TrainingOptions"/> when null.</param>
    /// <param name="progress">Receives each epoch's losses as it ends, or null.</param>
    /// <returns>
    /// The per-epoch losses in nats per example: <see cref="TrainingEpoch.Reconstruction"/> = −E_q[log p(x|z)],
    /// <see cref="TrainingEpoch.Regularization"/> = KL(q ‖ p), <see cref="TrainingEpoch.Loss"/> = reconstruction + β KL.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features or leaves the likelihood's support.</exception>
    /// <exception cref="TrainingDivergedException">The loss or a parameter became non-finite (learning rate too large); the parameters are restored to the last good values, from the start of an epoch (see <see cref="TrainingDivergedException"/>).</exception>
    public TrainingHistory Fit(Dataset data, TrainingOptions? options = null, IProgress<TrainingEpoch>? progress = null)
    {
        CheckSupport(ModelInput.Check(data, InputSize, nameof(data)).Features, nameof(data));
        options ??= new TrainingOptions();
        var elboOptions = new ElboOptions { Beta = KlWeight };
        var optimizer = new Adam<float>(_network.Parameters(), options.LearningRate);
        return MinibatchTrainer.Run(_network, data, options, new Random(options.Seed), progress, optimizer, (batch, rows, random) =>
        {
            using (TensorScope.Begin())
            {
                var x = AutodiffTensor.FromValues<float>(batch, rows, InputSize);
                var terms = Elbo.Evaluate(x, _network.Posterior(x), _network.Decoder, _network.Likelihood, random, LossReduction.Mean, elboOptions);
                optimizer.ZeroGrad();
                terms.Loss.Backward();
                optimizer.Step();
                return (terms.Loss.Item, terms.Reconstruction.Item, terms.Kl.Item);
            }
        });
    }

    /// <summary>The posterior means μ(x) of the examples: their deterministic latent codes.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="LatentSize"/> means per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Encode(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, LatentSize, _network.Mean);

    /// <summary>The posterior log-variances log σ²(x) of the examples, which with <see cref="Encode(Dataset)"/> give q(z|x).</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="LatentSize"/> log-variances per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] EncodeLogVariance(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, LatentSize, _network.LogVariance);

    /// <summary>The mean reconstructions E[x|z] for the latent codes in <paramref name="latents"/>.</summary>
    /// <param name="latents">One code z per sample, <see cref="LatentSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="InputSize"/> values per code (pixel probabilities for a Bernoulli likelihood).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="latents"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="latents"/> does not have <see cref="LatentSize"/> features.</exception>
    public float[,] Decode(Dataset latents) => ModelInput.Map(ModelInput.Check(latents, LatentSize, nameof(latents)).Features, LatentSize, InputSize, _network.DecodeMean);

    /// <summary>The mean reconstructions E[x | z = μ(x)] of the examples.</summary>
    /// <param name="data">Examples with <see cref="InputSize"/> features (a matrix of rows converts implicitly).</param>
    /// <returns>One row of <see cref="InputSize"/> values per example.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not have <see cref="InputSize"/> features.</exception>
    public float[,] Reconstruct(Dataset data) => ModelInput.Map(ModelInput.Check(data, InputSize, nameof(data)).Features, InputSize, InputSize, _network.Forward);

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
        NormalSampler.Fill(random, 0.0, 1.0, z);
        return ModelInput.Map(z, LatentSize, InputSize, _network.DecodeMean);
    }

    /// <inheritdoc cref="Sample(int, Random)" path="/*[not(self::param)]"/>
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

    /// <summary>
    /// Writes the parameters (including a learned likelihood variance) and the model's description (sizes, activations,
    /// likelihood, β, format and library version) to a safetensors file through <see cref="ParameterFile"/>, replacing it
    /// atomically; <see cref="Load(string)"/> rebuilds the model from it.
    /// </summary>
    /// <param name="path">The destination file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => ParameterFile.Save(_network, path, Describe().Entries);

    /// <summary>Replaces the parameters with those saved by a model of the same sizes and likelihood; reads files of every format version, also those without a description.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt or its tensors do not match this model (the message names the tensor and both shapes); the model is unchanged.</exception>
    public void LoadParameters(string path) => ParameterFile.Load(_network, path);

    /// <summary>Rebuilds a VAE saved by <see cref="Save"/>: sizes, likelihood and β come from the file's description, so the caller need not repeat them.</summary>
    /// <param name="path">A file written by <see cref="Save"/>.</param>
    /// <returns>The saved model, ready to encode, sample or train further.</returns>
    /// <remarks>
    /// Bernoulli and Gaussian likelihoods (fixed or learned variance) are rebuilt; a model with a likelihood of another
    /// type is constructed by the caller, who then calls <see cref="LoadParameters"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is corrupt, describes another kind of model or a likelihood this library does not build, or has no
    /// description (written before format version 2: construct the model and call <see cref="LoadParameters"/>).
    /// </exception>
    public static VariationalAutoencoder Load(string path)
    {
        var description = ModelDescription.Read(path, nameof(VariationalAutoencoder), Activations);
        int inputSize = description.Size(ModelDescription.InputSizeKey);
        int[] hidden = description.HiddenSizes();
        int latentSize = description.Size(LatentSizeKey);
        string likelihood = description.Text(LikelihoodKey);
        bool learned = likelihood == nameof(GaussianLikelihood<float>) && description.Text(LikelihoodVarianceKey) == Learned;
        description.RequireParameterCount(
            ModelDescription.DenseParameters([inputSize, .. hidden])
            + (2 * ModelDescription.DenseParameters(hidden.Length == 0 ? inputSize : hidden[^1], latentSize))
            + ModelDescription.DenseParameters([latentSize, .. Enumerable.Reverse(hidden), inputSize])
            + (learned ? inputSize : 0));
        var model = description.Build(() => new VariationalAutoencoder(
            inputSize, hidden, latentSize, CreateLikelihood(description, likelihood, learned, inputSize), klWeight: description.Number(KlWeightKey)));
        ParameterFile.Read(description.Bytes, model._network.NamedParameters(), path);
        return model;
    }

    private static Likelihood<float> CreateLikelihood(ModelDescription description, string likelihood, bool learned, int inputSize) => likelihood switch
    {
        nameof(BernoulliLikelihood<float>) => new BernoulliLikelihood<float>(),
        nameof(GaussianLikelihood<float>) when learned => new GaussianLikelihood<float>(inputSize, 1.0),
        nameof(GaussianLikelihood<float>) => new GaussianLikelihood<float>(description.Number(LikelihoodVarianceKey)),
        _ => throw new InvalidDataException(
            $"The model's likelihood is '{likelihood}', which this library does not build from a description; construct the model with it and call {nameof(LoadParameters)}."),
    };

    private ModelDescription Describe()
    {
        var description = ModelDescription.Create(nameof(VariationalAutoencoder), InputSize, HiddenSizes, LatentSizeKey, LatentSize, Activations);
        description.Set(KlWeightKey, KlWeight);
        switch (Likelihood)
        {
            case GaussianLikelihood<float> gaussian:
                description.Set(LikelihoodKey, nameof(GaussianLikelihood<float>));
                description.Set(LikelihoodVarianceKey, gaussian.Variance is { } variance ? variance.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Learned);
                break;
            default:
                // Bernoulli, or a caller's own type: its name says what to construct before LoadParameters.
                description.Set(LikelihoodKey, Likelihood is BernoulliLikelihood<float> ? nameof(BernoulliLikelihood<float>) : Likelihood.GetType().FullName ?? Likelihood.GetType().Name);
                break;
        }

        return description;
    }

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
