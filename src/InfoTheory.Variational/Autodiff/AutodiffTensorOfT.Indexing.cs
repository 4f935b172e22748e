using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>The slices at the given positions along one axis, in the given order (PyTorch's <c>index_select</c>, NumPy's <c>take</c>): rows of a matrix, say.</summary>
    /// <remarks>
    /// y[…, k, …] = x[…, indices[k], …] for k in [0, indices.Length); ∂L/∂x[…, j, …] = Σ_{k : indices[k] = j} ∂L/∂y[…, k, …],
    /// a scatter-add: a position selected twice receives both gradients, one never selected receives none.
    /// </remarks>
    /// <param name="axis">The axis, in [−rank, rank); negative counts from the end.</param>
    /// <param name="indices">Positions along the axis, each in [0, extent); repeats allowed. They are copied.</param>
    /// <returns>A tensor of this shape with extent indices.Length on the axis.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is outside [−rank, rank), an index is outside [0, extent), or the result would have more than <see cref="int.MaxValue"/> elements.</exception>
    public AutodiffTensor<T> IndexSelect(int axis, ReadOnlySpan<int> indices)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        InfoTheory.Internal.Guard.Indices(indices, _shape[ax], nameof(indices), $"the extent of axis {ax} of {Shapes.Format(_shape)}");
        var shape = (int[])_shape.Clone();
        shape[ax] = indices.Length;
        Shapes.Size(shape, nameof(indices), "the index-select result shape");
        return IndexSelectNode.Forward(this, ax, shape, indices.ToArray());
    }

    internal sealed class IndexSelectNode(AutodiffTensor<T> x, int axis, int[] shape, int[] positions) : UnaryNode(x, shape)
    {
        private readonly int _axis = axis;
        private readonly int[] _positions = positions;

        public override string Operation => "index select";

        // <summary>x's slices at validated <paramref name="positions"/> along a validated axis; <paramref name="shape"/> is the result's.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, int[] shape, int[] positions)
        {
            var y = new IndexSelectNode(x, axis, shape, positions);
            var (outer, n, inner) = Shapes.Split(x._shape, axis);
            var xd = x.Data;
            var yd = y.Data;
            int k = positions.Length;
            for (int o = 0; o < outer; o++)
            {
                for (int r = 0; r < k; r++)
                {
                    xd.Slice(((o * n) + positions[r]) * inner, inner).CopyTo(yd.Slice(((o * k) + r) * inner, inner));
                }
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(X._shape, _axis);
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            int k = _positions.Length;
            for (int o = 0; o < outer; o++)
            {
                for (int r = 0; r < k; r++)
                {
                    var d = dx.Slice(((o * n) + _positions[r]) * inner, inner);
                    TensorPrimitives.Add(d, g.Slice(((o * k) + r) * inner, inner), d);
                }
            }
        }
    }
}
