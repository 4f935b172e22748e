namespace InfoTheory.Tests;

/// <summary>Random probability vectors for invariant and kernel tests, drawn from a caller-seeded <see cref="Random"/>.</summary>
internal static class ProbabilityVectorSamples
{
    /// <summary>
    /// A probability vector of the given length whose entries span many magnitudes; about
    /// <paramref name="zeroFraction"/> of them are exactly 0 (never all of them).
    /// </summary>
    public static double[] Vector(Random rng, int length, double zeroFraction = 0.2)
    {
        var w = new double[length];
        for (int i = 0; i < length; i++)
        {
            // Cubing spreads the weights over several decades, so tiny and large terms mix.
            double u = rng.NextDouble();
            w[i] = rng.NextDouble() < zeroFraction ? 0 : u * u * u;
        }

        if (w.All(v => v == 0))
        {
            w[rng.Next(length)] = 1;
        }

        return Distribution.Normalize(w);
    }

    /// <summary>
    /// <see cref="Vector"/> rounded to float, one entry then corrected so that the widened values sum to 1 within about
    /// 1e-10: the double overloads accept the same values, so float and double results can be compared bit for bit.
    /// </summary>
    public static float[] FloatVector(Random rng, int length, double zeroFraction = 0.2)
    {
        float[] p = [.. Vector(rng, length, zeroFraction).Select(v => (float)v)];
        double correction = 1 - p.Sum(v => (double)v);

        // The smallest entry that stays positive takes the correction: its float spacing decides the error left.
        int k = Array.IndexOf(p, p.Where(v => v > 2 * Math.Abs(correction)).Min());
        p[k] = (float)(p[k] + correction);
        return p;
    }

    /// <summary>
    /// Two <see cref="FloatVector"/>s seeded by <paramref name="length"/> (q with full support) and their widened doubles,
    /// for comparing a float overload with the double one.
    /// </summary>
    public static (float[] P, float[] Q, double[] PWide, double[] QWide) FloatPair(int length)
    {
        var rng = new Random(length);
        float[] p = FloatVector(rng, length);
        float[] q = FloatVector(rng, length, zeroFraction: 0);
        return (p, q, Widened(p), Widened(q));
    }

    /// <summary>The values of <paramref name="p"/> as doubles, each widened exactly.</summary>
    public static double[] Widened(float[] p) => [.. p.Select(v => (double)v)];
}
