using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>KSG mutual information (k = 3) on correlated 1-D pairs: k-d tree against the O(N²) brute-force oracle.</summary>
[MemoryDiagnoser]
public class KsgBenchmarks
{
    private static readonly KnnOptions Brute = new() { Search = NeighborSearch.BruteForce };
    private double[] _x = [];
    private double[] _y = [];

    [Params(2_000, 10_007)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = ContinuousData.CorrelatedPairs(N, 0.6, seed: 42);

    [Benchmark(Baseline = true)]
    public double BruteForce() => Knn.MutualInformation(_x, _y, 3, Brute).Value;

    [Benchmark]
    public double KdTree() => Knn.MutualInformation(_x, _y, 3).Value;
}

/// <summary>KSG mutual information (k = 3) on 10^4 … 10^6 pairs with the k-d tree, to show N log N growth.</summary>
[MemoryDiagnoser]
public class KsgScalingBenchmarks
{
    private static readonly KnnOptions OneCore = new() { MaxDegreeOfParallelism = 1 };
    private double[] _x = [];
    private double[] _y = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _y) = ContinuousData.CorrelatedPairs(N, 0.6, seed: 42);

    [Benchmark]
    public double KdTree() => Knn.MutualInformation(_x, _y, 3).Value;

    // One core, for the per-core comparison with scikit-learn (which runs on one).
    [Benchmark]
    public double KdTreeOneCore() => Knn.MutualInformation(_x, _y, 3, OneCore).Value;
}
