using InfoTheory.Internal;

namespace InfoTheory.Variational.Models;

/// <summary>
/// How a model is trained: epochs, minibatch size, Adam learning rate and the seed of every random
/// choice made while training (batch order, corruption noise, reparameterization noise).
/// </summary>
/// <remarks>
/// Each property is checked when it is set, so an options object is always valid. The same options and
/// the same initial model give the same trained parameters bit for bit. The model-specific options
/// (<see cref="DenoisingOptions"/>, <see cref="SparseOptions"/>, <see cref="VaeOptions"/>) derive from this
/// record, so <c>with</c> expressions work on all of them.
/// </remarks>
public record TrainingOptions
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
}
