using BenchmarkDotNet.Attributes;
using InfoTheory.Inference;

namespace InfoTheory.Benchmarks.Inference;

/// <summary>
/// A 95% bootstrap interval of plug-in MI on 10⁴ label pairs (4 × 3 classes) with 999 resamples: the library's parallel,
/// per-resample-seeded runner (percentile, and BCa with its 1000-group jackknife) against the naive serial loop that
/// allocates each resample. Peer: benchmarks/peers/peer_bootstrap_mi.py (scipy.stats.bootstrap, paired, BCa).
/// </summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private const int Resamples = 999;

    private int[] _x = [];
    private int[] _y = [];

    [Params(10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _x = [.. Enumerable.Range(0, N).Select(_ => random.Next(4))];
        _y = [.. _x.Select(v => random.NextDouble() < 0.3 ? v % 3 : random.Next(3))];
    }

    [Benchmark(Baseline = true)]
    public double NaiveSerialPercentile()
    {
        var random = new Random(1);
        var replicates = new double[Resamples];
        for (int b = 0; b < Resamples; b++)
        {
            int[] xb = new int[N], yb = new int[N];
            for (int i = 0; i < N; i++)
            {
                int j = random.Next(N);
                (xb[i], yb[i]) = (_x[j], _y[j]);
            }

            replicates[b] = MutualInformation.FromSamples<int, int>(xb, yb);
        }

        Array.Sort(replicates);
        return replicates[(int)(0.025 * (Resamples - 1))] + replicates[(int)(0.975 * (Resamples - 1))];
    }

    [Benchmark]
    public BootstrapInterval Percentile() =>
        Bootstrap.ConfidenceInterval<int, int>(_x, _y, (a, b) => MutualInformation.FromSamples(a, b), Resamples, 1, BootstrapMethod.Percentile);

    [Benchmark]
    public BootstrapInterval Bca() =>
        Bootstrap.ConfidenceInterval<int, int>(_x, _y, (a, b) => MutualInformation.FromSamples(a, b), Resamples, 1);
}
