using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>Adam: per-parameter step sizes from bias-corrected moving averages of the gradient and its square.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// g = ∇θ + λθ; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// θ ← θ − η (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε)
/// (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; ε placement as in PyTorch).
/// λ is classic L2 decay folded into the gradient; for decoupled decay use <see cref="AdamW{T}"/>.
/// </remarks>
public sealed class Adam<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AdamState<T> _state;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update; each must require gradients. A tensor listed more than once is kept once.</param>
    /// <param name="learningRate">η, finite and &gt; 0; 1e-3 is customary.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε, finite and &gt; 0.</param>
    /// <param name="weightDecay">λ, finite and &gt;= 0 (L2 penalty added to the gradient).</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A parameter does not require gradients.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Adam(IEnumerable<AutodiffTensor<T>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        _state = new AdamState<T>(Parameters.Count, beta1, beta2, epsilon, weightDecay);
    }

    /// <summary>How many steps have been taken (t in the bias corrections).</summary>
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
        => _state.Update(index, offset, values, gradient, LearningRate, decoupled: false);
}
