using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// Shannon entropy of p: the fused SIMD kernel against the textbook Math.Log loop. Entropy reads one
/// array, so <see cref="DotOfP"/> (p·p) is its memory-read floor; the inherited Dot reads p and q.
/// </summary>
public class ShannonBenchmarks : ProbabilityVectorBenchmarks
{
    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double h = 0;
        foreach (double v in P)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return h;
    }

    [Benchmark]
    public double Shannon() => Entropy.Shannon(P);

    /// <summary>The same kernel held to one core; the public call uses every core.</summary>
    [Benchmark]
    public double ShannonOneCore() => EntropyKernel<double>.Nats(P, "p", SimdWidths.Best, threads: 1);

    [Benchmark]
    public double DotOfP() => TensorPrimitives.Dot<double>(P, P);
}
