using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// KL(p‖q) of float probability vectors, as a model's softmax outputs come (target: within 2× of
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> over the same two arrays, 0 bytes allocated),
/// against the textbook loop in double.
/// </summary>
[MemoryDiagnoser]
public class FloatKullbackLeiblerBenchmarks
{
    private float[] _p = [];
    private float[] _q = [];

    [Params(1031, 100_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // ProbabilityVectorBenchmarks' vectors, rounded to float.
        var rng = new Random(20261125);
        _p = [.. ProbabilityVectorBenchmarks.Vector(rng, N).Select(v => (float)v)];
        _q = [.. ProbabilityVectorBenchmarks.Vector(rng, N).Select(v => (float)v)];
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double kl = 0;
        for (int i = 0; i < _p.Length; i++)
        {
            if (_p[i] > 0)
            {
                kl += _p[i] * Math.Log((double)_p[i] / _q[i]);
            }
        }

        return kl;
    }

    [Benchmark]
    public double KullbackLeibler() => Divergence.KullbackLeibler(_p, _q);

    [Benchmark]
    public float Dot() => TensorPrimitives.Dot<float>(_p, _q);
}
