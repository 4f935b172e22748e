namespace InfoTheory.Variational.Models;

/// <summary>
/// Thrown by every <c>Fit</c> (the autoencoders, <see cref="VariationalAutoencoder"/>,
/// <see cref="Fitting.KlFit"/>) when training diverges: the loss or a parameter became NaN or ±∞, or the
/// parameters left the region where the model is defined. The model's parameters have been restored.
/// </summary>
/// <remarks>
/// <para>The parameters are restored to the last values known to be finite and to give a finite loss: those from the
/// start of the failing epoch, or from the start of the epoch before it when the failing epoch's first loss is already
/// non-finite (the values before <c>Fit</c> when that is the first epoch). <see cref="Fitting.KlFit"/> treats each step
/// as an epoch: it returns to the values before the failing step, or before the step preceding it. The model can be
/// used and trained again at once, typically with a smaller learning rate.</para>
/// <para><see cref="Autodiff.NonFiniteValueException"/> serves another purpose: it is a debugging trap, thrown
/// only while <see cref="Autodiff.Autograd.TrapNonFinite"/> is on, that names the first operation producing a
/// non-finite value. If it fires inside a <c>Fit</c>, the parameters are restored in the same way and the trap's
/// exception propagates unchanged so that it still names the operation.</para>
/// </remarks>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public TrainingDivergedException()
        : base("Training diverged; lower the learning rate.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    // <summary>Creates the exception for a step of a run.</summary>
    // <param name="epoch">The 1-based epoch of the failing step.</param>
    // <param name="batch">The 1-based minibatch of the failing step within its epoch.</param>
    // <param name="learningRate">The learning rate of the failing step.</param>
    // <param name="reason">What went wrong, e.g. <c>"the loss is NaN"</c>.</param>
    internal TrainingDivergedException(int epoch, int batch, double learningRate, string reason)
        : base(
            $"Training diverged in epoch {epoch}, batch {batch}: {reason}. The parameters were restored to the last good values " +
            $"(from the start of an epoch); lower the learning rate (it was {InfoTheory.Internal.Guard.Format(learningRate)}).")
    {
        Epoch = epoch;
        Batch = batch;
        LearningRate = learningRate;
    }

    /// <summary>The 1-based epoch in which divergence was detected (1 for <see cref="Fitting.KlFit"/>, which makes one pass).</summary>
    public int Epoch { get; }

    /// <summary>The 1-based minibatch within <see cref="Epoch"/> whose step diverged (the step number for <see cref="Fitting.KlFit"/>).</summary>
    public int Batch { get; }

    /// <summary>The learning rate of the failing step: the one to lower.</summary>
    public double LearningRate { get; }
}
