using System.Globalization;
using System.Text;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Autodiff;

// <summary>Shape arithmetic and the shape rules every operation enforces, with messages that show both shapes.</summary>
internal static class Shapes
{
    // <summary>The highest rank a tensor may have; fixed so kernels can keep indices on the stack.</summary>
    public const int MaxRank = 8;

    // <summary>Formats a shape as <c>[2, 3]</c> (<c>[]</c> for a scalar).</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }

    // <summary>Validates a shape and returns its element count (0 when any extent is 0, however large the others).</summary>
    // <exception cref="ArgumentException">Rank above <see cref="MaxRank"/>.</exception>
    // <exception cref="ArgumentOutOfRangeException">A negative extent, or more than <see cref="int.MaxValue"/> elements.</exception>
    public static int Size(ReadOnlySpan<int> shape, string paramName, string what = "the product of the extents")
    {
        if (shape.Length > MaxRank)
        {
            throw new ArgumentException($"{paramName} {Format(shape)} has rank {shape.Length}; tensors have rank at most {MaxRank}.", paramName);
        }

        Span<long> extents = stackalloc long[MaxRank];
        for (int i = 0; i < shape.Length; i++)
        {
            extents[i] = shape[i];
        }

        return Guard.ElementCount(paramName, what, extents[..shape.Length]);
    }

    // <summary>Whether two shapes are equal.</summary>
    public static bool Equal(int[] a, int[] b) => ReferenceEquals(a, b) || a.AsSpan().SequenceEqual(b);

    // <summary>Turns a possibly negative axis (counting from the end) into an index in [0, rank).</summary>
    // <exception cref="ArgumentOutOfRangeException">The axis is outside [-rank, rank).</exception>
    public static int Axis(int axis, int rank, string paramName)
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
        {
            throw new ArgumentOutOfRangeException(paramName, axis, $"{paramName} is {axis}; it must lie in [{-rank}, {rank - 1}] for a tensor of rank {rank}.");
        }

        return a;
    }

    // <summary>The NumPy broadcast of two shapes.</summary>
    // <exception cref="ArgumentException">Some aligned extents differ and neither is 1; the message shows both shapes.</exception>
    // <exception cref="ArgumentOutOfRangeException">The broadcast shape has more than <see cref="int.MaxValue"/> elements.</exception>
    public static int[] Broadcast(int[] a, int[] b, string operation, string paramName = "right")
    {
        if (Equal(a, b))
        {
            return a;
        }

        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException(
                    $"{operation}: shapes {Format(a)} and {Format(b)} cannot be broadcast together (axis {i}: {da} vs {db}).", paramName);
            }

            result[i] = da == 1 ? db : da;
        }

        Size(result, paramName, $"the {operation} broadcast shape");
        return result;
    }

    // <summary>Splits a shape around an axis into (product before, extent, product after).</summary>
    public static (int Outer, int Extent, int Inner) Split(ReadOnlySpan<int> shape, int axis)
    {
        int outer = 1;
        for (int i = 0; i < axis; i++)
        {
            outer *= shape[i];
        }

        int inner = 1;
        for (int i = axis + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[axis], inner);
    }

    // <summary>The shape without one axis, or with that axis set to 1 when <paramref name="keepDims"/>.</summary>
    public static int[] Reduce(int[] shape, int axis, bool keepDims)
    {
        if (keepDims)
        {
            var kept = (int[])shape.Clone();
            kept[axis] = 1;
            return kept;
        }

        var result = new int[shape.Length - 1];
        for (int i = 0, j = 0; i < shape.Length; i++)
        {
            if (i != axis)
            {
                result[j++] = shape[i];
            }
        }

        return result;
    }
}
