using System.Buffers;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Continuous;

public static partial class Knn
{
    /// <summary>The Ross estimate of the mutual information I(X; L) between continuous points X and class labels L.</summary>
    /// <remarks>
    /// <para>
    /// Î = ψ(N) + ⟨ψ(kᵢ)⟩ − ⟨ψ(N_ℓ(i))⟩ − ⟨ψ(mᵢ)⟩, where for row i with label ℓ(i), shared by N_ℓ rows, dᵢ is the distance to its
    /// kᵢ-th nearest neighbour among the rows of the same label (kᵢ = min(k, N_ℓ − 1)) and mᵢ counts the rows of any label
    /// closer than dᵢ, row i included. B. C. Ross (2014), "Mutual information between discrete and continuous data sets",
    /// PLoS ONE 9(2), e87357; the estimator behind scikit-learn's <c>mutual_info_classif</c>, and equal to its
    /// <c>_compute_mi_cd</c> on the same data (which counts within <c>nextafter(d, 0)</c>, i.e. strictly closer).
    /// </para>
    /// <para>
    /// As in scikit-learn, rows whose label occurs once are left out (N counts the rest) and k is capped per label. Unlike it,
    /// no noise is added, nothing is rescaled unless <see cref="KnnOptions.Standardize"/> asks, and the estimate is not
    /// clamped at 0: at independence it scatters around 0 and can be slightly negative (scikit-learn reports max(0, Î)).
    /// Distances use <see cref="KnnOptions.Norm"/> (in one dimension every norm is |x − x'|, compared unsquared). Rows
    /// with equal x but different labels are fine; a row that coincides with kᵢ or more rows of its own label
    /// (dᵢ = 0) is rejected before any search, as the class remarks describe.
    /// </para>
    /// <para>
    /// Labels are categories: pass them as integers, strings or enums. A <c>double</c> span followed by a fourth integer,
    /// <c>MutualInformation(x, 1, y, 1)</c>, is KSG's <c>(x, xDimension, y, yDimension)</c>, which takes precedence.
    /// </para>
    /// </remarks>
    /// <typeparam name="TLabel">The label type: any equatable value (int, string, enum, …).</typeparam>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="dimension">The dimension of X, ≥ 1.</param>
    /// <param name="labels">The label of each row of <paramref name="x"/>; none null.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1 (capped at N_ℓ − 1 within each label); 3 by default, as scikit-learn.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; L) in the unit of <paramref name="options"/>, at most about ln(number of labels); near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentException">The length of x is not a multiple of the dimension, a value is NaN or infinite, the row and label counts differ, a label is null, every label occurs once, a row coincides with kᵢ or more rows of its own label (tied; see the class remarks and <see cref="KnnOptions.Jitter"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1, <paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MutualInformation<TLabel>(ReadOnlySpan<double> x, int dimension, ReadOnlySpan<TLabel> labels, int k = 3, KnnOptions? options = null)
        where TLabel : notnull
    {
        var xs = SamplePreparation.Copy(x, dimension, nameof(x), nameof(dimension));
        return LabelledCore(xs, dimension, labels, k, options ?? KnnOptions.Default);
    }

    /// <summary>The Ross estimate of I(X; L) between points X, one per row, and their class labels L.</summary>
    /// <remarks>As <see cref="MutualInformation{TLabel}(ReadOnlySpan{double}, int, ReadOnlySpan{TLabel}, int, KnnOptions?)"/>; Ross (2014), PLoS ONE 9(2), e87357.</remarks>
    /// <typeparam name="TLabel">The label type: any equatable value (int, string, enum, …).</typeparam>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="labels">The label of each row of <paramref name="x"/>; none null.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1 (capped at N_ℓ − 1 within each label); 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; L) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row and label counts differ, a label is null, every label occurs once, a row coincides with kᵢ or more rows of its own label (tied; see the class remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MutualInformation<TLabel>(double[,] x, ReadOnlySpan<TLabel> labels, int k = 3, KnnOptions? options = null)
        where TLabel : notnull
    {
        var xs = SamplePreparation.Flatten(x, nameof(x));
        return LabelledCore(xs, x.GetLength(1), labels, k, options ?? KnnOptions.Default);
    }

    private static Estimate LabelledCore<TLabel>(double[] xs, int d, ReadOnlySpan<TLabel> labels, int k, KnnOptions options)
        where TLabel : notnull
    {
        Guard.SameRows(xs.Length / d, labels.Length, "x", nameof(labels));
        int[] rented = ArrayPool<int>.Shared.Rent(labels.Length);
        try
        {
            Span<int> codes = rented.AsSpan(0, labels.Length);
            int classes = labels.IsEmpty ? 0 : LabelCounting.Encode(labels, codes, nameof(labels));
            return LabelledCore(xs, d, new Operand("x", "X"), codes, classes, new Operand(nameof(labels), nameof(labels)), k, options);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    // <summary>
    // Ross's estimator on a validated copy <paramref name="xs"/> (left untouched) whose rows carry the dense label codes
    // <paramref name="codes"/> in [0, <paramref name="classes"/>); the names are the public caller's.
    // </summary>
    internal static Estimate LabelledCore(double[] xs, int d, Operand xRole, ReadOnlySpan<int> codes, int classes, Operand labelsRole, int k, KnnOptions options)
    {
        int n = xs.Length / d;
        Guard.NeighborOrder(k, n - 1, nameof(k), xRole.Name);
        var sizes = new int[classes];
        foreach (int c in codes)
        {
            sizes[c]++;
        }

        // Rows whose label occurs once have no neighbour of their own label; scikit-learn leaves them out, and so do we.
        var kept = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            if (sizes[codes[i]] > 1)
            {
                kept.Add(i);
            }
        }

        Guard.RepeatedLabel(kept.Count, n, labelsRole.Name, labelsRole.Description);
        for (int c = 0; c < classes; c++)
        {
            sizes[c] = sizes[c] > 1 ? sizes[c] : 0;
        }

        int rows = kept.Count;
        var points = new double[rows * d];
        var label = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            xs.AsSpan(kept[r] * d, d).CopyTo(points.AsSpan(r * d, d));
            label[r] = codes[kept[r]];
        }

        Prepare(options, (points, d));
        DistanceNorm norm = d == 1 ? DistanceNorm.Maximum : options.Norm;
        SamplePreparation.ScaleIntoRange(norm, points);
        bool line = d == 1 && options.Search == NeighborSearch.KdTree;
        var (indexes, local) = LabelIndexes(points, d, label, sizes, kept, xRole, labelsRole, k, norm, line ? null : options.Search);
        var terms = new double[rows];
        if (line)
        {
            LineTerms(points, label, sizes, k, terms);
            return Summarize(terms, SpecialFunctions.DiGamma(rows), 1.0, options.Unit);
        }

        var all = SamplePreparation.Index(points, d, norm, options.Search);

        // Plane grids rent their arrays: returned after the queries, they serve the next shuffle or estimate.
        using var releaseAll = all as IDisposable;
        var logRadius = new double[rows];
        ForEachPoint(all, k, options.MaxDegreeOfParallelism, (i, keys, neighbours) =>
        {
            int size = sizes[label[i]];
            int order = Math.Min(k, size - 1);
            var point = points.AsSpan(i * d, d);
            indexes[label[i]]!.Nearest(point, local[i], keys[..order], neighbours[..order]);
            logRadius[i] = Metric.LogDistance(keys[order - 1], norm);

            // A positive radius (ties within a label were rejected) makes the strict count include row i itself.
            int within = all.CountWithin(point, keys[order - 1], inclusive: false);
            terms[i] = SpecialFunctions.DiGamma(order) - SpecialFunctions.DiGamma(size) - SpecialFunctions.DiGamma(within);
        });

        foreach (var index in indexes)
        {
            (index as IDisposable)?.Dispose();
        }

        // Untied rows can still meet a zero radius key: a Euclidean distance too small to square beside the largest coordinate.
        ThrowIfZeroDistance(logRadius, xRole.Name, k);
        return Summarize(terms, SpecialFunctions.DiGamma(rows), 1.0, options.Unit);
    }

    // The one-dimensional path: one sort of all values, each label's values in ascending order beside it, then per row an
    // O(k) walk outwards within its label for the radius and an O(log m) gallop in the full order for m. The distances are
    // the same subtractions the sorted line index makes, so the terms are bit for bit those of the general path.
    private static void LineTerms(double[] values, int[] label, int[] sizes, int k, double[] terms)
    {
        int n = values.Length;
        var sorted = (double[])values.Clone();
        var rows = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        Array.Sort(sorted, rows);
        var start = new int[sizes.Length];
        for (int c = 1; c < sizes.Length; c++)
        {
            start[c] = start[c - 1] + sizes[c - 1];
        }

        var next = (int[])start.Clone();
        using var digamma = new DigammaTable(n);
        var byLabel = new double[n];
        var slot = new int[n];
        for (int p = 0; p < n; p++)
        {
            int c = label[rows[p]];
            slot[p] = next[c];
            byLabel[next[c]++] = sorted[p];
        }

        for (int p = 0; p < n; p++)
        {
            int c = label[rows[p]];
            int size = sizes[c], order = Math.Min(k, size - 1);
            int first = start[c], last = first + size - 1, lo = slot[p], hi = slot[p];
            double v = sorted[p], radius = 0;

            // Distances only grow outwards on either side, so taking the nearer side k times ends at the k-th distance.
            for (int t = 0; t < order; t++)
            {
                double left = lo > first ? v - byLabel[lo - 1] : double.PositiveInfinity;
                double right = hi < last ? byLabel[hi + 1] - v : double.PositiveInfinity;
                if (left <= right)
                {
                    lo--;
                    radius = left;
                }
                else
                {
                    hi++;
                    radius = right;
                }
            }

            terms[rows[p]] = digamma.Of(order) - digamma.Of(size) - digamma.Of(CloserThan(sorted, p, radius));
        }
    }

    // How many sorted values lie strictly closer than radius > 0 to sorted[p] (itself included): a gallop out to each side,
    // then a binary search, O(log m) for m values found.
    private static int CloserThan(double[] sorted, int p, double radius)
    {
        double v = sorted[p];
        int inside = p, step = 1;
        while (inside - step >= 0 && v - sorted[inside - step] < radius)
        {
            inside -= step;
            step *= 2;
        }

        int lo = Math.Max(inside - step, -1), hi = inside;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = v - sorted[mid] < radius ? (lo, mid) : (mid, hi);
        }

        int left = hi;
        inside = p;
        step = 1;
        while (inside + step < sorted.Length && sorted[inside + step] - v < radius)
        {
            inside += step;
            step *= 2;
        }

        lo = inside;
        hi = Math.Min(inside + step, sorted.Length);
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = sorted[mid] - v < radius ? (mid, hi) : (lo, mid);
        }

        return lo - left + 1;
    }

    // Each label's rows (in row order) checked for ties at the label's own neighbour order, then given a neighbour index
    // unless search is null (the one-dimensional path needs none); and each row's position within its label's index.
    private static (INeighborIndex?[] Indexes, int[] Local) LabelIndexes(
        double[] points, int d, int[] label, int[] sizes, List<int> original, Operand xRole, Operand labelsRole, int k, DistanceNorm norm, NeighborSearch? search)
    {
        int rows = label.Length;
        var local = new int[rows];
        var members = new int[sizes.Length][];
        var filled = new int[sizes.Length];
        for (int r = 0; r < rows; r++)
        {
            int c = label[r];
            members[c] ??= new int[sizes[c]];
            local[r] = filled[c];
            members[c][filled[c]++] = r;
        }

        var indexes = new INeighborIndex?[sizes.Length];
        for (int c = 0; c < sizes.Length; c++)
        {
            if (members[c] is not { } rowsOfLabel)
            {
                continue;
            }

            var subset = new double[rowsOfLabel.Length * d];
            var callerRows = new int[rowsOfLabel.Length];
            for (int t = 0; t < rowsOfLabel.Length; t++)
            {
                points.AsSpan(rowsOfLabel[t] * d, d).CopyTo(subset.AsSpan(t * d, d));
                callerRows[t] = original[rowsOfLabel[t]];
            }

            Guard.Untied(
                subset, d, Math.Min(k, rowsOfLabel.Length - 1), xRole.Name,
                $"{xRole.Description} among the rows that share the label of row {callerRows[0]} in {labelsRole.Description}, where Ross finds the k-th neighbour",
                callerRows);
            indexes[c] = search is { } kind ? SamplePreparation.Index(subset, d, norm, kind) : null;
        }

        return (indexes, local);
    }
}
