using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>The sum of all elements.</summary>
    /// <remarks>y = Σᵢ xᵢ; ∂y/∂xᵢ = 1.</remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Sum() => SumNode.Forward(this);

    /// <summary>The mean of all elements.</summary>
    /// <remarks>y = (1/n) Σᵢ xᵢ; ∂y/∂xᵢ = 1/n. The mean of an empty tensor is NaN.</remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Mean() => MeanNode.Forward(this);

    /// <summary>Sums along one axis.</summary>
    /// <remarks>y[..., ...] = Σⱼ x[..., j, ...]; the gradient is broadcast back along the axis.</remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Sum(int axis, bool keepDims = false) => SumAlongAxisNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    /// <summary>Averages along one axis.</summary>
    /// <remarks>y[..., ...] = (1/n) Σⱼ x[..., j, ...] with n the axis extent.</remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Mean(int axis, bool keepDims = false) => MeanAlongAxisNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    /// <summary>The log of the sum of exponentials along one axis, computed without overflow.</summary>
    /// <remarks>y = m + ln Σⱼ exp(xⱼ − m) with m = maxⱼ xⱼ; ∂y/∂xⱼ = exp(xⱼ − y) (the softmax). A line of −∞ gives −∞.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSumExp(int axis, bool keepDims = false)
        => LogSumExpNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    /// <summary>Softmax along one axis: exponentials normalised to sum to 1.</summary>
    /// <remarks>yⱼ = exp(xⱼ − LSE(x)); ∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖ yₖ).</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape whose lines along the axis sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Softmax(int axis = -1) => SoftmaxNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)));

    /// <summary>Log-softmax along one axis.</summary>
    /// <remarks>yⱼ = xⱼ − LSE(x); ∂L/∂xⱼ = gⱼ − exp(yⱼ) Σₖ gₖ.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape holding log-probabilities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSoftmax(int axis = -1) => LogSoftmaxNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)));

    private static T LogSumExpLine(ReadOnlySpan<T> x, int start, int n, int stride)
    {
        T max = T.NegativeInfinity;
        for (int j = 0, p = start; j < n; j++, p += stride)
        {
            max = T.MaxNumber(max, x[p]);
        }

        if (T.IsInfinity(max))
        {
            return max;
        }

        T sum = T.Zero;
        for (int j = 0, p = start; j < n; j++, p += stride)
        {
            sum += T.Exp(x[p] - max);
        }

        return max + T.Log(sum);
    }

    /// <summary>y = scale · Σᵢ xᵢ over every element; the gradient is scale on each.</summary>
    internal abstract class TotalNode(AutodiffTensor<T> x, T scale) : UnaryNode(x, [])
    {
        private readonly T _scale = scale;

        protected static AutodiffTensor<T> Fill(TotalNode y, AutodiffTensor<T> x)
        {
            y.Data[0] = TensorPrimitives.Sum<T>(x.Data) * y._scale;
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Add(dx, OutputGradient[0] * _scale, dx);
        }
    }

    internal sealed class SumNode(AutodiffTensor<T> x) : TotalNode(x, T.One)
    {
        public override string Operation => "sum";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x) => Fill(new SumNode(x), x);
    }

    internal sealed class MeanNode(AutodiffTensor<T> x) : TotalNode(x, T.One / T.CreateChecked(x._length))
    {
        public override string Operation => "mean";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x) => Fill(new MeanNode(x), x);
    }

    /// <summary>y = scale · Σⱼ x[..., j, ...] along a validated axis; the gradient is broadcast back along it.</summary>
    internal abstract class AlongAxisNode(AutodiffTensor<T> x, int axis, bool keepDims, T scale)
        : UnaryNode(x, Shapes.Reduce(x._shape, axis, keepDims))
    {
        private readonly int _axis = axis;
        private readonly T _scale = scale;

        protected static AutodiffTensor<T> Fill(AlongAxisNode y, AutodiffTensor<T> x, bool mean)
        {
            var (outer, n, inner) = Shapes.Split(x._shape, y._axis);
            var xd = x.Data;
            var yd = y.Data;
            yd.Clear();
            for (int o = 0; o < outer; o++)
            {
                var row = yd.Slice(o * inner, inner);
                for (int j = 0; j < n; j++)
                {
                    TensorPrimitives.Add(row, xd.Slice(((o * n) + j) * inner, inner), row);
                }
            }

            if (mean)
            {
                TensorPrimitives.Multiply(yd, y._scale, yd);
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(X._shape, _axis);
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                var gRow = g.Slice(o * inner, inner);
                for (int j = 0; j < n; j++)
                {
                    var dRow = dx.Slice(((o * n) + j) * inner, inner);
                    TensorPrimitives.MultiplyAdd(gRow, _scale, dRow, dRow);
                }
            }
        }
    }

    internal sealed class SumAlongAxisNode(AutodiffTensor<T> x, int axis, bool keepDims) : AlongAxisNode(x, axis, keepDims, T.One)
    {
        public override string Operation => "sum along axis";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, bool keepDims)
            => Fill(new SumAlongAxisNode(x, axis, keepDims), x, mean: false);
    }

    internal sealed class MeanAlongAxisNode(AutodiffTensor<T> x, int axis, bool keepDims)
        : AlongAxisNode(x, axis, keepDims, T.One / T.CreateChecked(x._shape[axis]))
    {
        public override string Operation => "mean along axis";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, bool keepDims)
            => Fill(new MeanAlongAxisNode(x, axis, keepDims), x, mean: true);
    }

    internal sealed class LogSumExpNode(AutodiffTensor<T> x, int axis, bool keepDims) : UnaryNode(x, Shapes.Reduce(x._shape, axis, keepDims))
    {
        private readonly int _axis = axis;

        public override string Operation => "log sum exp";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, bool keepDims)
        {
            var y = new LogSumExpNode(x, axis, keepDims);
            var (outer, n, inner) = Shapes.Split(x._shape, axis);
            var xd = x.Data;
            var yd = y.Data;
            for (int o = 0; o < outer; o++)
            {
                for (int i = 0; i < inner; i++)
                {
                    yd[(o * inner) + i] = LogSumExpLine(xd, (o * n * inner) + i, n, inner);
                }
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(X._shape, _axis);
            var x = X.Data;
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            var yd = Data;
            for (int o = 0; o < outer; o++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int k = (o * inner) + i;
                    T gk = g[k], lse = yd[k];
                    for (int j = 0, p = (o * n * inner) + i; j < n; j++, p += inner)
                    {
                        dx[p] += gk * T.Exp(x[p] - lse);
                    }
                }
            }
        }
    }

    internal sealed class SoftmaxNode(AutodiffTensor<T> x, int axis) : UnaryNode(x, x._shape)
    {
        private readonly int _axis = axis;

        public override string Operation => "softmax";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis)
        {
            var y = new SoftmaxNode(x, axis);
            FillSoftmax(x, axis, log: false, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(_shape, _axis);
            var g = OutputGradient;
            var yd = Data;
            var dx = X.GradientForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int start = (o * n * inner) + i;
                    T dot = T.Zero;
                    for (int j = 0, p = start; j < n; j++, p += inner)
                    {
                        dot += g[p] * yd[p];
                    }

                    for (int j = 0, p = start; j < n; j++, p += inner)
                    {
                        dx[p] += yd[p] * (g[p] - dot);
                    }
                }
            }
        }
    }

    internal sealed class LogSoftmaxNode(AutodiffTensor<T> x, int axis) : UnaryNode(x, x._shape)
    {
        private readonly int _axis = axis;

        public override string Operation => "log softmax";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis)
        {
            var y = new LogSoftmaxNode(x, axis);
            FillSoftmax(x, axis, log: true, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(_shape, _axis);
            var g = OutputGradient;
            var yd = Data;
            var dx = X.GradientForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                for (int i = 0; i < inner; i++)
                {
                    int start = (o * n * inner) + i;
                    T total = T.Zero;
                    for (int j = 0, p = start; j < n; j++, p += inner)
                    {
                        total += g[p];
                    }

                    for (int j = 0, p = start; j < n; j++, p += inner)
                    {
                        dx[p] += g[p] - (T.Exp(yd[p]) * total);
                    }
                }
            }
        }
    }

    /// <summary>Writes softmax (or, with <paramref name="log"/>, log-softmax) of x along a validated axis into y.</summary>
    private static void FillSoftmax(AutodiffTensor<T> x, int axis, bool log, Span<T> y)
    {
        var (outer, n, inner) = Shapes.Split(x._shape, axis);
        var xd = x.Data;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = (o * n * inner) + i;
                T lse = LogSumExpLine(xd, start, n, inner);
                for (int j = 0, p = start; j < n; j++, p += inner)
                {
                    y[p] = log ? xd[p] - lse : T.Exp(xd[p] - lse);
                }
            }
        }
    }
}
