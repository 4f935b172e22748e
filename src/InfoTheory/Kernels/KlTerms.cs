using System.Runtime.CompilerServices;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>One per-sample KL term of a <see cref="MonteCarloEstimator"/>, as a function of the log-ratio ℓ = log p − log q.</summary>
internal interface IKlTerm
{
    /// <summary>The term at every lane's ℓ, which may be +∞ (q = 0) but is never −∞.</summary>
    static abstract T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>;
}

/// <summary>k1 = ℓ = −log r.</summary>
internal readonly struct K1Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => logRatio;
}

/// <summary>k2 = ½ℓ² = ½(log r)².</summary>
internal readonly struct K2Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => T.Create(0.5) * logRatio * logRatio;
}

/// <summary>k3 = e^(−ℓ) − 1 + ℓ = (r − 1) − log r.</summary>
internal readonly struct K3Term : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => KlTerms.ExpMinusOneMinusX(T.Zero - logRatio);
}

/// <summary>|ℓ| = |log r|.</summary>
internal readonly struct AbsoluteLogRatioTerm : IKlTerm
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T logRatio)
        where T : struct, IVectorLanes<T>
        => T.Abs(logRatio);
}

/// <summary>The estimator terms for scalar callers, and the e^x − 1 − x behind k3.</summary>
internal static class KlTerms
{
    /// <summary>Above this x, e^x − 1 − x is reported as +∞ (2^1024 is past the largest double).</summary>
    public const double Overflow = 709.0;

    private const double Underflow = -700.0;

    /// <summary>The term of <paramref name="estimator"/> at the log-ratio <paramref name="logRatio"/>, by the same arithmetic as the lane kernels.</summary>
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

    /// <summary>e^x − 1 − x without the cancellation of forming e^x first: within about 1e−14 relative everywhere and a few ulps for |x| ≤ ln2/2, +∞ for x = −∞ or x &gt; <see cref="Overflow"/>.</summary>
    /// <remarks>
    /// x = k·ln 2 + r with |r| ≤ ln2/2 and e^r = 1 + r + r²·c(r) (<see cref="Exp.Reduce{T}"/>, <see cref="Exp.Tail{T}"/>), s = 2^k. Then
    /// e^x − 1 − x = s·r²·c(r) + ((s − 1) + s·r − x): for k = 0, s − 1 = 0 and r = x exactly, so the result is r²·c(r)
    /// with no cancellation at all; for k ≠ 0 the result is at least 0.05 and the parts are of its size.
    /// Below x = −700, e^x (&lt; 1e−304) is taken as e^−700, so −∞ gives +∞ and no lane leaves the normal range.
    /// </remarks>
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
}
