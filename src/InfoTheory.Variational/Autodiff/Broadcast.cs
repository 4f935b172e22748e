using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

// <summary>Broadcasting kernels: a binary operation over broadcast operands, and its adjoint, summing a gradient back to an operand's shape.</summary>
internal static class Broadcast<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // <summary>y = op(a, b) with a and b broadcast to y's shape.</summary>
    public static void Apply<TOp>(ReadOnlySpan<T> a, int[] aShape, ReadOnlySpan<T> b, int[] bShape, Span<T> y, int[] yShape)
        where TOp : IBinaryKernel<T>
    {
        var walk = new BroadcastWalk(yShape, aShape, bShape);
        int n = walk.Inner;
        while (walk.MoveNext())
        {
            var ys = y.Slice(walk.OffsetY, n);
            switch (walk.InnerStrideA, walk.InnerStrideB)
            {
                case (1, 1):
                    TOp.Vector(a.Slice(walk.OffsetA, n), b.Slice(walk.OffsetB, n), ys);
                    break;
                case (1, 0):
                    TOp.VectorScalar(a.Slice(walk.OffsetA, n), b[walk.OffsetB], ys);
                    break;
                case (0, 1):
                    TOp.ScalarVector(a[walk.OffsetA], b.Slice(walk.OffsetB, n), ys);
                    break;
                default:
                    ys.Fill(TOp.Scalar(a[walk.OffsetA], b[walk.OffsetB]));
                    break;
            }
        }
    }

    // <summary>
    // destination += Σ over broadcast axes of <paramref name="source"/> (or −= when <paramref name="negate"/>):
    // the gradient of broadcasting <paramref name="destinationShape"/> up to <paramref name="sourceShape"/>.
    // </summary>
    public static void AccumulateReduced(ReadOnlySpan<T> source, int[] sourceShape, Span<T> destination, int[] destinationShape, bool negate = false)
    {
        if (Shapes.Equal(sourceShape, destinationShape))
        {
            if (negate)
            {
                TensorPrimitives.Subtract(destination, source, destination);
            }
            else
            {
                TensorPrimitives.Add(destination, source, destination);
            }

            return;
        }

        var walk = new BroadcastWalk(sourceShape, destinationShape, destinationShape);
        int n = walk.Inner;
        while (walk.MoveNext())
        {
            var src = source.Slice(walk.OffsetY, n);
            if (walk.InnerStrideA == 1)
            {
                var dst = destination.Slice(walk.OffsetA, n);
                if (negate)
                {
                    TensorPrimitives.Subtract(dst, src, dst);
                }
                else
                {
                    TensorPrimitives.Add(dst, src, dst);
                }
            }
            else
            {
                T sum = TensorPrimitives.Sum(src);
                destination[walk.OffsetA] += negate ? -sum : sum;
            }
        }
    }
}
