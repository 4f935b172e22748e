using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Variational.Kernels;

// <summary>
// The cache-blocked product (Goto and van de Geijn's layering, as in BLIS): operands are packed into panels,
// the depth is cut into blocks of <see cref="DepthBlock"/> so one B panel stays in L1 while a block of A
// panels streams from L2, and a register-tile micro-kernel does the arithmetic.
// </summary>
// <typeparam name="T">The element type.</typeparam>
// <typeparam name="TKernel">The register-tile kernel.</typeparam>
// <remarks>
// Each element of C is computed as ((acc₀ + acc₁) + acc₂)… over the depth blocks, acc_b summing its products
// in increasing depth from zero, whichever tile, partition or thread computes it; that is why the result is
// bit-for-bit the same for any thread count. Work is split between threads along the dimension with more
// panels. Reference: K. Goto and R. A. van de Geijn, "Anatomy of high-performance matrix multiplication",
// ACM TOMS 34(3), 2008.
// </remarks>
internal static class GemmBlocked<T, TKernel>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IGemmMicroKernel<T>
{
    // <summary>Depth of one block: a 16-column B panel of this depth is 16 KB in single precision, half of L1.</summary>
    public const int DepthBlock = 256;

    // Half of a 1 MB L2 for the block of A panels that the micro-kernel revisits for every B panel.
    private const int L2Budget = 512 * 1024;

    // Below this many multiply-adds per thread, waking another thread costs more than it saves.
    private const long MinWorkPerThread = 1L << 20;

    // A partition's buffer copy and hand-over must stay small next to its arithmetic.
    private const long MinWorkPerPartition = 1L << 18;

    // One job per calling thread, so products on several threads run in parallel at once without a lock: the
    // workers help whichever job was dispatched last, and each caller finishes whatever of its own is left.
    [ThreadStatic]
    private static GemmPartitionJob<T, TKernel>? t_job;

    // Packed panels of both operands together stay within this many elements (32 MB in single precision)
    // whenever one depth block of them fits: longer depths are packed a chunk at a time, so packing memory does
    // not grow with k. Beyond that it is (m + n)·DepthBlock plus padding, no more than the operands themselves.
    private const long PackBudget = 1L << 23;

    // <summary>
    // The depth of one packing chunk: all of <paramref name="k"/> when both packed operands fit the budget, else
    // the largest multiple of <see cref="DepthBlock"/> that fits, and at least one block.
    // </summary>
    // <remarks>
    // A multiple of the depth block keeps every block boundary where one whole-depth pass would put it, so the
    // bits do not depend on the chunking.
    // </remarks>
    public static int DepthChunk(int m, int k, int n)
    {
        long width = PaddedExtent(m, TKernel.Mr) + PaddedExtent(n, TKernel.Nr);
        long fitting = PackBudget / width / DepthBlock * DepthBlock;
        return (int)Math.Min(k, Math.Max(DepthBlock, fitting));
    }

    // <summary>The elements of packed A and packed B that a product rents, or −1 when a buffer could not be an array.</summary>
    public static long PackedLength(int m, int k, int n)
    {
        int chunk = DepthChunk(m, k, n);
        long a = PaddedExtent(m, TKernel.Mr) * chunk;
        long b = PaddedExtent(n, TKernel.Nr) * chunk;
        return a > Array.MaxLength || b > Array.MaxLength ? -1 : a + b;
    }

    // <summary>C[m×n] (+)= op(A)·op(B) for validated arguments with m, k, n ≥ 1 and <see cref="PackedLength"/> ≥ 0.</summary>
    public static void Compute(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmMode mode, int threadBudget)
    {
        bool transposeA = (mode & GemmMode.TransposeA) != 0, transposeB = (mode & GemmMode.TransposeB) != 0;
        bool accumulate = (mode & GemmMode.Accumulate) != 0;
        int mr = TKernel.Mr;
        int nr = TKernel.Nr;
        int rowPanels = (int)(PaddedExtent(m, mr) / mr);
        int colPanels = (int)(PaddedExtent(n, nr) / nr);
        bool splitColumns = colPanels >= rowPanels;
        int chunk = DepthChunk(m, k, n);
        long work = (long)m * n * chunk;
        int threads = (int)Math.Min(threadBudget, work / MinWorkPerThread);

        // More partitions than threads, so a thread that is descheduled or starts late costs only a small share.
        int parts = (int)Math.Min(Math.Min(4L * threads, splitColumns ? colPanels : rowPanels), Math.Max(threads, work / MinWorkPerPartition));

        T[] packedA = ArrayPool<T>.Shared.Rent(rowPanels * mr * chunk);
        T[] packedB = ArrayPool<T>.Shared.Rent(colPanels * nr * chunk);
        bool parallel = threads >= 2 && parts >= 2;
        try
        {
            for (int depthStart = 0; depthStart < k; depthStart += chunk)
            {
                int depth = Math.Min(chunk, k - depthStart);
                bool add = accumulate || depthStart > 0;
                if (parallel)
                {
                    MultiplyParallel(a, b, c, m, k, n, depthStart, depth, transposeA, transposeB, add, threads, parts, splitColumns, packedA, packedB);
                }
                else
                {
                    GemmPacking.PackA(a, m, k, transposeA, depthStart, depth, 0, m, mr, packedA);
                    GemmPacking.PackB(b, k, n, transposeB, depthStart, depth, 0, n, nr, packedB);
                    ComputeTiles(packedA, packedB, m, n, depth, c, n, add);
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedA);
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    // An extent rounded up to whole panels, in long so that extents near int.MaxValue do not wrap.
    private static long PaddedExtent(int extent, int width) => (extent + (long)width - 1) / width * width;

    // <summary>
    // Computes a rows×cols rectangle of C from packed panels into <paramref name="dest"/> (row stride
    // <paramref name="ldd"/>), overwriting it or adding to it.
    // </summary>
    // <param name="packedA">Packed A starting at the rectangle's first row panel.</param>
    // <param name="packedB">Packed B starting at the rectangle's first column panel.</param>
    // <param name="rows">Rows of the rectangle.</param>
    // <param name="cols">Columns of the rectangle.</param>
    // <param name="k">Depth.</param>
    // <param name="dest">Top-left element of the rectangle.</param>
    // <param name="ldd">Row stride of <paramref name="dest"/>.</param>
    // <param name="accumulate">Add to <paramref name="dest"/> instead of overwriting it.</param>
    public static void ComputeTiles(ReadOnlySpan<T> packedA, ReadOnlySpan<T> packedB, int rows, int cols, int k,
                                    Span<T> dest, int ldd, bool accumulate)
    {
        int mr = TKernel.Mr;
        int nr = TKernel.Nr;
        int rowPanels = (rows + mr - 1) / mr;
        int colPanels = (cols + nr - 1) / nr;
        if (packedA.Length < rowPanels * mr * k || packedB.Length < colPanels * nr * k || dest.Length < ((rows - 1) * ldd) + cols)
        {
            throw new ArgumentException("Packed panels or destination are shorter than the rectangle needs.", nameof(dest));
        }

        int blockPanels = Math.Max(1, L2Budget / (mr * DepthBlock * Unsafe.SizeOf<T>()));
        Span<T> edge = stackalloc T[mr * nr];
        ref T a0 = ref MemoryMarshal.GetReference(packedA);
        ref T b0 = ref MemoryMarshal.GetReference(packedB);
        ref T d0 = ref MemoryMarshal.GetReference(dest);
        ref T e0 = ref MemoryMarshal.GetReference(edge);

        for (int pc = 0; pc < k; pc += DepthBlock)
        {
            int kc = Math.Min(DepthBlock, k - pc);
            bool add = accumulate || pc > 0;
            for (int ic = 0; ic < rowPanels; ic += blockPanels)
            {
                int icEnd = Math.Min(rowPanels, ic + blockPanels);
                for (int jp = 0; jp < colPanels; jp++)
                {
                    ref T bPanel = ref Unsafe.Add(ref b0, ((nint)jp * nr * k) + ((nint)pc * nr));
                    int tileCols = Math.Min(nr, cols - (jp * nr));
                    for (int ip = ic; ip < icEnd; ip++)
                    {
                        ref T aPanel = ref Unsafe.Add(ref a0, ((nint)ip * mr * k) + ((nint)pc * mr));
                        ref T tile = ref Unsafe.Add(ref d0, ((nint)ip * mr * ldd) + (jp * nr));
                        int tileRows = Math.Min(mr, rows - (ip * mr));
                        if (tileRows == mr && tileCols == nr)
                        {
                            TKernel.Run(ref aPanel, ref bPanel, kc, ref tile, ldd, add);
                        }
                        else if (tileCols <= nr / 2)
                        {
                            TKernel.RunNarrow(ref aPanel, ref bPanel, kc, ref e0, nr, add: false);
                            MergeEdge(ref e0, nr, ref tile, ldd, tileRows, tileCols, add);
                        }
                        else
                        {
                            TKernel.Run(ref aPanel, ref bPanel, kc, ref e0, nr, add: false);
                            MergeEdge(ref e0, nr, ref tile, ldd, tileRows, tileCols, add);
                        }
                    }
                }
            }
        }
    }

    // One depth chunk, [depthStart, depthStart + depth), of the product on `threads` threads.
    private static void MultiplyParallel(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, int depthStart, int depth,
                                         bool transposeA, bool transposeB, bool accumulate, int threads, int parts,
                                         bool splitColumns, T[] packedA, T[] packedB)
    {
        int mr = TKernel.Mr;
        int nr = TKernel.Nr;
        int panels = splitColumns ? (n + nr - 1) / nr : (m + mr - 1) / mr;
        int unit = splitColumns ? nr : mr;
        int extent = splitColumns ? n : m;

        // The operand all partitions share is packed first; then each partition's own panels, releasing it to
        // the workers at once, so they compute while the caller is still packing.
        if (splitColumns)
        {
            GemmPacking.PackA(a, m, k, transposeA, depthStart, depth, 0, m, mr, packedA);
        }
        else
        {
            GemmPacking.PackB(b, k, n, transposeB, depthStart, depth, 0, n, nr, packedB);
        }

        GemmPartitionJob<T, TKernel> job = t_job ??= new();
        job.PackedA = packedA;
        job.PackedB = packedB;
        job.Depth = depth;
        job.Accumulate = accumulate;
        job.Begin();
        GemmWorkers.Dispatch(job, threads - 1);
        try
        {
            for (int q = 0; q < parts; q++)
            {
                int start = (int)((long)panels * q / parts) * unit;
                int end = Math.Min(extent, (int)((long)panels * (q + 1) / parts) * unit);
                GemmPartition<T> partition = job.Partition(q);
                partition.RowStart = splitColumns ? 0 : start;
                partition.Rows = splitColumns ? m : end - start;
                partition.ColStart = splitColumns ? start : 0;
                partition.Cols = splitColumns ? end - start : n;
                partition.InBuffer = false;
                partition.Buffer = ArrayPool<T>.Shared.Rent(partition.Rows * partition.Cols);
                if (accumulate)
                {
                    // A worker cannot read C, so its buffer starts as a copy: the same bits as adding in place.
                    CopyRectangle(c[((partition.RowStart * n) + partition.ColStart)..], n, partition.Buffer, partition.Cols,
                                  partition.Rows, partition.Cols);
                }

                if (splitColumns)
                {
                    GemmPacking.PackB(b, k, n, transposeB, depthStart, depth, start, end, nr, packedB);
                }
                else
                {
                    GemmPacking.PackA(a, m, k, transposeA, depthStart, depth, start, end, mr, packedA);
                }

                job.Release(q + 1, seal: q == parts - 1);
            }

            while (job.TryClaim(out int index) == GemmPartitionJob<T, TKernel>.Claim.Claimed)
            {
                GemmPartition<T> partition = job.Partition(index);
                try
                {
                    ComputeTiles(packedA.AsSpan(partition.RowStart * depth), packedB.AsSpan(partition.ColStart * depth),
                                 partition.Rows, partition.Cols, depth, c[((partition.RowStart * n) + partition.ColStart)..], n, accumulate);
                }
                finally
                {
                    job.Complete();
                }
            }
        }
        finally
        {
            job.Seal();
            job.WaitForClaimed();
        }

        for (int q = 0; q < parts; q++)
        {
            GemmPartition<T> partition = job.Partition(q);
            if (partition.InBuffer)
            {
                CopyRectangle(partition.Buffer, partition.Cols, c[((partition.RowStart * n) + partition.ColStart)..], n,
                              partition.Rows, partition.Cols);
            }

            ArrayPool<T>.Shared.Return(partition.Buffer);
            partition.Buffer = [];
        }

        job.PackedA = [];
        job.PackedB = [];
    }

    private static void CopyRectangle(ReadOnlySpan<T> source, int sourceStride, Span<T> destination, int destinationStride,
                                      int rows, int cols)
    {
        for (int r = 0; r < rows; r++)
        {
            source.Slice(r * sourceStride, cols).CopyTo(destination.Slice(r * destinationStride, cols));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MergeEdge(ref T edge, int edgeStride, ref T tile, int ldd, int rows, int cols, bool add)
    {
        for (int r = 0; r < rows; r++)
        {
            ref T source = ref Unsafe.Add(ref edge, r * edgeStride);
            ref T target = ref Unsafe.Add(ref tile, (nint)r * ldd);
            for (int j = 0; j < cols; j++)
            {
                Unsafe.Add(ref target, j) = add ? Unsafe.Add(ref target, j) + Unsafe.Add(ref source, j) : Unsafe.Add(ref source, j);
            }
        }
    }
}
