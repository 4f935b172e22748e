using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace InfoTheory.Benchmarks.Discrete;

/// <summary>
/// The distillation workload: KL(softmax(teacher/T) ‖ softmax(student/T)) row by row over a [10⁴, 1000] block of float
/// logits (target: within 3× of <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> over the same
/// two arrays, 0 bytes allocated), against the textbook per-row log-softmax loop in double.
/// benchmarks/peers/peer_logit_kl.py times PyTorch's <c>kl_div</c> of <c>log_softmax</c> rows on the same recipe.
/// </summary>
[MemoryDiagnoser]
public class LogitKullbackLeiblerRowsBenchmarks
{
    private const int Rows = 10_000;
    private const int Classes = 1000;
    private const double Temperature = 2.0;

    private float[] _teacher = [];
    private float[] _student = [];
    private double[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        // Logits uniform in (−4, 4), the student within ±1 of the teacher.
        var rng = new Random(11);
        _teacher = new float[Rows * Classes];
        _student = new float[Rows * Classes];
        _destination = new double[Rows];
        for (int i = 0; i < _teacher.Length; i++)
        {
            _teacher[i] = (float)(8 * (rng.NextDouble() - 0.5));
            _student[i] = _teacher[i] + (float)((2 * rng.NextDouble()) - 1);
        }
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoop()
    {
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> a = _teacher.AsSpan(r * Classes, Classes), b = _student.AsSpan(r * Classes, Classes);
            double lseA = LogSumExp(a), lseB = LogSumExp(b), kl = 0;
            for (int i = 0; i < Classes; i++)
            {
                double logP = (a[i] / Temperature) - lseA, logQ = (b[i] / Temperature) - lseB;
                kl += Math.Exp(logP) * (logP - logQ);
            }

            _destination[r] = kl;
        }

        return _destination[0];
    }

    [Benchmark]
    public double KullbackLeiblerRows()
    {
        Logits.KullbackLeiblerRows(_teacher, _student, Classes, _destination, Temperature);
        return _destination[0];
    }

    [Benchmark]
    public float Dot() => TensorPrimitives.Dot<float>(_teacher, _student);

    private static double LogSumExp(ReadOnlySpan<float> z)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (float v in z)
        {
            max = Math.Max(max, v / Temperature);
        }

        foreach (float v in z)
        {
            sum += Math.Exp((v / Temperature) - max);
        }

        return max + Math.Log(sum);
    }
}
