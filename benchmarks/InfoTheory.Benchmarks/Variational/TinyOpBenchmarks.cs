using BenchmarkDotNet.Attributes;
using InfoTheory.Variational.Autodiff;
using System.Numerics.Tensors;

namespace InfoTheory.Benchmarks.Variational;

/// <summary>
/// The fixed cost of one engine operation on a tiny tensor (target: under 1 µs for a 16-element
/// add), against the bare scalar loop over the same spans as the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TinyOpBenchmarks
{
    private AutodiffTensor<float> _a = null!;
    private AutodiffTensor<float> _b = null!;
    private AutodiffTensor<float> _pa = null!;
    private AutodiffTensor<float> _pb = null!;
    private float[] _x = null!;
    private float[] _y = null!;
    private float[] _z = null!;

    [Params(16, 17)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        _a = AutodiffTensor.RandomUniform(random, -1f, 1f, Length);
        _b = AutodiffTensor.RandomUniform(random, -1f, 1f, Length);
        _pa = AutodiffTensor.RandomUniform(random, -1f, 1f, Length).RequiringGrad();
        _pb = AutodiffTensor.RandomUniform(random, -1f, 1f, Length).RequiringGrad();
        _x = _a.ToArray();
        _y = _b.ToArray();
        _z = new float[Length];
    }

    [Benchmark(Baseline = true)]
    public float ScalarLoop()
    {
        for (int i = 0; i < _z.Length; i++)
        {
            _z[i] = _x[i] + _y[i];
        }

        return _z[0];
    }

    [Benchmark]
    public float SpanPrimitive()
    {
        TensorPrimitives.Add(_x, _y, _z);
        return _z[0];
    }

    [Benchmark]
    public AutodiffTensor<float> TensorAdd() => _a + _b;

    [Benchmark]
    public float TensorAddInScope()
    {
        using (TensorScope.Begin())
        {
            return (_a + _b).Values[0];
        }
    }

    [Benchmark]
    public float TensorAddRecordedInScope()
    {
        using (TensorScope.Begin())
        {
            return (_pa + _pb).Values[0];
        }
    }
}
