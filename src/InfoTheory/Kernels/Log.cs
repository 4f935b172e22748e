using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>
// The natural logarithm for every lane width, to full double accuracy (within 1 ulp of
// <see cref="Math.Log(double)"/> over normal and subnormal inputs).
// </summary>
// <remarks>
// The method is fdlibm's <c>e_log.c</c> (Sun Microsystems, 1993), restated for SIMD lanes:
// <list type="number">
// <item>Split x = 2^k·(1+f) with √2/2 ≤ 1+f &lt; √2 by integer arithmetic on the bits
// (<see cref="IVectorLanes{TSelf}.SplitExponent"/>); subnormals are first scaled by 2^54.</item>
// <item>With s = f/(2+f), log(1+f) = log(1+s) − log(1−s) = 2s + s·R(s²), where R is fdlibm's
// degree-7 minimax polynomial Lg1·z + … + Lg7·z⁷ on z ∈ [0, 0.0295], error below 2^−58.45.</item>
// <item>log x = k·ln2_hi + (f − (f²/2 − (s·(f²/2 + R) + k·ln2_lo))), where ln2 = ln2_hi + ln2_lo and
// k·ln2_hi is exact for |k| &lt; 2000.</item>
// </list>
// <see cref="OfRatio{T}"/> applies the same polynomial to log(p/q) without forming p/q: p's
// significand is taken in [1, 2), q's in [√2, 2√2), p's is doubled where their ratio y falls below
// √2/2, and s = (y−1)/(y+1) = (m_p − m_q)/(m_p + m_q), whose numerator is exact by Sterbenz's lemma.
// So a divergence term costs one division, not two, and log(p/q) is accurate even when p ≈ q, where
// log p − log q would cancel. The paired forms (<see cref="OfPositivePair{T}"/>, <see cref="OfRatioPair{T}"/>, and
// <see cref="RatiosToMidpoint{T}"/> for two ratios to one midpoint) let two arguments share one division at the price of two
// more roundings inside s (2–3 ulps); <see cref="Apply"/> uses the single forms.
// Every width runs the same arithmetic per element, so vector and scalar results agree bit for bit.
// <para>
// A table-driven log without division (Tang, ACM TOMS 1990; the glibc and ARM optimized-routines design: c ≈ 1/z from a
// 128-entry table, r = z·c − 1 by FMA, ln(1/c) as hi + lo, a degree-8 polynomial in r) was prototyped with the lookup by
// AVX2 gathers and by 32-byte record loads with a 4×4 transpose. On the Zen 3 machine (AVX2) both were slower than this
// form, whose one division serves two registers: 1.9× and 1.3× its time over in-cache data (benchmarks'
// TableLogBenchmarks, on a shared machine). So this form stays; the gap to the memory floor is closed by running the long
// passes on every core (<see cref="PartitionedRun"/>). On a Zen 4 EPYC (AVX-512) a 16-entry table read by vpermi2pd
// was 3% faster than this form at 512 bits (0.75 against 0.77 ns per log, in cache), too little to trade accuracy for;
// TableLogBenchmarks re-measures it.
// </para>
// </remarks>
internal static class Log
{
    // <summary>The smallest positive normal double, 2^−1022; below it a lane needs the subnormal path.</summary>
    public const double SmallestNormal = 2.2250738585072014e-308;

    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoTo54 = 18014398509481984.0;

    // <summary>
    // Writes ln xᵢ to <paramref name="destination"/>, with IEEE special values: ln 0 = −∞,
    // ln(+∞) = +∞, and NaN for NaN or a negative input.
    // </summary>
    // <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public static void Apply(ReadOnlySpan<double> x, Span<double> destination, SimdWidth width)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException(
                $"destination has length {destination.Length} but x has length {x.Length}; it must be at least as long.",
                nameof(destination));
        }

        var pass = new ApplyPass(x, destination);
        LanePass.Run(ref pass, width);
    }

    // <summary>ln(p/q) for one pair of finite p, q &gt; 0: the scalar form of <see cref="OfRatio{T}"/>, finite even where p/q would overflow.</summary>
    public static double OfRatio(double p, double q) => ScalarLanes.SumLanes(OfRatio(ScalarLanes.Create(p), ScalarLanes.Create(q)));

    // <summary>ln(p/(a·b)) for finite p, a, b &gt; 0, finite and accurate wherever the true value is, as in mutual information's p(x,y)/(p(x)p(y)).</summary>
    // <remarks>
    // For a = b = p = 5e-324 the quotient is 2e323, past the largest double, so it is taken as a quotient only where both
    // a·b and p/(a·b) are normal doubles (the common case, one <see cref="Math.Log(double)"/>). Otherwise the quotient is
    // never formed: ln(p/(a·b)) by <see cref="OfRatio(double, double)"/> while a·b is normal, else split as ln(p/a) − ln b.
    // </remarks>
    public static double OfRatioToProduct(double p, double a, double b)
    {
        double product = a * b;
        double ratio = p / product;
        if (double.IsNormal(product) && double.IsNormal(ratio))
        {
            return Math.Log(ratio);
        }

        return double.IsNormal(product) ? OfRatio(p, product) : OfRatio(p, a) - Math.Log(b);
    }

    // <summary>ln x for x &gt; 0 finite; x = 0 gives a finite value, so 0·ln 0 evaluates to 0.</summary>
    // <param name="x">The arguments.</param>
    // <param name="subnormals">False when the caller has checked that no lane is below <see cref="SmallestNormal"/> (saves the check).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfPositive<T>(T x, bool subnormals = true)
        where T : struct, IVectorLanes<T>
    {
        T m = Split(x, out T k, subnormals);
        T f = m - T.Create(1.0);
        return Finish(f, f / (T.Create(2.0) + f), k);
    }

    // <summary>ln x and ln y for x, y &gt; 0 finite, sharing one division between the two reductions.</summary>
    // <remarks>
    // s_x = f_x/(2+f_x) and s_y = f_y/(2+f_y) come from the single reciprocal 1/((2+f_x)(2+f_y)); the
    // two extra roundings reach the result only through s·(f²/2 + R), so it stays within 1 ulp.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OfPositivePair<T>(T x, T y, out T logX, out T logY, bool subnormals = true)
        where T : struct, IVectorLanes<T>
    {
        T mx = Split(x, out T kx, subnormals);
        T my = Split(y, out T ky, subnormals);
        T one = T.Create(1.0);
        T two = T.Create(2.0);
        T fx = mx - one;
        T fy = my - one;
        T dx = two + fx;
        T dy = two + fy;
        T reciprocal = one / (dx * dy);
        logX = Finish(fx, fx * dy * reciprocal, kx);
        logY = Finish(fy, fy * dx * reciprocal, ky);
    }

    // <summary>ln(p/q) for p, q &gt; 0 finite, without rounding the quotient; equal inputs give exactly 0.</summary>
    // <remarks>
    // p = 2^a·m_p with m_p in [1, 2) and q = 2^b·m_q with m_q in [√2, 2√2), so m_p/m_q lies in
    // (√2/4, √2); one comparison doubles m_p where the ratio is below √2/2. A zero p or q gives a
    // finite value, so 0·ln(0/q) evaluates to 0; callers flag q = 0 &lt; p themselves.
    // </remarks>
    // <param name="p">The numerators.</param>
    // <param name="q">The denominators.</param>
    // <param name="subnormals">False when the caller has checked that no lane of p or q is below <see cref="SmallestNormal"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfRatio<T>(T p, T q, bool subnormals = true)
        where T : struct, IVectorLanes<T>
    {
        ReduceRatio(p, q, subnormals, out T numerator, out T denominator, out T k);
        return FinishRatio(numerator / denominator, k);
    }

    // <summary>ln(p₀/q₀) and ln(p₁/q₁) as <see cref="OfRatio{T}"/>, sharing one division between the two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OfRatioPair<T>(T p0, T q0, T p1, T q1, out T log0, out T log1, bool subnormals = true)
        where T : struct, IVectorLanes<T>
    {
        ReduceRatio(p0, q0, subnormals, out T numerator0, out T denominator0, out T k0);
        ReduceRatio(p1, q1, subnormals, out T numerator1, out T denominator1, out T k1);
        T reciprocal = T.Create(1.0) / (denominator0 * denominator1);
        log0 = FinishRatio(numerator0 * denominator1 * reciprocal, k0);
        log1 = FinishRatio(numerator1 * denominator0 * reciprocal, k1);
    }

    // <summary>
    // p·ln(p/m) + q·ln(q/m) with m = (p + q)/2, for p, q ≥ 0 finite (twice a Jensen–Shannon term): ≥ 0 up to rounding, and
    // accurate to a few ulps relative for every pair, including p ≈ q, where the two products cancel to ~(p − q)²/(4m).
    // </summary>
    // <remarks>
    // m is split once and both ratios p/m and q/m are reduced against it without rounding a quotient, one division serving
    // both: s_p = n_p·D_q/(D_p·D_q) and s_q = n_q·D_p/(D_p·D_q) with n = m_x − m_m and D = m_x + m_m, the significands of
    // <see cref="OfRatio{T}"/>. Then p·ln(p/m) + q·ln(q/m) = (p·k_p + q·k_q)·ln 2 + 2(p·s_p + q·s_q) + (p·s_p·R(s_p²) +
    // q·s_q·R(s_q²)). Where both ratios reduce with k = 0 (|p − q| below about 0.29·(p + q)), the significands share one
    // scale, and 2(p·s_p + q·s_q), which cancels there, equals m·(m_p − m_q)²/(D_p·D_q) exactly; m_p − m_q = n_p − n_q is exact
    // (Sterbenz), so that form has no cancellation and no rounding of m in it, and the R terms, which still cancel, are
    // a factor |p − q|/(p + q) smaller than the result. Elsewhere (|p − q| above about 0.29·(p + q)) the two products
    // cancel by at most a factor 7, and (p·k_p + q·k_q) carries a rounding of its own, so one ln 2 serves.
    // A zero p or q leaves every part finite, so p = 0 or q = 0 contributes its 0·ln 0 = 0.
    // </remarks>
    // <param name="p">The first weights and numerators.</param>
    // <param name="q">The second weights and numerators.</param>
    // <param name="subnormals">False when the caller has checked that no lane of p or q is below <see cref="SmallestNormal"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RatiosToMidpoint<T>(T p, T q, bool subnormals)
        where T : struct, IVectorLanes<T>
    {
        // p, q ≥ 2^−1022 makes m normal, and the halving of p + q exact.
        T m = T.Create(0.5) * (p + q);
        SplitDenominator(m, subnormals, out T mm, out T kmLessOne);
        ReduceNumerator(p, mm, kmLessOne, subnormals, out T numeratorP, out T denominatorP, out T kp);
        ReduceNumerator(q, mm, kmLessOne, subnormals, out T numeratorQ, out T denominatorQ, out T kq);
        T reciprocal = T.Create(1.0) / (denominatorP * denominatorQ);
        T sp = numeratorP * denominatorQ * reciprocal;
        T sq = numeratorQ * denominatorP * reciprocal;
        T tails = T.FusedMultiplyAdd(p, sp * Polynomial(sp * sp), q * (sq * Polynomial(sq * sq)));

        T zero = T.Zero;
        T gap = numeratorP - numeratorQ;
        T near = m * (gap * gap) * reciprocal;
        T exponents = T.FusedMultiplyAdd(p, kp, q * kq);
        T linear = T.FusedMultiplyAdd(p, sp, q * sq);
        T far = T.FusedMultiplyAdd(exponents, T.Create(Numerics.Ln2), linear + linear);
        return T.Select(T.EqualTo(kp, zero) & T.EqualTo(kq, zero), near, far) + tails;
    }

    // <summary>
    // u − 1 − ln u for u = p/q with p, q &gt; 0 finite, and ln u itself (<see cref="OfRatio{T}"/>'s, bit for bit), from one
    // reduction, the quotient never rounded: no exponential, and no cancellation for u near 1, where u − 1 and ln u cancel
    // to ~(u − 1)²/2.
    // </summary>
    // <remarks>
    // With u = 2^k·y reduced as in <see cref="OfRatio{T}"/>, s = (y − 1)/(y + 1) and t = y − 1 = (m_p − m_q)/m_q (two
    // divisions of one exact numerator), ln y = 2s + s·R(s²) and t − 2s = s·t exactly, so y − 1 − ln y = s·(t − R(s²)): a
    // product of two factors that do not cancel (s and t share a sign, R ≥ 0 is below |t|/20), ≥ 0, and exactly 0 where
    // p = q. Then u − 1 − ln u = (s·(t − R(s²)) + [(2^k − 1)·t + (2^k − 1 − k·ln2_hi)]) − k·ln2_lo, for k = 0 the product
    // alone, for k ≠ 0 (where the result is at least 0.05) parts at most about ten times the result. The result is within
    // 2e-15 relative of the exact value (the worst of 40 000 pairs checked against mpmath at 60 digits, over ratios from
    // 1 ± 1e-15 to 1e±600 and subnormal entries, was 6e-16) wherever k ≤ 1023 (u below 2^1023·√2 at least); beyond that it is meaningless and
    // callers select something else (<paramref name="log"/> is finite there).
    // </remarks>
    // <param name="p">The numerators.</param>
    // <param name="q">The denominators.</param>
    // <param name="subnormals">False when the caller has checked that no lane of p or q is below <see cref="SmallestNormal"/>.</param>
    // <param name="log">ln(p/q), finite even where the quotient would overflow; a zero p or q gives a finite value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T RatioMinusOneMinusLog<T>(T p, T q, bool subnormals, out T log)
        where T : struct, IVectorLanes<T>
    {
        SplitDenominator(q, subnormals, out T mq, out T kqLessOne);
        ReduceNumerator(p, mq, kqLessOne, subnormals, out T numerator, out T denominator, out T k);
        T s = numerator / denominator;
        T t = numerator / mq;
        T r = Polynomial(s * s);
        log = FinishRatio(s, k, r);

        // Below k = −1022, 2^k − 1 is −1 to double precision; above 1023 the result is not needed.
        T scaleLessOne = T.PowerOfTwo(T.MaxNative(k, T.Create(-1022.0))) - T.Create(1.0);
        T offset = T.FusedMultiplyAdd(k, T.Create(-Numerics.Ln2Hi), scaleLessOne);
        return T.FusedMultiplyAdd(s, t - r, T.FusedMultiplyAdd(scaleLessOne, t, offset)) - (k * T.Create(Numerics.Ln2Lo));
    }

    // <summary>Reduces ln(p/q) to k·ln 2 + ln y with y = m_p/m_q in [√2/2, √2]; s = (y−1)/(y+1) = numerator/denominator, numerator exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceRatio<T>(T p, T q, bool subnormals, out T numerator, out T denominator, out T k)
        where T : struct, IVectorLanes<T>
    {
        SplitDenominator(q, subnormals, out T mq, out T kqLessOne);
        ReduceNumerator(p, mq, kqLessOne, subnormals, out numerator, out denominator, out k);
    }

    // <summary>
    // Splits a denominator q = 2^k·(m_q/2) with m_q in [√2, 2√2), scaling a subnormal q first when asked to.
    // It returns k − 1 rather than k, so a numerator sharing this denominator saves an add.
    // </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SplitDenominator<T>(T q, bool subnormals, out T mq, out T kqLessOne)
        where T : struct, IVectorLanes<T>
    {
        T shift = T.Zero;
        if (subnormals)
        {
            q = ScaleUpTiny(q, out shift);
        }

        mq = T.SplitExponent(q, out T kq);
        mq += mq;
        kqLessOne = kq - T.Create(1.0);
        if (subnormals)
        {
            kqLessOne -= shift;
        }
    }

    // <summary>Splits p = 2^a·m_p with m_p in [1, 2), doubling m_p where m_p/m_q would fall below √2/2; k = a − (k_q − 1), less 1 where doubled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceNumerator<T>(T p, T mq, T kqLessOne, bool subnormals, out T numerator, out T denominator, out T k)
        where T : struct, IVectorLanes<T>
    {
        T shift = T.Zero;
        if (subnormals)
        {
            p = ScaleUpTiny(p, out shift);
        }

        T mp = T.SplitUnit(p, out T kp);
        if (subnormals)
        {
            // A zero p is the one input left below the normal range; its exponent may come back as −∞, and a
            // finite stand-in keeps 0·ln(0/q) at 0.
            T zeroExponent = T.Create(-1023.0);
            kp = T.Select(T.LessThan(kp, zeroExponent), zeroExponent, kp) - shift;
        }

        T one = T.Create(1.0);
        T low = T.LessThan(mp * T.Create(Sqrt2), mq);
        mp = T.Select(low, mp + mp, mp);
        k = kp - kqLessOne - T.Select(low, one, T.Zero);
        numerator = mp - mq;
        denominator = mp + mq;
    }

    // <summary>ln(p/q) = k·ln2_hi + (2s + (s·R(s²) + k·ln2_lo)), since ln y = ln(1+s) − ln(1−s) = 2s + s·R(s²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FinishRatio<T>(T s, T k)
        where T : struct, IVectorLanes<T>
        => FinishRatio(s, k, Polynomial(s * s));

    // <summary><see cref="FinishRatio{T}(T, T)"/> with R(s²) = <paramref name="r"/> already formed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T FinishRatio<T>(T s, T k, T r)
        where T : struct, IVectorLanes<T>
        => T.FusedMultiplyAdd(k, T.Create(Numerics.Ln2Hi), (s + s) + T.FusedMultiplyAdd(s, r, k * T.Create(Numerics.Ln2Lo)));

    // <summary>Splits x = 2^k·m, m in [√2/2, √2), scaling subnormals into the normal range first when asked to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Split<T>(T x, out T k, bool subnormals)
        where T : struct, IVectorLanes<T>
    {
        if (!subnormals)
        {
            return T.SplitExponent(x, out k);
        }

        T scaled = ScaleUpTiny(x, out T shift);
        T m = T.SplitExponent(scaled, out T biased);
        k = biased - shift;
        return m;
    }

    // <summary>Multiplies lanes below <see cref="SmallestNormal"/> by 2^54, setting <paramref name="shift"/> to 54 there and 0 elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ScaleUpTiny<T>(T x, out T shift)
        where T : struct, IVectorLanes<T>
    {
        T smallestNormal = T.Create(SmallestNormal);
        if (!T.AnyLessThan(x, smallestNormal))
        {
            shift = T.Zero;
            return x;
        }

        T tiny = T.LessThan(x, smallestNormal);
        shift = tiny & T.Create(54.0);
        return T.Select(tiny, x * T.Create(TwoTo54), x);
    }

    // <summary>fdlibm's final step: ln x = k·ln2_hi + (f − (f²/2 − (s·(f²/2 + R(s²)) + k·ln2_lo))).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Finish<T>(T f, T s, T k)
        where T : struct, IVectorLanes<T>
    {
        T halfSquare = T.Create(0.5) * f * f;
        T r = Polynomial(s * s);
        T low = T.FusedMultiplyAdd(s, halfSquare + r, k * T.Create(Numerics.Ln2Lo));
        return T.FusedMultiplyAdd(k, T.Create(Numerics.Ln2Hi), f - (halfSquare - low));
    }

    // <summary>fdlibm's R(z) = Lg1·z + … + Lg7·z⁷ by Horner's rule.</summary>
    // <remarks>
    // fdlibm splits R into two chains in z² to shorten the dependency chain; the kernels run many independent
    // elements at once, so they are bound by instruction count instead, and one chain saves two instructions.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Polynomial<T>(T z)
        where T : struct, IVectorLanes<T>
    {
        T sum = T.FusedMultiplyAdd(z, T.Create(Lg7), T.Create(Lg6));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(Lg5));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(Lg4));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(Lg3));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(Lg2));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(Lg1));
        return z * sum;
    }

    // <summary>The pass behind <see cref="Apply(ReadOnlySpan{double}, Span{double}, SimdWidth)"/>.</summary>
    private readonly ref struct ApplyPass(ReadOnlySpan<double> x, Span<double> destination) : ILanePass
    {
        private readonly ReadOnlySpan<double> _x = x;
        private readonly Span<double> _destination = destination;

        void ILanePass.Run<T>(ref int index)
        {
            ref double source = ref MemoryMarshal.GetReference(_x);
            ref double target = ref MemoryMarshal.GetReference(_destination);
            T zero = T.Zero;
            T infinity = T.Create(double.PositiveInfinity);
            int length = _x.Length;
            int i = index;
            for (; i <= length - T.Count; i += T.Count)
            {
                T v = T.Load(ref source, i);
                T result = OfPositive(v);
                T regular = T.GreaterThan(v, zero) & T.LessThan(v, infinity);
                if (T.AnyTrue(T.Select(regular, zero, T.Create(1.0))))
                {
                    T special = T.Select(T.EqualTo(v, zero), T.Create(double.NegativeInfinity), T.Select(T.EqualTo(v, infinity), infinity, T.Create(double.NaN)));
                    result = T.Select(regular, result, special);
                }

                T.Store(result, ref target, i);
            }

            index = i;
        }
    }
}
