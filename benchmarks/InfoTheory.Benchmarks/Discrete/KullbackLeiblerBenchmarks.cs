using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>KL(p‖q): the fused SIMD kernel against the textbook Math.Log loop.</summary>
public class KullbackLeiblerBenchmarks : ProbabilityVectorBenchmarks
{
    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double kl = 0;
        for (int i = 0; i < P.Length; i++)
        {
            if (P[i] > 0)
            {
                kl += P[i] * Math.Log(P[i] / Q[i]);
            }
        }

        return kl;
    }

    [Benchmark]
    public double KullbackLeibler() => Divergence.KullbackLeibler(P, Q);
}
