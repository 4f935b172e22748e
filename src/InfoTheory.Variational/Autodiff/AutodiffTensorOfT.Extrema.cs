namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>The largest element (PyTorch's <c>amax</c> over every element).</summary>
    /// <remarks>
    /// y = maxᵢ xᵢ; ∂y/∂xᵢ = 1/c where xᵢ = y and 0 elsewhere, c the number of elements equal to the maximum: a tie
    /// shares the gradient evenly, as PyTorch's amax does. NaN anywhere gives NaN (and no gradient); an empty
    /// tensor gives −∞, the identity of max.
    /// </remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Max() => MaxNode.Forward(this, ExtremumNode.AllElements, keepDims: false);

    /// <summary>The smallest element (PyTorch's <c>amin</c> over every element).</summary>
    /// <remarks>
    /// y = minᵢ xᵢ; ∂y/∂xᵢ = 1/c where xᵢ = y and 0 elsewhere, c the number of elements equal to the minimum (ties
    /// share evenly, as in PyTorch's amin). NaN anywhere gives NaN; an empty tensor gives +∞, the identity of min.
    /// </remarks>
    /// <returns>A scalar (rank-0) tensor.</returns>
    public AutodiffTensor<T> Min() => MinNode.Forward(this, ExtremumNode.AllElements, keepDims: false);

    /// <summary>The largest element along one axis (PyTorch's <c>amax(dim)</c>).</summary>
    /// <remarks>
    /// y[…] = maxⱼ x[…, j, …]; ∂y/∂x[…, j, …] = 1/c where x[…, j, …] = y[…] and 0 elsewhere, c the number of ties
    /// in that line. A line holding NaN gives NaN; an axis of extent 0 gives −∞.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Max(int axis, bool keepDims = false) => MaxNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    /// <summary>The smallest element along one axis (PyTorch's <c>amin(dim)</c>).</summary>
    /// <remarks>
    /// y[…] = minⱼ x[…, j, …]; ∂y/∂x[…, j, …] = 1/c where x[…, j, …] = y[…] and 0 elsewhere, c the number of ties
    /// in that line. A line holding NaN gives NaN; an axis of extent 0 gives +∞.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="keepDims">Keep the axis with extent 1 instead of removing it.</param>
    /// <returns>A tensor without (or with extent 1 on) that axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank).</exception>
    public AutodiffTensor<T> Min(int axis, bool keepDims = false) => MinNode.Forward(this, Shapes.Axis(axis, Rank, nameof(axis)), keepDims);

    // <summary>The maximum or minimum over every element or along a validated axis; ties share the gradient (<see cref="ExtremumKernels{T}"/>).</summary>
    internal abstract class ExtremumNode(AutodiffTensor<T> x, int axis, bool keepDims)
        : UnaryNode(x, axis == AllElements ? [] : Shapes.Reduce(x._shape, axis, keepDims))
    {
        // <summary>The axis value that stands for every element at once.</summary>
        public const int AllElements = -1;

        private readonly int _axis = axis;

        protected static AutodiffTensor<T> Fill(ExtremumNode y, AutodiffTensor<T> x, bool max)
        {
            var (outer, n, inner) = y.Lines(x);
            ExtremumKernels<T>.Reduce(x.Data, outer, n, inner, y.Data, max);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Lines(X);
            ExtremumKernels<T>.Backward(X.Data, Data, OutputGradient, outer, n, inner, X.GradientForAccumulation());
        }

        // <summary>The (outer, n, inner) split of x around the axis; every element is one line of n = length.</summary>
        private (int Outer, int Extent, int Inner) Lines(AutodiffTensor<T> x) => _axis == AllElements ? (1, x._length, 1) : Shapes.Split(x._shape, _axis);
    }

    internal sealed class MaxNode(AutodiffTensor<T> x, int axis, bool keepDims) : ExtremumNode(x, axis, keepDims)
    {
        public override string Operation => "max";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, bool keepDims) => Fill(new MaxNode(x, axis, keepDims), x, max: true);
    }

    internal sealed class MinNode(AutodiffTensor<T> x, int axis, bool keepDims) : ExtremumNode(x, axis, keepDims)
    {
        public override string Operation => "min";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, bool keepDims) => Fill(new MinNode(x, axis, keepDims), x, max: false);
    }
}
