using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

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

    /// <summary>The same kernel held to one core, against <see cref="ProbabilityVectorBenchmarks.Dot"/>; the public call uses every core.</summary>
    [Benchmark]
    public double KullbackLeiblerOneCore() => KullbackLeiblerKernel.Nats<double>(P, Q, "p", "q", SimdWidths.Best, threads: 1);
}
