using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Binning;

/// <summary>How <see cref="Histogram.Fit"/> places bin edges on a reference sample: one of numpy's rules, equal widths, quantiles, or edges given.</summary>
/// <remarks>
/// A closed set of immutable values, each made by a static member: <see cref="Auto"/>, <see cref="FreedmanDiaconis"/>,
/// <see cref="Scott"/>, <see cref="Sturges"/>, <see cref="Rice"/>, <see cref="Doane"/> and <see cref="SquareRoot"/> are the
/// rules of numpy's <c>np.histogram_bin_edges(x, bins=name)</c> and give the same edges to the last bit; a rule computes a
/// width h from the data, the bin count is ⌈(max − min)/h⌉ (1 when h = 0), and the edges are
/// <c>np.linspace(min, max, count + 1)</c>, a constant sample widening its range to [x − ½, x + ½] first.
/// <see cref="EqualWidth"/> is <c>np.histogram_bin_edges(x, bins=k)</c>, <see cref="Quantile"/> puts edges at the
/// sample's quantiles, <see cref="Explicit"/> takes them as given. Rules compare by value.
/// </remarks>
public sealed record BinningRule
{
    private readonly double[]? _edges;

    private BinningRule(BinningKind kind, int bins = 0, double[]? edges = null)
    {
        Kind = kind;
        Bins = bins;
        _edges = edges;
    }

    /// <summary>numpy's <c>'auto'</c> (numpy ≥ 2.3): the smaller of the Sturges width and the Freedman–Diaconis width, the latter raised to at least half the square-root width.</summary>
    /// <remarks>
    /// h = min(max(h_FD, h_sqrt/2), h_Sturges). The floor h_sqrt/2 (numpy 2.3, numpy PR 28426) keeps a sample with
    /// a few far outliers from asking for millions of bins; numpy before 2.3 used min(h_FD, h_Sturges), and h_Sturges when
    /// h_FD = 0, so the two differ only where h_FD &lt; h_sqrt/2.
    /// </remarks>
    public static BinningRule Auto { get; } = new(BinningKind.Auto);

    /// <summary>The Freedman–Diaconis rule, numpy's <c>'fd'</c>: h = 2·IQR·n^(−1/3), robust to outliers.</summary>
    /// <remarks>IQR is the difference of the 75th and 25th percentiles (linear interpolation); a zero IQR gives one bin, as in numpy. D. Freedman and P. Diaconis, "On the histogram as a density estimator: L2 theory", Z. Wahrscheinlichkeitstheorie verw. Gebiete 57 (1981) 453–476.</remarks>
    public static BinningRule FreedmanDiaconis { get; } = new(BinningKind.FreedmanDiaconis);

    /// <summary>Scott's rule, numpy's <c>'scott'</c>: h = (24√π / n)^(1/3)·σ, optimal for normal data.</summary>
    /// <remarks>σ is the population standard deviation, summed in numpy's pairwise order. D. W. Scott, "On optimal and data-based histograms", Biometrika 66 (1979) 605–610.</remarks>
    public static BinningRule Scott { get; } = new(BinningKind.Scott);

    /// <summary>Sturges' rule, numpy's <c>'sturges'</c>: h = (max − min)/(log₂ n + 1).</summary>
    /// <remarks>H. A. Sturges, "The choice of a class interval", Journal of the American Statistical Association 21 (1926) 65–66.</remarks>
    public static BinningRule Sturges { get; } = new(BinningKind.Sturges);

    /// <summary>The Rice rule, numpy's <c>'rice'</c>: h = (max − min)/(2·n^(1/3)).</summary>
    public static BinningRule Rice { get; } = new(BinningKind.Rice);

    /// <summary>Doane's rule, numpy's <c>'doane'</c>: Sturges' rule widened for skewed data.</summary>
    /// <remarks>
    /// h = (max − min)/(1 + log₂ n + log₂(1 + |g₁|/σ_g₁)) with g₁ the sample skewness and σ_g₁ = √(6(n − 2)/((n + 1)(n + 3)));
    /// one bin when n ≤ 2 or σ = 0, as in numpy. D. P. Doane, "Aesthetic frequency classifications", The American
    /// Statistician 30 (1976) 181–183.
    /// </remarks>
    public static BinningRule Doane { get; } = new(BinningKind.Doane);

    /// <summary>The square-root rule, numpy's <c>'sqrt'</c>: h = (max − min)/√n.</summary>
    public static BinningRule SquareRoot { get; } = new(BinningKind.SquareRoot);

    /// <summary>The number of bins asked for by <see cref="EqualWidth"/> or <see cref="Quantile"/>; 0 for the other rules.</summary>
    public int Bins { get; }

    // <summary>Gets which rule this is.</summary>
    internal BinningKind Kind { get; }

    // <summary>Gets the edges given to <see cref="Explicit"/>; empty for the other rules.</summary>
    internal ReadOnlySpan<double> ExplicitEdges => _edges;

    /// <summary><paramref name="bins"/> bins of equal width over the reference's range: numpy's <c>np.histogram_bin_edges(x, bins)</c>.</summary>
    /// <param name="bins">The number of bins, in [1, <see cref="Histogram.MaxBins"/>].</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1 or above <see cref="Histogram.MaxBins"/>.</exception>
    public static BinningRule EqualWidth(int bins)
    {
        Guard.InRange(bins, 1, Histogram.MaxBins, nameof(bins));
        return new BinningRule(BinningKind.EqualWidth, bins);
    }

    /// <summary>Up to <paramref name="bins"/> bins holding equal shares of the reference: edges at its quantiles i/<paramref name="bins"/>, equal edges merged.</summary>
    /// <remarks>
    /// The edges are numpy's <c>np.unique(np.quantile(x, np.linspace(0, 1, bins + 1)))</c> (linear interpolation, numpy's
    /// default), so heavy ties give fewer bins than asked for, and a constant sample one bin [x − ½, x + ½] as the other
    /// rules give it. Ten quantile bins ("deciles") are the usual bins of the population stability index.
    /// </remarks>
    /// <param name="bins">The number of quantile bins asked for, in [1, <see cref="Histogram.MaxBins"/>].</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1 or above <see cref="Histogram.MaxBins"/>.</exception>
    public static BinningRule Quantile(int bins)
    {
        Guard.InRange(bins, 1, Histogram.MaxBins, nameof(bins));
        return new BinningRule(BinningKind.Quantile, bins);
    }

    /// <summary>Bins with the given edges, whatever the reference: bin i is [eᵢ, eᵢ₊₁), the last one closed, as in numpy.</summary>
    /// <param name="edges">At least 2 finite, strictly ascending edges, at most <see cref="Histogram.MaxBins"/> + 1; copied.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException"><paramref name="edges"/> has fewer than 2 or more than <see cref="Histogram.MaxBins"/> + 1 entries, an entry that is not finite, or an entry not above the one before it (the message gives its index).</exception>
    public static BinningRule Explicit(ReadOnlySpan<double> edges)
    {
        Guard.BinEdges(edges, Histogram.MaxBins, nameof(edges));
        return new BinningRule(BinningKind.Explicit, edges: edges.ToArray());
    }

    /// <inheritdoc/>
    public bool Equals(BinningRule? other)
        => other is not null && Kind == other.Kind && Bins == other.Bins && ExplicitEdges.SequenceEqual(other.ExplicitEdges);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Bins);
        foreach (double edge in ExplicitEdges)
        {
            hash.Add(edge);
        }

        return hash.ToHashCode();
    }

    /// <summary>The rule as it is written in code, e.g. <c>Quantile(10)</c> or <c>Explicit(0, 1, 2.5)</c>.</summary>
    /// <returns>The rule's name and arguments.</returns>
    public override string ToString() => Kind switch
    {
        BinningKind.EqualWidth or BinningKind.Quantile => string.Create(CultureInfo.InvariantCulture, $"{Kind}({Bins})"),
        BinningKind.Explicit => $"Explicit({string.Join(", ", _edges!.Select(Guard.Format))})",
        _ => Kind.ToString(),
    };
}
