using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>The same elements, in the same row-major order, under another shape: a view, not a copy.</summary>
    /// <remarks>
    /// <para>y = x with new extents; ∂L/∂x = ∂L/∂y read in the shape of x. The result shares the storage of this
    /// tensor, as PyTorch's <c>view</c> does: nothing is copied, and writing the <see cref="Values"/> of either is seen
    /// in the other (<see cref="Detach"/> gives an independent copy). Each keeps its own gradient.</para>
    /// <para>Inside a <see cref="TensorScope"/> the storage is given back to the pool once, by the tensor that owns it,
    /// never by a view; a view that outlives its storage (made on another thread outside any scope) throws
    /// <see cref="ObjectDisposedException"/> instead of reading reused memory.</para>
    /// </remarks>
    /// <param name="shape">New extents with the same product; at most one may be −1, meaning "whatever is left".</param>
    /// <returns>A tensor of the new shape.</returns>
    /// <exception cref="ArgumentException">The element counts differ, more than one −1 is given, or an extent is invalid; the message shows both shapes.</exception>
    public AutodiffTensor<T> Reshape(params ReadOnlySpan<int> shape)
    {
        var newShape = shape.ToArray();
        int inferred = -1, known = 1;
        for (int i = 0; i < newShape.Length; i++)
        {
            if (newShape[i] == -1)
            {
                if (inferred >= 0)
                {
                    throw new ArgumentException($"shape {Shapes.Format(shape)} has more than one -1.", nameof(shape));
                }

                inferred = i;
            }
            else
            {
                known *= Math.Max(newShape[i], 0);
            }
        }

        if (inferred >= 0 && known > 0 && _length % known == 0)
        {
            newShape[inferred] = _length / known;
        }

        if (Array.IndexOf(newShape, -1) >= 0 || Shapes.Size(newShape, nameof(shape)) != _length)
        {
            throw new ArgumentException(
                $"reshape: cannot view a tensor of shape {Shapes.Format(_shape)} ({_length} elements) as {Shapes.Format(shape)}.", nameof(shape));
        }

        return ReshapeNode.Forward(this, newShape);
    }

    /// <summary>Swaps two axes (by default the last two: the matrix transpose).</summary>
    /// <remarks>
    /// <para>y[…i…j…] = x[…j…i…]; the gradient is transposed back.</para>
    /// <para>Storage is row-major without strides: the shape alone fixes where each element lives. So the result is
    /// a view of this tensor's storage (a <see cref="Reshape"/>, no copy, <see cref="Operation"/> "reshape") exactly
    /// when the swap leaves the axes of extent above 1 in their order, that is when it only moves axes of extent 1
    /// ([1, n] ↔ [n, 1], say) and the elements keep their places in memory. A general transpose changes which element
    /// comes next in memory, which only a copy can express; that copy is a new tensor, unaffected by later writes to
    /// this one.</para>
    /// </remarks>
    /// <param name="axis0">First axis, in [−rank, rank).</param>
    /// <param name="axis1">Second axis, in [−rank, rank).</param>
    /// <returns>A tensor with those extents swapped.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range (including any axis of a rank-0 or rank-1 tensor under the defaults).</exception>
    public AutodiffTensor<T> Transpose(int axis0 = -2, int axis1 = -1)
    {
        int a0 = Shapes.Axis(axis0, Rank, nameof(axis0));
        int a1 = Shapes.Axis(axis1, Rank, nameof(axis1));
        if (SwapKeepsOrder(_shape, a0, a1))
        {
            var shape = (int[])_shape.Clone();
            (shape[a0], shape[a1]) = (shape[a1], shape[a0]);
            return ReshapeNode.Forward(this, shape);
        }

        return TransposeNode.Forward(this, a0, a1);
    }

    // <summary>
    // Whether exchanging axes a0 and a1 leaves every element at its row-major position, i.e. the axes of extent
    // above 1 keep their order. Only the two exchanged axes move, each across the axes between them: the order
    // survives when neither is wide, or when one is wide and nothing between them is. An empty tensor has no
    // order to keep.
    // </summary>
    internal static bool SwapKeepsOrder(ReadOnlySpan<int> shape, int a0, int a1)
    {
        int lo = Math.Min(a0, a1), hi = Math.Max(a0, a1);
        if (lo == hi || shape.Contains(0))
        {
            return true;
        }

        int wideEnds = (shape[lo] > 1 ? 1 : 0) + (shape[hi] > 1 ? 1 : 0);
        bool wideBetween = false;
        for (int d = lo + 1; d < hi; d++)
        {
            wideBetween |= shape[d] > 1;
        }

        return wideEnds == 0 || (wideEnds == 1 && !wideBetween);
    }

    /// <summary>A contiguous range along one axis.</summary>
    /// <remarks>y[…, j, …] = x[…, start + j, …] for j in [0, length); the gradient lands back in that range.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <param name="start">First index taken, in [0, extent].</param>
    /// <param name="length">How many indices, in [0, extent − start].</param>
    /// <returns>A tensor whose extent on the axis is <paramref name="length"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The axis, start or length is out of range.</exception>
    public AutodiffTensor<T> Slice(int axis, int start, int length)
    {
        int ax = Shapes.Axis(axis, Rank, nameof(axis));
        InfoTheory.Internal.Guard.InRange(start, 0, _shape[ax], nameof(start));
        InfoTheory.Internal.Guard.InRange(length, 0, _shape[ax] - start, nameof(length));
        return SliceNode.Forward(this, ax, start, length);
    }

    // <summary>destination (of the swapped shape) += source with axes a0 and a1 exchanged.</summary>
    private static void SwapAxesAccumulate(ReadOnlySpan<T> source, int[] sourceShape, Span<T> destination, int a0, int a1)
    {
        int rank = sourceShape.Length;
        Span<int> srcStride = stackalloc int[Shapes.MaxRank];
        Span<int> dstShape = stackalloc int[Shapes.MaxRank];
        Span<int> stride = stackalloc int[Shapes.MaxRank];
        Span<int> index = stackalloc int[Shapes.MaxRank];
        int acc = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            srcStride[d] = acc;
            acc *= sourceShape[d];
        }

        for (int d = 0; d < rank; d++)
        {
            int from = d == a0 ? a1 : d == a1 ? a0 : d;
            dstShape[d] = sourceShape[from];
            stride[d] = srcStride[from];
        }

        if (destination.Length == 0)
        {
            return;
        }

        int inner = dstShape[rank - 1], innerStride = stride[rank - 1];
        int src = 0;
        for (int dst = 0; dst < destination.Length; dst += inner)
        {
            for (int j = 0, p = src; j < inner; j++, p += innerStride)
            {
                destination[dst + j] += source[p];
            }

            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                src += stride[d];
                if (index[d] < dstShape[d])
                {
                    break;
                }

                src -= stride[d] * dstShape[d];
                index[d] = 0;
            }
        }
    }

    // <summary>x's storage under a validated shape of as many elements: a view, so the forward pass copies nothing.</summary>
    internal sealed class ReshapeNode(AutodiffTensor<T> x, int[] shape) : UnaryNode(shape, x)
    {
        // The tensor that owns the storage: x, or x's owner when x is itself a view. Kept even when the node is not
        // recorded, so a view can tell that its storage was released.
        private readonly AutodiffTensor<T> _owner = x.StorageOwner;

        public override string Operation => "reshape";

        private protected override AutodiffTensor<T> StorageOwner => _owner;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int[] shape) => new ReshapeNode(x, shape).Finished();

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Add(dx, OutputGradient, dx);
        }
    }

    internal sealed class TransposeNode(AutodiffTensor<T> x, int[] shape, int axis0, int axis1) : UnaryNode(x, shape)
    {
        private readonly int _axis0 = axis0;
        private readonly int _axis1 = axis1;

        public override string Operation => "transpose";

        // <summary>x with validated axes <paramref name="axis0"/> and <paramref name="axis1"/> exchanged.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis0, int axis1)
        {
            var shape = (int[])x._shape.Clone();
            (shape[axis0], shape[axis1]) = (shape[axis1], shape[axis0]);
            var y = new TransposeNode(x, shape, axis0, axis1);
            y.Data.Clear();
            SwapAxesAccumulate(x.Data, x._shape, y.Data, axis0, axis1);
            return y.Finished();
        }

        private protected override void Propagate()
            => SwapAxesAccumulate(OutputGradient, _shape, X.GradientForAccumulation(), _axis0, _axis1);
    }

    internal sealed class SliceNode(AutodiffTensor<T> x, int[] shape, int axis, int start) : UnaryNode(x, shape)
    {
        private readonly int _axis = axis;
        private readonly int _start = start;

        public override string Operation => "slice";

        // <summary>Indices [start, start + length) of validated arguments along the axis.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int axis, int start, int length)
        {
            var shape = (int[])x._shape.Clone();
            shape[axis] = length;
            var y = new SliceNode(x, shape, axis, start);
            var (outer, n, inner) = Shapes.Split(x._shape, axis);
            var xd = x.Data;
            var yd = y.Data;
            int block = length * inner;
            for (int o = 0; o < outer; o++)
            {
                xd.Slice(((o * n) + start) * inner, block).CopyTo(yd.Slice(o * block, block));
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (outer, n, inner) = Shapes.Split(X._shape, _axis);
            int block = _shape[_axis] * inner;
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                var d = dx.Slice(((o * n) + _start) * inner, block);
                TensorPrimitives.Add(d, g.Slice(o * block, block), d);
            }
        }
    }

    // <summary>The inputs are kept (as a private copy of the caller's array) only when the operation is recorded.</summary>
    internal sealed class ConcatNode : AutodiffTensor<T>
    {
        private readonly int _axis;
        private AutodiffTensor<T>[]? _inputs;

        private ConcatNode(AutodiffTensor<T>[] inputs, int[] shape, int axis)
            : base(shape, Autograd.IsGradEnabled && Array.Exists(inputs, t => t._requiresGrad))
        {
            _axis = axis;
            if (_requiresGrad)
            {
                _inputs = inputs;
            }
        }

        public override string Operation => "concat";

        private protected override int InputCount => _inputs?.Length ?? 0;

        // <inheritdoc cref="AutodiffTensor.Concat{T}(int, AutodiffTensor{T}[])"/>
        public static AutodiffTensor<T> Forward(int axis, AutodiffTensor<T>[] tensors)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            InfoTheory.Internal.Guard.NotEmpty(tensors.Length, nameof(tensors));
            foreach (var t in tensors)
            {
                ArgumentNullException.ThrowIfNull(t, nameof(tensors));
            }

            var first = tensors[0]._shape;
            int ax = Shapes.Axis(axis, first.Length, nameof(axis));
            var shape = (int[])first.Clone();
            long extent = 0;
            foreach (var t in tensors)
            {
                bool agree = t.Rank == first.Length;
                for (int d = 0; agree && d < first.Length; d++)
                {
                    agree = d == ax || t._shape[d] == first[d];
                }

                if (!agree)
                {
                    throw new ArgumentException(
                        $"concat along axis {ax}: shapes {Shapes.Format(first)} and {Shapes.Format(t._shape)} differ off that axis.", nameof(tensors));
                }

                extent += t._shape[ax];
            }

            if (extent > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(tensors), $"concat along axis {ax}: the extents sum to {extent}; an extent must be at most {int.MaxValue}.");
            }

            shape[ax] = (int)extent;
            Shapes.Size(shape, nameof(tensors), "the concat result shape");

            var y = new ConcatNode((AutodiffTensor<T>[])tensors.Clone(), shape, ax);
            var (outer, total, inner) = Shapes.Split(shape, ax);
            var yd = y.Data;
            int offset = 0;
            foreach (var t in tensors)
            {
                int block = t._shape[ax] * inner;
                var x = t.Data;
                for (int o = 0; o < outer; o++)
                {
                    x.Slice(o * block, block).CopyTo(yd.Slice((o * total * inner) + offset, block));
                }

                offset += block;
            }

            return y.Finished();
        }

        private protected override AutodiffTensor<T> Input(int index) => _inputs![index];

        private protected override void ForgetInputs() => _inputs = null;

        private protected override void Propagate()
        {
            var (outer, total, inner) = Shapes.Split(_shape, _axis);
            var g = OutputGradient;
            int offset = 0;
            foreach (var t in _inputs!)
            {
                int block = t._shape[_axis] * inner;
                if (t._requiresGrad)
                {
                    var dx = t.GradientForAccumulation();
                    for (int o = 0; o < outer; o++)
                    {
                        var d = dx.Slice(o * block, block);
                        TensorPrimitives.Add(d, g.Slice((o * total * inner) + offset, block), d);
                    }
                }

                offset += block;
            }
        }
    }
}
