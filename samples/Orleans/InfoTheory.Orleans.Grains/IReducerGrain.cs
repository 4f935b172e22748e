namespace InfoTheory.Orleans.Grains;

/// <summary>Collects every partition's accumulators, merges them in partition-index order and computes the measures.</summary>
public interface IReducerGrain : IGrainWithIntegerKey
{
    /// <summary>Runs one job over the partitions 0 … <see cref="DatasetSpec.Partitions"/> − 1.</summary>
    /// <param name="spec">The dataset and its partitioning.</param>
    /// <returns>The whole dataset's measures.</returns>
    Task<AnalysisResult> Run(DatasetSpec spec);

    /// <summary>How many partitions the running (or last) job has received so far; answered while a job runs.</summary>
    /// <returns>The count.</returns>
    [AlwaysInterleave]
    Task<int> Received();

    /// <summary>The silo this activation lives on.</summary>
    /// <returns>Its address.</returns>
    [AlwaysInterleave]
    Task<SiloAddress> Location();
}
