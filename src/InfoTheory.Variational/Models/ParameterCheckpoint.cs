using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Models;

/// <summary>
/// The divergence guard every <c>Fit</c> runs its steps through: keeps the last parameters that were finite and
/// gave a finite loss, and on a non-finite loss, a non-finite or unusable parameter, or a step that throws,
/// writes them back and throws <see cref="TrainingDivergedException"/> (or rethrows the step's exception).
/// </summary>
/// <typeparam name="T">The element type of the parameters.</typeparam>
/// <remarks>
/// Two copies are kept because a non-finite loss condemns the parameters it was computed from, which the
/// previous step produced: the values to return to are those from before that previous step. Keeping them costs
/// one copy of the parameters per step, a memory pass that is small beside the forward and backward passes.
/// </remarks>
internal sealed class ParameterCheckpoint<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<Tensor<T>> _parameters;
    private T[][] _beforeStep;
    private T[][] _lastGood;

    /// <summary>Takes the parameters' current values as the first good ones.</summary>
    public ParameterCheckpoint(IReadOnlyList<Tensor<T>> parameters)
    {
        _parameters = parameters;
        _beforeStep = [.. parameters.Select(p => p.ToArray())];
        _lastGood = [.. parameters.Select(p => p.ToArray())];
    }

    /// <summary>Runs one optimisation step and checks its loss and the parameters it leaves.</summary>
    /// <param name="step">Computes the loss of the current parameters and updates them; returns the loss.</param>
    /// <param name="epoch">The 1-based epoch, for the exception.</param>
    /// <param name="batch">The 1-based minibatch within the epoch, for the exception.</param>
    /// <param name="learningRate">The step's learning rate, for the exception.</param>
    /// <param name="usable">An extra test of the updated parameters beyond finiteness (a factor that must stay representable), or null.</param>
    /// <returns>The step's loss, finite.</returns>
    /// <exception cref="TrainingDivergedException">The loss or an updated parameter is not finite or usable; the parameters are restored.</exception>
    public double Step(Func<double> step, int epoch, int batch, double learningRate, Func<bool>? usable = null)
    {
        Copy(_beforeStep);
        double loss;
        try
        {
            loss = step();
        }
        catch
        {
            Restore(_lastGood);
            throw;
        }

        if (!double.IsFinite(loss))
        {
            Restore(_lastGood);
            throw new TrainingDivergedException(epoch, batch, learningRate, $"the loss is {InfoTheory.Internal.Guard.Format(loss)}");
        }

        if (!AllFinite() || (usable is not null && !usable()))
        {
            Restore(_beforeStep);
            throw new TrainingDivergedException(epoch, batch, learningRate, "the update made a parameter non-finite or unusable");
        }

        (_lastGood, _beforeStep) = (_beforeStep, _lastGood);
        return loss;
    }

    private bool AllFinite()
    {
        foreach (var p in _parameters)
        {
            // MaxMagnitude propagates NaN and returns ∞ if any element is infinite: one vectorised pass.
            if (p.Length > 0 && !T.IsFinite(TensorPrimitives.MaxMagnitude<T>(p.Values)))
            {
                return false;
            }
        }

        return true;
    }

    private void Copy(T[][] destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            _parameters[i].Values.CopyTo(destination[i]);
        }
    }

    private void Restore(T[][] source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            source[i].CopyTo(_parameters[i].Values);
        }
    }
}
