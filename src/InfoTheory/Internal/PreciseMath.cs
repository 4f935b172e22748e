using MathNet.Numerics;

namespace InfoTheory.Internal;

// <summary>Elementary and special functions evaluated without the cancellation their textbook forms suffer.</summary>
internal static class PreciseMath
{
    // <summary>eˣ − 1, accurate to full relative precision near 0 (Kahan's correction).</summary>
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

    // <summary>The trigamma function ψ₁(z) = d²/dz² log Γ(z) for z &gt; 0.</summary>
    // <remarks>Recurrence ψ₁(z) = ψ₁(z + 1) + 1/z² up to z ≥ 10, then the asymptotic series (truncation error below 1e-16 there).</remarks>
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

    // <summary>ψ₁(z) − 1/z for z ≥ 10 from the asymptotic series 1/(2z²) + 1/(6z³) − 1/(30z⁵) + … (Abramowitz &amp; Stegun 6.4.12).</summary>
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

    // <summary>ψ₀(y + d) − ψ₀(y) for y &gt; 0 and d ≥ 0, to full relative precision even where d ≪ y and the two digammas agree in most digits.</summary>
    // <remarks>
    // The recurrence ψ₀(z + 1) = ψ₀(z) + 1/z shifts y up to 10, adding d/(z(z + d)) per step; there
    // ψ₀(z) = ln z − 1/(2z) − T(z), T(z) = Σ B₂ₖ/(2k z²ᵏ) (Abramowitz &amp; Stegun 6.3.18, seven terms, error below 1e-16
    // relative), so the difference is log1p(d/y) + d/(2xy) − (T(x) − T(y)) with x = y + d, and T(x) − T(y) is summed
    // from (1/x² − 1/y²) = −d(x + y)/(x²y²) times the complete homogeneous sums of 1/x², 1/y²: no digit cancels.
    // </remarks>
    public static double DigammaDifference(double y, double d)
    {
        double shifted = 0;
        while (y < 10)
        {
            shifted += d / (y * (y + d));
            y += 1;
        }

        double x = y + d;
        double u = 1 / (x * x), v = 1 / (y * y);
        ReadOnlySpan<double> coefficients = [1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12];
        double homogeneous = 1, vPower = 1, tail = 0;
        foreach (double c in coefficients)
        {
            tail += c * homogeneous;
            vPower *= v;
            homogeneous = (u * homogeneous) + vPower;
        }

        double uMinusV = -d * (x + y) * u * v;
        return shifted + Numerics.Log1P(d / y) + (d / (2 * y * x)) - (uMinusV * tail);
    }

    // <summary>−ln B(a, b) = ln Γ(a + b) − ln Γ(a) − ln Γ(b) for a, b &gt; 0, without subtracting log-gammas of the larger argument.</summary>
    // <remarks>With a ≥ b ≥ 0 and a ≥ 10, ln Γ(a + b) − ln Γ(a) comes from the Stirling difference as in <see cref="LogRising"/>, so the result carries errors of the size of b·ln(a + b), not of a·ln a.</remarks>
    public static double LogInverseBeta(double a, double b)
    {
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (a < 10)
        {
            return SpecialFunctions.GammaLn(a + b) - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b);
        }

        double y = a + b;
        return ((a - 0.5) * Numerics.Log1P(b / a)) + (b * Math.Log(y)) - b + StirlingCorrection(y) - StirlingCorrection(a) - SpecialFunctions.GammaLn(b);
    }

    // <summary>ln Γ(β + n) − ln Γ(β) − n ln β = Σ_{j&lt;n} log1p(j/β) for an integer n ≥ 0 and β ≥ n: small where the log rising factorial is large.</summary>
    public static double LogRisingExcess(double beta, long n)
    {
        double s = 0;
        if (n <= 16)
        {
            for (long j = 1; j < n; j++)
            {
                s += Numerics.Log1P(j / beta);
            }

            return s;
        }

        // β ≥ n > 16: the Stirling difference minus n ln β is β·(log1p(x) − x) + (n − ½)·log1p(x) + c(β + n) − c(β), x = n/β.
        double x = n / beta;
        return (beta * Log1PMinusX(x)) + ((n - 0.5) * Numerics.Log1P(x)) + StirlingCorrection(beta + n) - StirlingCorrection(beta);
    }

    // <summary>log1p(x) − x for 0 ≤ x ≤ 1, from log1p(x) = 2 atanh(s), s = x/(2 + x): −s·x + 2(s³/3 + s⁵/5 + …), no leading cancellation.</summary>
    private static double Log1PMinusX(double x)
    {
        double s = x / (2 + x), s2 = s * s, power = s * s2, sum = 0;
        for (int k = 3; k < 80; k += 2)
        {
            double term = power / k;
            sum += term;
            if (term <= 1e-17 * sum)
            {
                break;
            }

            power *= s2;
        }

        return (2 * sum) - (s * x);
    }

    // <summary>log Γ(x + n) − log Γ(x) = Σ_{j&lt;n} log(x + j), the log rising factorial, for x &gt; 0 and an integer n ≥ 0.</summary>
    // <remarks>
    // Short products are summed directly; long ones use the difference of Stirling series written as
    // (x − ½)·log1p(n/x) + n·log(x + n) − n + c(x + n) − c(x), so that no two log-gammas of size n log n are subtracted.
    // </remarks>
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
        return s + ((x - 0.5) * Numerics.Log1P(n / x)) + (n * Math.Log(y)) - n + StirlingCorrection(y) - StirlingCorrection(x);
    }

    // log Γ(z) − ((z − ½) log z − z + ½ log 2π) for z ≥ 10; the truncation error is below 1e-15.
    private static double StirlingCorrection(double z)
    {
        double r = 1 / z, r2 = r * r;
        return r * ((1.0 / 12) + (r2 * ((-1.0 / 360) + (r2 * ((1.0 / 1260) + (r2 * ((-1.0 / 1680) + (r2 / 1188))))))));
    }
}
