namespace InfoTheory.Internal;

/// <summary>Elementary and special functions evaluated without the cancellation their textbook forms suffer.</summary>
internal static class PreciseMath
{
    /// <summary>log(1 + x), accurate to full relative precision near 0 (Goldberg's correction of the rounded 1 + x).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1, accurate to full relative precision near 0 (Kahan's correction).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    /// <summary>The trigamma function ψ₁(z) = d²/dz² log Γ(z) for z &gt; 0.</summary>
    /// <remarks>Recurrence ψ₁(z) = ψ₁(z + 1) + 1/z² up to z ≥ 10, then the asymptotic series (truncation error below 1e-16 there).</remarks>
    public static double Trigamma(double z)
    {
        double shift = 0;
        while (z < 10)
        {
            shift += 1 / (z * z);
            z += 1;
        }

        return shift + (1 / z) + TrigammaTail(z);
    }

    /// <summary>ψ₁(z) − 1/z for z ≥ 10 from the asymptotic series 1/(2z²) + 1/(6z³) − 1/(30z⁵) + … (Abramowitz &amp; Stegun 6.4.12).</summary>
    public static double TrigammaTail(double z)
    {
        double r = 1 / z, r2 = r * r;
        double odd = (-691.0 / 2730) + (r2 * 7.0 / 6);
        odd = (5.0 / 66) + (r2 * odd);
        odd = (-1.0 / 30) + (r2 * odd);
        odd = (1.0 / 42) + (r2 * odd);
        odd = (-1.0 / 30) + (r2 * odd);
        odd = (1.0 / 6) + (r2 * odd);
        return r2 * (0.5 + (r * odd));
    }

    /// <summary>log Γ(x + n) − log Γ(x) = Σ_{j&lt;n} log(x + j), the log rising factorial, for x &gt; 0 and an integer n ≥ 0.</summary>
    /// <remarks>
    /// Short products are summed directly; long ones use the difference of Stirling series written as
    /// (x − ½)·log1p(n/x) + n·log(x + n) − n + c(x + n) − c(x), so that no two log-gammas of size n log n are subtracted.
    /// </remarks>
    public static double LogRising(double x, long n)
    {
        double s = 0;
        if (n <= 16)
        {
            for (long j = 0; j < n; j++)
            {
                s += Math.Log(x + j);
            }

            return s;
        }

        while (x < 10)
        {
            s += Math.Log(x);
            x += 1;
            if (--n == 0)
            {
                return s;
            }
        }

        double y = x + n;
        return s + ((x - 0.5) * Log1P(n / x)) + (n * Math.Log(y)) - n + StirlingCorrection(y) - StirlingCorrection(x);
    }

    // log Γ(z) − ((z − ½) log z − z + ½ log 2π) for z ≥ 10; the truncation error is below 1e-15.
    private static double StirlingCorrection(double z)
    {
        double r = 1 / z, r2 = r * r;
        return r * ((1.0 / 12) + (r2 * ((-1.0 / 360) + (r2 * ((1.0 / 1260) + (r2 * ((-1.0 / 1680) + (r2 / 1188))))))));
    }
}
