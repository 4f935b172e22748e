namespace InfoTheory.Orleans.Grains;

/// <summary>One partition of a dataset; its key is the partition index.</summary>
public interface IPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Reads this partition of <paramref name="spec"/> (once per activation) and returns its accumulators.</summary>
    /// <param name="spec">The dataset and its partitioning.</param>
    /// <returns>The partition's accumulators.</returns>
    Task<PartitionAccumulators> Accumulate(DatasetSpec spec);

    /// <summary>Reads this partition of <paramref name="spec"/> now, so a later <see cref="Accumulate"/> only returns it.</summary>
    /// <param name="spec">The dataset and its partitioning.</param>
    /// <returns>The silo this activation lives on.</returns>
    Task<SiloAddress> Prepare(DatasetSpec spec);

    /// <summary>The silo this activation lives on.</summary>
    /// <returns>Its address.</returns>
    Task<SiloAddress> Location();
}
