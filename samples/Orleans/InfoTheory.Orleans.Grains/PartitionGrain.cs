using System.Collections.Concurrent;

namespace InfoTheory.Orleans.Grains;

/// <summary>Reads its partition of the seeded dataset and keeps the accumulators for the life of the activation. Holds
/// no persistent state: a partition whose silo goes away is re-activated elsewhere and simply re-reads its rows.</summary>
/// <param name="silo">The local silo's details, for <see cref="Location"/>.</param>
public sealed class PartitionGrain(ILocalSiloDetails silo) : Grain, IPartitionGrain
{
    private static readonly ConcurrentDictionary<(long Seed, int Partition), int> s_reads = new();

    private DatasetSpec? _spec;
    private PartitionAccumulators? _accumulators;

    /// <summary>How many times, in this process, partition <paramref name="partition"/> of dataset <paramref name="seed"/> was read from its source.</summary>
    /// <param name="seed">The dataset's seed.</param>
    /// <param name="partition">The partition index.</param>
    /// <returns>The count; in a multi-silo test cluster hosted in one process, over every silo.</returns>
    public static int Reads(long seed, int partition) => s_reads.GetValueOrDefault((seed, partition));

    /// <inheritdoc/>
    public async Task<SiloAddress> Prepare(DatasetSpec spec)
    {
        await Accumulate(spec).ConfigureAwait(true);
        return silo.SiloAddress;
    }

    /// <inheritdoc/>
    public Task<PartitionAccumulators> Accumulate(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        int partition = checked((int)this.GetPrimaryKeyLong());
        if (partition < 0 || partition >= spec.Partitions)
        {
            throw new ArgumentException($"This grain is partition {partition}, outside the job's {spec.Partitions} partitions.", nameof(spec));
        }

        if (_accumulators is null || _spec != spec)
        {
            Histogram bins = SyntheticDataset.PsiHistogram(spec.Seed);
            _accumulators = SyntheticDataset.Read(spec.Seed, spec.FirstRow(partition), spec.FirstRow(partition + 1), bins);
            _spec = spec;
            s_reads.AddOrUpdate((spec.Seed, partition), 1, (_, n) => n + 1);
        }

        // Orleans deep-copies (or serializes) the reply, so the reducer's merge never touches this activation's copy.
        return Task.FromResult(_accumulators);
    }

    /// <inheritdoc/>
    public Task<SiloAddress> Location() => Task.FromResult(silo.SiloAddress);
}
