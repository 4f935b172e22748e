using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Variational.Kernels;

// <summary>
// Copies operands into the panel layout the micro-kernels stream: A as row panels of <c>mr</c> rows and B as
// column panels of <c>nr</c> columns, each k-major over one chunk of the depth and zero-padded to whole panels.
// </summary>
// <remarks>
// Packing turns every access pattern of the product (plain or transposed operands) into one contiguous
// stream, which is what lets one kernel serve all four transpose combinations. For a chunk of
// <c>depth</c> steps, panel <c>q</c> starts at <c>q·width·depth</c> and holds element (p, r) at
// <c>p·width + r</c>. Column panels of op(B) are row panels of op(B)ᵀ, so both operands go through one routine.
// </remarks>
internal static class GemmPacking
{
    // <summary>Packs rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) of op(A), m×k, over depth steps [<paramref name="depthStart"/>, depthStart + <paramref name="depth"/>).</summary>
    // <param name="a">A as stored: m×k, or k×m when <paramref name="transposeA"/>.</param>
    // <param name="m">Rows of op(A).</param>
    // <param name="k">Columns of op(A).</param>
    // <param name="transposeA">A is stored k×m.</param>
    // <param name="depthStart">First column of op(A) to pack.</param>
    // <param name="depth">Columns of op(A) to pack.</param>
    // <param name="rowStart">First row, a multiple of <paramref name="mr"/>.</param>
    // <param name="rowEnd">One past the last row, at most <paramref name="m"/>.</param>
    // <param name="mr">Rows per panel.</param>
    // <param name="packed">The whole packed chunk of A; panels for these rows are written at their own offsets.</param>
    public static void PackA<T>(ReadOnlySpan<T> a, int m, int k, bool transposeA, int depthStart, int depth, int rowStart, int rowEnd, int mr, Span<T> packed)
        where T : unmanaged
        => PackRowPanels(a, m, k, lanesContiguous: transposeA, depthStart, depth, rowStart, rowEnd, mr, packed);

    // <summary>Packs columns [<paramref name="colStart"/>, <paramref name="colEnd"/>) of op(B), k×n, over depth steps [<paramref name="depthStart"/>, depthStart + <paramref name="depth"/>).</summary>
    // <param name="b">B as stored: k×n, or n×k when <paramref name="transposeB"/>.</param>
    // <param name="k">Rows of op(B).</param>
    // <param name="n">Columns of op(B).</param>
    // <param name="transposeB">B is stored n×k.</param>
    // <param name="depthStart">First row of op(B) to pack.</param>
    // <param name="depth">Rows of op(B) to pack.</param>
    // <param name="colStart">First column, a multiple of <paramref name="nr"/>.</param>
    // <param name="colEnd">One past the last column, at most <paramref name="n"/>.</param>
    // <param name="nr">Columns per panel.</param>
    // <param name="packed">The whole packed chunk of B; panels for these columns are written at their own offsets.</param>
    public static void PackB<T>(ReadOnlySpan<T> b, int k, int n, bool transposeB, int depthStart, int depth, int colStart, int colEnd, int nr, Span<T> packed)
        where T : unmanaged
        => PackRowPanels(b, n, k, lanesContiguous: !transposeB, depthStart, depth, colStart, colEnd, nr, packed);

    // Packs rows [start, end) of an m×k matrix X, steps [depthStart, depthStart + depth), into panels of `width`
    // rows. X is stored either row-major (one row of X contiguous) or, when lanesContiguous, as its k×m transpose
    // (one step p of every row contiguous).
    private static void PackRowPanels<T>(ReadOnlySpan<T> x, int m, int k, bool lanesContiguous, int depthStart, int depth,
                                         int start, int end, int width, Span<T> packed)
        where T : unmanaged
    {
        ref T src = ref MemoryMarshal.GetReference(x);
        for (int i0 = start; i0 < end; i0 += width)
        {
            int lanes = Math.Min(width, end - i0);
            Span<T> panel = packed.Slice(i0 * depth, width * depth);
            ref T dst = ref MemoryMarshal.GetReference(panel);
            if (lanes < width)
            {
                panel.Clear();
            }

            if (lanesContiguous)
            {
                for (int p = 0; p < depth; p++)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref src, ((nint)(depthStart + p) * m) + i0), lanes)
                        .CopyTo(panel.Slice(p * width, lanes));
                }
            }
            else
            {
                for (int r = 0; r < lanes; r++)
                {
                    ref T row = ref Unsafe.Add(ref src, ((nint)(i0 + r) * k) + depthStart);
                    ref T lane = ref Unsafe.Add(ref dst, r);
                    for (int p = 0; p < depth; p++)
                    {
                        Unsafe.Add(ref lane, (nint)p * width) = Unsafe.Add(ref row, p);
                    }
                }
            }
        }
    }
}
