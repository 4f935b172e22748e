using System.Buffers;
using System.Numerics;

namespace InfoTheory.Continuous.Neighbors;

// <summary>
// Finds rows that coincide exactly, i.e. lie at distance 0 from each other under every norm, in
// expected O(N) and O(N log N) at worst: rows are bucketed by the top bits of a hash of their
// coordinates, each bucket goes through a small hash table that stays in cache, and when collisions
// exceed a budget the rows are sorted by hash instead.
// </summary>
// <remarks>
// This runs before any index is built, so heavily tied data is rejected before the queries whose
// cost grows with the number of equal distances; copies of one row meet on their first probe.
// Buckets keep rows in increasing order, rows of the first set before those of the second, so every
// group's first row is its lowest.
// </remarks>
internal static class Coincidence
{
    // About this many rows per bucket: a table of two to four times as many slots fits in the first-level cache.
    private const int BucketRows = 256;

    // <summary>Finds the groups of identical rows of <paramref name="points"/>, and of <paramref name="points"/> together with <paramref name="others"/>.</summary>
    // <param name="points">The rows examined, flat row-major.</param>
    // <param name="others">A second set of rows of the same dimension (may be empty) that rows of <paramref name="points"/> must not share.</param>
    // <param name="dimension">The number of coordinates per row.</param>
    // <param name="copies">A row of <paramref name="points"/> is crowded when at least this many other rows of <paramref name="points"/> equal it.</param>
    public static CoincidenceCensus Count(double[] points, double[] others, int dimension, int copies)
        => Count(points, points.Length / dimension, others, dimension, copies);

    // <summary>As <see cref="Count(double[], double[], int, int)"/> for the first <paramref name="n"/> rows of <paramref name="points"/> (a pooled buffer may be longer).</summary>
    public static CoincidenceCensus Count(double[] points, int n, double[] others, int dimension, int copies)
        => Count(points, n, others, others.Length / dimension, dimension, copies);

    // <summary>As <see cref="Count(double[], int, double[], int, int)"/> for the first <paramref name="m"/> rows of <paramref name="others"/> too (both may be pooled buffers).</summary>
    public static CoincidenceCensus Count(double[] points, int n, double[] others, int m, int dimension, int copies)
    {
        // Pooled scratch: the census runs on every estimate, and fresh large arrays would cost page faults and collections.
        int total = checked(n + m);
        ulong[] hashes = ArrayPool<ulong>.Shared.Rent(checked(2 * total));
        int[] rows = ArrayPool<int>.Shared.Rent(checked(total + (2 * n)));
        try
        {
            return CountInto(points, n, others, dimension, copies, hashes.AsSpan(0, 2 * total), rows.AsSpan(0, total + (2 * n)));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(rows);
        }
    }

    private static CoincidenceCensus CountInto(double[] points, int n, double[] others, int dimension, int copies, Span<ulong> scratch, Span<int> rows)
    {
        int total = scratch.Length / 2;
        int bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(total / BucketRows, 1)), 0, 16);
        var first = new int[(1 << bucketBits) + 1];
        Span<ulong> hashes = scratch[..total], ordered = scratch[total..];
        Span<int> order = rows[..total], own = rows.Slice(total, n), partner = rows.Slice(total + n, n);
        for (int r = 0; r < total; r++)
        {
            hashes[r] = Hash(Row(points, others, dimension, n, r));
            first[Bucket(hashes[r], bucketBits) + 1]++;
        }

        int largest = 0;
        for (int b = 0; b < first.Length - 1; b++)
        {
            largest = Math.Max(largest, first[b + 1]);
            first[b + 1] += first[b];
        }

        // Stable scatter: within a bucket rows stay in increasing order, each beside its hash.
        var next = first.AsSpan(0, first.Length - 1).ToArray();
        for (int r = 0; r < total; r++)
        {
            int slot = next[Bucket(hashes[r], bucketBits)]++;
            order[slot] = r;
            ordered[slot] = hashes[r];
        }

        int slotBits = BitOperations.Log2((uint)Math.Max(largest, 1)) + 3;
        var table = new int[1 << slotBits];
        own.Clear();
        partner.Fill(-1);
        long budget = (8L * total) + 64;
        for (int b = 0; b < first.Length - 1; b++)
        {
            int size = 4 << BitOperations.Log2((uint)Math.Max(first[b + 1] - first[b], 1));
            table.AsSpan(0, size).Clear();
            for (int t = first[b]; t < first[b + 1]; t++)
            {
                int slot = (int)((ordered[t] << bucketBits) >> (64 - slotBits)) & (size - 1);
                while (true)
                {
                    int seen = table[slot] - 1;
                    if (seen < 0)
                    {
                        table[slot] = t + 1;
                        if (order[t] < n)
                        {
                            own[order[t]] = 1;
                        }

                        break;
                    }

                    if (ordered[seen] == ordered[t] && Same(order[seen], order[t], points, others, dimension, n))
                    {
                        Tally(own, partner, order[seen], order[t], n);
                        break;
                    }

                    slot = (slot + 1) & (size - 1);
                    if (--budget < 0)
                    {
                        return CountBySorting(points, n, others, total - n, dimension, copies);
                    }
                }
            }
        }

        var census = new CoincidenceCensus(n, copies);
        for (int r = 0; r < n; r++)
        {
            if (own[r] > 0)
            {
                census.Add(own[r], r, partner[r]);
            }
        }

        return census;
    }

    // <summary>SplitMix64's finaliser over the coordinates' bits (−0.0 folded onto 0.0); a bijection for one coordinate.</summary>
    public static ulong Hash(ReadOnlySpan<double> row)
    {
        ulong h = 0;
        foreach (double v in row)
        {
            h ^= (ulong)BitConverter.DoubleToInt64Bits(v == 0 ? 0.0 : v);
            h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
            h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
            h ^= h >> 31;
        }

        return h;
    }

    // <summary>
    // As <see cref="Count"/> in O(N log N) whatever the collisions: rows sorted by hash, then runs of equal
    // hashes split into groups of equal rows. The path taken when the table's probe budget runs out.
    // </summary>
    public static CoincidenceCensus CountBySorting(double[] points, double[] others, int dimension, int copies)
        => CountBySorting(points, points.Length / dimension, others, others.Length / dimension, dimension, copies);

    private static CoincidenceCensus CountBySorting(double[] points, int n, double[] others, int m, int dimension, int copies)
    {
        int total = n + m;
        var hashes = new ulong[total];
        var rows = new int[total];
        for (int r = 0; r < total; r++)
        {
            rows[r] = r;
            hashes[r] = Hash(Row(points, others, dimension, n, r));
        }

        Array.Sort(hashes, rows);
        var census = new CoincidenceCensus(n, copies);
        int start = 0;
        while (start < total)
        {
            int end = start + 1;
            while (end < total && hashes[end] == hashes[start])
            {
                end++;
            }

            Span<int> run = rows.AsSpan(start, end - start);

            // Distinct rows with one hash: ordering the run by coordinates (then row) makes equal rows neighbours.
            if (run.Length > 1)
            {
                run.Sort((a, b) =>
                {
                    int order = Row(points, others, dimension, n, a).SequenceCompareTo(Row(points, others, dimension, n, b));
                    return order != 0 ? order : a.CompareTo(b);
                });
            }

            int group = 0;
            for (int t = 1; t <= run.Length; t++)
            {
                if (t == run.Length || !Same(run[group], run[t], points, others, dimension, n))
                {
                    int count = 0, partner = -1;
                    foreach (int r in run[group..t])
                    {
                        count += r < n ? 1 : 0;
                        partner = r >= n && partner < 0 ? r - n : partner;
                    }

                    if (run[group] < n)
                    {
                        census.Add(count, run[group], partner);
                    }

                    group = t;
                }
            }

            start = end;
        }

        return census;
    }

    private static int Bucket(ulong hash, int bits) => bits == 0 ? 0 : (int)(hash >> (64 - bits));

    private static void Tally(Span<int> own, Span<int> partner, int first, int r, int n)
    {
        if (first >= n)
        {
            return;
        }

        if (r < n)
        {
            own[first]++;
        }
        else if (partner[first] < 0)
        {
            partner[first] = r - n;
        }
    }

    private static ReadOnlySpan<double> Row(double[] points, double[] others, int dimension, int n, int r)
        => r < n ? points.AsSpan(r * dimension, dimension) : others.AsSpan((r - n) * dimension, dimension);

    private static bool Same(int a, int b, double[] points, double[] others, int dimension, int n)
    {
        // == rather than bitwise equality: 0.0 and -0.0 are at distance 0.
        ReadOnlySpan<double> u = Row(points, others, dimension, n, a), v = Row(points, others, dimension, n, b);
        for (int i = 0; i < u.Length; i++)
        {
            if (u[i] != v[i])
            {
                return false;
            }
        }

        return true;
    }
}

// <summary>
// The tallies of <see cref="Coincidence.Count"/>: rows of the first set that coincide with at least
// the given number of other rows of their set ("crowded"), and rows that coincide with a row of the
// second set ("shared"), each with the lowest such row as an example.
// </summary>
internal sealed class CoincidenceCensus(int rows, int copies)
{
    // <summary>The number of rows of the first set.</summary>
    public int Rows { get; } = rows;

    // <summary>The number of other equal rows that makes a row crowded.</summary>
    public int Copies { get; } = copies;

    // <summary>How many rows of the first set are crowded.</summary>
    public int Crowded { get; private set; }

    // <summary>The size of the largest group of identical rows of the first set that is crowded.</summary>
    public int LargestGroup { get; private set; }

    // <summary>The lowest crowded row, or −1.</summary>
    public int CrowdedExample { get; private set; } = -1;

    // <summary>How many rows of the first set equal some row of the second.</summary>
    public int Shared { get; private set; }

    // <summary>The lowest shared row of the first set, or −1.</summary>
    public int SharedExample { get; private set; } = -1;

    // <summary>A row of the second set equal to <see cref="SharedExample"/>.</summary>
    public int SharedPartner { get; private set; } = -1;

    // <summary>Tallies one group of identical rows: <paramref name="own"/> rows of the first set, the lowest <paramref name="lowest"/>, and the lowest equal row of the second set (−1 if none).</summary>
    public void Add(int own, int lowest, int partner)
    {
        if (own > Copies)
        {
            Crowded += own;
            LargestGroup = Math.Max(LargestGroup, own);
            CrowdedExample = CrowdedExample < 0 ? lowest : Math.Min(CrowdedExample, lowest);
        }

        if (partner >= 0)
        {
            Shared += own;
            if (SharedExample < 0 || lowest < SharedExample)
            {
                (SharedExample, SharedPartner) = (lowest, partner);
            }
        }
    }
}
