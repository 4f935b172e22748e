using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

// <summary>
// The maximum or minimum along one axis, and its gradient split evenly among ties, on SIMD spans.
// </summary>
// <remarks>
// <para>The tensor is seen as <c>outer</c> blocks of <c>n × inner</c> elements, as in
// <see cref="SoftmaxKernels{T}"/>: a contiguous line per output when inner = 1, otherwise the inner
// positions vectorised together one row of the axis at a time.</para>
// <para>Values follow <see cref="TensorPrimitives.Max{T}(ReadOnlySpan{T})"/>: a line holding NaN gives NaN
// (as PyTorch's amax does), +0 counts as greater than −0, and an empty line gives the identity, −∞ for the
// maximum and +∞ for the minimum.</para>
// </remarks>
internal static class ExtremumKernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // <summary>y[o·inner + i] = max (or min) over j of x[(o·n + j)·inner + i].</summary>
    public static void Reduce(ReadOnlySpan<T> x, int outer, int n, int inner, Span<T> y, bool max)
    {
        if (n == 0)
        {
            y.Fill(max ? T.NegativeInfinity : T.PositiveInfinity);
            return;
        }

        for (int o = 0; o < outer; o++)
        {
            var block = x.Slice(o * n * inner, n * inner);
            if (inner == 1)
            {
                y[o] = max ? TensorPrimitives.Max(block) : TensorPrimitives.Min(block);
                continue;
            }

            var row = y.Slice(o * inner, inner);
            block[..inner].CopyTo(row);
            for (int j = 1; j < n; j++)
            {
                if (max)
                {
                    TensorPrimitives.Max(row, block.Slice(j * inner, inner), row);
                }
                else
                {
                    TensorPrimitives.Min(row, block.Slice(j * inner, inner), row);
                }
            }
        }
    }

    // <summary>
    // dx += the gradient of y = max (or min) along the axis: g shared evenly among the c elements of each line
    // equal to its extremum y, dxⱼ += g / c where xⱼ = y and nothing elsewhere (PyTorch's amax/amin rule).
    // A NaN extremum equals no element, so its line receives no gradient.
    // </summary>
    public static void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, int outer, int n, int inner, Span<T> dx)
    {
        if (n == 0)
        {
            return;
        }

        if (inner == 1)
        {
            for (int o = 0; o < outer; o++)
            {
                var line = x.Slice(o * n, n);
                T extremum = y[o];
                T each = g[o] / CountEqual(line, extremum);
                AddWhereEqual(line, new ReadOnlySpan<T>(in extremum), new ReadOnlySpan<T>(in each), dx.Slice(o * n, n));
            }

            return;
        }

        using var count = new Scratch<T>(inner);
        using var share = new Scratch<T>(inner);
        ReadOnlySpan<T> one = [T.One];
        for (int o = 0; o < outer; o++)
        {
            var xb = x.Slice(o * n * inner, n * inner);
            var db = dx.Slice(o * n * inner, n * inner);
            var yRow = y.Slice(o * inner, inner);
            var c = count.Span;
            c.Clear();
            for (int j = 0; j < n; j++)
            {
                AddWhereEqual(xb.Slice(j * inner, inner), yRow, one, c);
            }

            var s = share.Span;
            TensorPrimitives.Divide(g.Slice(o * inner, inner), c, s);
            for (int j = 0; j < n; j++)
            {
                AddWhereEqual(xb.Slice(j * inner, inner), yRow, s, db.Slice(j * inner, inner));
            }
        }
    }

    // <summary>
    // destination[i] += value[i] where x[i] = target[i]; a one-element <paramref name="target"/> or
    // <paramref name="value"/> stands for every i (a contiguous line shares one extremum and one share).
    // </summary>
    private static void AddWhereEqual(ReadOnlySpan<T> x, ReadOnlySpan<T> target, ReadOnlySpan<T> value, Span<T> destination)
    {
        if (x.IsEmpty)
        {
            return;
        }

        bool oneTarget = target.Length == 1, oneValue = value.Length == 1;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var t = new Vector<T>(target[0]);
            var v = new Vector<T>(value[0]);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var equal = Vector.Equals(new Vector<T>(x[i..]), oneTarget ? t : new Vector<T>(target[i..]));
                var add = Vector.ConditionalSelect(equal, oneValue ? v : new Vector<T>(value[i..]), Vector<T>.Zero);
                (new Vector<T>(destination[i..]) + add).CopyTo(destination[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            if (x[i] == target[oneTarget ? 0 : i])
            {
                destination[i] += value[oneValue ? 0 : i];
            }
        }
    }

    // <summary>The number of elements of <paramref name="x"/> equal to <paramref name="target"/>, as a T (exact below 2²⁴ for float).</summary>
    private static T CountEqual(ReadOnlySpan<T> x, T target)
    {
        T count = T.Zero;
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var t = new Vector<T>(target);
            var counts = Vector<T>.Zero;
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                counts += Vector.ConditionalSelect(Vector.Equals(new Vector<T>(x[i..]), t), Vector<T>.One, Vector<T>.Zero);
            }

            count = Vector.Sum(counts);
        }

        for (; i < x.Length; i++)
        {
            if (x[i] == target)
            {
                count += T.One;
            }
        }

        return count;
    }
}
