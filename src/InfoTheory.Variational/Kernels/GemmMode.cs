namespace InfoTheory.Variational.Kernels;

// <summary>How <see cref="Gemm"/> reads its operands and writes its result: C = op(A)·op(B), or C += op(A)·op(B).</summary>
[Flags]
internal enum GemmMode
{
    // <summary>A stored m×k, B stored k×n, C overwritten.</summary>
    None = 0,

    // <summary>op(A) = Aᵀ: A is stored k×m.</summary>
    TransposeA = 1,

    // <summary>op(B) = Bᵀ: B is stored n×k.</summary>
    TransposeB = 2,

    // <summary>The product is added to C instead of overwriting it.</summary>
    Accumulate = 4,
}
