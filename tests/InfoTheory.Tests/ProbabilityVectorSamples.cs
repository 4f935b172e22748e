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
}
