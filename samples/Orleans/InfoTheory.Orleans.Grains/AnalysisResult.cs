using InfoTheory.Inference;

namespace InfoTheory.Orleans.Grains;

/// <summary>The whole dataset's measures, all in nats.</summary>
/// <param name="Rows">The number of rows counted.</param>
/// <param name="LabelEntropy">Plug-in entropy of the label column.</param>
/// <param name="MutualInformation">Plug-in mutual information of x and y.</param>
/// <param name="GStatistic">The G-test statistic of x–y independence (2N·MI).</param>
/// <param name="DegreesOfFreedom">The G-test's degrees of freedom.</param>
/// <param name="PValue">The G-test's asymptotic p-value.</param>
/// <param name="PopulationStabilityIndex">PSI of the numeric column against the reference sample.</param>
/// <param name="GaussianMutualInformation">Mutual information of (u, v) under a Gaussian fit of their exact moments.</param>
[GenerateSerializer, Immutable]
public sealed record AnalysisResult(
    [property: Id(0)] long Rows,
    [property: Id(1)] double LabelEntropy,
    [property: Id(2)] double MutualInformation,
    [property: Id(3)] double GStatistic,
    [property: Id(4)] int DegreesOfFreedom,
    [property: Id(5)] double PValue,
    [property: Id(6)] double PopulationStabilityIndex,
    [property: Id(7)] double GaussianMutualInformation)
{
    /// <summary>Computes the measures from merged accumulators.</summary>
    /// <param name="merged">The accumulators of every row.</param>
    /// <param name="reference">The reference sample's counts over the same bins.</param>
    /// <returns>The measures.</returns>
    public static AnalysisResult From(PartitionAccumulators merged, HistogramCounts reference)
    {
        ArgumentNullException.ThrowIfNull(merged);
        GTestResult g = Significance.GTest(merged.Table);
        return new AnalysisResult(
            merged.Table.Total,
            merged.Labels.Entropy(EntropyEstimator.PlugIn, LogBase.Nats),
            InfoTheory.MutualInformation.Of(merged.Table.ToJointDistribution(), LogBase.Nats),
            g.Statistic,
            g.DegreesOfFreedom,
            g.PValue,
            Drift.PopulationStabilityIndex(reference, merged.Current, LogBase.Nats).Value,
            merged.Moments.GaussianMutualInformation([0], [1], LogBase.Nats));
    }

    /// <summary>The reference sample's counts over <paramref name="bins"/>.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="bins">The PSI bins.</param>
    /// <returns>The counts.</returns>
    public static HistogramCounts ReferenceCounts(long seed, Histogram bins)
    {
        var counts = new HistogramCounts(bins);
        counts.Add(SyntheticDataset.ReferenceSample(seed));
        return counts;
    }

    /// <summary>Computes the measures in this process alone: every row read into one set of accumulators, no
    /// partitions, no grains, no serialization. What the distributed run must equal bit for bit.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="rows">The number of rows.</param>
    /// <returns>The measures.</returns>
    public static AnalysisResult SingleProcess(long seed, long rows)
    {
        Histogram bins = SyntheticDataset.PsiHistogram(seed);
        return From(SyntheticDataset.Read(seed, 0, rows, bins), ReferenceCounts(seed, bins));
    }

    /// <summary>Whether every field equals <paramref name="other"/>'s, doubles compared by their bits.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>True when the two are bit for bit equal.</returns>
    public bool BitwiseEquals(AnalysisResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Rows == other.Rows
            && DegreesOfFreedom == other.DegreesOfFreedom
            && Bits(LabelEntropy) == Bits(other.LabelEntropy)
            && Bits(MutualInformation) == Bits(other.MutualInformation)
            && Bits(GStatistic) == Bits(other.GStatistic)
            && Bits(PValue) == Bits(other.PValue)
            && Bits(PopulationStabilityIndex) == Bits(other.PopulationStabilityIndex)
            && Bits(GaussianMutualInformation) == Bits(other.GaussianMutualInformation);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
