using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Kernels;

// <summary>
// General matrix multiply on row-major spans: C[m×n] = op(A)·op(B), or C += op(A)·op(B) when accumulating.
// op(A) is m×k (A is stored k×m with <see cref="GemmMode.TransposeA"/>), op(B) is k×n (B is stored n×k with <see cref="GemmMode.TransposeB"/>).
// </summary>
// <remarks>
// C_ij = [C_ij +] Σ_p op(A)_ip · op(B)_pj. Results are deterministic: every element of C is produced by the
// same sequence of floating-point operations whatever the thread count or scheduling, so the same inputs
// always give the same bits. With 256-bit SIMD and FMA the product runs on <see cref="GemmBlocked{T, TKernel}"/>
// (packed panels of bounded size, the depth packed a chunk at a time; a 6×16 register tile in single precision; both cores for products of 2·10⁶ multiply-adds
// and more); otherwise on the scalar <see cref="GemmPortable"/>. A valid call allocates nothing (but the first parallel one on
// a thread, which creates that thread's job).
// </remarks>
internal static class Gemm
{
    // <summary>C[m×n] (+)= op(A)·op(B) in single precision, on the kernel and thread budget <paramref name="options"/> allow.</summary>
    // <param name="a">A, row-major: m×k, or k×m with <see cref="GemmMode.TransposeA"/>.</param>
    // <param name="b">B, row-major: k×n, or n×k with <see cref="GemmMode.TransposeB"/>.</param>
    // <param name="c">C, row-major m×n; only its first m·n elements are touched.</param>
    // <param name="m">Rows of C and of op(A), &gt;= 0.</param>
    // <param name="k">Columns of op(A) and rows of op(B), &gt;= 0; with k = 0 the product is the zero matrix.</param>
    // <param name="n">Columns of C and of op(B), &gt;= 0.</param>
    // <param name="mode">The operand layouts and whether to add into C.</param>
    // <param name="options">Kernel and threads; null for <see cref="MatrixProductOptions.Default"/>.</param>
    // <exception cref="ArgumentOutOfRangeException">m, k or n is negative.</exception>
    // <exception cref="ArgumentException">A span is shorter than its matrix.</exception>
    public static void Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n,
                               GemmMode mode = GemmMode.None, MatrixProductOptions? options = null)
        => Run(a, b, c, m, k, n, mode, options ?? MatrixProductOptions.Default);

    // <summary>C[m×n] (+)= op(A)·op(B) in double precision, on the kernel and thread budget <paramref name="options"/> allow.</summary>
    // <inheritdoc cref="Compute(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, GemmMode, MatrixProductOptions?)"/>
    public static void Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n,
                               GemmMode mode = GemmMode.None, MatrixProductOptions? options = null)
        => Run(a, b, c, m, k, n, mode, options ?? MatrixProductOptions.Default);

    private static void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmMode mode, MatrixProductOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(a.Length, b.Length, c.Length, m, k, n, mode);
        if (IsEmpty(c, m, k, n, (mode & GemmMode.Accumulate) != 0))
        {
            return;
        }

        // An extent so large that its padded panels could not be an array is left to the loops that pack nothing.
        if (options.UsePortableKernel || !GemmMicroKernel256<T>.IsSupported || GemmBlocked<T, GemmMicroKernel256<T>>.PackedLength(m, k, n) < 0)
        {
            GemmPortable.Compute(a, b, c, m, k, n, mode);
        }
        else
        {
            GemmBlocked<T, GemmMicroKernel256<T>>.Compute(a, b, c, m, k, n, mode, options.ThreadBudget);
        }
    }

    // With an empty dimension the product is trivial: nothing to write, or (k = 0) a zero matrix.
    private static bool IsEmpty<T>(Span<T> c, int m, int k, int n, bool accumulate)
    {
        if (k == 0 && !accumulate)
        {
            c[..(m * n)].Clear();
        }

        return m == 0 || n == 0 || k == 0;
    }

    private static void Validate(int aLength, int bLength, int cLength, int m, int k, int n, GemmMode mode)
    {
        bool transposeA = (mode & GemmMode.TransposeA) != 0, transposeB = (mode & GemmMode.TransposeB) != 0;
        Guard.InRange(m, 0, int.MaxValue, nameof(m));
        Guard.InRange(k, 0, int.MaxValue, nameof(k));
        Guard.InRange(n, 0, int.MaxValue, nameof(n));
        // Messages are built only on failure so a valid call allocates nothing.
        if (aLength < (long)m * k)
        {
            Guard.MinimumLength(aLength, (long)m * k, transposeA ? $"A stored k × m = {k} × {m}" : $"A stored m × k = {m} × {k}", "a");
        }

        if (bLength < (long)k * n)
        {
            Guard.MinimumLength(bLength, (long)k * n, transposeB ? $"B stored n × k = {n} × {k}" : $"B stored k × n = {k} × {n}", "b");
        }

        if (cLength < (long)m * n)
        {
            Guard.MinimumLength(cLength, (long)m * n, $"C m × n = {m} × {n}", "c");
        }
    }
}
