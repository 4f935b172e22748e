using InfoTheory.Orleans.Grains;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace InfoTheory.Orleans.Tests;

/// <summary>A silo stopped while the reducer collects: its partitions re-activate elsewhere and re-read their rows.</summary>
public sealed class SiloFailureTests
{
    [Fact]
    public async Task Run_SiloStoppedWhileCollecting_ReReadsItsPartitionsAndStaysExact()
    {
        const long seed = 2026;
        var spec = new DatasetSpec(Seed: seed, Rows: 160_000, Partitions: 32, MaxConcurrency: 1);
        await using TestCluster cluster = await ClusterFixture.Deploy(3, slowPartitions: true);
        IReducerGrain reducer = cluster.GrainFactory.GetGrain<IReducerGrain>(0);
        SiloAddress reducerSilo = await reducer.Location();

        // Every partition reads its rows once, where it is placed.
        var placement = new SiloAddress[spec.Partitions];
        for (int p = 0; p < spec.Partitions; p++)
        {
            placement[p] = await cluster.GrainFactory.GetGrain<IPartitionGrain>(p).Prepare(spec);
        }

        // The victim: a secondary silo (the primary holds the test cluster's membership) that does not host the
        // reducer and hosts partitions the reducer, asking one at a time in index order, has not reached yet.
        SiloHandle? victim = cluster.SecondarySilos
            .Where(s => !s.SiloAddress.Equals(reducerSilo))
            .Select(s => (Silo: s, Late: Enumerable.Range(4, spec.Partitions - 4).Count(p => placement[p].Equals(s.SiloAddress))))
            .Where(c => c.Late > 0)
            .OrderByDescending(c => c.Late)
            .Select(c => c.Silo)
            .FirstOrDefault();
        victim.Should().NotBeNull("with 28 late partitions over 3 silos a secondary silo without the reducer hosts some (all missing one silo: p ≈ (2/3)²⁸)");
        int[] moved = Enumerable.Range(4, spec.Partitions - 4).Where(p => placement[p].Equals(victim!.SiloAddress)).ToArray();
        moved.Should().AllSatisfy(p => PartitionGrain.Reads(seed, p).Should().Be(1));

        Task<AnalysisResult> job = reducer.Run(spec);
        while (await reducer.Received() < 1)
        {
            job.IsCompleted.Should().BeFalse("the job must still be collecting when the silo stops");
            await Task.Delay(10);
        }

        (await reducer.Received()).Should().BeLessThan(4);
        await cluster.StopSiloAsync(victim!);
        AnalysisResult result = await job.WaitAsync(TimeSpan.FromSeconds(60));

        AnalysisResult single = AnalysisResult.SingleProcess(seed, spec.Rows);
        BitConverter.DoubleToInt64Bits(result.LabelEntropy).Should().Be(BitConverter.DoubleToInt64Bits(single.LabelEntropy));
        BitConverter.DoubleToInt64Bits(result.MutualInformation).Should().Be(BitConverter.DoubleToInt64Bits(single.MutualInformation));
        BitConverter.DoubleToInt64Bits(result.PValue).Should().Be(BitConverter.DoubleToInt64Bits(single.PValue));
        BitConverter.DoubleToInt64Bits(result.PopulationStabilityIndex).Should().Be(BitConverter.DoubleToInt64Bits(single.PopulationStabilityIndex));
        BitConverter.DoubleToInt64Bits(result.GaussianMutualInformation).Should().Be(BitConverter.DoubleToInt64Bits(single.GaussianMutualInformation));
        result.BitwiseEquals(single).Should().BeTrue();
        moved.Should().AllSatisfy(p => PartitionGrain.Reads(seed, p).Should().Be(2, $"partition {p} lost its silo and re-read its rows on another"));
    }
}
