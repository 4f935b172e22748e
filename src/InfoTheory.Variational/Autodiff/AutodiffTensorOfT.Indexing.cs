using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
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
        var y = Result("index select", shape, this);
        y._i0 = ax;
        var (outer, n, inner) = Shapes.Split(_shape, ax);
        var x = Data;
        var yd = y.Data;
        int k = indices.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int r = 0; r < k; r++)
            {
                x.Slice(((o * n) + indices[r]) * inner, inner).CopyTo(yd.Slice(((o * k) + r) * inner, inner));
            }
        }

        // The positions are the one piece of state the backward rule needs beyond the axis.
        int[] positions = indices.ToArray();
        return y.Recorded(y =>
        {
            var (outer, n, inner) = Shapes.Split(y.A._shape, y._i0);
            var g = y.OutputGradient;
            var dx = y.A.GradientForAccumulation();
            int k = positions.Length;
            for (int o = 0; o < outer; o++)
            {
                for (int r = 0; r < k; r++)
                {
                    var d = dx.Slice(((o * n) + positions[r]) * inner, inner);
                    TensorPrimitives.Add(d, g.Slice(((o * k) + r) * inner, inner), d);
                }
            }
        });
    }
}
