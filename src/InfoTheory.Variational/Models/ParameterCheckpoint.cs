using System.Numerics;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Models;

// <summary>
// The divergence guard every <c>Fit</c> runs its steps through: keeps good parameters from the start of the current
// and of the previous epoch, and on a non-finite loss, a step that writes a non-finite or unusable parameter, or a
// step that throws, writes the right ones back and throws <see cref="TrainingDivergedException"/> (or rethrows).
// </summary>
// <typeparam name="T">The element type of the parameters.</typeparam>
// <remarks>
// <para>The values put back are the last ones known to be finite and to give a finite loss: those from the start of
// the failing epoch, or from the start of the epoch before when the failing epoch's first loss is already non-finite
// (that loss condemns the values it was computed from); before the first epoch, the values before <c>Fit</c>.</para>
// <para>Snapshots are taken once per epoch, and the finiteness of each update is checked inside the optimizer's own
// pass (<see cref="Optimizer{T}.LastStepNonFinite"/>), so a step pays only for a scalar test of its loss.</para>
// </remarks>
internal sealed class ParameterCheckpoint<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Optimizer<T> _optimizer;
    private T[][] _epochStart;
    private T[][] _previousEpochStart;
    private bool _firstStepOfEpoch;

    // <summary>Takes the optimizer's parameters as they are as the first good values.</summary>
    public ParameterCheckpoint(Optimizer<T> optimizer)
    {
        _optimizer = optimizer;
        _epochStart = [.. optimizer.Parameters.Select(p => p.ToArray())];
        _previousEpochStart = [.. optimizer.Parameters.Select(p => p.ToArray())];
    }

    // <summary>Marks the start of an epoch: the current values (finite, since every step so far passed) become the snapshot.</summary>
    public void BeginEpoch()
    {
        (_previousEpochStart, _epochStart) = (_epochStart, _previousEpochStart);
        var parameters = _optimizer.Parameters;
        for (int i = 0; i < _epochStart.Length; i++)
        {
            parameters[i].Values.CopyTo(_epochStart[i]);
        }

        _firstStepOfEpoch = true;
    }

    // <summary>Runs one optimisation step and checks its loss and the parameters it leaves.</summary>
    // <param name="step">Computes the loss of the current parameters and updates them through the optimizer; returns the loss.</param>
    // <param name="epoch">The 1-based epoch, for the exception.</param>
    // <param name="batch">The 1-based minibatch within the epoch, for the exception.</param>
    // <param name="usable">An extra test of the updated parameters beyond finiteness (a factor that must stay representable), or null.</param>
    // <returns>The step's loss, finite.</returns>
    // <exception cref="TrainingDivergedException">The loss or an updated parameter is not finite or usable; the parameters are restored.</exception>
    public double Step(Func<double> step, int epoch, int batch, Func<bool>? usable = null)
    {
        double learningRate = _optimizer.LearningRate;
        T[][] beforeLoss = _firstStepOfEpoch ? _previousEpochStart : _epochStart;
        double loss;
        try
        {
            loss = step();
        }
        catch
        {
            Restore(beforeLoss);
            throw;
        }

        if (!double.IsFinite(loss))
        {
            Restore(beforeLoss);
            throw new TrainingDivergedException(epoch, batch, learningRate, $"the loss is {InfoTheory.Internal.Guard.Format(loss)}");
        }

        if (_optimizer.LastStepNonFinite || (usable is not null && !usable()))
        {
            Restore(_epochStart);
            throw new TrainingDivergedException(epoch, batch, learningRate, "the update made a parameter non-finite or unusable");
        }

        _firstStepOfEpoch = false;
        return loss;
    }

    private void Restore(T[][] source)
    {
        var parameters = _optimizer.Parameters;
        for (int i = 0; i < source.Length; i++)
        {
            source[i].CopyTo(parameters[i].Values);
        }
    }
}
