using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>Updates a fixed list of parameters from their accumulated gradients.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// Each <see cref="Step"/> reads every parameter's gradient and changes its values in place;
/// parameters that no backward pass has reached yet are skipped. Call <see cref="ZeroGrad"/>
/// before each backward pass, since gradients accumulate.
/// </remarks>
public abstract class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _parameters;
    private double _learningRate;

    /// <summary>Stores the parameters and the learning rate.</summary>
    /// <param name="parameters">The tensors to update; each must require gradients.</param>
    /// <param name="learningRate">η, finite and &gt; 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A parameter does not require gradients.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not finite and positive.</exception>
    protected Optimizer(IEnumerable<Tensor<T>> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i] is null)
            {
                throw new ArgumentNullException(nameof(parameters), $"parameters[{i}] is null.");
            }

            if (!_parameters[i].RequiresGrad)
            {
                throw new ArgumentException($"parameters[{i}] {_parameters[i]} does not require gradients, so no optimizer step could change it.", nameof(parameters));
            }
        }

        LearningRate = learningRate;
    }

    /// <summary>η, the step size; may be changed between steps (learning-rate schedules).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not finite and positive.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            InfoTheory.Internal.Guard.Positive(value, nameof(value));
            _learningRate = value;
        }
    }

    /// <summary>The parameters this optimizer updates, in the order given.</summary>
    public IReadOnlyList<Tensor<T>> Parameters => _parameters;

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        BeginStep();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.HasGradient)
            {
                Update(i, p.Data, p.GradientSpan);
            }
        }
    }

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Called once at the start of every step (to advance step counters).</summary>
    private protected virtual void BeginStep()
    {
    }

    /// <summary>Updates parameter <paramref name="index"/> in place from its gradient.</summary>
    private protected abstract void Update(int index, Span<T> values, ReadOnlySpan<T> gradient);
}
