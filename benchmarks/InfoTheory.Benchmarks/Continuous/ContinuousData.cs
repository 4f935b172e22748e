using InfoTheory.Continuous;

namespace InfoTheory.Benchmarks.Continuous;

/// <summary>Seeded inputs shared by the continuous benchmarks.</summary>
internal static class ContinuousData
{
    public static double[] GaussianPoints(Gaussian g, int n, int seed)
    {
        var points = new double[n * g.Dimension];
        g.Sample(new Random(seed), points);
        return points;
    }

    /// <summary>N(0, 1) points shifted by their class, 0 or 1 with equal probability: the peer script's data.</summary>
    public static (double[] X, int[] Classes) ShiftedClasses(int n, int seed)
    {
        double[] x = GaussianPoints(Gaussian.Standard(1), n, seed);
        var random = new Random(seed + 1);
        var classes = new int[n];
        for (int i = 0; i < n; i++)
        {
            classes[i] = random.Next(2);
            x[i] += classes[i];
        }

        return (x, classes);
    }

    public static (double[] X, double[] Y) CorrelatedPairs(int n, double rho, int seed)
    {
        double[] points = GaussianPoints(new Gaussian([0.0, 0.0], new double[,] { { 1.0, rho }, { rho, 1.0 } }), n, seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = points[2 * i];
            y[i] = points[(2 * i) + 1];
        }

        return (x, y);
    }
}
