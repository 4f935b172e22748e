using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>Cross-entropy H(p, q): the fused SIMD kernel against the textbook Math.Log loop.</summary>
public class CrossEntropyBenchmarks : ProbabilityVectorBenchmarks
{
    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double h = 0;
        for (int i = 0; i < P.Length; i++)
        {
            if (P[i] > 0)
            {
                h -= P[i] * Math.Log(Q[i]);
            }
        }

        return h;
    }

    [Benchmark]
    public double Cross() => Entropy.Cross(P, Q);

    /// <summary>The same kernel held to one core; the public call uses every core.</summary>
    [Benchmark]
    public double CrossOneCore() => CrossEntropyKernel.Nats<double>(P, Q, "p", "q", SimdWidths.Best, threads: 1);
}
