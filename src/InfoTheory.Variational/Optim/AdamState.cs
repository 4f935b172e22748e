using System.Numerics;

namespace InfoTheory.Variational.Optim;

// <summary>The moment buffers, step count and hyper-parameters shared by <see cref="Adam{T}"/> and <see cref="AdamW{T}"/>.</summary>
internal sealed class AdamState<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[]?[] _m;
    private readonly T[]?[] _v;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private readonly double _weightDecay;

    public AdamState(int count, double beta1, double beta2, double epsilon, double weightDecay)
    {
        InfoTheory.Internal.Guard.InRange(beta1, 0, Math.BitDecrement(1.0), nameof(beta1));
        InfoTheory.Internal.Guard.InRange(beta2, 0, Math.BitDecrement(1.0), nameof(beta2));
        InfoTheory.Internal.Guard.Positive(epsilon, nameof(epsilon));
        InfoTheory.Internal.Guard.InRange(weightDecay, 0, double.MaxValue, nameof(weightDecay));
        _m = new T[]?[count];
        _v = new T[]?[count];
        (_beta1, _beta2, _epsilon, _weightDecay) = (beta1, beta2, epsilon, weightDecay);
    }

    // <summary>t, the steps taken; set when a checkpoint is loaded.</summary>
    public int StepCount { get; set; }

    // <summary>The first and second moments under PyTorch's names, for checkpoints.</summary>
    public (string Name, T[]?[] Buffers)[] Slots() => [("exp_avg", _m), ("exp_avg_sq", _v)];

    public void Advance() => StepCount++;

    public void Prepare(int index, int length)
    {
        _m[index] ??= new T[length];
        _v[index] ??= new T[length];
    }

    public void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient, double learningRate, bool decoupled)
    {
        double bias1 = 1 - Math.Pow(_beta1, StepCount);
        double bias2 = 1 - Math.Pow(_beta2, StepCount);
        AdamKernel<T>.Update(
            values, gradient, _m[index].AsSpan(offset, values.Length), _v[index].AsSpan(offset, values.Length),
            T.CreateChecked(_beta1), T.CreateChecked(_beta2),
            T.CreateChecked(learningRate / bias1), T.CreateChecked(1 / Math.Sqrt(bias2)), T.CreateChecked(_epsilon),
            decoupled ? T.Zero : T.CreateChecked(_weightDecay),
            decoupled ? T.CreateChecked(learningRate * _weightDecay) : T.Zero);
    }
}
