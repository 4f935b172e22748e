using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>The exponential for every lane width: the argument reduction and the polynomial behind e^x and e^x − 1 − x.</summary>
// <remarks>
// x = k·ln 2 + r with k an integer and |r| ≤ ln2/2 (Cody and Waite's two-part ln 2, so r carries no rounding of k·ln 2),
// and e^r = 1 + r + r²·c(r) with c the Taylor series 1/2! + r/3! + … + r¹¹/13!, whose truncation is below 2^−52 on that
// interval; then e^x = 2^k·e^r. Every width runs the same arithmetic per element, so vector and scalar results agree bit for bit.
// </remarks>
internal static class Exp
{
    // <summary>Below this x, e^x (&lt; 1e-307) is not a normal double; <see cref="OfNonPositive{T}"/> returns 0 there.</summary>
    public const double Underflow = -708.0;

    // <summary>Below this x, the float forms take e^x as 0 (<see cref="OfNonPositiveSingle{T, TWide}"/>) or as e^−80 (e^−80 ≈ 1.8e-35 is still a normal float).</summary>
    public const float SingleUnderflow = -80.0f;

    private const float SingleLog2E = 1.44269504f;
    private const float SingleRoundingMagic = 12582912.0f; // 1.5·2^23

    private const double Log2E = 1.4426950408889634;
    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52: adding and subtracting it rounds to an integer

    // <summary>e^x for x ≤ 0 (−∞ allowed), within 2 ulps; 0 where x &lt; <see cref="Underflow"/>, the terms of a log-sum-exp there being below 1e-307 of its largest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfNonPositive<T>(T x)
        where T : struct, IVectorLanes<T>
    {
        T xc = T.MaxNative(x, T.Create(Underflow));
        T r = Reduce(xc, out T k);
        T er = T.FusedMultiplyAdd(r * r, Tail(r), r) + T.Create(1.0);
        return T.Select(T.LessThan(x, T.Create(Underflow)), T.Zero, T.PowerOfTwo(k) * er);
    }

    // <summary>Splits x into k·ln 2 + r, |r| ≤ ln2/2, returning r and setting <paramref name="k"/> (an integer held as a double); x must be finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Reduce<T>(T x, out T k)
        where T : struct, IVectorLanes<T>
    {
        T magic = T.Create(RoundingMagic);
        k = T.FusedMultiplyAdd(x, T.Create(Log2E), magic) - magic;
        T r = T.FusedMultiplyAdd(k, T.Create(-Numerics.Ln2Hi), x);
        return T.FusedMultiplyAdd(k, T.Create(-Numerics.Ln2Lo), r);
    }

    // <summary>c(r) = (e^r − 1 − r)/r² = 1/2! + r/3! + … + r¹¹/13! by Horner's rule, for |r| ≤ ln2/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tail<T>(T r)
        where T : struct, IVectorLanes<T>
    {
        T c = T.FusedMultiplyAdd(r, T.Create(1.0 / 6227020800.0), T.Create(1.0 / 479001600.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 39916800.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 3628800.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 362880.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 40320.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 5040.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 720.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 120.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 24.0));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0 / 6.0));
        return T.FusedMultiplyAdd(r, c, T.Create(0.5));
    }

    // <summary>
    // Splits x into (n/16)·ln 2 + r with n an integer and |r| ≤ ln2/32, returning r and setting <paramref name="scale"/> to
    // 2^(n/16) (<see cref="IVectorLanes{TSelf}.PowerOfTwoSixteenths"/>); x must lie in [−708, 710].
    // </summary>
    // <remarks>
    // The table-driven reduction of Tang (ACM TOMS 1989) with a 16-entry table, which AVX-512 reads in one permute: r is
    // 16 times smaller than <see cref="Reduce{T}"/>'s, so <see cref="TailSixteenths{T}"/> needs six terms where
    // <see cref="Tail{T}"/> needs twelve. n·ln2_hi/16 is exact (ln2_hi has 32 significant bits, |n| &lt; 2^15), so r carries no
    // rounding of it. For |x| ≤ ln2/32, n = 0, the scale is 1 and r = x exactly. The table's entries are rounded, so
    // 2^(n/16)·e^r is within about 1 ulp of e^x.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReduceSixteenths<T>(T x, out T scale)
        where T : struct, IVectorLanes<T>
    {
        T magic = T.Create(RoundingMagic);
        T rounded = T.FusedMultiplyAdd(x, T.Create(16.0 * Log2E), magic);
        T n = rounded - magic;
        scale = T.PowerOfTwoSixteenths(rounded);
        T r = T.FusedMultiplyAdd(n, T.Create(-Numerics.Ln2Hi / 16.0), x);
        return T.FusedMultiplyAdd(n, T.Create(-Numerics.Ln2Lo / 16.0), r);
    }

    // <summary>
    // c(r) = (e^r − 1 − r)/r² = 1/2! + r/3! + … + r⁵/7! for |r| ≤ ln2/32 (<see cref="ReduceSixteenths{T}"/>), by Estrin's
    // scheme: the power-sum loop is bound by the latency of one element's chain, so three multiply-adds deep after r⁴.
    // </summary>
    // <remarks>
    // The first term left out, r⁸/8! in e^r − 1, is below 1.3e-18, and below 6e-17 relative to e^r − 1 itself, so e^r − 1
    // = r + r²·c(r) keeps its relative accuracy for the smallest r as well.
    // </remarks>
    // <param name="r">The reduced arguments, |r| ≤ ln2/32.</param>
    // <param name="r2">r², which the caller needs for e^r − 1 = r + r²·c(r) anyway.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TailSixteenths<T>(T r, T r2)
        where T : struct, IVectorLanes<T>
    {
        T c01 = T.FusedMultiplyAdd(r, T.Create(1.0 / 6.0), T.Create(0.5));
        T c23 = T.FusedMultiplyAdd(r, T.Create(1.0 / 120.0), T.Create(1.0 / 24.0));
        T c45 = T.FusedMultiplyAdd(r, T.Create(1.0 / 5040.0), T.Create(1.0 / 720.0));
        return T.FusedMultiplyAdd(r2 * r2, c45, T.FusedMultiplyAdd(r2, c23, c01));
    }

    // <summary>e^x in float for x ≤ 0, within a few float ulps; 0 where x &lt; <see cref="SingleUnderflow"/> (callers that need those lanes check for them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfNonPositiveSingle<T, TWide>(T x)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T underflow = T.Create(SingleUnderflow);
        T xc = T.MaxNative(x, underflow);
        T r = ReduceSingle<T, TWide>(xc, out T k);
        T er = T.FusedMultiplyAdd(r * r, TailSingle<T, TWide>(r), r) + T.Create(1.0f);
        return T.Select(T.LessThan(x, underflow), T.Zero, T.PowerOfTwo(k) * er);
    }

    // <summary>The float <see cref="Reduce{T}"/>: x = k·ln 2 + r with |r| ≤ ln2/2, by Cody and Waite's float split of ln 2; x must be finite and |x| &lt; 2^15.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ReduceSingle<T, TWide>(T x, out T k)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T magic = T.Create(SingleRoundingMagic);
        k = T.FusedMultiplyAdd(x, T.Create(SingleLog2E), magic) - magic;
        T r = T.FusedMultiplyAdd(k, T.Create(-KlTerms.SingleLn2Hi), x);
        return T.FusedMultiplyAdd(k, T.Create(-KlTerms.SingleLn2Lo), r);
    }

    // <summary>The float <see cref="Tail{T}"/>: c(r) = 1/2! + r/3! + … + r⁶/8!, truncated below 2^−27 relative for |r| ≤ ln2/2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T TailSingle<T, TWide>(T r)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T c = T.FusedMultiplyAdd(r, T.Create(1.0f / 40320.0f), T.Create(1.0f / 5040.0f));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0f / 720.0f));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0f / 120.0f));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0f / 24.0f));
        c = T.FusedMultiplyAdd(r, c, T.Create(1.0f / 6.0f));
        return T.FusedMultiplyAdd(r, c, T.Create(0.5f));
    }
}
