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
    /// <remarks>
    /// y = m + ln Σⱼ exp(xⱼ − m) with m = maxⱼ xⱼ (PyTorch's <c>logsumexp</c>, shifted so no exponential exceeds 1);
    /// ∂y/∂xⱼ = exp(xⱼ − y) (the softmax). A line of −∞, or an empty one, gives −∞; one holding +∞ gives +∞ and one
    /// holding NaN gives NaN. Vectorised (SIMD) along the line, or across the inner positions for an inner axis,
    /// with every sum taken in a fixed order: the same input gives the same bits.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSumExp(int axis, bool keepDims = false)
        => LogSumExpNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    /// <summary>Softmax along one axis: exponentials normalised to sum to 1.</summary>
    /// <remarks>
    /// yⱼ = exp(xⱼ − m) / Σₖ exp(xₖ − m) with m = maxₖ xₖ, which is PyTorch's exp(xⱼ) / Σₖ exp(xₖ) without overflow;
    /// ∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖ yₖ). Vectorised (SIMD), with sums in a fixed order: the same input gives the same bits.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape whose lines along the axis sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Softmax(int axis = -1) => SoftmaxNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)));

    /// <summary>Log-softmax along one axis.</summary>
    /// <remarks>
    /// yⱼ = xⱼ − LSE(x), computed as (xⱼ − m) − ln Σₖ exp(xₖ − m) (PyTorch's log(softmax(x)) without its rounding);
    /// ∂L/∂xⱼ = gⱼ − exp(yⱼ) Σₖ gₖ. Vectorised (SIMD), with sums in a fixed order: the same input gives the same bits.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape holding log-probabilities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSoftmax(int axis = -1) => LogSoftmaxNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)));

    // <summary>y = scale · Σᵢ xᵢ over every element; the gradient is scale on each.</summary>
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

    // <summary>y = scale · Σⱼ x[..., j, ...] along a validated axis; the gradient is broadcast back along it.</summary>
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
            SoftmaxKernels<T>.LogSumExp(x.Data, outer, n, inner, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(X._shape, _axis);
            SoftmaxKernels<T>.LogSumExpBackward(X.Data, Data, OutputGradient, outer, n, inner, X.GradientForAccumulation());
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
            SoftmaxKernels<T>.SoftmaxBackward(Data, OutputGradient, outer, n, inner, X.GradientForAccumulation());
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
            SoftmaxKernels<T>.LogSoftmaxBackward(Data, OutputGradient, outer, n, inner, X.GradientForAccumulation());
        }
    }

    // <summary>Writes softmax (or, with <paramref name="log"/>, log-softmax) of x along a validated axis into y.</summary>
    private static void FillSoftmax(AutodiffTensor<T> x, int axis, bool log, Span<T> y)
    {
        var (outer, n, inner) = Shapes.Split(x._shape, axis);
        SoftmaxKernels<T>.Softmax(x.Data, outer, n, inner, y, log);
    }
}
