using System.Numerics;

namespace InfoTheory.Variational.Kernels;

// <summary>
// The scalar matrix product for processors without 256-bit SIMD and FMA, and the path tests force to check
// the SIMD one against. Loops are ordered so the innermost one walks memory contiguously.
// </summary>
internal static class GemmPortable
{
    // <summary>C[m×n] (+)= op(A)·op(B) with arguments already validated (see <see cref="Gemm"/>).</summary>
    public static void Compute<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmMode mode)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool transposeA = (mode & GemmMode.TransposeA) != 0, transposeB = (mode & GemmMode.TransposeB) != 0;
        bool accumulate = (mode & GemmMode.Accumulate) != 0;
        if (!accumulate)
        {
            c[..(m * n)].Clear();
        }

        if (transposeB)
        {
            // op(B)[p, j] = B[j, p]: a dot product over contiguous rows of B.
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    ReadOnlySpan<T> bRow = b.Slice(j * k, k);
                    T sum = T.Zero;
                    for (int p = 0; p < k; p++)
                    {
                        sum += ElementA(a, i, p, m, k, transposeA) * bRow[p];
                    }

                    c[(i * n) + j] += sum;
                }
            }

            return;
        }

        // i-p-j order: each A element scales one contiguous row of B into one contiguous row of C.
        for (int i = 0; i < m; i++)
        {
            Span<T> cRow = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T aip = ElementA(a, i, p, m, k, transposeA);
                ReadOnlySpan<T> bRow = b.Slice(p * n, n);
                for (int j = 0; j < n; j++)
                {
                    cRow[j] += aip * bRow[j];
                }
            }
        }
    }

    private static T ElementA<T>(ReadOnlySpan<T> a, int i, int p, int m, int k, bool transposeA)
        => transposeA ? a[(p * m) + i] : a[(i * k) + p];
}
