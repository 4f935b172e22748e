using System.Buffers;
using System.Numerics.Tensors;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <content>
/// The pooled paths of the commonest calls, KSG on scalar pairs, Kozachenko–Leonenko on plane points and Wang–Kulkarni–Verdú
/// on scalars or plane points: every buffer is rented from <see cref="ArrayPool{T}.Shared"/> and returned, the marginals and
/// scalar sets are radix-sorted, the grid queries run from the grid's own cell-ordered copy, and the marginal counts run in
/// sorted order from a bucket table's guess of where each radius ends, so neighbouring queries share cache lines.
/// They compute the same keys, counts and terms, summed in the same order, as the general path, so the results are
/// bit for bit the same; they hand the call to the general path whenever its extra work is needed (standardisation,
/// jitter, brute force, ties to report, a grid declined), which then runs from the caller's data as before.
/// </content>
public static partial class Knn
{
    // Below this many rows the general path is as fast and the grid declines anyway.
    private const int PooledMinimum = 64;

    // Neighbour lists up to this long live on the stack.
    private const int StackNeighbors = 64;

    private delegate void SlotBody(int slot, Span<double> keys, Span<int> rows);

    // <summary>KSG on validated scalar pairs with the pooled path, or null when the general path must run.</summary>
    private static Estimate? TryScalarKsg(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k, KnnOptions options)
    {
        int n = x.Length;
        if (options.Standardize || options.Jitter != 0 || options.Search != NeighborSearch.KdTree || n < PooledMinimum)
        {
            return null;
        }

        var doubles = ArrayPool<double>.Shared;
        var ints = ArrayPool<int>.Shared;
        double[] xs = doubles.Rent(n), ys = doubles.Rent(n), sx = doubles.Rent(n), sy = doubles.Rent(n);
        double[] ex = doubles.Rent(n), ey = doubles.Rent(n);
        int[] rx = ints.Rent(n), ry = ints.Rent(n), nx = ints.Rent(n), ny = ints.Rent(n);
        PlaneGrid? grid = null;
        try
        {
            x.CopyTo(xs);
            y.CopyTo(ys);
            SamplePreparation.ScaleIntoRange(DistanceNorm.Maximum, xs.AsSpan(0, n), ys.AsSpan(0, n));

            // A tie in a marginal is for the general path to report, in its words.
            if (!SortedUntied(xs.AsSpan(0, n), sx.AsSpan(0, n), rx.AsSpan(0, n), k) || !SortedUntied(ys.AsSpan(0, n), sy.AsSpan(0, n), ry.AsSpan(0, n), k))
            {
                return null;
            }

            grid = PlaneGrid.TryCreate(xs, ys, 1, n, DistanceNorm.Maximum, blocks: options.Algorithm == KsgAlgorithm.One && PlaneGrid.BlocksPay(k));
            if (grid is null)
            {
                return null;
            }

            bool first = options.Algorithm == KsgAlgorithm.One;
            var joint = grid;
            ForEachSlot(n, k, options.MaxDegreeOfParallelism, (slot, keys, rows) =>
            {
                int i = joint.RowAt(slot);
                if (first)
                {
                    // Algorithm 1 needs only the k-th key, which the rows of tied neighbours never change.
                    ex[i] = joint.KthKeyOfSlot(slot, keys);
                    return;
                }

                joint.NearestOfSlot(slot, keys, rows);

                // Algorithm 2: the marginal radii are the largest marginal distances to the k neighbours.
                double a = 0, b = 0;
                foreach (int j in rows)
                {
                    a = Math.Max(a, Metric.Key(xs[i], xs[j], DistanceNorm.Maximum));
                    b = Math.Max(b, Metric.Key(ys[i], ys[j], DistanceNorm.Maximum));
                }

                (ex[i], ey[i]) = (a, b);
            });

            // Algorithm 1 counts strictly inside ε less the row itself (when ε > 0 it passes); algorithm 2 inclusively less itself.
            double[] yRadii = first ? ex : ey;
            using (var xCounter = new SortedLineCounter(sx, n, DistanceNorm.Maximum))
            using (var yCounter = new SortedLineCounter(sy, n, DistanceNorm.Maximum))
            {
                ForEachSlot(n, 1, options.MaxDegreeOfParallelism, (s, _, _) =>
                {
                    int i = rx[s];
                    nx[i] = xCounter.CountAround(s, ex[i], inclusive: !first) - (first ? (ex[i] > 0 ? 1 : 0) : 1);
                    i = ry[s];
                    ny[i] = yCounter.CountAround(s, yRadii[i], inclusive: !first) - (first ? (yRadii[i] > 0 ? 1 : 0) : 1);
                });
            }

            // The terms in row order, as the general path sums them; sx is free again and holds them.
            double[] terms = sx;
            using (var digamma = new DigammaTable(n))
            {
                int shift = first ? 1 : 0;
                for (int i = 0; i < n; i++)
                {
                    terms[i] = digamma.Of(nx[i] + shift) + digamma.Of(ny[i] + shift);
                }
            }

            double offset = MathNet.Numerics.SpecialFunctions.DiGamma(k) + MathNet.Numerics.SpecialFunctions.DiGamma(n) - (first ? 0.0 : 1.0 / k);
            return Summarize(terms.AsSpan(0, n), offset, -1.0, options.Unit);
        }
        finally
        {
            grid?.Dispose();
            foreach (double[] buffer in (ReadOnlySpan<double[]>)[xs, ys, sx, sy, ex, ey])
            {
                doubles.Return(buffer);
            }

            foreach (int[] buffer in (ReadOnlySpan<int[]>)[rx, ry, nx, ny])
            {
                ints.Return(buffer);
            }
        }
    }

    // <summary>Kozachenko–Leonenko on validated plane points with the pooled path, or null when the general path must run.</summary>
    private static Estimate? TryPlaneEntropy(ReadOnlySpan<double> samples, int k, KnnOptions options, string name)
    {
        const int d = 2;
        int n = samples.Length / d;
        if (options.Standardize || options.Jitter != 0 || options.Search != NeighborSearch.KdTree || n < PooledMinimum)
        {
            return null;
        }

        double[] points = ArrayPool<double>.Shared.Rent(samples.Length), terms = ArrayPool<double>.Shared.Rent(n);
        PlaneGrid? grid = null;
        try
        {
            samples.CopyTo(points);
            double logScale = -d * SamplePreparation.ScaleIntoRange(options.Norm, points.AsSpan(0, samples.Length), []) * Numerics.Ln2;
            // Equal points share a cell, so the grid finds rows with k or more copies (for the general path to report)
            // by comparing within its crowded cells, in a fraction of a hash census's time.
            grid = PlaneGrid.TryCreate(points, points.AsSpan(1), d, n, options.Norm, PlaneGrid.BlocksPay(k));
            if (grid is null || grid.HasCrowdedPoint(k))
            {
                return null;
            }

            var plane = grid;
            ForEachSlot(n, k, options.MaxDegreeOfParallelism, (slot, keys, rows) =>
            {
                terms[plane.RowAt(slot)] = d * Metric.LogDistance(plane.KthKeyOfSlot(slot, keys), options.Norm);
            });

            ThrowIfZeroDistance(terms.AsSpan(0, n), name, k);
            double logVolume = options.Norm == DistanceNorm.Euclidean
                ? (0.5 * d * Numerics.LnPi) - MathNet.Numerics.SpecialFunctions.GammaLn((0.5 * d) + 1)
                : d * Numerics.Ln2;
            double offset = MathNet.Numerics.SpecialFunctions.DiGamma(n) - MathNet.Numerics.SpecialFunctions.DiGamma(k) + logVolume + logScale;
            return Summarize(terms.AsSpan(0, n), offset, 1.0, options.Unit);
        }
        finally
        {
            grid?.Dispose();
            ArrayPool<double>.Shared.Return(points);
            ArrayPool<double>.Shared.Return(terms);
        }
    }

    // <summary>Wang–Kulkarni–Verdú on validated scalars (d = 1) or plane points (d = 2) with the pooled path, or null when the general path must run.</summary>
    private static Estimate? TryPooledKullbackLeibler(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int d, int k, KnnOptions options)
    {
        int n = x.Length / d, m = y.Length / d;
        if (options.Standardize || options.Jitter != 0 || options.Search != NeighborSearch.KdTree || n < PooledMinimum || m < PooledMinimum)
        {
            return null;
        }

        var doubles = ArrayPool<double>.Shared;
        double[] xs = doubles.Rent(x.Length), ys = doubles.Rent(y.Length), terms = doubles.Rent(n);
        try
        {
            x.CopyTo(xs);
            y.CopyTo(ys);
            SamplePreparation.ScaleIntoRange(options.Norm, xs.AsSpan(0, x.Length), ys.AsSpan(0, y.Length));
            bool computed = d == 1
                ? LineDivergenceTerms(xs, n, ys, m, k, options.Norm, terms)
                : PlaneDivergenceTerms(xs, n, ys, m, k, options, terms);

            // A key of 0 (only a Euclidean distance too small to square, ties being excluded) makes a term infinite or NaN:
            // the general path reports it, in its words.
            if (!computed || !TensorPrimitives.IsFiniteAll<double>(terms.AsSpan(0, n)))
            {
                return null;
            }

            return Summarize(terms.AsSpan(0, n), Math.Log(m / (n - 1.0)), 1.0, options.Unit);
        }
        finally
        {
            doubles.Return(xs);
            doubles.Return(ys);
            doubles.Return(terms);
        }
    }

    // <summary>
    // The terms d·ln ν − d·ln ρ of plane points by row, each point's two queries in the cell order of the grid over x; false
    // when the general path must run (a tie or a shared point to report, a grid declined).
    // </summary>
    private static bool PlaneDivergenceTerms(double[] xs, int n, double[] ys, int m, int k, KnnOptions options, double[] terms)
    {
        const int d = 2;
        PlaneGrid? xGrid = null, yGrid = null;
        try
        {
            Action buildX = () => xGrid = PlaneGrid.TryCreate(xs, xs.AsSpan(1), d, n, options.Norm, PlaneGrid.BlocksPay(k));
            Action buildY = () => yGrid = PlaneGrid.TryCreate(ys, ys.AsSpan(1), d, m, options.Norm, PlaneGrid.BlocksPay(k));
            if (options.MaxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1)
            {
                buildX();
                buildY();
            }
            else
            {
                // The two grids read the data alone and write their own results (the queries can only start after both).
                Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, buildX, buildY);
            }

            // Equal points share a cell, so the grids find rows of x with k or more copies and rows of x that are also rows
            // of y (both for the general path to report) by comparing within cells, in a fraction of a hash census's time.
            if (xGrid is null || yGrid is null || xGrid.HasCrowdedPoint(k) || xGrid.SharesAPointWith(yGrid))
            {
                return false;
            }

            (PlaneGrid own, PlaneGrid other, DistanceNorm norm) = (xGrid, yGrid, options.Norm);
            ForEachSlot(n, k, options.MaxDegreeOfParallelism, (slot, keys, _) =>
            {
                // The query of y's set comes from outside it, so no point is skipped (self −1 on the general path).
                var (qx, qy) = own.PointOfSlot(slot);
                double rho = own.KthKeyOfSlot(slot, keys);
                double nu = other.KthKeyFrom(qx, qy, keys);
                terms[own.RowAt(slot)] = (d * Metric.LogDistance(nu, norm)) - (d * Metric.LogDistance(rho, norm));
            });

            return true;
        }
        finally
        {
            xGrid?.Dispose();
            yGrid?.Dispose();
        }
    }

    // <summary>
    // The terms ln ν − ln ρ of scalars by row (d = 1, whose factor changes no bit): both sets radix-sorted, x swept in
    // order with its lower bound in y advancing alongside, each k-th key found by walking outwards from the query's place;
    // false when the general path must run (a tie or a shared value to report).
    // </summary>
    private static bool LineDivergenceTerms(double[] xs, int n, double[] ys, int m, int k, DistanceNorm norm, double[] terms)
    {
        var doubles = ArrayPool<double>.Shared;
        var ints = ArrayPool<int>.Shared;
        double[] sx = doubles.Rent(n), sy = doubles.Rent(m);
        int[] rx = ints.Rent(n), ry = ints.Rent(m);
        try
        {
            if (!SortedUntied(xs.AsSpan(0, n), sx.AsSpan(0, n), rx.AsSpan(0, n), k))
            {
                return false;
            }

            RadixSort.SortWithRows(ys.AsSpan(0, m), sy.AsSpan(0, m), ry.AsSpan(0, m));
            ReadOnlySpan<double> own = sx.AsSpan(0, n), other = sy.AsSpan(0, m);
            int bound = 0;
            for (int s = 0; s < n; s++)
            {
                double q = own[s];
                while (bound < m && other[bound] < q)
                {
                    bound++;
                }

                // A value of x that is also a value of y (0 = −0) is for the general path to report.
                if (bound < m && other[bound] == q)
                {
                    return false;
                }

                double rho = SortedLineIndex.KthKeyBetween(own, q, s - 1, s + 1, k, norm);
                double nu = SortedLineIndex.KthKeyBetween(other, q, bound - 1, bound, k, norm);
                terms[rx[s]] = Metric.LogDistance(nu, norm) - Metric.LogDistance(rho, norm);
            }

            return true;
        }
        finally
        {
            doubles.Return(sx);
            doubles.Return(sy);
            ints.Return(rx);
            ints.Return(ry);
        }
    }

    // <summary>
    // Sorts <paramref name="values"/> into <paramref name="sorted"/> with their rows in <paramref name="rows"/>; false when a
    // value occurs more than <paramref name="k"/> times (a row with k or more copies: tied, as Guard.Untied decides, 0 = −0).
    // </summary>
    private static bool SortedUntied(ReadOnlySpan<double> values, Span<double> sorted, Span<int> rows, int k)
    {
        RadixSort.SortWithRows(values, sorted, rows);
        int run = 1;
        for (int s = 1; s < sorted.Length; s++)
        {
            run = sorted[s] == sorted[s - 1] ? run + 1 : 1;
            if (run > k)
            {
                return false;
            }
        }

        return true;
    }

    // Runs body for slots 0 … count − 1 in fixed chunks; each call writes only its own row's slots, so the result never
    // depends on how many threads ran or in which order. The neighbour lists are per chunk, on the stack when short.
    private static void ForEachSlot(int count, int k, int maxDegreeOfParallelism, SlotBody body)
    {
        int chunks = (count + Chunk - 1) / Chunk;
        if (chunks == 1 || maxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1)
        {
            RunSlots(0, count, k, body);
            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c => RunSlots(c * Chunk, Math.Min(count, (c + 1) * Chunk), k, body));
    }

    private static void RunSlots(int start, int end, int k, SlotBody body)
    {
        Span<double> keys = k <= StackNeighbors ? stackalloc double[k] : new double[k];
        Span<int> rows = k <= StackNeighbors ? stackalloc int[k] : new int[k];
        for (int slot = start; slot < end; slot++)
        {
            body(slot, keys, rows);
        }
    }
}
