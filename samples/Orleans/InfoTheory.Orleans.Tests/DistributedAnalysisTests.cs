using System.Text;
using InfoTheory.Orleans.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace InfoTheory.Orleans.Tests;

/// <summary>The reducer over three silos against the single-process computation, and the wire format.</summary>
public sealed class DistributedAnalysisTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    public async Task Run_ThreeSilos_EqualsSingleProcessBitForBit(int partitions)
    {
        var spec = new DatasetSpec(Seed: 42, Rows: 200_000, Partitions: partitions);

        AnalysisResult distributed = await fixture.Cluster.GrainFactory.GetGrain<IReducerGrain>(partitions).Run(spec);
        AnalysisResult single = AnalysisResult.SingleProcess(spec.Seed, spec.Rows);

        distributed.Rows.Should().Be(200_000);
        distributed.DegreesOfFreedom.Should().Be(single.DegreesOfFreedom);
        Bits(distributed.LabelEntropy).Should().Be(Bits(single.LabelEntropy));
        Bits(distributed.MutualInformation).Should().Be(Bits(single.MutualInformation));
        Bits(distributed.GStatistic).Should().Be(Bits(single.GStatistic));
        Bits(distributed.PValue).Should().Be(Bits(single.PValue));
        Bits(distributed.PopulationStabilityIndex).Should().Be(Bits(single.PopulationStabilityIndex));
        Bits(distributed.GaussianMutualInformation).Should().Be(Bits(single.GaussianMutualInformation));
        distributed.BitwiseEquals(single).Should().BeTrue();
    }

    [Fact]
    public async Task Run_ThreeSilos_SpreadsPartitionsOverMoreThanOneSilo()
    {
        // Otherwise the bit-for-bit test would prove nothing about crossing silos.
        var spec = new DatasetSpec(Seed: 3, Rows: 24_000, Partitions: 24);
        var silos = new HashSet<string>();
        for (int p = 0; p < spec.Partitions; p++)
        {
            silos.Add((await fixture.Cluster.GrainFactory.GetGrain<IPartitionGrain>(p).Location()).ToString());
        }

        silos.Count.Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task Run_AccumulatorsCrossSilos_TravelAsTheirBinaryFormat()
    {
        long before = AccumulatorSurrogates.FromBytesCount;

        await fixture.Cluster.GrainFactory.GetGrain<IReducerGrain>(100).Run(new DatasetSpec(Seed: 5, Rows: 10_000, Partitions: 6));

        // Four accumulators per partition reply, each read back from its bytes at least once.
        (AccumulatorSurrogates.FromBytesCount - before).Should().BeGreaterThanOrEqualTo(4 * 6);
    }

    [Fact]
    public void Serializer_PartitionAccumulators_WritesEachAccumulatorsOwnBlock()
    {
        Serializer serializer = fixture.Cluster.ServiceProvider.GetRequiredService<Serializer>();
        PartitionAccumulators original = SyntheticDataset.Read(9, 0, 5_000, SyntheticDataset.PsiHistogram(9));

        byte[] wire = serializer.SerializeToArray(original);
        PartitionAccumulators back = serializer.Deserialize<PartitionAccumulators>(wire)!;

        // Each accumulator's block starts with the format's "ITAC" magic (docs/accumulator-format.md).
        CountOccurrences(wire, Encoding.ASCII.GetBytes("ITAC")).Should().Be(4);
        using (var expected = new MemoryStream())
        {
            original.Table.WriteTo(expected);
            IndexOf(wire, expected.ToArray()).Should().BeGreaterThanOrEqualTo(0, "the table's own bytes are on the wire verbatim");
        }

        Bytes(back.Table.WriteTo).Should().Equal(Bytes(original.Table.WriteTo));
        Bytes(s => back.Labels.WriteTo(s)).Should().Equal(Bytes(s => original.Labels.WriteTo(s)));
        Bytes(back.Current.WriteTo).Should().Equal(Bytes(original.Current.WriteTo));
        Bytes(back.Moments.WriteTo).Should().Equal(Bytes(original.Moments.WriteTo));
    }

    [Fact]
    public void SingleProcess_AgainstOneShotLibraryCalls_Agrees()
    {
        // Independent check of the accumulator path: the same rows through the library's one-shot functions on raw
        // columns, and the Gaussian MI through −½ ln(1 − r²) with r computed naively here.
        const long seed = 11;
        const int n = 50_000;
        var labels = new int[n];
        var x = new int[n];
        var y = new int[n];
        var numeric = new double[n];
        var u = new double[n];
        var v = new double[n];
        SyntheticDataset.FillRows(seed, 0, labels, x, y, numeric, u, v);

        AnalysisResult result = AnalysisResult.SingleProcess(seed, n);

        result.LabelEntropy.Should().BeApproximately(Entropy.FromSamples<int>(labels), 1e-12);
        result.MutualInformation.Should().BeApproximately(InfoTheory.MutualInformation.FromSamples<int, int>(x, y), 1e-12);
        InfoTheory.Inference.GTestResult g = InfoTheory.Inference.Significance.GTest<int, int>(x, y);
        result.GStatistic.Should().BeApproximately(g.Statistic, 1e-8);
        result.PValue.Should().BeApproximately(g.PValue, 1e-12);
        result.GStatistic.Should().BeApproximately(2.0 * n * result.MutualInformation, 1e-8, "G = 2N·MI in nats");
        result.GaussianMutualInformation.Should().BeApproximately(NaiveGaussianMi(u, v), 1e-9);
        // Population value −½ ln(1 − 0.6²) = 0.22314; 50 000 rows estimate it within a few 0.001.
        result.GaussianMutualInformation.Should().BeApproximately(-0.5 * Math.Log(1 - 0.36), 0.01);
        result.PopulationStabilityIndex.Should().BeGreaterThan(0.0).And.BeLessThan(0.1, "a 0.1 shift and 5 % wider spread is a small drift");
    }

    private static double NaiveGaussianMi(double[] u, double[] v)
    {
        double mu = u.Average(), mv = v.Average();
        double suu = 0, svv = 0, suv = 0;
        for (int i = 0; i < u.Length; i++)
        {
            suu += (u[i] - mu) * (u[i] - mu);
            svv += (v[i] - mv) * (v[i] - mv);
            suv += (u[i] - mu) * (v[i] - mv);
        }

        double r2 = suv * suv / (suu * svv);
        return -0.5 * Math.Log(1 - r2);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static int CountOccurrences(byte[] haystack, byte[] needle)
    {
        int count = 0;
        for (int i = IndexOf(haystack, needle); i >= 0; i = IndexOf(haystack, needle, i + 1))
        {
            count++;
        }

        return count;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start = 0)
    {
        int found = haystack.AsSpan(start).IndexOf(needle);
        return found < 0 ? -1 : start + found;
    }
}
