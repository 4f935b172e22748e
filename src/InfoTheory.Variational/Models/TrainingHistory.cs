namespace InfoTheory.Variational.Models;

/// <summary>What one call of <c>Fit</c> did: the losses of every epoch, in order.</summary>
public sealed class TrainingHistory
{
    private readonly TrainingEpoch[] _epochs;

    internal TrainingHistory(TrainingEpoch[] epochs) => _epochs = epochs;

    /// <summary>One entry per epoch, epoch 1 first.</summary>
    public IReadOnlyList<TrainingEpoch> Epochs => _epochs;

    /// <summary>The last epoch's losses.</summary>
    public TrainingEpoch Final => _epochs[^1];
}
