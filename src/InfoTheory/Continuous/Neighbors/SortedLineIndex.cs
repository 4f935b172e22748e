namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// The one-dimensional index: values sorted once, nearest neighbours found by walking outwards from
/// the query's position and range counts by two binary searches, O(log N + k) per query.
/// </summary>
/// <remarks>
/// In one dimension the key (x − v)² or |x − v| is monotone in v on each side of the query even
/// after rounding, so the points within a radius form one contiguous run of the sorted array and
/// binary search with the very same key test finds its ends. Results equal <see cref="BruteForceIndex"/> exactly.
/// </remarks>
internal sealed class SortedLineIndex : INeighborIndex
{
    private readonly double[] _values;
    private readonly int[] _rows;
    private readonly DistanceNorm _norm;

    public SortedLineIndex(double[] values, DistanceNorm norm)
    {
        _norm = norm;
        _values = (double[])values.Clone();
        _rows = new int[values.Length];
        for (int i = 0; i < _rows.Length; i++)
        {
            _rows[i] = i;
        }

        Array.Sort(_values, _rows);
    }

    public int Count => _values.Length;

    public ReadOnlySpan<int> QueryOrder => _rows;

    public void Nearest(ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows)
    {
        double q = query[0];
        int right = LowerBound(q);
        int left = right - 1;
        int found = 0;
        while (true)
        {
            double leftKey = left >= 0 ? Key(q, _values[left]) : double.PositiveInfinity;
            double rightKey = right < _values.Length ? Key(q, _values[right]) : double.PositiveInfinity;
            bool takeLeft = leftKey <= rightKey;
            double key = takeLeft ? leftKey : rightKey;

            // Keys only grow outwards, so once the nearer side is past the k-th key nothing can still enter;
            // a key equal to it can (a lower row wins the tie), hence > rather than >=.
            if (double.IsPositiveInfinity(key) || (found == keys.Length && key > keys[^1]))
            {
                return;
            }

            int slot = takeLeft ? left-- : right++;
            if (_rows[slot] != self)
            {
                Metric.Insert(keys, rows, ref found, key, _rows[slot]);
            }
        }
    }

    public int CountWithin(ReadOnlySpan<double> query, double radiusKey, bool inclusive)
    {
        double q = query[0];
        int split = LowerBound(q);

        // Left of split the test turns from false to true as v rises; right of it, from true to false.
        int lo = 0, hi = split;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Metric.Within(Key(q, _values[mid]), radiusKey, inclusive))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        int first = lo;
        lo = split;
        hi = _values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Metric.Within(Key(q, _values[mid]), radiusKey, inclusive))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - first;
    }

    private double Key(double q, double v) => Metric.Key(q, v, _norm);

    // The first index whose value is >= q.
    private int LowerBound(double q)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_values[mid] < q)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
