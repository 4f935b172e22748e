namespace InfoTheory.Continuous;

/// <summary>Independent N(0, 1) draws from a caller's <see cref="Random"/>.</summary>
internal static class StandardNormal
{
    /// <summary>Fills <paramref name="destination"/> with standard normal values (Marsaglia's polar method).</summary>
    /// <remarks>
    /// The polar method yields values in pairs; for an odd length the last pair's second value is
    /// discarded, so the stream a given length consumes is fixed and results are reproducible.
    /// Marsaglia &amp; Bray (1964), "A convenient method for generating normal variables", SIAM Review 6(3).
    /// </remarks>
    public static void Fill(Random random, Span<double> destination)
    {
        int i = 0;
        while (i < destination.Length)
        {
            double u, v, s;
            do
            {
                u = (2.0 * random.NextDouble()) - 1.0;
                v = (2.0 * random.NextDouble()) - 1.0;
                s = (u * u) + (v * v);
            }
            while (s >= 1.0 || s == 0.0);

            double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
            destination[i++] = u * factor;
            if (i < destination.Length)
            {
                destination[i++] = v * factor;
            }
        }
    }
}
