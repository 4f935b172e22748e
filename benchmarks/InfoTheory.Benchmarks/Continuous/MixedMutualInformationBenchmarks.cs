using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>Ross mutual information (k = 3) of scalar points against 2 classes: the sorted one-dimensional path against the O(N²) brute-force oracle.</summary>
[MemoryDiagnoser]
public class MixedMutualInformationBenchmarks
{
    private static readonly KnnOptions Brute = new() { Search = NeighborSearch.BruteForce };
    private double[] _x = [];
    private int[] _classes = [];

    [Params(2_000, 10_007)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => (_x, _classes) = ContinuousData.ShiftedClasses(N, seed: 3);

    [Benchmark(Baseline = true)]
    public double RossBruteForce() => Knn.MutualInformation(_x, 1, _classes, 3, Brute).Value;

    [Benchmark]
    public double Ross() => Knn.MutualInformation(_x, 1, _classes).Value;
}

/// <summary>
/// Ross mutual information (k = 3) of 10^5 scalar points against 2 classes (target: ≥ 5× scikit-learn's
/// <c>mutual_info_classif</c> on the same shape, benchmarks/peers/peer_mixed_mi.py), and the Gao–Kannan–Oh–Viswanath
/// estimate on the same points with 30% of them set to 0 (a zero-inflated feature) against the class codes.
/// </summary>
[MemoryDiagnoser]
public class MixedMutualInformationScalingBenchmarks
{
    private double[] _x = [];
    private int[] _classes = [];
    private double[] _zeroInflated = [];
    private double[] _codes = [];

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_x, _classes) = ContinuousData.ShiftedClasses(N, seed: 3);
        var random = new Random(4);
        _zeroInflated = _x.Select(v => random.NextDouble() < 0.3 ? 0.0 : v).ToArray();
        _codes = _classes.Select(c => (double)c).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double Ross() => Knn.MutualInformation(_x, 1, _classes).Value;

    [Benchmark]
    public double Mixture() => Knn.MixtureMutualInformation(_zeroInflated, _codes).Value;
}
