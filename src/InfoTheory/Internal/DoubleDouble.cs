namespace InfoTheory.Internal;

// <summary>An unevaluated sum hi + lo of two doubles with |lo| ≤ ½ ulp(hi): about 106 significant bits, for reading exact sums out without losing what cancels.</summary>
// <remarks>The error-free transformations of T. J. Dekker, "A floating-point technique for extending the available precision", Numer. Math. 18 (1971) 224–242, with the product's low part from a fused multiply-add.</remarks>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static DoubleDouble FromLong(long value)
    {
        double hi = value;
        // The remainder is exact in Int128 even when hi rounded up to 2⁶³, which no long can hold.
        double lo = (double)((Int128)value - (Int128)hi);
        return new DoubleDouble(hi, lo);
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        (double s, double e) = TwoSum(a.Hi, b.Hi);
        if (!double.IsFinite(s))
        {
            // Past the double range the error terms are ∞ − ∞; the sum itself is the answer.
            return new DoubleDouble(s, 0);
        }

        (double t, double f) = TwoSum(a.Lo, b.Lo);
        e += t;
        (s, e) = FastTwoSum(s, e);
        e += f;
        return Normalize(s, e);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += (a.Hi * b.Lo) + (a.Lo * b.Hi);
        return Normalize(p, e);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - (b * new DoubleDouble(q1, 0));
        double q2 = r.Hi / b.Hi;
        r -= b * new DoubleDouble(q2, 0);
        double q3 = r.Hi / b.Hi;
        return Normalize(q1, q2) + new DoubleDouble(q3, 0);
    }

    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));

    public static DoubleDouble Normalize(double hi, double lo)
    {
        if (!double.IsFinite(hi))
        {
            return new DoubleDouble(hi, 0);
        }

        (double s, double e) = FastTwoSum(hi, lo);
        return new DoubleDouble(s, double.IsFinite(s) ? e : 0);
    }

    public static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static (double Sum, double Error) FastTwoSum(double a, double b)
    {
        double s = a + b;
        return (s, b - (s - a));
    }
}
