using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>Kozachenko–Leonenko entropy and Wang–Kulkarni–Verdú KL on 2-D points: k-d tree against brute force.</summary>
[MemoryDiagnoser]
public class KnnEntropyBenchmarks
{
    private static readonly KnnOptions Brute = new() { Search = NeighborSearch.BruteForce };
    private double[] _x = [];
    private double[] _y = [];

    [Params(2_000, 10_007)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = ContinuousData.GaussianPoints(Gaussian.Standard(2), N, seed: 1);
        _y = ContinuousData.GaussianPoints(Gaussian.Diagonal([0.5, 0.0], [2.0, 1.0]), N, seed: 2);
    }

    [Benchmark(Baseline = true)]
    public double EntropyBruteForce() => Knn.Entropy(_x, 2, 3, Brute).Value;

    [Benchmark]
    public double EntropyKdTree() => Knn.Entropy(_x, 2, 3).Value;

    [Benchmark]
    public double KullbackLeiblerBruteForce() => Knn.KullbackLeibler(_x, _y, 2, 3, Brute).Value;

    [Benchmark]
    public double KullbackLeiblerKdTree() => Knn.KullbackLeibler(_x, _y, 2, 3).Value;
}

/// <summary>Kozachenko–Leonenko entropy and kNN KL on 10^5 2-D points (target: under 300 ms each).</summary>
[MemoryDiagnoser]
public class KnnEntropyScalingBenchmarks
{
    private static readonly KnnOptions OneCore = new() { MaxDegreeOfParallelism = 1 };
    private double[] _x = [];
    private double[] _y = [];

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = ContinuousData.GaussianPoints(Gaussian.Standard(2), N, seed: 1);
        _y = ContinuousData.GaussianPoints(Gaussian.Diagonal([0.5, 0.0], [2.0, 1.0]), N, seed: 2);
    }

    [Benchmark(Baseline = true)]
    public double Entropy() => Knn.Entropy(_x, 2, 3).Value;

    // One core, for the per-core comparison with scipy's KD-tree (whose queries here run on one).
    [Benchmark]
    public double EntropyOneCore() => Knn.Entropy(_x, 2, 3, OneCore).Value;

    [Benchmark]
    public double KullbackLeibler() => Knn.KullbackLeibler(_x, _y, 2, 3).Value;
}
