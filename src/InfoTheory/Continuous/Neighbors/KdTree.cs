namespace InfoTheory.Continuous.Neighbors;

// <summary>
// A k-d tree over a fixed point set with a tight bounding box per node, for exact k-nearest-neighbour
// and range-count queries under the Euclidean or maximum norm.
// </summary>
// <remarks>
// <para>
// Built by median splits (quickselect) on the axis of widest spread, O(N log N); a query visits the
// nearer child first and skips a node only when the distance from the query to its box already
// exceeds the current k-th best key. Friedman, Bentley &amp; Finkel (1977), "An algorithm for finding
// best matches in logarithmic expected time", ACM TOMS 3(3).
// </para>
// <para>
// Exactness: the box bound of a node is computed from coordinate differences that floating-point
// rounding keeps no larger than those of any point inside (rounding is monotone), so a skipped
// node never holds a point that would have changed the answer, ties included. Results are
// therefore identical to <see cref="BruteForceIndex"/>, not merely close.
// </para>
// </remarks>
internal sealed class KdTree : INeighborIndex
{
    private const int LeafSize = 12;

    private readonly int _d;
    private readonly DistanceNorm _norm;
    private readonly double[] _points;
    private readonly int[] _rows;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _lo;
    private readonly double[] _hi;
    private int _nodes;

    public KdTree(double[] points, int dimension, DistanceNorm norm)
    {
        _d = dimension;
        _norm = norm;
        Count = points.Length / dimension;
        _points = (double[])points.Clone();
        _rows = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            _rows[i] = i;
        }

        // Every split leaves at least LeafSize / 2 points per side, which bounds the node count.
        int capacity = (4 * Count / LeafSize) + 3;
        _start = new int[capacity];
        _end = new int[capacity];
        _left = new int[capacity];
        _right = new int[capacity];
        _lo = new double[capacity * dimension];
        _hi = new double[capacity * dimension];
        if (Count > 0)
        {
            Build(0, Count);
        }
    }

    public int Count { get; }

    public ReadOnlySpan<int> QueryOrder => _rows;

    public void Nearest(ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows)
    {
        int found = 0;
        Search(0, query, self, keys, rows, ref found);
    }

    public int CountWithin(ReadOnlySpan<double> query, double radiusKey, bool inclusive)
        => Count == 0 ? 0 : CountNode(0, query, radiusKey, inclusive);

    private int Build(int start, int end)
    {
        int node = _nodes++;
        _start[node] = start;
        _end[node] = end;
        _left[node] = -1;
        Span<double> lo = _lo.AsSpan(node * _d, _d);
        Span<double> hi = _hi.AsSpan(node * _d, _d);
        _points.AsSpan(start * _d, _d).CopyTo(lo);
        _points.AsSpan(start * _d, _d).CopyTo(hi);
        for (int i = start + 1; i < end; i++)
        {
            for (int a = 0; a < _d; a++)
            {
                double v = _points[(i * _d) + a];
                lo[a] = Math.Min(lo[a], v);
                hi[a] = Math.Max(hi[a], v);
            }
        }

        int axis = 0;
        double spread = hi[0] - lo[0];
        for (int a = 1; a < _d; a++)
        {
            if (hi[a] - lo[a] > spread)
            {
                spread = hi[a] - lo[a];
                axis = a;
            }
        }

        // A node of identical points cannot be split by any axis; it stays a (possibly large) leaf.
        if (end - start <= LeafSize || spread == 0)
        {
            return node;
        }

        int mid = start + ((end - start) / 2);
        Select(start, end - 1, mid, axis);
        _left[node] = Build(start, mid);
        _right[node] = Build(mid, end);
        return node;
    }

    // Hoare quickselect: afterwards the point at slot k has rank k along the axis within [lo, hi].
    private void Select(int lo, int hi, int k, int axis)
    {
        while (hi > lo)
        {
            double a = Key(lo, axis), b = Key(lo + ((hi - lo) / 2), axis), c = Key(hi, axis);
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Key(i, axis) < pivot)
                {
                    i++;
                }

                while (Key(j, axis) > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(i, j);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private double Key(int slot, int axis) => _points[(slot * _d) + axis];

    private void Swap(int i, int j)
    {
        (_rows[i], _rows[j]) = (_rows[j], _rows[i]);
        int a = i * _d, b = j * _d;
        for (int t = 0; t < _d; t++)
        {
            (_points[a + t], _points[b + t]) = (_points[b + t], _points[a + t]);
        }
    }

    private void Search(int node, ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows, ref int found)
    {
        int left = _left[node];
        if (left < 0)
        {
            for (int s = _start[node]; s < _end[node]; s++)
            {
                int row = _rows[s];
                if (row != self)
                {
                    Metric.Insert(keys, rows, ref found, Metric.Key(query, _points.AsSpan(s * _d, _d), _norm), row);
                }
            }

            return;
        }

        int right = _right[node];
        double leftBound = BoxKey(left, query);
        double rightBound = BoxKey(right, query);
        int first = leftBound <= rightBound ? left : right;
        int second = first == left ? right : left;
        double firstBound = Math.Min(leftBound, rightBound);
        double secondBound = Math.Max(leftBound, rightBound);
        if (found < keys.Length || !(firstBound > keys[^1]))
        {
            Search(first, query, self, keys, rows, ref found);
        }

        if (found < keys.Length || !(secondBound > keys[^1]))
        {
            Search(second, query, self, keys, rows, ref found);
        }
    }

    private int CountNode(int node, ReadOnlySpan<double> query, double radiusKey, bool inclusive)
    {
        if (!Metric.Within(BoxKey(node, query), radiusKey, inclusive))
        {
            return 0;
        }

        if (Metric.Within(FarKey(node, query), radiusKey, inclusive))
        {
            return _end[node] - _start[node];
        }

        int left = _left[node];
        if (left < 0)
        {
            int count = 0;
            for (int s = _start[node]; s < _end[node]; s++)
            {
                if (Metric.Within(Metric.Key(query, _points.AsSpan(s * _d, _d), _norm), radiusKey, inclusive))
                {
                    count++;
                }
            }

            return count;
        }

        return CountNode(left, query, radiusKey, inclusive) + CountNode(_right[node], query, radiusKey, inclusive);
    }

    // The smallest key any point in the node's box can have to the query.
    private double BoxKey(int node, ReadOnlySpan<double> query)
    {
        int o = node * _d;
        double key = 0;
        for (int a = 0; a < _d; a++)
        {
            double q = query[a];
            double gap = q < _lo[o + a] ? _lo[o + a] - q : q > _hi[o + a] ? q - _hi[o + a] : 0.0;
            key = _norm == DistanceNorm.Euclidean ? key + (gap * gap) : Math.Max(key, gap);
        }

        return key;
    }

    // The largest key any point in the node's box can have to the query.
    private double FarKey(int node, ReadOnlySpan<double> query)
    {
        int o = node * _d;
        double key = 0;
        for (int a = 0; a < _d; a++)
        {
            double q = query[a];
            double gap = Math.Max(q - _lo[o + a], _hi[o + a] - q);
            key = _norm == DistanceNorm.Euclidean ? key + (gap * gap) : Math.Max(key, gap);
        }

        return key;
    }
}
