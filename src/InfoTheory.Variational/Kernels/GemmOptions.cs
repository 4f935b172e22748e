namespace InfoTheory.Variational.Kernels;

/// <summary>
/// How <see cref="Gemm"/> may run a product: which code path and how many threads. The defaults pick the
/// fastest path the hardware supports; tests pin the portable path and the thread count to check both.
/// </summary>
/// <param name="ForcePortable">Use the scalar loops even when SIMD with FMA is available.</param>
/// <param name="MaxDegreeOfParallelism">At most this many threads share one product; 0 means one per processor.</param>
internal readonly record struct GemmOptions(bool ForcePortable = false, int MaxDegreeOfParallelism = 0)
{
    /// <summary>The fastest supported path on every processor.</summary>
    public static GemmOptions Default => default;

    /// <summary>The thread budget after resolving 0 to the processor count.</summary>
    public int ThreadBudget => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
}
