namespace InfoTheory.Continuous.Neighbors;

// <summary>
// The one-dimensional index: values sorted once, nearest neighbours found by walking outwards from
// the query's position and range counts by two binary searches, O(log N + k) per query.
// </summary>
// <remarks>
// In one dimension the key (x − v)² or |x − v| is monotone in v on each side of the query even
// after rounding, so the points within a radius form one contiguous run of the sorted array and
// binary search with the very same key test finds its ends. Results equal <see cref="BruteForceIndex"/> exactly.
// </remarks>
internal sealed class SortedLineIndex : INeighborIndex
{
    private readonly double[] _values;
    private readonly int[] _rows;
    private readonly int[] _positions;
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
        _positions = new int[values.Length];
        for (int s = 0; s < _rows.Length; s++)
        {
            _positions[_rows[s]] = s;
        }
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

    // <summary>
    // As <see cref="CountWithin"/> for the query that is indexed row <paramref name="row"/> itself, by galloping outwards
    // from the row's own place in the sorted array: O(log m) for m points counted, in memory next to the row's.
    // </summary>
    // <remarks>
    // The row's value q sits inside the run of values equal to it, so leftwards the values fall to q and rightwards they
    // rise from it, and the key test is monotone on each side of the row's place as it is on each side of q's lower
    // bound: the same points pass, so the count is the same.
    // </remarks>
    public int CountWithinRow(int row, double radiusKey, bool inclusive)
        => CountAround(_values, _positions[row], radiusKey, inclusive, _norm);

    // <summary>
    // Counts the values of the ascending <paramref name="sorted"/> whose key to the value at <paramref name="at"/> passes
    // the radius test, that value included when it passes, by galloping outwards from <paramref name="at"/>: O(log m) for m
    // values counted, in memory next to the query's own place.
    // </summary>
    // <remarks>
    // The value q at <paramref name="at"/> sits inside the run of values equal to it, so leftwards the values fall to q and
    // rightwards they rise from it, and the key test is monotone on each side: the same values pass as for a scan of all.
    // </remarks>
    public static int CountAround(ReadOnlySpan<double> sorted, int at, double radiusKey, bool inclusive, DistanceNorm norm)
    {
        double q = sorted[at];

        // Rightwards from the value (itself included), then leftwards from its neighbour: each side a run of passing slots.
        int right = Gallop(sorted, q, at, 1, radiusKey, inclusive, norm);
        int left = Gallop(sorted, q, at - 1, -1, radiusKey, inclusive, norm);
        return right + left;
    }

    // <summary>
    // The <paramref name="k"/>-th smallest key from <paramref name="q"/> to the values of the ascending
    // <paramref name="sorted"/> at places ≤ <paramref name="left"/> and ≥ <paramref name="right"/> (the places between, the
    // query's own, are skipped), by the outward walk of <see cref="Nearest"/>; at least k such places must exist.
    // </summary>
    // <remarks>
    // sorted[left] ≤ q ≤ sorted[right], so each side's keys only grow outwards (rounding included) and taking the smaller
    // side's key k times takes the k smallest in order: the k-th key <see cref="Nearest"/> finds, whichever copy of an
    // equal value is the one skipped.
    // </remarks>
    public static double KthKeyBetween(ReadOnlySpan<double> sorted, double q, int left, int right, int k, DistanceNorm norm)
    {
        double key = 0;
        for (int taken = 0; taken < k; taken++)
        {
            double leftKey = left >= 0 ? Metric.Key(q, sorted[left], norm) : double.PositiveInfinity;
            double rightKey = right < sorted.Length ? Metric.Key(q, sorted[right], norm) : double.PositiveInfinity;
            (key, left, right) = leftKey <= rightKey ? (leftKey, left - 1, right) : (rightKey, left, right + 1);
        }

        return key;
    }

    // How many slots from start (inclusive) stepping by direction pass the key test; the passing slots form one run from start.
    // Doubling steps find a failing slot, then a binary search without branches on the data finds the run's end: the
    // only unpredictable branch is the doubling's exit, where a branchy search would mispredict about every other probe.
    private static int Gallop(ReadOnlySpan<double> values, double q, int start, int direction, double radiusKey, bool inclusive, DistanceNorm norm)
    {
        int limit = direction > 0 ? values.Length - start : start + 1;
        if (limit <= 0 || !Metric.Within(Metric.Key(q, values[start], norm), radiusKey, inclusive))
        {
            return 0;
        }

        // Invariant: the first `pass` slots pass; the slot `probe` − 1 fails, or probe − 1 = limit (outside the array).
        int pass = 1, probe;
        while (true)
        {
            probe = Math.Min(2 * pass, limit);
            if (probe == pass)
            {
                return pass;
            }

            if (!Metric.Within(Metric.Key(q, values[start + (direction * (probe - 1))], norm), radiusKey, inclusive))
            {
                break;
            }

            pass = probe;
        }

        // The run's length lies in [pass, probe − 1]: narrow [length, length + width − 1] by halves.
        int length = pass, width = probe - pass;
        while (width > 1)
        {
            int half = width >> 1;
            bool passes = Metric.Within(Metric.Key(q, values[start + (direction * (length + half - 1))], norm), radiusKey, inclusive);
            length += passes ? half : 0;
            width -= half;
        }

        return length;
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
