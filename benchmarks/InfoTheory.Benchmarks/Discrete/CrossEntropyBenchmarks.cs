using BenchmarkDotNet.Attributes;

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
}
