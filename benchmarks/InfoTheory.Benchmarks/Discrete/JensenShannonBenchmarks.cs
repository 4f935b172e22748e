using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>Jensen–Shannon divergence of p and q: the fused SIMD kernel against the textbook Math.Log loop.</summary>
public class JensenShannonBenchmarks : ProbabilityVectorBenchmarks
{
    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        double jsd = 0;
        for (int i = 0; i < P.Length; i++)
        {
            double m = 0.5 * (P[i] + Q[i]);
            if (P[i] > 0)
            {
                jsd += 0.5 * P[i] * Math.Log(P[i] / m);
            }

            if (Q[i] > 0)
            {
                jsd += 0.5 * Q[i] * Math.Log(Q[i] / m);
            }
        }

        return jsd;
    }

    [Benchmark]
    public double JensenShannon() => Divergence.JensenShannon(P, Q);

    /// <summary>The same pass held to one thread, against Dot on one core.</summary>
    [Benchmark]
    public double JensenShannonOneCore() => JensenShannonKernel.Nats<double>(P, Q, "p", "q", SimdWidths.Best, threads: 1);
}
