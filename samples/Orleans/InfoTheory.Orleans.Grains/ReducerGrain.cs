namespace InfoTheory.Orleans.Grains;

/// <summary>Asks every partition grain for its accumulators (up to <see cref="DatasetSpec.MaxConcurrency"/> at once),
/// then merges them in partition-index order. Counts and exact moment sums merge exactly, so the result is the
/// single-process one bit for bit whatever the partitioning and whichever silo answered.</summary>
/// <param name="silo">The local silo's details, for <see cref="Location"/>.</param>
public sealed class ReducerGrain(ILocalSiloDetails silo) : Grain, IReducerGrain
{
    /// <summary>How often one partition is asked again after a silo failure before the job fails.</summary>
    private const int Attempts = 8;

    private int _received;

    /// <inheritdoc/>
    public async Task<AnalysisResult> Run(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        _received = 0;
        var parts = new PartitionAccumulators[spec.Partitions];
        using var gate = new SemaphoreSlim(spec.MaxConcurrency);
        var calls = new Task[spec.Partitions];
        // Plain async calls, not Task.Run: the continuations stay on this activation's scheduler (one at a time),
        // while the partition grains work in parallel on their silos.
        for (int p = 0; p < spec.Partitions; p++)
        {
            calls[p] = Collect(p);
        }

        async Task Collect(int partition)
        {
            await gate.WaitAsync().ConfigureAwait(true);
            try
            {
                parts[partition] = await Ask(partition, spec).ConfigureAwait(true);
                _received++;
            }
            finally
            {
                gate.Release();
            }
        }

        await Task.WhenAll(calls).ConfigureAwait(true);
        PartitionAccumulators merged = parts[0];
        for (int p = 1; p < parts.Length; p++)
        {
            merged.Merge(parts[p]);
        }

        return AnalysisResult.From(merged, AnalysisResult.ReferenceCounts(spec.Seed, merged.Current.Bins));
    }

    /// <inheritdoc/>
    public Task<int> Received() => Task.FromResult(_received);

    /// <inheritdoc/>
    public Task<SiloAddress> Location() => Task.FromResult(silo.SiloAddress);

    private async Task<PartitionAccumulators> Ask(int partition, DatasetSpec spec)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await GrainFactory.GetGrain<IPartitionGrain>(partition).Accumulate(spec).ConfigureAwait(true);
            }
            catch (Exception e) when (attempt < Attempts && IsSiloFailure(e))
            {
                // The silo hosting the partition went away mid-call; the next call activates it on a live silo,
                // where it re-reads its rows from the deterministic source.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt)).ConfigureAwait(true);
            }
        }
    }

    private static bool IsSiloFailure(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or OperationCanceledException;
}
