using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>Shannon entropy of p: the fused SIMD kernel against the textbook Math.Log loop.</summary>
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
}
