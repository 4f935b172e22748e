using System.Numerics;
using System.Numerics.Tensors;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>Stochastic gradient descent with optional (heavy-ball) momentum and L2 weight decay.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// gₜ = ∇θ + λθ; vₜ = μ vₜ₋₁ + gₜ (v₀ = g₁); θ ← θ − η vₜ, the form PyTorch uses
/// (Sutskever et al., "On the importance of initialization and momentum in deep learning", ICML 2013).
/// With μ = 0 it is plain gradient descent.
/// </remarks>
public sealed class Sgd<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]?[] _velocity;
    private readonly bool[] _firstStep;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update; each must require gradients. A tensor listed more than once is kept once.</param>
    /// <param name="learningRate">η, finite and &gt; 0.</param>
    /// <param name="momentum">μ in [0, 1).</param>
    /// <param name="weightDecay">λ, finite and &gt;= 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A parameter does not require gradients.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of range.</exception>
    public Sgd(IEnumerable<AutodiffTensor<T>> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        InfoTheory.Internal.Guard.InRange(momentum, 0, Math.BitDecrement(1.0), nameof(momentum));
        InfoTheory.Internal.Guard.InRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        Momentum = momentum;
        WeightDecay = weightDecay;
        _velocity = new T[]?[Parameters.Count];
        _firstStep = new bool[Parameters.Count];
    }

    /// <summary>μ, the momentum coefficient.</summary>
    public double Momentum { get; }

    /// <summary>λ, the L2 weight-decay coefficient.</summary>
    public double WeightDecay { get; }

    private protected override (string Name, T[]?[] Buffers)[] StateSlots() => Momentum == 0 ? [] : [("momentum_buffer", _velocity)];

    private protected override void PrepareState(int index, int length)
    {
        if (Momentum == 0)
        {
            return;
        }

        _firstStep[index] = _velocity[index] is null;
        _velocity[index] ??= new T[length];
    }

    private protected override void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient)
    {
        T lr = T.CreateChecked(LearningRate);
        if (Momentum == 0 && WeightDecay == 0)
        {
            TensorPrimitives.MultiplyAdd(gradient, -lr, values, values);
            return;
        }

        T wd = T.CreateChecked(WeightDecay);
        if (Momentum == 0)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] -= lr * (gradient[i] + (wd * values[i]));
            }

            return;
        }

        bool first = _firstStep[index];
        var v = _velocity[index].AsSpan(offset, values.Length);
        T mu = T.CreateChecked(Momentum);
        for (int i = 0; i < values.Length; i++)
        {
            T g = gradient[i] + (wd * values[i]);
            v[i] = first ? g : (mu * v[i]) + g;
            values[i] -= lr * v[i];
        }
    }
}
