namespace InfoTheory.Tests.Kernels;

/// <summary>
/// Textbook loops over <see cref="Math.Log(double)"/>, independent of the library's kernels: the
/// oracle every SIMD kernel is compared with. Ratios are taken as differences of logarithms so that
/// subnormal entries cannot overflow a quotient.
/// </summary>
internal static class ScalarReference
{
    public static double Entropy(double[] p)
    {
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return h;
    }

    public static double CrossEntropy(double[] p, double[] q)
    {
        double h = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                h -= p[i] * Math.Log(q[i]);
            }
        }

        return h;
    }

    public static double KullbackLeibler(double[] p, double[] q)
    {
        double kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                kl += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
            }
        }

        return kl;
    }

    public static double JensenShannon(double[] p, double[] q)
    {
        double jsd = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double m = 0.5 * (p[i] + q[i]);
            if (p[i] > 0)
            {
                jsd += 0.5 * p[i] * (Math.Log(p[i]) - Math.Log(m));
            }

            if (q[i] > 0)
            {
                jsd += 0.5 * q[i] * (Math.Log(q[i]) - Math.Log(m));
            }
        }

        return jsd;
    }
}
