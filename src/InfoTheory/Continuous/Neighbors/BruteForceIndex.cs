namespace InfoTheory.Continuous.Neighbors;

// <summary>The O(N) per query scan over every point: the oracle the k-d tree must match exactly.</summary>
internal sealed class BruteForceIndex(double[] points, int dimension, DistanceNorm norm) : INeighborIndex
{
    private readonly int[] _order = Enumerable.Range(0, points.Length / dimension).ToArray();

    public int Count { get; } = points.Length / dimension;

    public ReadOnlySpan<int> QueryOrder => _order;

    public void Nearest(ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows)
    {
        int found = 0;
        for (int j = 0; j < Count; j++)
        {
            if (j != self)
            {
                Metric.Insert(keys, rows, ref found, Metric.Key(query, points.AsSpan(j * dimension, dimension), norm), j);
            }
        }
    }

    public int CountWithin(ReadOnlySpan<double> query, double radiusKey, bool inclusive)
    {
        int count = 0;
        for (int j = 0; j < Count; j++)
        {
            if (Metric.Within(Metric.Key(query, points.AsSpan(j * dimension, dimension), norm), radiusKey, inclusive))
            {
                count++;
            }
        }

        return count;
    }
}
