namespace InfoTheory.Tests;

/// <summary>
/// Samples that Python reproduces bit for bit, so values computed by scikit-learn on "the same data" really are on the
/// same data: a 32-bit linear congruential generator (Numerical Recipes' constants) whose outputs are dyadic
/// fractions, and sums of them, all exact in binary floating point.
/// </summary>
/// <remarks>
/// The Python mirror used for the pasted expected values:
/// <code>
/// def lcg(count, seed):
///     s = seed; out = []
///     for _ in range(count):
///         s = (1664525 * s + 1013904223) % 2**32; out.append((s >> 8) / 2**24)
///     return np.array(out)
/// def bell(n, seed):
///     u = lcg(3 * n, seed).reshape(n, 3); return u[:, 0] + u[:, 1] + u[:, 2] - 1.5
/// </code>
/// </remarks>
internal static class PortableSamples
{
    /// <summary><paramref name="count"/> values in [0, 1), multiples of 2⁻²⁴.</summary>
    public static double[] Uniform(int count, uint seed)
    {
        var values = new double[count];
        uint s = seed;
        for (int i = 0; i < count; i++)
        {
            s = unchecked((1664525u * s) + 1013904223u);
            values[i] = (s >> 8) / 16777216.0;
        }

        return values;
    }

    /// <summary><paramref name="n"/> bell-shaped values in (−1.5, 1.5): the sum of three consecutive uniforms minus 1.5.</summary>
    public static double[] Bell(int n, uint seed)
    {
        double[] u = Uniform(3 * n, seed);
        return Enumerable.Range(0, n).Select(i => u[3 * i] + u[(3 * i) + 1] + u[(3 * i) + 2] - 1.5).ToArray();
    }
}
