namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>The largest element (PyTorch's <c>amax</c> over every element).</summary>
    /// <remarks>
    /// y = maxᵢ xᵢ; ∂y/∂xᵢ = 1/c where xᵢ = y and 0 elsewhere, c the number of elements equal to the maximum: a tie
    /// shares the gradient evenly, as PyTorch's amax does. NaN anywhere gives NaN (and no gradient); an empty
    /// tensor gives −∞, the identity of max.
    /// </remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Max() => ExtremumAll("max", max: true);

    /// <summary>The smallest element (PyTorch's <c>amin</c> over every element).</summary>
    /// <remarks>
    /// y = minᵢ xᵢ; ∂y/∂xᵢ = 1/c where xᵢ = y and 0 elsewhere, c the number of elements equal to the minimum (ties
    /// share evenly, as in PyTorch's amin). NaN anywhere gives NaN; an empty tensor gives +∞, the identity of min.
    /// </remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Min() => ExtremumAll("min", max: false);

    /// <summary>The largest element along one axis (PyTorch's <c>amax(dim)</c>).</summary>
    /// <remarks>
    /// y[…] = maxⱼ x[…, j, …]; ∂y/∂x[…, j, …] = 1/c where x[…, j, …] = y[…] and 0 elsewhere, c the number of ties
    /// in that line. A line holding NaN gives NaN; an axis of extent 0 gives −∞.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Max(int axis, bool keepDims = false) => ExtremumAxis("max", axis, keepDims, max: true);

    /// <summary>The smallest element along one axis (PyTorch's <c>amin(dim)</c>).</summary>
    /// <remarks>
    /// y[…] = minⱼ x[…, j, …]; ∂y/∂x[…, j, …] = 1/c where x[…, j, …] = y[…] and 0 elsewhere, c the number of ties
    /// in that line. A line holding NaN gives NaN; an axis of extent 0 gives +∞.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Min(int axis, bool keepDims = false) => ExtremumAxis("min", axis, keepDims, max: false);

    private AutodiffTensor<T> ExtremumAll(string operation, bool max)
    {
        var y = Result(operation, [], this);
        ExtremumKernels<T>.Reduce(Data, 1, _length, 1, y.Data, max);
        return y.Recorded(static y => ExtremumKernels<T>.Backward(y.A.Data, y.Data, y.OutputGradient, 1, y.A._length, 1, y.A.GradientForAccumulation()));
    }

    private AutodiffTensor<T> ExtremumAxis(string operation, int axis, bool keepDims, bool max)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        var y = Result(operation, Shapes.Reduce(_shape, ax, keepDims), this);
        y._i0 = ax;
        var (outer, n, inner) = Shapes.Split(_shape, ax);
        ExtremumKernels<T>.Reduce(Data, outer, n, inner, y.Data, max);
        return y.Recorded(static y =>
        {
            var (outer, n, inner) = Shapes.Split(y.A._shape, y._i0);
            ExtremumKernels<T>.Backward(y.A.Data, y.Data, y.OutputGradient, outer, n, inner, y.A.GradientForAccumulation());
        });
    }
}
