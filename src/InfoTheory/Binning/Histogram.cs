using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Binning;

/// <summary>Bins learnt once from a reference sample, then used to assign or count any other sample.</summary>
/// <remarks>
/// <para>
/// <see cref="Fit"/> places the edges with a <see cref="BinningRule"/>; <see cref="Edges"/> holds them ascending, n + 1
/// values for n bins, as numpy returns them. Bin i is [eᵢ, eᵢ₊₁) and the last bin is closed, [eₙ₋₁, eₙ], numpy's rule.
/// Values outside [e₀, eₙ] follow the <see cref="OutOfRangePolicy"/> chosen at fit time; NaN is rejected with its index.
/// </para>
/// <para>
/// Counts are <c>long[]</c>, which <see cref="Entropy.FromCounts"/> and
/// <see cref="JointDistribution.FromCounts(ReadOnlySpan{long}, int, int)"/> take as they are; bin indices from
/// <see cref="Assign"/> are category indices, which <see cref="ContingencyTable.Add(ReadOnlySpan{int}, ReadOnlySpan{int})"/>
/// and <see cref="JointDistribution.FromSamples(ReadOnlySpan{int}, ReadOnlySpan{int})"/> take as they are; and
/// <see cref="CountJoint"/> fills a <see cref="ContingencyTable"/> of two histograms' bins directly. A histogram is
/// immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class Histogram
{
    /// <summary>The most bins a histogram may have (2²⁰), not counting the underflow and overflow bins of <see cref="OutOfRangePolicy.SeparateBins"/>.</summary>
    public const int MaxBins = 1 << 20;

    private readonly double[] _edges;

    private Histogram(double[] edges, BinningRule rule, OutOfRangePolicy outOfRange)
    {
        _edges = edges;
        Rule = rule;
        OutOfRange = outOfRange;
    }

    /// <summary>The bin edges, strictly ascending: n + 1 values for the n fitted bins.</summary>
    public ReadOnlySpan<double> Edges => _edges;

    /// <summary>The rule the edges were fitted with.</summary>
    public BinningRule Rule { get; }

    /// <summary>What happens to values outside [<c>Edges[0]</c>, <c>Edges[^1]</c>].</summary>
    public OutOfRangePolicy OutOfRange { get; }

    /// <summary>The number of bins counts and indices refer to: the n fitted bins, plus 2 under <see cref="OutOfRangePolicy.SeparateBins"/>.</summary>
    public int BinCount => _edges.Length - 1 + (OutOfRange == OutOfRangePolicy.SeparateBins ? 2 : 0);

    /// <summary>Learns bin edges from a reference sample.</summary>
    /// <remarks>
    /// numpy's rules and <see cref="BinningRule.EqualWidth"/> give <c>np.histogram_bin_edges(reference, rule)</c> bit for bit,
    /// <see cref="BinningRule.Quantile"/> gives <c>np.unique(np.quantile(reference, np.linspace(0, 1, k + 1)))</c>, and
    /// <see cref="BinningRule.Explicit"/> its own edges. Where numpy raises (too many bins for the range, e.g. a constant
    /// sample at 10³⁰⁰ whose ±½ widening rounds away), this throws. Costs one sort of a copy of
    /// <paramref name="reference"/> (none for explicit edges).
    /// </remarks>
    /// <param name="reference">The sample the edges are learnt from: at least one value, every one finite, max − min finite.</param>
    /// <param name="rule">How to place the edges.</param>
    /// <param name="outOfRange">What <see cref="Assign"/> and <see cref="Count(ReadOnlySpan{double})"/> do with values outside the edges; rejected by default.</param>
    /// <returns>The fitted histogram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty, holds a NaN or infinite value (the message gives its index), spans a range wider than <see cref="double.MaxValue"/>, or needs more than <see cref="MaxBins"/> bins or bins narrower than its values can resolve under <paramref name="rule"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outOfRange"/> is not a defined <see cref="OutOfRangePolicy"/>.</exception>
    public static Histogram Fit(ReadOnlySpan<double> reference, BinningRule rule, OutOfRangePolicy outOfRange = OutOfRangePolicy.Reject)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Guard.Defined(outOfRange, nameof(outOfRange));
        Guard.NotEmpty(reference.Length, nameof(reference));
        Guard.AllFinite(reference, nameof(reference));
        double[] edges = rule.Kind == BinningKind.Explicit ? rule.ExplicitEdges.ToArray() : FitEdges(reference, rule);
        return new Histogram(edges, rule, outOfRange);
    }

    /// <summary>The bin of one value.</summary>
    /// <param name="value">The value; not NaN.</param>
    /// <returns>Its bin index, in [0, <see cref="BinCount"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN, or outside the edges under <see cref="OutOfRangePolicy.Reject"/>.</exception>
    public int Bin(double value) => BinSearch.Bin(_edges, OutOfRange, value, 0, nameof(value));

    /// <summary>Writes the bin of every value: <c>bins[i]</c> is the bin of <c>values[i]</c>.</summary>
    /// <param name="values">The values to assign; none NaN.</param>
    /// <param name="bins">Receives the bin indices, each in [0, <see cref="BinCount"/>); the same length as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or (under <see cref="OutOfRangePolicy.Reject"/>) outside the edges; the message gives its index, and <paramref name="bins"/> may be partly written.</exception>
    public void Assign(ReadOnlySpan<double> values, Span<int> bins)
    {
        Guard.SameLength(values.Length, bins.Length, nameof(values), nameof(bins));
        BinSearch.Assign(_edges, OutOfRange, values, bins, nameof(values));
    }

    /// <summary>How many values fall in each bin.</summary>
    /// <param name="values">The values to count (may be empty); none NaN.</param>
    /// <returns>A new array of <see cref="BinCount"/> counts summing to <c>values.Length</c>.</returns>
    /// <exception cref="ArgumentException">A value is NaN or (under <see cref="OutOfRangePolicy.Reject"/>) outside the edges; the message gives its index.</exception>
    public long[] Count(ReadOnlySpan<double> values)
    {
        var counts = new long[BinCount];
        BinSearch.Count(_edges, OutOfRange, values, counts, nameof(values), SimdWidths.Best);
        return counts;
    }

    /// <summary>Adds how many values fall in each bin to <paramref name="counts"/>, so a stream can be counted chunk by chunk.</summary>
    /// <param name="values">The values to count (may be empty); none NaN.</param>
    /// <param name="counts">The running counts, <see cref="BinCount"/> of them; left unchanged when this throws.</param>
    /// <exception cref="ArgumentException"><paramref name="counts"/> does not have <see cref="BinCount"/> entries or a count would pass <see cref="long.MaxValue"/>, or a value is NaN or (under <see cref="OutOfRangePolicy.Reject"/>) outside the edges (the message gives its index).</exception>
    public void Count(ReadOnlySpan<double> values, Span<long> counts)
    {
        if (counts.Length != BinCount)
        {
            throw new ArgumentException($"{nameof(counts)} has length {counts.Length}; this histogram counts into {BinCount} bins.", nameof(counts));
        }

        BinSearch.Count(_edges, OutOfRange, values, counts, nameof(values), SimdWidths.Best);
    }

    /// <summary>Counts the pairs (x[i], y[i]) by their bins: a contingency table with this histogram's bins as rows and <paramref name="columns"/>' as columns.</summary>
    /// <remarks>
    /// The table is declared <see cref="BinCount"/> × <c>columns.BinCount</c>, so empty end bins keep their rows and columns
    /// and tables of different chunks <see cref="ContingencyTable.Merge"/> exactly. <see cref="MutualInformation.Of"/> of its
    /// <see cref="ContingencyTable.ToJointDistribution"/> is the binned mutual information. Assigns in blocks of pooled buffers;
    /// nothing of size n is allocated.
    /// </remarks>
    /// <param name="x">The row values; none NaN.</param>
    /// <param name="columns">The histogram of the column values.</param>
    /// <param name="y">The column values, as many as <paramref name="x"/>; none NaN.</param>
    /// <returns>The table of bin pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or outside its histogram's edges under <see cref="OutOfRangePolicy.Reject"/> (the message gives its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The two bin counts multiply to more than <see cref="ContingencyTable.MaxCells"/>.</exception>
    public ContingencyTable CountJoint(ReadOnlySpan<double> x, Histogram columns, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        if ((long)BinCount * columns.BinCount > ContingencyTable.MaxCells)
        {
            throw new ArgumentOutOfRangeException(
                nameof(columns), $"{BinCount} × {columns.BinCount} bins make more than the {ContingencyTable.MaxCells} cells a contingency table may hold.");
        }

        var table = new ContingencyTable(BinCount, columns.BinCount);
        const int Block = 1024;
        Span<int> rows = stackalloc int[Block];
        Span<int> cells = stackalloc int[Block];
        for (int start = 0; start < x.Length; start += Block)
        {
            int length = Math.Min(Block, x.Length - start);
            BinSearch.Assign(_edges, OutOfRange, x.Slice(start, length), rows[..length], nameof(x), start);
            BinSearch.Assign(columns._edges, columns.OutOfRange, y.Slice(start, length), cells[..length], nameof(y), start);
            table.Add(rows[..length], cells[..length]);
        }

        return table;
    }

    private static double[] FitEdges(ReadOnlySpan<double> reference, BinningRule rule)
    {
        double[] sorted = reference.ToArray();
        Array.Sort(sorted);
        double min = sorted[0], max = sorted[^1];
        if (!double.IsFinite(max - min))
        {
            throw new ArgumentException(
                $"{nameof(reference)} spans [{Guard.Format(min)}, {Guard.Format(max)}], a range wider than the largest double; bins cannot be placed over it.",
                nameof(reference));
        }

        double[] edges;
        if (rule.Kind == BinningKind.Quantile)
        {
            double[] levels = NumpyBinEdges.Linspace(0, 1, rule.Bins + 1);
            edges = new double[levels.Length];
            for (int i = 0; i < levels.Length; i++)
            {
                edges[i] = NumpyBinEdges.Percentile(sorted, levels[i]);
            }

            // np.unique: sorted distinct values; a constant sample keeps one value and is widened below as numpy widens it.
            Array.Sort(edges);
            edges = edges.Distinct().ToArray();
            if (edges.Length == 1)
            {
                edges = NumpyBinEdges.Linspace(min - 0.5, max + 0.5, 2);
            }
        }
        else
        {
            // numpy's _get_outer_edges: an empty range is widened by ½ on either side.
            double first = min == max ? min - 0.5 : min;
            double last = min == max ? max + 0.5 : max;
            double count = rule.Kind == BinningKind.EqualWidth
                ? rule.Bins
                : NumpyBinEdges.BinCount(first, last, NumpyBinEdges.Width(rule.Kind, reference, sorted));
            if (!(count >= 1))
            {
                throw new ArgumentException(
                    $"The {rule} rule's bin width over {nameof(reference)} overflows (its spread is too large to square); numpy returns no bins here. "
                    + "Choose BinningRule.EqualWidth, BinningRule.Quantile or a rule without variance, such as BinningRule.Sturges.",
                    nameof(reference));
            }

            if (count > MaxBins)
            {
                throw new ArgumentException(
                    $"The {rule} rule asks for {Guard.Format(count)} bins over {nameof(reference)}'s range [{Guard.Format(min)}, {Guard.Format(max)}], "
                    + $"more than the {MaxBins} a histogram may have; choose BinningRule.EqualWidth or BinningRule.Quantile.",
                    nameof(reference));
            }

            edges = NumpyBinEdges.Linspace(first, last, (int)count + 1);
        }

        for (int i = 1; i < edges.Length; i++)
        {
            if (!(edges[i] > edges[i - 1]))
            {
                throw new ArgumentException(
                    $"{rule} cannot make {edges.Length - 1} distinct bins over {nameof(reference)}'s range [{Guard.Format(edges[0])}, {Guard.Format(edges[^1])}]: "
                    + "adjacent edges round to the same double (numpy raises 'Too many bins for data range' here).",
                    nameof(reference));
            }
        }

        return edges;
    }
}
