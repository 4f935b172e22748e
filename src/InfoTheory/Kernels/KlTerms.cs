using System.Runtime.CompilerServices;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>One per-sample KL term of a <see cref="MonteCarloEstimator"/>, as a function of the log-ratio ℓ = log p − log q.</summary>
internal interface IKlTerm
{
    // <summary>The term at every lane's ℓ, which may be +∞ (q = 0) but is never −∞.</summary>
    static abstract T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>;

    // <summary>The term at every float lane's ℓ, in float arithmetic; +∞ (or NaN) where float overflows, which the float kernels hand to <see cref="Of{T}"/>.</summary>
    static abstract T OfSingle<T, TWide>(T logRatio)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>;
}

// <summary>k1 = ℓ = −log r.</summary>
internal readonly struct K1Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => logRatio;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfSingle<T, TWide>(T logRatio)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
        => logRatio;
}

// <summary>k2 = ½ℓ² = ½(log r)².</summary>
internal readonly struct K2Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => T.Create(0.5) * logRatio * logRatio;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfSingle<T, TWide>(T logRatio)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
        => T.Create(0.5f) * logRatio * logRatio;
}

// <summary>k3 = e^(−ℓ) − 1 + ℓ = (r − 1) − log r.</summary>
internal readonly struct K3Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => KlTerms.ExpMinusOneMinusX(T.Zero - logRatio);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfSingle<T, TWide>(T logRatio)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
        => KlTerms.ExpMinusOneMinusXSingle<T, TWide>(T.Zero - logRatio);
}

// <summary>|ℓ| = |log r|.</summary>
internal readonly struct AbsoluteLogRatioTerm : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => T.Abs(logRatio);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfSingle<T, TWide>(T logRatio)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
        => T.Abs(logRatio);
}

// <summary>The estimator terms for scalar callers, and the e^x − 1 − x behind k3.</summary>
internal static class KlTerms
{
    // <summary>Above this x, e^x − 1 − x is reported as +∞ (2^1024 is past the largest double).</summary>
    public const double Overflow = 709.0;

    // <summary>The high part of Cody and Waite's split of ln 2 for float (Cephes expf): 0.693359375 has 9 significant bits, so k·<see cref="SingleLn2Hi"/> is exact for |k| &lt; 2^15.</summary>
    public const float SingleLn2Hi = 0.693359375f;

    // <summary>The low part of the float ln 2 split: ln 2 − <see cref="SingleLn2Hi"/>.</summary>
    public const float SingleLn2Lo = -2.12194440e-4f;

    private const double Underflow = -700.0;

    // The float counterparts. Above 88.5 the reduction gives k = 128, whose 2^k is +∞ in float, so every lane whose result
    // float cannot hold (e^x − 1 − x > 2^128 from x ≈ 88.72) comes out +∞ or NaN without a test of its own; e^−80 is still
    // a normal float.
    private const float SingleOverflow = 88.5f;
    private const float SingleUnderflow = Exp.SingleUnderflow;

    // <summary>The term of <paramref name="estimator"/> at the log-ratio <paramref name="logRatio"/>, by the same arithmetic as the lane kernels.</summary>
    public static double Of(MonteCarloEstimator estimator, double logRatio)
    {
        var l = ScalarLanes.Create(logRatio);
        return ScalarLanes.SumLanes(estimator switch
        {
            MonteCarloEstimator.K1 => K1Term.Of(l),
            MonteCarloEstimator.K2 => K2Term.Of(l),
            MonteCarloEstimator.K3 => K3Term.Of(l),
            _ => AbsoluteLogRatioTerm.Of(l),
        });
    }

    // <summary>e^x − 1 − x without the cancellation of forming e^x first: within about 1e−14 relative everywhere and a few ulps for |x| ≤ ln2/2, +∞ for x = −∞ or x &gt; <see cref="Overflow"/>.</summary>
    // <remarks>
    // x = k·ln 2 + r with |r| ≤ ln2/2 and e^r = 1 + r + r²·c(r) (<see cref="Exp.Reduce{T}"/>, <see cref="Exp.Tail{T}"/>), s = 2^k. Then
    // e^x − 1 − x = s·r²·c(r) + ((s − 1) + s·r − x): for k = 0, s − 1 = 0 and r = x exactly, so the result is r²·c(r)
    // with no cancellation at all; for k ≠ 0 the result is at least 0.05 and the parts are of its size.
    // Below x = −700, e^x (&lt; 1e−304) is taken as e^−700, so −∞ gives +∞ and no lane leaves the normal range.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpMinusOneMinusX<T>(T x)
        where T : struct, IVectorLanes<T>
    {
        T xc = T.MinNative(T.MaxNative(x, T.Create(Underflow)), T.Create(Overflow));
        T r = Exp.Reduce(xc, out T k);
        T c = Exp.Tail(r);
        T s = T.PowerOfTwo(k);
        T linear = T.FusedMultiplyAdd(s, r, s - T.Create(1.0)) - xc;
        T result = T.FusedMultiplyAdd(s, r * r * c, linear) + (xc - x);
        return T.Select(T.GreaterThan(x, T.Create(Overflow)), T.Create(double.PositiveInfinity), result);
    }

    // <summary>e^x − 1 − x in float arithmetic, by the same construction as <see cref="ExpMinusOneMinusX{T}"/>: within a few float ulps, and +∞ or NaN from x ≈ 88.38 on (near where float overflows), which callers treat as "not done in float".</summary>
    // <remarks>
    // The series c(r) = 1/2! + r/3! + … + r⁶/8! truncates below 2^−27 relative for |r| ≤ ln2/2. Below x = −80, e^x is taken as
    // e^−80 and the difference added back, as in the double version, so −∞ gives +∞.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpMinusOneMinusXSingle<T, TWide>(T x)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T xc = T.MinNative(T.MaxNative(x, T.Create(SingleUnderflow)), T.Create(SingleOverflow));
        T r = Exp.ReduceSingle<T, TWide>(xc, out T k);
        T c = Exp.TailSingle<T, TWide>(r);
        T s = T.PowerOfTwo(k);
        T linear = T.FusedMultiplyAdd(s, r, s - T.Create(1.0f)) - xc;
        return T.FusedMultiplyAdd(s, r * r * c, linear) + (xc - x);
    }
}
