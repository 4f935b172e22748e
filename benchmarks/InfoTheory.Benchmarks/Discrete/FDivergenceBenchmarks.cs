using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Kernels;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// The f-divergences' named members and the named Bregman divergences over 10⁷ doubles (target: each within 2× of
/// <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over the same two arrays, 0 bytes allocated), and the
/// general <see cref="Divergence.F"/> with a generator called per entry, for what a caller's own f costs.
/// </summary>
public class FDivergenceBenchmarks : ProbabilityVectorBenchmarks
{
    /// <summary>Gets only 10⁷, the size: the shorter sizes run on one core and are timed by the fused kernels' own classes.</summary>
    public override IEnumerable<int> Sizes => [10_000_000];

    /// <summary>The textbook Hellinger loop, √(1 − Σ √(pᵢqᵢ)) with a square root per entry.</summary>
    private static readonly FGenerator CallersKullbackLeibler = new(t => t * Math.Log(t), 0.0, double.PositiveInfinity);

    [Benchmark(Baseline = true)]
    public double NaiveHellinger()
    {
        double overlap = 0;
        for (int i = 0; i < P.Length; i++)
        {
            overlap += Math.Sqrt(P[i] * Q[i]);
        }

        return Math.Sqrt(Math.Max(1 - overlap, 0));
    }

    [Benchmark]
    public double KullbackLeibler() => Divergence.KullbackLeibler(P, Q);

    [Benchmark]
    public double Hellinger() => Divergence.Hellinger(P, Q);

    [Benchmark]
    public double TotalVariation() => Divergence.TotalVariation(P, Q);

    [Benchmark]
    public double PearsonChiSquare() => Divergence.ChiSquare(P, Q);

    [Benchmark]
    public double NeymanChiSquare() => Divergence.ChiSquare(P, Q, ChiSquareForm.Neyman);

    [Benchmark]
    public double Jeffreys() => Divergence.Jeffreys(P, Q);

    /// <summary>Jeffreys' kernel held to one core; the public call uses every core.</summary>
    [Benchmark]
    public double JeffreysOneCore() => PairTermKernel<JeffreysTerm>.Sum<double>(P, Q, "p", "q", SimdWidths.Best, threads: 1);

    [Benchmark]
    public double BhattacharyyaCoefficient() => Divergence.BhattacharyyaCoefficient(P, Q);

    [Benchmark]
    public double Bhattacharyya() => Divergence.Bhattacharyya(P, Q);

    [Benchmark]
    public double Triangular() => Divergence.Triangular(P, Q);

    [Benchmark]
    public double BregmanSquaredEuclidean() => Divergence.Bregman(P, Q, BregmanGenerator.SquaredEuclidean);

    [Benchmark]
    public double BregmanGeneralizedKullbackLeibler() => Divergence.Bregman(P, Q, BregmanGenerator.GeneralizedKullbackLeibler);

    [Benchmark]
    public double BregmanItakuraSaito() => Divergence.Bregman(P, Q, BregmanGenerator.ItakuraSaito);

    /// <summary>Itakura–Saito's pass held to one core (the domain checks aside); the public call uses every core.</summary>
    [Benchmark]
    public double BregmanItakuraSaitoOneCore() => VectorPairPass<ItakuraSaitoTerm>.Sum(P, Q, SimdWidths.Best, out _, out _, out _, threads: 1);

    /// <summary>The generalized KL's pass held to one core (the domain checks aside).</summary>
    [Benchmark]
    public double BregmanGeneralizedKullbackLeiblerOneCore() => VectorPairPass<GeneralizedKullbackLeiblerTerm>.Sum(P, Q, SimdWidths.Best, out _, out _, out _, threads: 1);

    [Benchmark]
    public double FWithKullbackLeiblerGenerator() => Divergence.F(P, Q, FGenerator.KullbackLeibler);

    /// <summary>The same generator built by a caller: the scalar loop, one delegate call per entry.</summary>
    [Benchmark]
    public double FWithCallersGenerator() => Divergence.F(P, Q, CallersKullbackLeibler);
}
