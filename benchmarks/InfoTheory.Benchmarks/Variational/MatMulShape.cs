namespace InfoTheory.Benchmarks.Variational;

/// <summary>One matrix product to time: C[m×n] = op(A)·op(B) with op(A) m×k and op(B) k×n.</summary>
/// <param name="M">Rows of C.</param>
/// <param name="K">Depth.</param>
/// <param name="N">Columns of C.</param>
/// <param name="TransposeA">A is stored k×m.</param>
/// <param name="TransposeB">B is stored n×k.</param>
public sealed record MatMulShape(int M, int K, int N, bool TransposeA = false, bool TransposeB = false)
{
    /// <summary>Floating-point operations of the product: one multiply and one add per term, 2mnk.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <inheritdoc />
    public override string ToString()
        => $"{M}x{K}x{N}{(TransposeA ? " Aᵀ" : string.Empty)}{(TransposeB ? " Bᵀ" : string.Empty)}";
}
