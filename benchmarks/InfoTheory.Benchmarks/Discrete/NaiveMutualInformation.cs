namespace InfoTheory.Benchmarks.Discrete;

/// <summary>The obvious plug-in mutual information: three Dictionary counts, then one sum over the pairs. The naive baseline of every label-MI benchmark.</summary>
internal static class NaiveMutualInformation
{
    /// <summary>Plug-in MI of the pairs (x[i], y[i]) in nats.</summary>
    public static double Of<T>(T[] x, T[] y)
        where T : notnull
    {
        var pairs = new Dictionary<(T, T), int>();
        var xs = new Dictionary<T, int>();
        var ys = new Dictionary<T, int>();
        for (int i = 0; i < x.Length; i++)
        {
            pairs[(x[i], y[i])] = pairs.GetValueOrDefault((x[i], y[i])) + 1;
            xs[x[i]] = xs.GetValueOrDefault(x[i]) + 1;
            ys[y[i]] = ys.GetValueOrDefault(y[i]) + 1;
        }

        double n = x.Length, mi = 0;
        foreach (var ((a, b), c) in pairs)
        {
            mi += c / n * Math.Log(c * n / ((double)xs[a] * ys[b]));
        }

        return mi;
    }
}
