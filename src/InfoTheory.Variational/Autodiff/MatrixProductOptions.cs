namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// How the matrix products of <see cref="AutodiffTensor.MatMul{T}(AutodiffTensor{T}, AutodiffTensor{T}, MatrixProductOptions?)"/>
/// and <see cref="AutodiffTensor.Linear{T}(AutodiffTensor{T}, AutodiffTensor{T}, AutodiffTensor{T}?, MatrixProductOptions?)"/>
/// run, forward and backward: which kernel and how many threads. The defaults are the fastest the processor allows.
/// </summary>
/// <remarks>
/// Every element of a product is the same sequence of floating-point operations whatever the thread count, so
/// <see cref="MaxDegreeOfParallelism"/> never changes the bits. <see cref="UsePortableKernel"/> does: the SIMD kernel
/// sums in fused multiply-adds per depth block, the portable one in plain multiply-then-add order.
/// </remarks>
public sealed record MatrixProductOptions
{
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The fastest kernel on all cores.</summary>
    public static MatrixProductOptions Default { get; } = new();

    /// <summary>
    /// Use the portable scalar loops even where AVX2 with FMA is available: several times slower, but the same bits
    /// on every processor, and the baseline that shows what the SIMD kernel gains. Default false.
    /// </summary>
    public bool UsePortableKernel { get; init; }

    /// <summary>At most this many threads share one product, as in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>: −1 (the default) for all cores, or a count ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to 0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            InfoTheory.Internal.Guard.DegreeOfParallelism(value, nameof(MaxDegreeOfParallelism));
            _maxDegreeOfParallelism = value;
        }
    }

    // <summary>The thread budget of one product: −1 resolved to the processor count.</summary>
    internal int ThreadBudget => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
}
