using System.Runtime.CompilerServices;

namespace InfoTheory.Kernels;

// <summary>(x − y)²: the Bregman term of φ(x) = x².</summary>
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

// <summary>
// x ln(x/y) − x + y for x, y ≥ 0, the Bregman term of φ(x) = x ln x − x: y where x = 0, +∞ where y = 0 &lt; x.
// </summary>
// <remarks>
// With v = y/x the term is x·(v − 1 − ln v), which <see cref="Log.RatioMinusOneMinusLog{T}"/> forms without an exponential
// and without cancelling x·ln(x/y) against x − y, O(δ) each for nearly equal x and y. Where x = 0, or v &gt; e^709 (past what
// that form holds), the term is formed directly as y − x·(ln v + 1) (one rounding inside): with ln v &gt; 709 it is then at
// least a quarter of x·|ln v| + x + y, so nothing cancels, and v, which may overflow there, is not needed.
// </remarks>
internal readonly struct GeneralizedKullbackLeiblerTerm : IPairTerm<GeneralizedKullbackLeiblerTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        if (T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal)))
        {
            return Edge(p, q, ref unbounded);
        }

        T near = Log.RatioMinusOneMinusLog(q, p, subnormals: false, out T log);
        return T.AnyLessThan(T.Create(KlTerms.Overflow), log) ? Edge(p, q, ref unbounded) : p * near;
    }

    // <summary>The rare registers, out of line: a zero or subnormal entry, or a quotient y/x past e^709.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Edge<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        unbounded |= T.EqualTo(q, T.Zero) & T.GreaterThan(p, T.Zero);
        T near = Log.RatioMinusOneMinusLog(q, p, subnormals: true, out T log);
        T inRange = T.GreaterThan(p, T.Zero) & T.LessThan(log, T.Create(KlTerms.Overflow));
        return T.Select(inRange, p * near, q - T.FusedMultiplyAdd(p, log, p));
    }
}

// <summary>
// x/y − ln(x/y) − 1 for x, y &gt; 0, the Bregman term of φ(x) = −ln x, by <see cref="Log.RatioMinusOneMinusLog{T}"/>, so
// nearly equal x and y keep their O(δ²) term; +∞ where x/y &gt; e^709.
// </summary>
internal readonly struct ItakuraSaitoTerm : IPairTerm<ItakuraSaitoTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        if (T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal)))
        {
            return Edge(p, q);
        }

        T term = Log.RatioMinusOneMinusLog(p, q, subnormals: false, out T log);
        return T.AnyLessThan(T.Create(KlTerms.Overflow), log) ? Edge(p, q) : term;
    }

    // <summary>The rare registers, out of line: a subnormal entry, or a quotient past e^709 (+∞ there).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Edge<T>(T p, T q)
        where T : struct, IVectorLanes<T>
    {
        T term = Log.RatioMinusOneMinusLog(p, q, subnormals: true, out T log);
        return T.Select(T.GreaterThan(log, T.Create(KlTerms.Overflow)), T.Create(double.PositiveInfinity), term);
    }
}
