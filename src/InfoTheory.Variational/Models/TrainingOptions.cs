using InfoTheory.Variational.Autodiff;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Models;

/// <summary>
/// How a model is trained: epochs, minibatch size, Adam learning rate and the seed of every random
/// choice made while training (batch order, corruption noise, reparameterization noise).
/// </summary>
/// <remarks>
/// Each property is checked when it is set (its <c>init</c> accessor), so an options object is always valid and
/// no model checks it again. The same options and the same initial model give the same trained parameters bit for
/// bit. These are the options of every model; what a model optimises (corruption, sparsity penalty, the β of a
/// VAE) is part of the model, given to its constructor and saved with it.
/// </remarks>
public sealed record TrainingOptions
{
    private readonly int _epochs = 10;
    private readonly int _batchSize = 64;
    private readonly double _learningRate = 1e-3;

    /// <summary>Passes over the training data, &gt;= 1; 10 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is &lt; 1.</exception>
    public int Epochs
    {
        get => _epochs;
        init
        {
            Guard.InRange(value, 1, int.MaxValue, nameof(Epochs));
            _epochs = value;
        }
    }

    /// <summary>Samples per minibatch, &gt;= 1; 64 by default. The last batch of an epoch holds the remainder.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is &lt; 1.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init
        {
            Guard.InRange(value, 1, int.MaxValue, nameof(BatchSize));
            _batchSize = value;
        }
    }

    /// <summary>The Adam step size α, finite and &gt; 0; 1e-3 by default (Kingma and Ba, 2015).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double LearningRate
    {
        get => _learningRate;
        init
        {
            Guard.Positive(value, nameof(LearningRate));
            _learningRate = value;
        }
    }

    /// <summary>Seeds the generator that shuffles minibatches and draws training noise; 0 by default.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The matrix-product options of the model's layers while it trains: a thread budget (to run several trainings side
    /// by side, say) or the portable kernel; null (the default) for <see cref="MatrixProductOptions.Default"/>. The thread
    /// budget never changes the result; the portable kernel rounds differently.
    /// </summary>
    public MatrixProductOptions? MatrixProducts { get; init; }
}
