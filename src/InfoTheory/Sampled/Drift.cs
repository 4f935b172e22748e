using InfoTheory.Binning;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Sampled;

/// <summary>Drift between a reference sample and a current one: the population stability index and divergences over shared bins.</summary>
/// <remarks>
/// The bins come from the reference (by default its deciles, the convention of credit-risk monitoring), both samples are
/// counted into them, and <see cref="DriftReport"/> compares the shares. The index is the divergence of
/// K. Jeffreys, "An invariant form for the prior probability in estimation problems", Proc. R. Soc. A 186 (1946) 453–461,
/// applied to binned shares; its use for score drift is described by B. Yurdakul, "Statistical Properties of Population
/// Stability Index", PhD thesis, Western Michigan University (2018). Common readings: PSI &lt; 0.1 stable, 0.1–0.25 a
/// moderate shift, &gt; 0.25 a major shift; the library reports the number and leaves the threshold to the caller.
/// </remarks>
public static class Drift
{
    /// <summary>The share an empty bin is given in the index (10⁻⁴), so that a bin one sample leaves empty costs a large but finite term.</summary>
    /// <remarks>The value most PSI implementations use; the divergences of <see cref="DriftReport"/> do not use it.</remarks>
    public const double EmptyBinShare = 1e-4;

    /// <summary>The number of reference quantile bins used when no rule is given: 10.</summary>
    public const int DefaultBins = 10;

    /// <summary>The population stability index of a numeric column: how the current sample's distribution over the reference's bins differs from the reference's.</summary>
    /// <remarks>
    /// Fits <see cref="Histogram.Fit"/>(<paramref name="reference"/>, <paramref name="rule"/>, <see cref="OutOfRangePolicy.Clamp"/>),
    /// so a current value below the reference's minimum falls in the first bin and one above its maximum in the last, as
    /// if the end bins reached to ∓∞ (the usual PSI convention), then counts both samples and compares the shares as
    /// <see cref="DriftReport"/> describes.
    /// </remarks>
    /// <param name="reference">The reference sample (e.g. the training data's column): at least one value, every one finite.</param>
    /// <param name="current">The current sample (e.g. production data): at least one value, none NaN.</param>
    /// <param name="rule">The bins; <see cref="BinningRule.Quantile"/>(<see cref="DefaultBins"/>) of the reference when null.</param>
    /// <param name="unit">The unit of the index and the divergences; nats by default (the index's usual unit).</param>
    /// <returns>The index, each bin's term, the shares and the divergences.</returns>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty, holds a value that is not finite, or cannot be binned by <paramref name="rule"/>; or <paramref name="current"/> is empty or holds a NaN (the message gives its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static DriftReport PopulationStabilityIndex(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, BinningRule? rule = null, LogBase unit = LogBase.Nats)
    {
        Units.NatsPerUnit(unit);
        var histogram = Histogram.Fit(reference, rule ?? BinningRule.Quantile(DefaultBins), OutOfRangePolicy.Clamp);
        Guard.NotEmpty(current.Length, nameof(current));
        long[] referenceCounts = histogram.Count(reference);
        var currentCounts = new long[histogram.BinCount];
        BinSearch.Count(histogram.Edges, histogram.OutOfRange, current, currentCounts, nameof(current), SimdWidths.Best);
        return new DriftReport(Shares(referenceCounts), Shares(currentCounts), unit);
    }

    /// <summary>The population stability index from counts already made over shared bins, e.g. by one <see cref="Histogram"/>.</summary>
    /// <param name="referenceCounts">The reference's count in each bin: every one ≥ 0, total &gt; 0.</param>
    /// <param name="currentCounts">The current sample's count in each of the same bins: every one ≥ 0, total &gt; 0.</param>
    /// <param name="unit">The unit of the index and the divergences; nats by default.</param>
    /// <returns>The index, each bin's term, the shares and the divergences.</returns>
    /// <exception cref="ArgumentException">A count is negative, a set of counts is empty or sums to 0, or the two lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static DriftReport PopulationStabilityIndexFromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts, LogBase unit = LogBase.Nats)
    {
        Units.NatsPerUnit(unit);
        Guard.Counts(referenceCounts, 0, nameof(referenceCounts));
        Guard.Counts(currentCounts, 0, nameof(currentCounts));
        Guard.SameLength(referenceCounts.Length, currentCounts.Length, nameof(referenceCounts), nameof(currentCounts));
        return new DriftReport(Shares(referenceCounts), Shares(currentCounts), unit);
    }

    /// <summary>The population stability index between two accumulators counted over the same bins, e.g. merged from many shards.</summary>
    /// <remarks>The same report as <see cref="PopulationStabilityIndexFromCounts"/> over <see cref="HistogramCounts.Counts"/> of each.</remarks>
    /// <param name="reference">The reference's counts: total &gt; 0.</param>
    /// <param name="current">The current sample's counts over the same bins (bit-identical edges, same policy): total &gt; 0.</param>
    /// <param name="unit">The unit of the index and the divergences; nats by default.</param>
    /// <returns>The index, each bin's term, the shares and the divergences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="current"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> is over other bins than <paramref name="reference"/>, or one of them is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static DriftReport PopulationStabilityIndex(HistogramCounts reference, HistogramCounts current, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        HistogramCounts.RequireSameBins(reference.Bins, current.Bins, nameof(current));
        RequireCounted(reference, nameof(reference));
        RequireCounted(current, nameof(current));
        return PopulationStabilityIndexFromCounts(reference.Counts, current.Counts, unit);
    }

    private static void RequireCounted(HistogramCounts counts, string paramName)
    {
        if (counts.Total == 0)
        {
            throw new ArgumentException($"{paramName} has counted no values; the index needs at least one on each side.", paramName);
        }
    }

    /// <summary>The population stability index of a categorical column: one bin per category.</summary>
    /// <remarks>
    /// The bins are the reference's categories in order of first appearance; a category of the reference that the
    /// current sample lacks keeps its bin (current share 0). A category only the current sample holds is handled by
    /// <paramref name="unseen"/>: by default it gets its own bin with reference share 0, which the index takes as
    /// <see cref="EmptyBinShare"/> and which makes KL and Jeffreys +∞; <see cref="UnseenCategories.Reject"/> throws instead.
    /// Categories compare with <see cref="EqualityComparer{T}.Default"/>; for numeric columns use
    /// <see cref="PopulationStabilityIndex(ReadOnlySpan{double}, ReadOnlySpan{double}, BinningRule?, LogBase)"/>, since exact floating-point values are rarely categories.
    /// </remarks>
    /// <typeparam name="T">The category type.</typeparam>
    /// <param name="reference">The reference sample: at least one category, none null.</param>
    /// <param name="current">The current sample: at least one category, none null.</param>
    /// <param name="unseen">What to do with categories the reference does not hold; own bins by default.</param>
    /// <param name="unit">The unit of the index and the divergences; nats by default.</param>
    /// <returns>The index, each category's term, the shares, the divergences and the category of each bin.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> or <paramref name="current"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds a null (the message gives its position), or, under <see cref="UnseenCategories.Reject"/>, <paramref name="current"/> holds a category the reference does not.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unseen"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static CategoricalDriftReport<T> CategoricalPopulationStabilityIndex<T>(
        IEnumerable<T> reference, IEnumerable<T> current, UnseenCategories unseen = UnseenCategories.OwnBins, LogBase unit = LogBase.Nats)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        Guard.Defined(unseen, nameof(unseen));
        Units.NatsPerUnit(unit);
        var bins = new Dictionary<T, int>();
        var categories = new List<T>();
        var referenceCounts = new List<long>();
        int index = 0;
        foreach (T label in reference)
        {
            Guard.Label(label, index++, nameof(reference));
            CountInto(label, bins, categories, referenceCounts);
        }

        Guard.NotEmpty(index, nameof(reference));
        int referenceBins = categories.Count;
        var currentCounts = new long[referenceBins];
        var unseenCounts = new List<long>();
        index = 0;
        foreach (T label in current)
        {
            Guard.Label(label, index, nameof(current));
            if (bins.TryGetValue(label, out int bin) && bin < referenceBins)
            {
                currentCounts[bin]++;
            }
            else if (unseen == UnseenCategories.Reject)
            {
                throw new ArgumentException(
                    $"{nameof(current)}[{index}] is the category '{label}', which the reference does not hold; pass UnseenCategories.OwnBins to give it a bin of its own.",
                    nameof(current));
            }
            else
            {
                CountInto(label, bins, categories, unseenCounts, referenceBins);
            }

            index++;
        }

        Guard.NotEmpty(index, nameof(current));
        long[] allCurrent = [.. currentCounts, .. unseenCounts];
        long[] allReference = [.. referenceCounts, .. new long[unseenCounts.Count]];
        return new CategoricalDriftReport<T>([.. categories], Shares(allReference), Shares(allCurrent), unit);
    }

    private static void CountInto<T>(T label, Dictionary<T, int> bins, List<T> categories, List<long> counts, int firstBin = 0)
        where T : notnull
    {
        if (!bins.TryGetValue(label, out int bin))
        {
            bin = categories.Count;
            bins.Add(label, bin);
            categories.Add(label);
            counts.Add(0);
        }

        counts[bin - firstBin]++;
    }

    private static double[] Shares(ReadOnlySpan<long> counts)
    {
        double total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        var shares = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            shares[i] = counts[i] / total;
        }

        return shares;
    }
}
