using System.Buffers;

namespace InfoTheory.Continuous.Neighbors;

// <summary>
// A least-significant-digit radix sort of doubles with their row numbers: six passes of 11 bits over keys whose unsigned
// order is the numeric order, O(N) with sequential reads, where a comparison sort of 10⁵ values mispredicts a branch
// every other comparison. Passes whose digit is the same for every value are skipped.
// </summary>
// <remarks>
// The order is the numeric order except that −0 comes before 0, which compare equal; within equal values rows stay
// increasing (the sort is stable). NaN is not expected (the estimators reject it first).
// </remarks>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    // <summary>Writes <paramref name="values"/> in ascending order to <paramref name="sorted"/> and each one's index in <paramref name="values"/> to <paramref name="rows"/>.</summary>
    public static void SortWithRows(ReadOnlySpan<double> values, Span<double> sorted, Span<int> rows)
    {
        int n = values.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n), otherKeys = ArrayPool<ulong>.Shared.Rent(n);
        int[] otherRows = ArrayPool<int>.Shared.Rent(n), counts = ArrayPool<int>.Shared.Rent(Digits * Buckets);
        try
        {
            Span<int> histograms = counts.AsSpan(0, Digits * Buckets);
            histograms.Clear();
            Span<ulong> from = keys.AsSpan(0, n), to = otherKeys.AsSpan(0, n);
            Span<int> fromRows = rows, toRows = otherRows.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                ulong key = Key(values[i]);
                from[i] = key;
                fromRows[i] = i;
                for (int d = 0; d < Digits; d++)
                {
                    histograms[(d * Buckets) + Digit(key, d)]++;
                }
            }

            for (int d = 0; d < Digits; d++)
            {
                Span<int> start = histograms.Slice(d * Buckets, Buckets);
                if (start[Digit(from[0], d)] == n)
                {
                    continue;
                }

                int total = 0;
                for (int b = 0; b < Buckets; b++)
                {
                    (start[b], total) = (total, total + start[b]);
                }

                for (int i = 0; i < n; i++)
                {
                    int slot = start[Digit(from[i], d)]++;
                    to[slot] = from[i];
                    toRows[slot] = fromRows[i];
                }

                Swap(ref from, ref to);
                Swap(ref fromRows, ref toRows);
            }

            if (fromRows != rows)
            {
                fromRows.CopyTo(rows);
            }

            for (int i = 0; i < n; i++)
            {
                sorted[i] = Value(from[i]);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(otherKeys);
            ArrayPool<int>.Shared.Return(otherRows);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // The bits with the sign flipped for positives and every bit flipped for negatives: unsigned order is numeric order.
    private static ulong Key(double value)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return bits ^ ((ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL);
    }

    private static double Value(ulong key)
        => BitConverter.Int64BitsToDouble((long)(key ^ (((key >> 63) - 1) | 0x8000_0000_0000_0000UL)));

    private static int Digit(ulong key, int digit) => (int)(key >> (digit * DigitBits)) & (Buckets - 1);

    private static void Swap<T>(ref Span<T> a, ref Span<T> b)
    {
        var t = a;
        a = b;
        b = t;
    }
}
