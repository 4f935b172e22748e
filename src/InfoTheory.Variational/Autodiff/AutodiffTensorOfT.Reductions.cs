using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>The sum of all elements.</summary>
    /// <remarks>y = Σᵢ xᵢ; ∂y/∂xᵢ = 1.</remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Sum() => SumAll("sum", T.One);

    /// <summary>The mean of all elements.</summary>
    /// <remarks>y = (1/n) Σᵢ xᵢ; ∂y/∂xᵢ = 1/n. The mean of an empty tensor is NaN.</remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Mean() => SumAll("mean", T.One / T.CreateChecked(_length));

    /// <summary>Sums along one axis.</summary>
    /// <remarks>y[..., ...] = Σⱼ x[..., j, ...]; the gradient is broadcast back along the axis.</remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Sum(int axis, bool keepDims = false) => SumAxis("sum", axis, keepDims, mean: false);

    /// <summary>Averages along one axis.</summary>
    /// <remarks>y[..., ...] = (1/n) Σⱼ x[..., j, ...] with n the axis extent.</remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Mean(int axis, bool keepDims = false) => SumAxis("mean", axis, keepDims, mean: true);

    /// <summary>The log of the sum of exponentials along one axis, computed without overflow.</summary>
    /// <remarks>y = m + ln Σⱼ exp(xⱼ − m) with m = maxⱼ xⱼ; ∂y/∂xⱼ = exp(xⱼ − y) (the softmax). A line of −∞ gives −∞.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSumExp(int axis, bool keepDims = false)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        var y = Result("log sum exp", Shapes.Reduce(_shape, ax, keepDims), this);
        y._i0 = ax;
        var (outer, n, inner) = Shapes.Split(_shape, ax);
        SoftmaxKernels<T>.LogSumExp(Data, outer, n, inner, y.Data);
        return y.Recorded(static y =>
        {
            var (outer, n, inner) = Shapes.Split(y.A._shape, y._i0);
            SoftmaxKernels<T>.LogSumExpBackward(y.A.Data, y.Data, y.OutputGradient, outer, n, inner, y.A.GradientForAccumulation());
        });
    }

    /// <summary>Softmax along one axis: exponentials normalised to sum to 1.</summary>
    /// <remarks>yⱼ = exp(xⱼ − LSE(x)); ∂L/∂xⱼ = yⱼ (gⱼ − Σₖ gₖ yₖ).</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape whose lines along the axis sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Softmax(int axis = -1) => SoftmaxCore(axis, log: false);

    /// <summary>Log-softmax along one axis.</summary>
    /// <remarks>yⱼ = xⱼ − LSE(x); ∂L/∂xⱼ = gⱼ − exp(yⱼ) Σₖ gₖ.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <returns>A tensor of this shape holding log-probabilities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> LogSoftmax(int axis = -1) => SoftmaxCore(axis, log: true);

    private AutodiffTensor<T> SumAll(string operation, T scale)
    {
        var y = Result(operation, [], this);
        y._s0 = scale;
        y.Data[0] = TensorPrimitives.Sum<T>(Data) * scale;
        return y.Recorded(static y =>
        {
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.Add(dx, y.OutputGradient[0] * y._s0, dx);
        });
    }

    private AutodiffTensor<T> SumAxis(string operation, int axis, bool keepDims, bool mean)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        var (outer, n, inner) = Shapes.Split(_shape, ax);
        var y = Result(operation, Shapes.Reduce(_shape, ax, keepDims), this);
        y._i0 = ax;
        y._s0 = mean ? T.One / T.CreateChecked(n) : T.One;
        var x = Data;
        var yd = y.Data;
        yd.Clear();
        for (int o = 0; o < outer; o++)
        {
            var row = yd.Slice(o * inner, inner);
            for (int j = 0; j < n; j++)
            {
                TensorPrimitives.Add(row, x.Slice(((o * n) + j) * inner, inner), row);
            }
        }

        if (mean)
        {
            TensorPrimitives.Multiply(yd, y._s0, yd);
        }

        return y.Recorded(static y =>
        {
            var (outer, n, inner) = Shapes.Split(y.A._shape, y._i0);
            var g = y.OutputGradient;
            var dx = y.A.GradientForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                var gRow = g.Slice(o * inner, inner);
                for (int j = 0; j < n; j++)
                {
                    var dRow = dx.Slice(((o * n) + j) * inner, inner);
                    TensorPrimitives.MultiplyAdd(gRow, y._s0, dRow, dRow);
                }
            }
        });
    }

    private AutodiffTensor<T> SoftmaxCore(int axis, bool log)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        var y = Result(log ? "log softmax" : "softmax", _shape, this);
        y._i0 = ax;
        var (outer, n, inner) = Shapes.Split(_shape, ax);
        SoftmaxKernels<T>.Softmax(Data, outer, n, inner, y.Data, log);
        return y.Recorded(log ? BackwardLogSoftmax : BackwardSoftmax);
    }

    private static void BackwardSoftmax(AutodiffTensor<T> y)
    {
        var (outer, n, inner) = Shapes.Split(y._shape, y._i0);
        SoftmaxKernels<T>.SoftmaxBackward(y.Data, y.OutputGradient, outer, n, inner, y.A.GradientForAccumulation());
    }

    private static void BackwardLogSoftmax(AutodiffTensor<T> y)
    {
        var (outer, n, inner) = Shapes.Split(y._shape, y._i0);
        SoftmaxKernels<T>.LogSoftmaxBackward(y.Data, y.OutputGradient, outer, n, inner, y.A.GradientForAccumulation());
    }
}
