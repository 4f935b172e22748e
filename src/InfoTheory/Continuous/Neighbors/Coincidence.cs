namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// Finds rows that coincide exactly, i.e. lie at distance 0 from each other under every norm, in
/// O(N log N) whatever the data: rows are sorted by a hash of their coordinates' bits and only
/// runs of equal hashes are compared coordinate by coordinate.
/// </summary>
/// <remarks>
/// This runs before any index is built, so heavily tied data is rejected before the queries whose
/// cost grows with the number of equal distances. For one-dimensional data the hash is a bijection
/// of the value, so the sort alone separates distinct values.
/// </remarks>
internal static class Coincidence
{
    /// <summary>Finds the groups of identical rows of <paramref name="points"/>, and of <paramref name="points"/> together with <paramref name="others"/>.</summary>
    /// <param name="points">The rows examined, flat row-major.</param>
    /// <param name="others">A second set of rows of the same dimension (may be empty) that rows of <paramref name="points"/> must not share.</param>
    /// <param name="dimension">The number of coordinates per row.</param>
    /// <param name="copies">A row of <paramref name="points"/> is crowded when at least this many other rows of <paramref name="points"/> equal it.</param>
    public static CoincidenceCensus Count(double[] points, double[] others, int dimension, int copies)
    {
        int n = points.Length / dimension, total = n + (others.Length / dimension);
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

            if (end - start > 1)
            {
                Span<int> run = rows.AsSpan(start, end - start);
                if (!AllEqual(run, points, others, dimension, n))
                {
                    // Distinct rows with one hash: order the run by coordinates so equal rows become neighbours.
                    run.Sort((a, b) => Row(points, others, dimension, n, a).SequenceCompareTo(Row(points, others, dimension, n, b)));
                }

                int group = 0;
                for (int t = 1; t <= run.Length; t++)
                {
                    if (t == run.Length || !Same(run[group], run[t], points, others, dimension, n))
                    {
                        census.Add(run[group..t]);
                        group = t;
                    }
                }
            }

            start = end;
        }

        return census;
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

    private static bool AllEqual(ReadOnlySpan<int> run, double[] points, double[] others, int dimension, int n)
    {
        for (int t = 1; t < run.Length; t++)
        {
            if (!Same(run[0], run[t], points, others, dimension, n))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SplitMix64's finaliser over the coordinates' bits (−0.0 folded onto 0.0); a bijection for one coordinate.</summary>
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
}

/// <summary>
/// The tallies of <see cref="Coincidence.Count"/>: rows of the first set that coincide with at least
/// the given number of other rows of their set ("crowded"), and rows that coincide with a row of the
/// second set ("shared"), each with the lowest such row as an example.
/// </summary>
internal sealed class CoincidenceCensus(int rows, int copies)
{
    /// <summary>The number of rows of the first set.</summary>
    public int Rows { get; } = rows;

    /// <summary>The number of other equal rows that makes a row crowded.</summary>
    public int Copies { get; } = copies;

    /// <summary>How many rows of the first set are crowded.</summary>
    public int Crowded { get; private set; }

    /// <summary>The size of the largest group of identical rows of the first set that is crowded.</summary>
    public int LargestGroup { get; private set; }

    /// <summary>The lowest crowded row, or −1.</summary>
    public int CrowdedExample { get; private set; } = -1;

    /// <summary>How many rows of the first set equal some row of the second.</summary>
    public int Shared { get; private set; }

    /// <summary>The lowest shared row of the first set, or −1.</summary>
    public int SharedExample { get; private set; } = -1;

    /// <summary>A row of the second set equal to <see cref="SharedExample"/>.</summary>
    public int SharedPartner { get; private set; } = -1;

    /// <summary>Tallies one group of identical rows (indices at or above <see cref="Rows"/> belong to the second set).</summary>
    public void Add(ReadOnlySpan<int> group)
    {
        int own = 0, lowest = int.MaxValue, partner = int.MaxValue;
        foreach (int r in group)
        {
            if (r < Rows)
            {
                own++;
                lowest = Math.Min(lowest, r);
            }
            else
            {
                partner = Math.Min(partner, r - Rows);
            }
        }

        if (own > Copies)
        {
            Crowded += own;
            LargestGroup = Math.Max(LargestGroup, own);
            CrowdedExample = CrowdedExample < 0 ? lowest : Math.Min(CrowdedExample, lowest);
        }

        if (own > 0 && partner != int.MaxValue)
        {
            Shared += own;
            if (SharedExample < 0 || lowest < SharedExample)
            {
                (SharedExample, SharedPartner) = (lowest, partner);
            }
        }
    }
}
