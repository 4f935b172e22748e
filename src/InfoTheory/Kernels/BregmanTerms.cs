using System.Runtime.CompilerServices;

namespace InfoTheory.Kernels;

/// <summary>(x − y)²: the Bregman term of φ(x) = x².</summary>
internal readonly struct SquaredDifferenceTerm : IPairTerm<SquaredDifferenceTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T d = p - q;
        return d * d;
    }
}

/// <summary>
/// x ln(x/y) − x + y for x, y ≥ 0, the Bregman term of φ(x) = x ln x − x: y where x = 0, +∞ where y = 0 &lt; x.
/// </summary>
/// <remarks>
/// With v = y/x the term is x·(v − 1 − ln v), which <see cref="Log.RatioMinusOneMinusLog{T}"/> forms without an exponential
/// and without cancelling x·ln(x/y) against x − y, O(δ) each for nearly equal x and y; it is used where |ln v| &lt; 1. Elsewhere
/// the term is formed directly as y − x·(ln v + 1) (one rounding inside): it is then at least a quarter of x·|ln v| + x + y, so nothing cancels, and
/// v, which may overflow there (x = 0 included), is not needed.
/// </remarks>
internal readonly struct GeneralizedKullbackLeiblerTerm : IPairTerm<GeneralizedKullbackLeiblerTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T near, log;
        if (T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal)))
        {
            unbounded |= T.EqualTo(q, T.Zero) & T.GreaterThan(p, T.Zero);
            near = Log.RatioMinusOneMinusLog(q, p, subnormals: true, out log);
        }
        else
        {
            near = Log.RatioMinusOneMinusLog(q, p, subnormals: false, out log);
        }

        return T.Select(T.LessThan(T.Abs(log), T.Create(1.0)), p * near, q - T.FusedMultiplyAdd(p, log, p));
    }
}

/// <summary>
/// x/y − ln(x/y) − 1 for x, y &gt; 0, the Bregman term of φ(x) = −ln x, by <see cref="Log.RatioMinusOneMinusLog{T}"/>, so
/// nearly equal x and y keep their O(δ²) term; +∞ where x/y &gt; e^709.
/// </summary>
internal readonly struct ItakuraSaitoTerm : IPairTerm<ItakuraSaitoTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T log;
        T term = T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal))
            ? Log.RatioMinusOneMinusLog(p, q, subnormals: true, out log)
            : Log.RatioMinusOneMinusLog(p, q, subnormals: false, out log);
        return T.Select(T.GreaterThan(log, T.Create(KlTerms.Overflow)), T.Create(double.PositiveInfinity), term);
    }
}
