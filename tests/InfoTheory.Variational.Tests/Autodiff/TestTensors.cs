using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>Seeded random double tensors for gradient checks, kept away from kinks where asked.</summary>
internal static class TestTensors
{
    /// <summary>Uniform on [−2, 2).</summary>
    public static AutodiffTensor<double> Uniform(int seed, params int[] shape)
        => AutodiffTensor.RandomUniform(new Random(seed), -2.0, 2.0, shape);

    /// <summary>Uniform on [0.5, 2): inputs of log, sqrt and fractional powers.</summary>
    public static AutodiffTensor<double> Positive(int seed, params int[] shape)
        => AutodiffTensor.RandomUniform(new Random(seed), 0.5, 2.0, shape);

    /// <summary>Uniform on ±[0.1, 2): inputs of functions with a kink at 0 (relu, abs).</summary>
    public static AutodiffTensor<double> AwayFromZero(int seed, params int[] shape)
    {
        var t = AutodiffTensor.RandomUniform(new Random(seed), 0.1, 2.0, shape);
        var sign = new Random(seed + 1);
        var v = t.Values;
        for (int i = 0; i < v.Length; i++)
        {
            if (sign.Next(2) == 0)
            {
                v[i] = -v[i];
            }
        }

        return t;
    }
}
