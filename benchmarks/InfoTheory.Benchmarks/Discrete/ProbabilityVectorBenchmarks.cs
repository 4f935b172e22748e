using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// Two seeded probability vectors p and q of each size, with <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>
/// over the same arrays as the memory-read floor every fused kernel is compared with.
/// </summary>
[MemoryDiagnoser]
public abstract class ProbabilityVectorBenchmarks
{
    /// <summary>Gets p: full support, entries spread over several decades.</summary>
    protected double[] P { get; private set; } = [];

    /// <summary>Gets q: independent of p, full support.</summary>
    protected double[] Q { get; private set; } = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Gets the sizes N runs over: one in cache, one in L2, and 10⁷, past every cache and cut into parts for the cores.</summary>
    /// <remarks>INFOTHEORY_BENCHMARK_SIZES (comma-separated, e.g. 10000000) replaces them, for a quick run of one size.</remarks>
    public virtual IEnumerable<int> Sizes => ChosenSizes ?? [1031, 100_000, 10_000_000];

    /// <summary>Gets the sizes set in INFOTHEORY_BENCHMARK_SIZES, or null.</summary>
    protected static IEnumerable<int>? ChosenSizes
        => Environment.GetEnvironmentVariable("INFOTHEORY_BENCHMARK_SIZES") is { Length: > 0 } sizes
            ? [.. sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))]
            : null;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261125);
        P = Vector(rng, N);
        Q = Vector(rng, N);
    }

    [Benchmark]
    public double Dot() => TensorPrimitives.Dot<double>(P, Q);

    /// <summary>The two-core floor: Dot cut into the kernels' fixed parts and run by the same scheduler on two threads, so a fused pass on two cores has a like-for-like floor.</summary>
    [Benchmark]
    public unsafe double DotTwoCores()
    {
        if (P.Length < PartitionedRun.ShortestLength)
        {
            return TensorPrimitives.Dot<double>(P, Q);
        }

        fixed (double* p = P)
        fixed (double* q = Q)
        {
            return PartitionedRun.Tally<DotPart, DotTally>(new DotPart { P = p, Q = q }, P.Length, threads: 2).Sum;
        }
    }

    /// <summary>A seeded probability vector: full support, entries over several decades.</summary>
    internal static double[] Vector(Random rng, int n)
    {
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            w[i] = 1e-3 + u * u * u;
        }

        return Distribution.Normalize(w);
    }

    /// <summary>One part's dot product.</summary>
    private struct DotTally : PartitionedRun.ITally<DotTally>
    {
        public double Sum;

        public void Add(in DotTally later) => Sum += later.Sum;
    }

    /// <summary>The dot product over one part of the pinned arrays.</summary>
    private unsafe struct DotPart : PartitionedRun.IPart<DotTally>
    {
        public double* P;
        public double* Q;

        public readonly DotTally Run(int start, int end)
            => new() { Sum = TensorPrimitives.Dot(new ReadOnlySpan<double>(P + start, end - start), new ReadOnlySpan<double>(Q + start, end - start)) };
    }
}
