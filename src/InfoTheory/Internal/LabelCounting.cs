using System.Buffers;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Internal;

// <summary>
// Counting of discrete labels: dense integer codes, histograms and the Σ c·log c sums that
// plug-in entropies of counts are made of.
// </summary>
// <remarks>
// Integer labels whose range is small are counted straight into an array indexed by
// <c>label − min</c>: one vectorised min/max pass, one counting pass, no hashing. Anything else is
// first mapped to dense codes 0..K−1 (in order of first appearance) through a hash map. Scratch
// arrays come from <see cref="ArrayPool{T}.Shared"/>, so the integer paths allocate nothing per call.
// Counts are <see cref="int"/>: a span holds fewer than 2³¹ elements, so no count can overflow.
// </remarks>
internal static class LabelCounting
{
    // Below this many cells four interleaved sub-histograms are used, so that runs of one label
    // do not serialise on a single counter's store-to-load dependency.
    private const int InterleaveLimit = 4096;

    // <summary>
    // The largest dense table (in cells) worth clearing and scanning for <paramref name="n"/>
    // observations; beyond it a hash map is cheaper.
    // </summary>
    public static long DenseLimit(int n) => Math.Max(1L << 16, Math.Min(4L * n, 1L << 24));

    // <summary>Views a span of <typeparamref name="T"/> as <see cref="int"/>; only valid when T is int.</summary>
    public static ReadOnlySpan<int> AsInt32<T>(ReadOnlySpan<T> labels)
    {
        Debug.Assert(typeof(T) == typeof(int));
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, int>(ref MemoryMarshal.GetReference(labels)), labels.Length);
    }

    // <summary>Views a span of <typeparamref name="T"/> as <see cref="string"/>; only valid when T is string.</summary>
    public static ReadOnlySpan<string> AsStrings<T>(ReadOnlySpan<T> labels)
    {
        Debug.Assert(typeof(T) == typeof(string));
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, string>(ref MemoryMarshal.GetReference(labels)), labels.Length);
    }

    // <summary>
    // Finds min and the width max − min + 1 of non-empty <paramref name="labels"/>; true when the
    // width is at most <paramref name="limit"/>, so a dense table indexed by label − min fits.
    // </summary>
    public static bool TryDenseRange(ReadOnlySpan<int> labels, long limit, out int min, out int width)
    {
        MinMax(labels, out min, out int max);
        long w = (long)max - min + 1;
        width = w <= limit ? (int)w : 0;
        return w <= limit;
    }

    // <summary>The smallest and largest of non-empty <paramref name="values"/>, in one vectorised pass.</summary>
    public static void MinMax(ReadOnlySpan<int> values, out int min, out int max)
    {
        Debug.Assert(!values.IsEmpty);
        min = int.MaxValue;
        max = int.MinValue;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<int>.Count)
        {
            ref int start = ref MemoryMarshal.GetReference(values);
            Vector256<int> low = Vector256.Create(int.MaxValue), high = Vector256.Create(int.MinValue);
            for (; i <= values.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                Vector256<int> v = Vector256.LoadUnsafe(ref start, (nuint)i);
                low = Vector256.Min(low, v);
                high = Vector256.Max(high, v);
            }

            for (int lane = 0; lane < Vector256<int>.Count; lane++)
            {
                min = Math.Min(min, low[lane]);
                max = Math.Max(max, high[lane]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
    }

    // <summary>Adds 1 to <c>counts[v − offset]</c> for every v in <paramref name="values"/>.</summary>
    // <remarks>
    // Every v − offset must lie in [0, counts.Length) (callers prove it with a min/max scan or by construction of
    // the codes), so the loops index without bounds checks; unchecked wrap-around keeps v − offset right even when
    // offset is near int.MinValue.
    // </remarks>
    public static void Histogram(ReadOnlySpan<int> values, int offset, Span<int> counts)
    {
        int k = counts.Length, n = values.Length;
        ref int v = ref MemoryMarshal.GetReference(values);
        if (k > InterleaveLimit || n < 4 * k)
        {
            Count(ref v, 0, n, offset, counts);
            return;
        }

        int[] rented = ArrayPool<int>.Shared.Rent(4 * k);
        Span<int> lanes = rented.AsSpan(0, 4 * k);
        lanes.Clear();
        ref int c0 = ref MemoryMarshal.GetReference(lanes);
        ref int c1 = ref Unsafe.Add(ref c0, k);
        ref int c2 = ref Unsafe.Add(ref c0, 2 * k);
        ref int c3 = ref Unsafe.Add(ref c0, 3 * k);
        nint i = 0;
        for (; i <= n - 4; i += 4)
        {
            Unsafe.Add(ref c0, Unsafe.Add(ref v, i) - offset)++;
            Unsafe.Add(ref c1, Unsafe.Add(ref v, i + 1) - offset)++;
            Unsafe.Add(ref c2, Unsafe.Add(ref v, i + 2) - offset)++;
            Unsafe.Add(ref c3, Unsafe.Add(ref v, i + 3) - offset)++;
        }

        Count(ref v, (int)i, n, offset, counts);
        for (int j = 0; j < k; j++)
        {
            counts[j] += lanes[j] + lanes[k + j] + lanes[(2 * k) + j] + lanes[(3 * k) + j];
        }

        ArrayPool<int>.Shared.Return(rented);
    }

    private static void Count(ref int values, int from, int to, int offset, Span<int> counts)
    {
        ref int c = ref MemoryMarshal.GetReference(counts);
        for (nint i = from; i < to; i++)
        {
            int cell = Unsafe.Add(ref values, i) - offset;
            Debug.Assert((uint)cell < (uint)counts.Length);
            Unsafe.Add(ref c, cell)++;
        }
    }

    // <summary>
    // Adds 1 to <c>counts[(x − minX)·columns + (y − minY)]</c> for every pair; the caller has checked
    // that every index falls inside <paramref name="counts"/>.
    // </summary>
    public static void JointHistogram(ReadOnlySpan<int> x, int minX, ReadOnlySpan<int> y, int minY, int columns, Span<int> counts)
    {
        Debug.Assert(y.Length >= x.Length);

        // The min/max scan that sized the table proves every index in range; skipping the bounds checks here is
        // what brings 10^7 pairs well under the 100 ms budget.
        ref int xs = ref MemoryMarshal.GetReference(x);
        ref int ys = ref MemoryMarshal.GetReference(y);
        ref int cells = ref MemoryMarshal.GetReference(counts);
        for (nint i = 0; i < x.Length; i++)
        {
            int cell = ((Unsafe.Add(ref xs, i) - minX) * columns) + (Unsafe.Add(ref ys, i) - minY);
            Debug.Assert((uint)cell < (uint)counts.Length);
            Unsafe.Add(ref cells, cell)++;
        }
    }

    // <summary>
    // Writes a dense code in [0, K) for every label into <paramref name="codes"/> and returns K.
    // Equal labels get equal codes; K may exceed the number of distinct labels on the integer range path.
    // </summary>
    // <exception cref="ArgumentException">A label is null, or floating-point labels look like measurements (<see cref="Guard.CategoricalLabels{T}"/>).</exception>
    public static int Encode<T>(ReadOnlySpan<T> labels, Span<int> codes, string paramName)
        where T : notnull
    {
        int k = EncodeAny(labels, codes, paramName);
        Guard.CategoricalLabels<T>(labels.Length, k, paramName);
        return k;
    }

    // <summary>As <see cref="Encode{T}"/>, but for labels of any type taken as categories as they are: the hashed codes are in order of first appearance and K is the number of distinct labels.</summary>
    // <exception cref="ArgumentException">A label is null.</exception>
    public static int EncodeAny<T>(ReadOnlySpan<T> labels, Span<int> codes, string paramName)
        where T : notnull
    {
        if (typeof(T) == typeof(int))
        {
            ReadOnlySpan<int> ints = AsInt32(labels);
            if (TryDenseRange(ints, DenseLimit(ints.Length), out int min, out int width))
            {
                TensorPrimitives.Subtract(ints, min, codes);
                return width;
            }
        }

        if (typeof(T) == typeof(string))
        {
            return StringCoding.Encode(AsStrings(labels), codes, paramName);
        }

        if (typeof(T).IsValueType && BitwiseCodes<T>.Supports)
        {
            return BitwiseCodes<T>.Encode(labels, codes);
        }

        if (!typeof(T).IsValueType)
        {
            return EncodeReferences(labels, codes, paramName);
        }

        var index = new Dictionary<T, int>();
        for (int i = 0; i < labels.Length; i++)
        {
            codes[i] = Lookup(index, labels[i], i, paramName);
        }

        return index.Count;
    }

    // Reference-type labels (strings above all) cost a hash of their contents and an equality test per element. In a
    // categorical column most elements are one of a few shared instances, so a direct-mapped cache keyed by the
    // instance's address (see CacheSlot) and checked by reference answers them without either. It only short-cuts the
    // lookup of an instance whose code is already known, so the codes (first appearance) are exactly those of the
    // dictionary alone. The cache fits in the first-level cache.
    private const int ReferenceCacheBits = 11;

    // The cache's slots: 2048 references and codes, 24 KB.
    public const int ReferenceCacheSize = 1 << ReferenceCacheBits;

    private const int ReferenceCacheMask = ReferenceCacheSize - 1;

    // The cache slot of an instance: bits of its current address. It is only a hint, checked by reference, so were the
    // GC to move the object it would merely miss once in its old slot. The identity hash (RuntimeHelpers.GetHashCode)
    // would cost a header read per element (and a header write per new instance), and scatters instances at random, so
    // that a hundred categories in 2048 slots collide in a few pairs which then miss on every use (measured: 3·10^5
    // misses in 10^7 labels of 100 categories, against 100 by address, where instances allocated together land in
    // distinct slots).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CacheSlot(object label) => (int)((nuint)Unsafe.As<object, nint>(ref label) >> 3) & ReferenceCacheMask;

    // After this many labels the cache is dropped if it missed more than half of them (mostly distinct instances).
    public const int ReferenceCacheTrial = 1 << 14;

    // <summary>Whether a column whose cache missed <paramref name="misses"/> times in its trial keeps the cache.</summary>
    public static bool KeepsCache(int misses) => misses <= ReferenceCacheTrial / 2;

    private static int EncodeReferences<T>(ReadOnlySpan<T> labels, Span<int> codes, string paramName)
        where T : notnull
    {
        var index = new Dictionary<T, int>();
        var cached = new object?[ReferenceCacheSize];
        var cachedCodes = new int[ReferenceCacheSize];
        int misses = 0, i = 0;
        for (; i < labels.Length; i++)
        {
            object label = labels[i];
            int at = label is null ? 0 : CacheSlot(label);
            if (label is not null && ReferenceEquals(cached[at], label))
            {
                codes[i] = cachedCodes[at];
                continue;
            }

            int code = Lookup(index, labels[i], i, paramName);
            (cached[at], cachedCodes[at]) = (label, code);
            codes[i] = code;
            if (!KeepsCache(++misses) && i < ReferenceCacheTrial)
            {
                i++;
                break;
            }
        }

        for (; i < labels.Length; i++)
        {
            codes[i] = Lookup(index, labels[i], i, paramName);
        }

        return index.Count;
    }

    // The code of label i, a new one (first appearance order) when unseen.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lookup<T>(Dictionary<T, int> index, T label, int i, string paramName)
        where T : notnull
    {
        Guard.Label(label, i, paramName);
        ref int code = ref CollectionsMarshal.GetValueRefOrAddDefault(index, label, out bool exists);
        if (!exists)
        {
            code = index.Count - 1;
        }

        return code;
    }

    // <summary>
    // Codes each pair (a[i], b[i]) of codes in [0, ka) × [0, kb) as one dense code in [0, K) and
    // returns K, the number of distinct pairs.
    // </summary>
    public static int Combine(ReadOnlySpan<int> a, int ka, ReadOnlySpan<int> b, int kb, Span<int> codes)
    {
        long cells = (long)ka * kb;
        b = b[..a.Length];
        if (cells <= DenseLimit(a.Length))
        {
            int[] rented = ArrayPool<int>.Shared.Rent((int)cells);
            Span<int> map = rented.AsSpan(0, (int)cells);
            map.Fill(-1);
            int k = 0;
            for (int i = 0; i < a.Length; i++)
            {
                ref int code = ref map[(a[i] * kb) + b[i]];
                if (code < 0)
                {
                    code = k++;
                }

                codes[i] = code;
            }

            ArrayPool<int>.Shared.Return(rented);
            return k;
        }

        var index = new Dictionary<long, int>();
        for (int i = 0; i < a.Length; i++)
        {
            ref int code = ref CollectionsMarshal.GetValueRefOrAddDefault(index, ((long)a[i] * kb) + b[i], out bool exists);
            if (!exists)
            {
                code = index.Count - 1;
            }

            codes[i] = code;
        }

        return index.Count;
    }

    // <summary>
    // Σ c·log c over the counts of codes in [0, k), the sum a plug-in entropy log n − Σ c log c / n is made of;
    // <paramref name="distinct"/> receives how many codes occur.
    // </summary>
    public static double SumCLogCOfCodes(ReadOnlySpan<int> codes, int k, out int distinct)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(k);
        Span<int> counts = rented.AsSpan(0, k);
        counts.Clear();
        Histogram(codes, 0, counts);
        double s = SumCLogC(counts);
        distinct = k - counts.Count(0);
        ArrayPool<int>.Shared.Return(rented);
        return s;
    }

    // <summary>c·ln c for every count c in [0, <paramref name="n"/>] (0 for c ≤ 1): sums over tables of counts of n observations look it up instead of taking a log per cell.</summary>
    public static double[] CLogCTable(int n)
    {
        var table = new double[n + 1];
        for (int c = 2; c <= n; c++)
        {
            table[c] = c * Math.Log(c);
        }

        return table;
    }

    // <summary>Σ c·log c over <paramref name="counts"/> (0·log 0 = 1·log 1 = 0).</summary>
    public static double SumCLogC(ReadOnlySpan<int> counts)
    {
        double s = 0;
        foreach (int c in counts)
        {
            if (c > 1)
            {
                s += c * Math.Log(c);
            }
        }

        return s;
    }
}
