namespace InfoTheory.Tests;

/// <summary>Random tables and label sequences for the invariant tests, drawn from a caller-seeded <see cref="Random"/>.</summary>
internal static class DiscreteSamples
{
    /// <summary>A rows × columns probability table; about a quarter of the cells are exactly 0 (never all of them).</summary>
    public static double[,] Table(Random rng, int rows, int columns)
    {
        var t = new double[rows, columns];
        double sum = 0;
        for (int x = 0; x < rows; x++)
        {
            for (int y = 0; y < columns; y++)
            {
                t[x, y] = rng.NextDouble() < 0.25 ? 0 : rng.NextDouble();
                sum += t[x, y];
            }
        }

        if (sum == 0)
        {
            t[0, 0] = sum = 1;
        }

        for (int x = 0; x < rows; x++)
        {
            for (int y = 0; y < columns; y++)
            {
                t[x, y] /= sum;
            }
        }

        return t;
    }

    /// <summary>A probability vector of the given length with strictly positive entries.</summary>
    public static double[] Positive(Random rng, int length)
    {
        var p = new double[length];
        for (int i = 0; i < length; i++)
        {
            p[i] = 0.05 + rng.NextDouble();
        }

        double sum = p.Sum();
        for (int i = 0; i < length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>n labels in [0, classes), each drawn uniformly.</summary>
    public static int[] Labels(Random rng, int n, int classes)
    {
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.Next(classes);
        }

        return labels;
    }

    /// <summary>A label that depends on <paramref name="x"/> with probability ½ and is uniform noise otherwise.</summary>
    public static int[] Noisy(Random rng, int[] x, int classes)
    {
        var y = new int[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = rng.NextDouble() < 0.5 ? x[i] % classes : rng.Next(classes);
        }

        return y;
    }
}
