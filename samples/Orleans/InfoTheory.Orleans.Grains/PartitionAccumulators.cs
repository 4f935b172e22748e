namespace InfoTheory.Orleans.Grains;

/// <summary>What one partition (or the merge of several) has counted. Orleans carries each accumulator through its own
/// binary format (see <see cref="AccumulatorSurrogates"/>).</summary>
/// <param name="Labels">Counts of the label column.</param>
/// <param name="Table">Counts of (x, y) pairs.</param>
/// <param name="Current">Counts of the PSI column over the reference's bins.</param>
/// <param name="Moments">Exact first and second moments of the Gaussian pair (u, v).</param>
[GenerateSerializer]
public sealed record PartitionAccumulators(
    [property: Id(0)] LabelCounts<int> Labels,
    [property: Id(1)] ContingencyTable Table,
    [property: Id(2)] HistogramCounts Current,
    [property: Id(3)] StreamingMoments Moments)
{
    /// <summary>Adds every count and moment of <paramref name="other"/> into these accumulators.</summary>
    /// <param name="other">Accumulators of other rows of the same dataset.</param>
    public void Merge(PartitionAccumulators other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Labels.Merge(other.Labels);
        Table.Merge(other.Table);
        Current.Merge(other.Current);
        Moments.Merge(other.Moments);
    }
}
