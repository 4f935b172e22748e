namespace InfoTheory.Variational.Kernels;

// <summary>
// A register-tile kernel: C[Mr×Nr] = acc or C += acc, where acc = Σ_p a[p]ᵀ·b[p] over <c>kc</c> steps of
// packed panels (A panel k-major with <see cref="Mr"/> values per step, B panel k-major with <see cref="Nr"/>).
// </summary>
// <typeparam name="T">The element type.</typeparam>
// <remarks>
// Every kernel starts its accumulators at zero and adds the products in increasing p, then combines them with
// C once; the blocked driver relies on that fixed order for bit-identical results under any partitioning.
// </remarks>
internal interface IGemmMicroKernel<T>
    where T : unmanaged
{
    // <summary>Rows of the register tile.</summary>
    static abstract int Mr { get; }

    // <summary>Columns of the register tile.</summary>
    static abstract int Nr { get; }

    // <summary>Whether the kernel's instructions run in hardware on this processor.</summary>
    static abstract bool IsSupported { get; }

    // <summary>Multiplies one packed A panel by one packed B panel into the tile at <paramref name="c"/>.</summary>
    // <param name="a">First element of the packed A panel at the first step.</param>
    // <param name="b">First element of the packed B panel at the first step.</param>
    // <param name="kc">Number of steps (the depth of this block), &gt;= 1.</param>
    // <param name="c">Top-left element of the full Mr×Nr tile of C.</param>
    // <param name="ldc">Distance between rows of C, in elements.</param>
    // <param name="add">Add the product to C instead of overwriting it.</param>
    static abstract void Run(ref T a, ref T b, int kc, ref T c, int ldc, bool add);

    // <summary>
    // <see cref="Run"/> for the left half of the tile only (<see cref="Nr"/>/2 columns), for a last B panel
    // with few columns; each element gets exactly the operations <see cref="Run"/> would give it.
    // </summary>
    // <param name="a">First element of the packed A panel at the first step.</param>
    // <param name="b">First element of the packed B panel (still <see cref="Nr"/> wide) at the first step.</param>
    // <param name="kc">Number of steps (the depth of this block), &gt;= 1.</param>
    // <param name="c">Top-left element of the Mr×(Nr/2) tile of C.</param>
    // <param name="ldc">Distance between rows of C, in elements.</param>
    // <param name="add">Add the product to C instead of overwriting it.</param>
    static abstract void RunNarrow(ref T a, ref T b, int kc, ref T c, int ldc, bool add);
}
