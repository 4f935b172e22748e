using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Continuous.Neighbors;

// <summary>
// The two-dimensional index: a uniform grid of cells a few points each, the points stored cell after cell (a counting
// sort), nearest neighbours found by searching rings of cells outwards from the query's cell until the k-th key is
// smaller than the distance to any cell not yet searched. Expected O(k) per query for data without heavy clusters.
// </summary>
// <remarks>
// <para>
// Exactness: every point of a searched cell goes through the same key and <see cref="Metric.Insert"/> as in
// <see cref="BruteForceIndex"/>; the search stops only when the distance to the unsearched region, reduced by a margin
// far larger than the rounding of the cell arithmetic, exceeds the k-th key (strictly, so a point at an equal key and a
// lower row can still enter). A point assigned to a cell by a rounded division lies within that margin of the cell, so a
// point left unsearched never changes the answer, ties included. Range counts test every point of the cells that cover
// the radius plus the margin with <see cref="Metric.Within"/>. Results equal <see cref="BruteForceIndex"/> exactly.
// </para>
// <para>
// Block queries: a grid built with blocks answers k-th key queries (k ≤ 4) from the 3 × 3 cells around the query, read
// as three runs of slots with 256-bit vectors and no branch per point, whenever the k-th key found there is below the
// stopping bound of the block's edges; otherwise the rings outside the block go on from the keys it found. Same keys,
// same bound, so the same answers as the rings alone, at about a third of their time for Gaussian points.
// </para>
// <para>
// <see cref="TryCreate"/> declines (the caller builds a <see cref="KdTree"/>) when the points crowd a few cells, as
// heavy tails, clusters or many copies do, where rings would scan many points per query.
// </para>
// <para>
// Memory: the grid's arrays are rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns them, so an
// estimate that disposes its grid allocates nothing per point. A grid never disposed is simply collected.
// </para>
// </remarks>
internal sealed class PlaneGrid : INeighborIndex, IDisposable
{
    // Cells are refined until a point's expected cell-mates, Σ c² / N, fall to this: about one point per cell where the
    // points are, so a cell is about as wide as the k-th neighbour distance for small k and two or three rings answer a query.
    private const double CrowdingTarget = 2.0;

    // A grid for block queries is coarser: about six cell-mates where the points are, so that the 3 × 3 cells around a query
    // hold its k nearest for most queries (94% of 10^5 Gaussian points at k = 3), and one trial fewer builds it.
    private const double BlockCrowdingTarget = 8.0;

    // Block queries search the cells within this many of the query's cell (3 × 3).
    private const int BlockRadius = 1;

    // Block queries keep this many smallest keys per lane, so they answer for k up to it.
    private const int BlockDepth = 4;

    // Doubles in a Vector256, and the padding after the last point that lets a block read a whole vector at any slot.
    private const int Lanes = 4;

    // Declines when even the finest grid allowed leaves Σ c² / N above this.
    private const double CrowdingLimit = 8.0;

    // At most this many cells per point (the cell starts are one int per cell).
    private const int CellsPerPoint = 8;

    private readonly DistanceNorm _norm;
    private readonly bool _blocks;
    private double[] _xs;
    private double[] _ys;
    private int[] _rows;
    private int[] _cellStart;
    private readonly int _columns;
    private readonly int _cellRows;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _width;
    private readonly double _height;
    private readonly double _inverseWidth;
    private readonly double _inverseHeight;
    private readonly double _margin;

    // cells[i] is point i's cell and counts[c] the points of cell c, as AssignCells leaves them for this grid.
    private PlaneGrid(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int stride, int count, DistanceNorm norm, bool blocks, Trial grid, double minX, double minY, double margin, int[] cells, int[] counts)
    {
        (_norm, _blocks) = (norm, blocks);
        Count = count;
        (_columns, _cellRows) = (grid.Columns, grid.Rows);
        (_minX, _minY, _width, _height, _margin) = (minX, minY, grid.Width, grid.Height, margin);
        (_inverseWidth, _inverseHeight) = (1.0 / grid.Width, 1.0 / grid.Height);
        int cellCount = grid.Columns * grid.Rows;
        _cellStart = ArrayPool<int>.Shared.Rent(cellCount + 1);
        _cellStart[0] = 0;
        for (int c = 0; c < cellCount; c++)
        {
            _cellStart[c + 1] = _cellStart[c] + counts[c];
        }

        // Stable scatter, so each cell keeps its rows in increasing order.
        int[] next = ArrayPool<int>.Shared.Rent(cellCount);
        _cellStart.AsSpan(0, cellCount).CopyTo(next);
        (_xs, _ys, _rows) = (ArrayPool<double>.Shared.Rent(Count + Lanes), ArrayPool<double>.Shared.Rent(Count + Lanes), ArrayPool<int>.Shared.Rent(Count));
        for (int i = 0; i < Count; i++)
        {
            int slot = next[cells[i]]++;
            (_xs[slot], _ys[slot], _rows[slot]) = (xs[i * stride], ys[i * stride], i);
        }

        ArrayPool<int>.Shared.Return(next);
    }

    // A grid shape TryCreate tries: cells per axis and their sides.
    private readonly record struct Trial(int Columns, int Rows, double Width, double Height);

    public int Count { get; }

    public ReadOnlySpan<int> QueryOrder => _rows.AsSpan(0, Count);

    // <summary>
    // Whether some indexed point equals at least <paramref name="copies"/> others (== on each coordinate, so 0 = −0), as
    // <see cref="CoincidenceCensus.Crowded"/> &gt; 0 says: equal points share a cell, so only cells holding more than
    // <paramref name="copies"/> points are searched, pair by pair (Σ c² is at most 8 N on a grid that was not declined).
    // </summary>
    public bool HasCrowdedPoint(int copies)
    {
        int cellCount = _columns * _cellRows;
        for (int c = 0; c < cellCount; c++)
        {
            int end = _cellStart[c + 1];

            // A group of copies + 1 has its first member at least copies slots before the cell's end.
            for (int t = _cellStart[c]; t < end - copies; t++)
            {
                double x = _xs[t], y = _ys[t];
                int same = 0;
                for (int u = t + 1; u < end; u++)
                {
                    same += _xs[u] == x && _ys[u] == y ? 1 : 0;
                }

                if (same >= copies)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // <summary>A grid over the 2-D <paramref name="points"/> (flat, x then y), or null when they crowd a few cells.</summary>
    public static PlaneGrid? TryCreate(double[] points, DistanceNorm norm, bool blocks = false)
        => TryCreate(points, points.AsSpan(Math.Min(1, points.Length)), 2, points.Length / 2, norm, blocks);

    // <summary>
    // Whether k-th key queries for <paramref name="k"/> neighbours are faster from a grid built for block queries: k within
    // the blocks' depth on a machine that runs 256-bit vectors in hardware (in software they are correct but slow).
    // </summary>
    public static bool BlocksPay(int k) => k <= BlockDepth && Vector256.IsHardwareAccelerated;

    // <summary>
    // A grid over <paramref name="count"/> points whose i-th has coordinates (<paramref name="xs"/>[i·stride],
    // <paramref name="ys"/>[i·stride]): one flat x-then-y array with stride 2, or two columns with stride 1; null when the
    // points crowd a few cells. With <paramref name="blocks"/> the grid is coarser and its k-th key queries for k up to
    // four search the 3 × 3 cells around the query with vectors first (<see cref="BlocksPay"/> says when that is faster);
    // every answer is the same either way.
    // </summary>
    public static PlaneGrid? TryCreate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int stride, int count, DistanceNorm norm, bool blocks = false)
    {
        int n = count;
        if (n < 64)
        {
            return null;
        }

        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            (minX, maxX) = (Math.Min(minX, xs[i * stride]), Math.Max(maxX, xs[i * stride]));
            (minY, maxY) = (Math.Min(minY, ys[i * stride]), Math.Max(maxY, ys[i * stride]));
        }

        double spanX = maxX - minX, spanY = maxY - minY;
        if (!(spanX > 0 && spanY > 0 && double.IsFinite(spanX) && double.IsFinite(spanY)))
        {
            return null;
        }

        // Far more than the few ulps by which a rounded cell assignment or bound can be off, far less than a cell.
        double largest = Math.Max(Math.Max(Math.Abs(minX), Math.Abs(maxX)), Math.Max(Math.Abs(minY), Math.Abs(maxY)));
        double margin = 1e-12 * largest;
        // Pooled: the trial counts are scratch, and a fresh array the size of the grid per estimate would cost page faults.
        // The last trial's cells and counts build the grid when it is the one accepted, as it is unless refining ran out.
        int[] counts = ArrayPool<int>.Shared.Rent(64), cells = ArrayPool<int>.Shared.Rent(n);
        Trial? acceptable = null, last = null;
        (int, int) previous = (0, 0);
        for (double side = Math.Sqrt(n / 2.0); ; side *= Math.Sqrt(2))
        {
            // Square cells in the data's units, so neither axis is searched much further than the other.
            double cell = Math.Sqrt(spanX) * Math.Sqrt(spanY) / side; // the product of the spans could overflow or underflow
            int columns = (int)Math.Clamp(Math.Ceiling(spanX / cell), 1, 4096), rows = (int)Math.Clamp(Math.Ceiling(spanY / cell), 1, 4096);
            // Past the cell budget, or both axes at their clamp (so no finer grid can follow): stop refining.
            if ((long)columns * rows > (long)CellsPerPoint * n || (columns, rows) == previous)
            {
                break;
            }

            previous = (columns, rows);

            double width = spanX / columns, height = spanY / rows;
            if (!(width > 64 * margin && height > 64 * margin))
            {
                break;
            }

            if (counts.Length < columns * rows)
            {
                ArrayPool<int>.Shared.Return(counts);
                counts = ArrayPool<int>.Shared.Rent(columns * rows);
            }

            last = new Trial(columns, rows, width, height);
            double squares = AssignCells(xs, ys, stride, n, minX, minY, last.Value, cells, counts);
            acceptable = squares / n <= CrowdingLimit ? last : acceptable;
            if (squares / n <= (blocks ? BlockCrowdingTarget : CrowdingTarget))
            {
                break;
            }
        }

        try
        {
            if (acceptable is not { } grid)
            {
                return null;
            }

            if (grid != last)
            {
                AssignCells(xs, ys, stride, n, minX, minY, grid, cells, counts);
            }

            return new PlaneGrid(xs, ys, stride, n, norm, blocks, grid, minX, minY, margin, cells, counts);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(cells);
        }
    }

    // Puts each point in its cell of the grid (the arithmetic of Cell, whose clamps never bind for the indexed points) and
    // counts the cells' points; returns Σ c² over the cells, the measure of crowding.
    private static double AssignCells(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int stride, int n, double minX, double minY, Trial grid, int[] cells, int[] counts)
    {
        Array.Clear(counts, 0, grid.Columns * grid.Rows);
        double inverseWidth = 1.0 / grid.Width, inverseHeight = 1.0 / grid.Height;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            int cx = Math.Min(grid.Columns - 1, (int)((xs[i * stride] - minX) * inverseWidth));
            int cy = Math.Min(grid.Rows - 1, (int)((ys[i * stride] - minY) * inverseHeight));
            int cell = (cy * grid.Columns) + cx;
            cells[i] = cell;
            squares += (2 * counts[cell]++) + 1;
        }

        return squares;
    }

    // <summary>
    // Whether some indexed point equals (== on each coordinate, so 0 = −0) a point of <paramref name="other"/>, as
    // <see cref="CoincidenceCensus.Shared"/> &gt; 0 says: a point equal to one of the other grid's lies in the cell of that
    // grid the other's point was put in (the same arithmetic on the same values), so only that cell is searched.
    // </summary>
    public bool SharesAPointWith(PlaneGrid other)
    {
        for (int t = 0; t < Count; t++)
        {
            double x = _xs[t], y = _ys[t];
            int cell = other.Cell(x, y);
            for (int u = other._cellStart[cell]; u < other._cellStart[cell + 1]; u++)
            {
                if (other._xs[u] == x && other._ys[u] == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // <summary>The original row stored in <paramref name="slot"/> (slots run cell after cell, 0 … Count − 1).</summary>
    public int RowAt(int slot) => _rows[slot];

    public void Nearest(ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows)
    {
        var list = new RowList(keys, rows, _rows, self);
        Nearest(query[0], query[1], ref list);
    }

    // <summary>
    // As <see cref="Nearest(ReadOnlySpan{double}, int, Span{double}, Span{int})"/> for the indexed point in
    // <paramref name="slot"/> itself, skipping it: the query reads the grid's own copy, next to its cell-mates.
    // </summary>
    public void NearestOfSlot(int slot, Span<double> keys, Span<int> rows)
    {
        var list = new RowList(keys, rows, _rows, _rows[slot]);
        Nearest(_xs[slot], _ys[slot], ref list);
    }

    // <summary>
    // The k-th smallest key from the point in <paramref name="slot"/> to the other points, k = <paramref name="keys"/>.Length
    // (scratch): the last key <see cref="NearestOfSlot"/> finds, without the rows, which only break ties among equal keys
    // and so never change it.
    // </summary>
    public double KthKeyOfSlot(int slot, Span<double> keys) => KthKey(_xs[slot], _ys[slot], slot, keys);

    // <summary>
    // The k-th smallest key from the point (<paramref name="qx"/>, <paramref name="qy"/>) to the indexed points,
    // k = <paramref name="keys"/>.Length (scratch), none skipped: the last key <see cref="Nearest"/> with self −1 finds, for a
    // query from another set.
    // </summary>
    public double KthKeyFrom(double qx, double qy, Span<double> keys) => KthKey(qx, qy, -1, keys);

    // The k-th smallest key from (qx, qy), skipping slot self (−1: none): from the block around the query when the block
    // settles it, else by the rings outside the block, starting from the block's k smallest keys.
    private double KthKey(double qx, double qy, int self, Span<double> keys)
    {
        var list = new KeyList(keys, self);
        int firstRing = 0;
        if (_blocks && keys.Length <= BlockDepth)
        {
            if (TryKthKeyInBlock(qx, qy, self, ref list, out double kth))
            {
                return kth;
            }

            firstRing = BlockRadius + 1;
        }

        Nearest(qx, qy, ref list, firstRing);
        return keys[^1];
    }

    // <summary>
    // The k-th smallest key from (<paramref name="qx"/>, <paramref name="qy"/>) to the points of the cells within
    // <see cref="BlockRadius"/> of its cell, skipping slot <paramref name="self"/>, when no point outside them can undercut it;
    // otherwise false, with the block's k smallest keys offered to <paramref name="list"/> for the rings beyond.
    // </summary>
    // <remarks>
    // Each row of the block is one run of slots, read four at a time with no branch per point: a lane past the run or at
    // self gets +∞, and each lane keeps its four smallest keys by a min/max insertion network; two permute-and-merge steps
    // then give every lane the block's four smallest. The keys are the same arithmetic as <see cref="PointKey"/> (no fused
    // multiply-add), and the test against the block's edges is the rings' stopping test, so the answer is exact.
    // </remarks>
    private bool TryKthKeyInBlock(double qx, double qy, int self, ref KeyList list, out double kth)
    {
        int k = list.Capacity;
        int cx = Column(qx), cy = Row(qy);
        int x0 = Math.Max(cx - BlockRadius, 0), x1 = Math.Min(cx + BlockRadius, _columns - 1);
        int y0 = Math.Max(cy - BlockRadius, 0), y1 = Math.Min(cy + BlockRadius, _cellRows - 1);

        var infinity = Vector256.Create(double.PositiveInfinity);
        var network = new Network4(infinity);
        var selfLanes = Vector256.Create((long)self);
        var lane = Vector256.Create(0L, 1L, 2L, 3L);
        var vx = Vector256.Create(qx);
        var vy = Vector256.Create(qy);
        ref double xs = ref _xs[0];
        ref double ys = ref _ys[0];
        bool euclidean = _norm == DistanceNorm.Euclidean;
        for (int y = y0; y <= y1; y++)
        {
            int from = _cellStart[(y * _columns) + x0], to = _cellStart[(y * _columns) + x1 + 1];
            var end = Vector256.Create((long)to);
            for (int t = from; t < to; t += Lanes)
            {
                // The arrays have Lanes slots of padding, so the last vector of the last run stays inside them.
                var dx = vx - Vector256.LoadUnsafe(ref xs, (nuint)t);
                var dy = vy - Vector256.LoadUnsafe(ref ys, (nuint)t);
                var key = euclidean ? (dx * dx) + (dy * dy) : Vector256.MaxNative(Vector256.Abs(dx), Vector256.Abs(dy));
                var index = lane + Vector256.Create((long)t);
                var valid = Vector256.LessThan(index, end) & ~Vector256.Equals(index, selfLanes);
                network.Insert(Vector256.ConditionalSelect(valid.AsDouble(), key, infinity));
            }
        }

        network.Merge();
        kth = network.Kth(k);

        if (!double.IsPositiveInfinity(kth) && Settled(qx, qy, cx, cy, BlockRadius, kth))
        {
            return true;
        }

        // Slot −2 is no slot, so the list never skips these keys as the query's own.
        for (int j = 1; j <= k; j++)
        {
            list.Offer(-2, network.Kth(j));
        }

        return false;
    }

    // Four lanes, each holding the four smallest keys it was given in increasing order (+∞ for none). Keys are never NaN
    // and never −0, so the native min and max (one instruction each) order them as IEEE does.
    private struct Network4(Vector256<double> infinity)
    {
        private Vector256<double> _a = infinity, _b = infinity, _c = infinity, _d = infinity;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Insert(Vector256<double> key)
        {
            var low = Vector256.MinNative(key, _a);
            key = Vector256.MaxNative(key, _a);
            _a = low;
            low = Vector256.MinNative(key, _b);
            key = Vector256.MaxNative(key, _b);
            _b = low;
            low = Vector256.MinNative(key, _c);
            key = Vector256.MaxNative(key, _c);
            _c = low;
            _d = Vector256.MinNative(key, _d);
        }

        // Leaves every lane with the four smallest keys of all four lanes: each step merges a lane with a partner holding
        // the keys of other lanes (the other half, then the neighbour).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Merge()
        {
            Merge(Vector256.Create(2L, 3L, 0L, 1L));
            Merge(Vector256.Create(1L, 0L, 3L, 2L));
        }

        // The k-th smallest key (k = 1 … 4) of lane 0.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Kth(int k)
        {
            return (k == 1 ? _a : k == 2 ? _b : k == 3 ? _c : _d).ToScalar();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Merge(Vector256<long> permutation)
        {
            var (a, b, c, d) = (Vector256.Shuffle(_a, permutation), Vector256.Shuffle(_b, permutation), Vector256.Shuffle(_c, permutation), Vector256.Shuffle(_d, permutation));
            Insert(a);
            Insert(b);
            Insert(c);
            Insert(d);
        }
    }

    // <summary>The coordinates of the point in <paramref name="slot"/>, from the grid's cell-ordered copy.</summary>
    public (double X, double Y) PointOfSlot(int slot) => (_xs[slot], _ys[slot]);

    // <summary>Returns the rented arrays to the pool; the grid must not be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_xs);
        ArrayPool<double>.Shared.Return(_ys);
        ArrayPool<int>.Shared.Return(_rows);
        ArrayPool<int>.Shared.Return(_cellStart);
        (_xs, _ys, _rows, _cellStart) = ([], [], [], []);
    }

    // Rings of cells outwards from the query's cell. A ring's bottom and top rows are each one run of slots; its inner rows
    // add their two end cells. A row or cell whose gap from the query already exceeds the k-th key is skipped, and a point
    // whose key exceeds it is dropped before the insertion: both would be rejected by the list, now and later, since
    // the k-th key only shrinks, so the answer is the one a full scan gives.
    private void Nearest<TList>(double qx, double qy, ref TList list, int firstRing = 0)
        where TList : INeighborList, allows ref struct
    {
        int cx = Column(qx), cy = Row(qy);
        if (firstRing == 0)
        {
            Scan(_cellStart[Cell(qx, qy)], _cellStart[Cell(qx, qy) + 1], qx, qy, ref list);
        }

        for (int r = Math.Max(firstRing, 1); ; r++)
        {
            int x0 = cx - r, x1 = cx + r, y0 = cy - r, y1 = cy + r;
            int xa = Math.Max(x0, 0), xb = Math.Min(x1, _columns - 1);
            if (y0 >= 0 && !(Bound(qy - (_minY + ((y0 + 1) * _height))) > list.Worst))
            {
                Scan(_cellStart[(y0 * _columns) + xa], _cellStart[(y0 * _columns) + xb + 1], qx, qy, ref list);
            }

            if (y1 < _cellRows && !(Bound(_minY + (y1 * _height) - qy) > list.Worst))
            {
                Scan(_cellStart[(y1 * _columns) + xa], _cellStart[(y1 * _columns) + xb + 1], qx, qy, ref list);
            }

            bool left = x0 >= 0 && !(Bound(qx - (_minX + ((x0 + 1) * _width))) > list.Worst);
            bool right = x1 < _columns && !(Bound(_minX + (x1 * _width) - qx) > list.Worst);
            for (int y = Math.Max(y0 + 1, 0); y <= Math.Min(y1 - 1, _cellRows - 1) && (left || right); y++)
            {
                if (left)
                {
                    int cell = (y * _columns) + x0;
                    Scan(_cellStart[cell], _cellStart[cell + 1], qx, qy, ref list);
                }

                if (right)
                {
                    int cell = (y * _columns) + x1;
                    Scan(_cellStart[cell], _cellStart[cell + 1], qx, qy, ref list);
                }
            }

            if (Settled(qx, qy, cx, cy, r, list.Worst))
            {
                return;
            }
        }
    }

    // Whether the k-th key `worst` found within the cells at most r from (cx, cy) is final: the nearest point not yet
    // searched lies beyond one of the square's sides that still has cells outside it, and no such point can undercut
    // `worst` (strictly: a point outside at exactly the k-th key could still be one of the k smallest), or there is none.
    private bool Settled(double qx, double qy, int cx, int cy, int r, double worst)
    {
        double beyond = double.PositiveInfinity;
        beyond = cx - r > 0 ? Math.Min(beyond, qx - (_minX + ((cx - r) * _width))) : beyond;
        beyond = cx + r < _columns - 1 ? Math.Min(beyond, _minX + ((cx + r + 1) * _width) - qx) : beyond;
        beyond = cy - r > 0 ? Math.Min(beyond, qy - (_minY + ((cy - r) * _height))) : beyond;
        beyond = cy + r < _cellRows - 1 ? Math.Min(beyond, _minY + ((cy + r + 1) * _height) - qy) : beyond;
        return double.IsPositiveInfinity(beyond) || Bound(beyond) > worst;
    }

    // Offers the points of slots [from, to) whose key does not exceed the list's k-th key (+∞ until it holds k).
    private void Scan<TList>(int from, int to, double qx, double qy, ref TList list)
        where TList : INeighborList, allows ref struct
    {
        for (int t = from; t < to; t++)
        {
            double key = PointKey(qx, qy, t);

            // A key equal to the k-th can still enter with a lower row, hence <=.
            if (key <= list.Worst)
            {
                list.Offer(t, key);
            }
        }
    }

    // A key no point beyond a gap of this length from the query can undercut: the gap less the margin (a rounded cell
    // assignment is off by less), squared for the Euclidean key with room for its rounding.
    private double Bound(double gap)
    {
        double distance = gap - _margin;
        return distance <= 0 ? 0 : _norm == DistanceNorm.Euclidean ? distance * distance * (1 - 1e-12) : distance;
    }

    public int CountWithin(ReadOnlySpan<double> query, double radiusKey, bool inclusive)
    {
        double qx = query[0], qy = query[1];
        double radius = (_norm == DistanceNorm.Euclidean ? Math.Sqrt(radiusKey) * (1 + 1e-12) : radiusKey) + _margin;
        int x0 = Column(qx - radius), x1 = Column(qx + radius), y0 = Row(qy - radius), y1 = Row(qy + radius);
        int count = 0;
        for (int y = y0; y <= y1; y++)
        {
            for (int t = _cellStart[(y * _columns) + x0]; t < _cellStart[(y * _columns) + x1 + 1]; t++)
            {
                count += Metric.Within(PointKey(qx, qy, t), radiusKey, inclusive) ? 1 : 0;
            }
        }

        return count;
    }

    // The key of the point in slot t: the same arithmetic as Metric.Key on the pair of rows.
    private double PointKey(double qx, double qy, int t)
    {
        double dx = qx - _xs[t], dy = qy - _ys[t];
        return _norm == DistanceNorm.Euclidean ? (dx * dx) + (dy * dy) : Math.Max(Math.Abs(dx), Math.Abs(dy));
    }

    private int Cell(double x, double y) => (Row(y) * _columns) + Column(x);

    // A clamped cell coordinate: queries from another set (or a widened radius) may fall outside the grid.
    private int Column(double x)
    {
        double c = (x - _minX) * _inverseWidth;
        return c <= 0 ? 0 : c >= _columns - 1 ? _columns - 1 : (int)c;
    }

    private int Row(double y)
    {
        double c = (y - _minY) * _inverseHeight;
        return c <= 0 ? 0 : c >= _cellRows - 1 ? _cellRows - 1 : (int)c;
    }

    // A neighbour list the ring search fills: points are offered by slot and key.
    private interface INeighborList
    {
        // The k-th key held, +∞ until k are held: a point with a larger key can never enter.
        double Worst { get; }

        void Offer(int slot, double key);
    }

    // The k nearest by (key, row) with their rows, as Metric.Insert keeps them, skipping one row.
    private ref struct RowList(Span<double> keys, Span<int> rows, int[] rowOfSlot, int self) : INeighborList
    {
        private readonly Span<double> _keys = keys;
        private readonly Span<int> _rows = rows;
        private int _found;

        public double Worst { get; private set; } = double.PositiveInfinity;

        public void Offer(int slot, double key)
        {
            int row = rowOfSlot[slot];
            if (row != self)
            {
                Metric.Insert(_keys, _rows, ref _found, key, row);
                Worst = _found == _keys.Length ? _keys[^1] : double.PositiveInfinity;
            }
        }
    }

    // The k smallest keys alone, skipping one slot: a key equal to the k-th cannot change it, so only smaller ones enter.
    private ref struct KeyList(Span<double> keys, int self) : INeighborList
    {
        private readonly Span<double> _keys = keys;
        private int _found;

        public double Worst { get; private set; } = double.PositiveInfinity;

        public readonly int Capacity => _keys.Length;

        public void Offer(int slot, double key)
        {
            if (slot == self || key >= Worst)
            {
                return;
            }

            int i = _found < _keys.Length ? _found++ : _keys.Length - 1;
            while (i > 0 && _keys[i - 1] > key)
            {
                _keys[i] = _keys[i - 1];
                i--;
            }

            _keys[i] = key;
            Worst = _found == _keys.Length ? _keys[^1] : double.PositiveInfinity;
        }
    }
}
