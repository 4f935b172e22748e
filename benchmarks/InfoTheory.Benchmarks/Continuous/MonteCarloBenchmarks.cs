using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>
/// Monte Carlo KL between the notes' 2-D two-component mixture and a Gaussian (target: 10^6 samples
/// under 60 ms, no allocation per sample), against a naive one-point-at-a-time serial loop.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private readonly GaussianMixture _p = new(
        [0.5, 0.5],
        [Gaussian.Diagonal([0.0, 0.0], [0.0625, 0.25]), Gaussian.Diagonal([1.0, 1.0], [0.0625, 0.0625])]);

    private readonly Gaussian _q = Gaussian.Diagonal([0.5, 0.5], [0.5, 0.5]);

    [Params(100_003, 1_000_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup() => MonteCarlo.KullbackLeibler(_p, _q, 1000, seed: 0);

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        var random = new Random(1);
        Span<double> x = stackalloc double[2];
        double sum = 0;
        for (int i = 0; i < Samples; i++)
        {
            _p.Sample(random, x);
            sum += _p.LogDensity(x) - _q.LogDensity(x);
        }

        return sum / Samples;
    }

    [Benchmark]
    public double Blocked() => MonteCarlo.KullbackLeibler(_p, _q, Samples, seed: 1).Value;

    [Benchmark]
    public double BlockedK3Clipped()
        => MonteCarlo.KullbackLeibler(_p, _q, Samples, seed: 1, MonteCarloOptions.Clipped(20, MonteCarloEstimator.K3)).Value;
}
