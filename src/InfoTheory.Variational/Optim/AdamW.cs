using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>AdamW: Adam with weight decay decoupled from the gradient.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// θ ← θ(1 − ηλ), then the Adam update of <see cref="Adam{T}"/> with λ = 0
/// (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019).
/// </remarks>
public sealed class AdamW<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamState<T> _state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update; each must require gradients. A tensor listed more than once is kept once.</param>
    /// <param name="learningRate">η, finite and &gt; 0.</param>
    /// <param name="weightDecay">λ, finite and &gt;= 0; 0.01 is customary.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε, finite and &gt; 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A parameter does not require gradients.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public AdamW(IEnumerable<AutodiffTensor<T>> parameters, double learningRate = 1e-3, double weightDecay = 0.01, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate)
    {
        _state = new AdamState<T>(Parameters.Count, beta1, beta2, epsilon, weightDecay);
    }

    /// <summary>How many steps have been taken.</summary>
    public int StepCount => _state.StepCount;

    private protected override int StateStepCount
    {
        get => _state.StepCount;
        set => _state.StepCount = value;
    }

    private protected override (string Name, T[]?[] Buffers)[] StateSlots() => _state.Slots();

    private protected override void BeginStep() => _state.Advance();

    private protected override void PrepareState(int index, int length) => _state.Prepare(index, length);

    private protected override void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient)
        => _state.Update(index, offset, values, gradient, LearningRate, decoupled: true);
}
