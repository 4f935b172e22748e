using BenchmarkDotNet.Attributes;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Kernels;

namespace InfoTheory.Benchmarks.Variational;

/// <summary>
/// The matrix products of one VAE training step (batch 128, 784 → 400 → 20) and a square one: the packed,
/// blocked FMA kernel on all cores against the textbook triple loop.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MatMulBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private GemmMode _mode;

    private static readonly MatrixProductOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    public static IEnumerable<MatMulShape> Shapes =>
    [
        new(128, 784, 400),                   // encoder layer forward
        new(784, 128, 400, TransposeA: true), // its weight gradient, Xᵀ·dY
        new(128, 400, 784, TransposeB: true), // decoder input gradient, dY·Wᵀ
        new(128, 400, 20),                    // latent head: 20 columns, not a multiple of the SIMD width
        new(512, 512, 512),
    ];

    [ParamsSource(nameof(Shapes))]
    public MatMulShape Shape { get; set; } = new(1, 1, 1);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = Fill(random, Shape.M * Shape.K);
        _b = Fill(random, Shape.K * Shape.N);
        _c = new float[Shape.M * Shape.N];
        _mode = (Shape.TransposeA ? GemmMode.TransposeA : GemmMode.None) | (Shape.TransposeB ? GemmMode.TransposeB : GemmMode.None);
    }

    [Benchmark(Baseline = true)]
    public float[] NaiveTripleLoop()
    {
        (int m, int k, int n) = (Shape.M, Shape.K, Shape.N);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (Shape.TransposeA ? _a[(p * m) + i] : _a[(i * k) + p]) * (Shape.TransposeB ? _b[(j * k) + p] : _b[(p * n) + j]);
                }

                _c[(i * n) + j] = sum;
            }
        }

        return _c;
    }

    [Benchmark]
    public float[] Blocked()
    {
        Gemm.Compute(_a, _b, _c, Shape.M, Shape.K, Shape.N, _mode);
        return _c;
    }

    [Benchmark]
    public float[] BlockedOneThread()
    {
        Gemm.Compute(_a, _b, _c, Shape.M, Shape.K, Shape.N, _mode, OneThread);
        return _c;
    }

    private static float[] Fill(Random random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((2.0 * random.NextDouble()) - 1.0);
        }

        return values;
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new GflopsColumn());
    }
}
