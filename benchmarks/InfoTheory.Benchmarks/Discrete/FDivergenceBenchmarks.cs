using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// The f-divergences' named members and the named Bregman divergences over 10⁷ doubles (target: each within 2× of
/// <see cref="TensorPrimitives.Dot{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over the same two arrays, 0 bytes allocated), and the
/// general <see cref="Divergence.F"/> with a generator called per entry, for what a caller's own f costs.
/// </summary>
[MemoryDiagnoser]
public class FDivergenceBenchmarks
{
    private double[] _p = [];
    private double[] _q = [];

    [Params(10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261125);
        _p = ProbabilityVectorBenchmarks.Vector(rng, N);
        _q = ProbabilityVectorBenchmarks.Vector(rng, N);
    }

    [Benchmark(Baseline = true)]
    public double Dot() => TensorPrimitives.Dot<double>(_p, _q);

    /// <summary>The fused KL pass the named members follow, for scale.</summary>
    [Benchmark]
    public double KullbackLeibler() => Divergence.KullbackLeibler(_p, _q);

    [Benchmark]
    public double Hellinger() => Divergence.Hellinger(_p, _q);

    [Benchmark]
    public double TotalVariation() => Divergence.TotalVariation(_p, _q);

    [Benchmark]
    public double PearsonChiSquare() => Divergence.ChiSquare(_p, _q);

    [Benchmark]
    public double NeymanChiSquare() => Divergence.ChiSquare(_p, _q, ChiSquareForm.Neyman);

    [Benchmark]
    public double Jeffreys() => Divergence.Jeffreys(_p, _q);

    [Benchmark]
    public double BhattacharyyaCoefficient() => Divergence.BhattacharyyaCoefficient(_p, _q);

    [Benchmark]
    public double Bhattacharyya() => Divergence.Bhattacharyya(_p, _q);

    [Benchmark]
    public double Triangular() => Divergence.Triangular(_p, _q);

    [Benchmark]
    public double BregmanSquaredEuclidean() => Divergence.Bregman(_p, _q, BregmanGenerator.SquaredEuclidean);

    [Benchmark]
    public double BregmanGeneralizedKullbackLeibler() => Divergence.Bregman(_p, _q, BregmanGenerator.GeneralizedKullbackLeibler);

    [Benchmark]
    public double BregmanItakuraSaito() => Divergence.Bregman(_p, _q, BregmanGenerator.ItakuraSaito);

    [Benchmark]
    public double FWithKullbackLeiblerGenerator() => Divergence.F(_p, _q, FGenerator.KullbackLeibler);
}
