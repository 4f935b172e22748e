using BenchmarkDotNet.Attributes;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;

namespace InfoTheory.Benchmarks.Variational.Distributions;

/// <summary>
/// The full-covariance Gaussian log-density over a batch of points (one step of KL fitting):
/// forward substitution composed of tensor operations against a scalar loop.
/// </summary>
[MemoryDiagnoser]
public class CholeskyLogProbBenchmarks
{
    private const int Points = 256;
    private AutodiffTensor<double> _mean = AutodiffTensor.Zeros<double>(1);
    private AutodiffTensor<double> _raw = AutodiffTensor.Zeros<double>(1, 1);
    private AutodiffTensor<double> _z = AutodiffTensor.Zeros<double>(1, 1);
    private double[] _factor = [];
    private double[] _scratch = [];

    [Params(2, 7)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _mean = AutodiffTensor.RandomNormal(random, 0.0, 1.0, Dimension).RequiringGrad();
        _raw = AutodiffTensor.RandomNormal(random, 0.0, 0.3, Dimension, Dimension).RequiringGrad();
        _z = AutodiffTensor.RandomNormal(random, 0.0, 1.0, Points, Dimension);
        using (Autograd.NoGrad())
        {
            _factor = CholeskyGaussian.FromUnconstrained(_mean, _raw).ScaleTril.ToArray();
        }

        _scratch = new double[Dimension];
    }

    /// <summary>Σ log N(zₙ; μ, LLᵀ) by forward substitution, one point at a time (value only).</summary>
    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        int d = Dimension;
        var mean = _mean.Values;
        var z = _z.Values;
        double logDet = 0;
        for (int i = 0; i < d; i++)
        {
            logDet += Math.Log(_factor[(i * d) + i]);
        }

        double total = 0;
        for (int n = 0; n < Points; n++)
        {
            double squared = 0;
            for (int i = 0; i < d; i++)
            {
                double sum = z[(n * d) + i] - mean[i];
                for (int j = 0; j < i; j++)
                {
                    sum -= _factor[(i * d) + j] * _scratch[j];
                }

                _scratch[i] = sum / _factor[(i * d) + i];
                squared += _scratch[i] * _scratch[i];
            }

            total += -0.5 * ((d * Math.Log(2 * Math.PI)) + (2 * logDet) + squared);
        }

        return total;
    }

    /// <summary>The same value through <see cref="CholeskyGaussian{T}.LogProb"/> without a graph.</summary>
    [Benchmark]
    public double TensorValue()
    {
        using (TensorScope.Begin())
        using (Autograd.NoGrad())
        {
            return CholeskyGaussian.FromUnconstrained(_mean, _raw).LogProb(_z).Sum().Item;
        }
    }

    /// <summary>The value and its gradient with respect to μ and the unconstrained factor.</summary>
    [Benchmark]
    public double TensorValueAndGradient()
    {
        using (TensorScope.Begin())
        {
            _mean.ZeroGrad();
            _raw.ZeroGrad();
            var total = CholeskyGaussian.FromUnconstrained(_mean, _raw).LogProb(_z).Sum();
            total.Backward();
            return total.Item;
        }
    }
}
