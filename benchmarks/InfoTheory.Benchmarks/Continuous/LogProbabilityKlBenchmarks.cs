using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>
/// The RL fine-tuning KL penalty: k3 with the log-ratio clamped to ±20 and the term to [−10, 10], masked token mean over
/// float log-probability pairs (target: within 2× of <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// over the same two arrays, 0 bytes allocated), against the naive loop. benchmarks/peers/peer_logprob_kl.py times numpy's
/// expression of the same estimate on the same data recipe.
/// </summary>
[MemoryDiagnoser]
public class LogProbabilityKlBenchmarks
{
    private static readonly MonteCarloOptions Options = new()
    {
        Estimator = MonteCarloEstimator.K3, LogRatioMin = -20, LogRatioMax = 20, TermMin = -10, TermMax = 10,
    };

    private float[] _logP = [];
    private float[] _logQ = [];
    private bool[] _mask = [];

    [Params(1031, 100_000, 10_000_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The peer script's recipe: log p uniform in (−3, 0], log q within ±0.1 of it, 90% of the tokens unmasked.
        var random = new Random(5);
        _logP = new float[Length];
        _logQ = new float[Length];
        _mask = new bool[Length];
        for (int i = 0; i < Length; i++)
        {
            _logP[i] = (float)(-3 * random.NextDouble());
            _logQ[i] = _logP[i] + (float)((0.2 * random.NextDouble()) - 0.1);
            _mask[i] = random.NextDouble() < 0.9;
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < _logP.Length; i++)
        {
            if (_mask[i])
            {
                double logRatio = Math.Clamp((double)_logQ[i] - _logP[i], -20, 20);
                sum += Math.Clamp(Math.Exp(logRatio) - 1 - logRatio, -10, 10);
                count++;
            }
        }

        return sum / count;
    }

    [Benchmark]
    public double K3BothClampsMasked() => MonteCarlo.KullbackLeibler(_logP, _logQ, _mask, Options).Value;

    [Benchmark]
    public float Dot() => TensorPrimitives.Dot(_logP, _logQ);
}
