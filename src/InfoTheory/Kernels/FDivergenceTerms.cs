using System.Runtime.CompilerServices;

namespace InfoTheory.Kernels;

// <summary>
// (√p − √q)², twice an element's share of the squared Hellinger distance, formed as (p − q)²/(p + q + 2√(pq)): the
// difference of two rounded square roots would cancel for nearly equal p and q and leave only their roundings, while
// p − q is exact there (Sterbenz) and the denominator, (√p + √q)², cannot cancel. 0 where p = q = 0.
// </summary>
internal readonly struct SquaredHellingerTerm : IPairTerm<SquaredHellingerTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T d = p - q;
        T s = p + q;
        T denominator = T.FusedMultiplyAdd(T.Create(2.0), BhattacharyyaTerm.Of(p, q, ref unbounded), s);
        return T.Select(T.EqualTo(s, T.Zero), T.Zero, d * d / denominator);
    }
}

// <summary>
// √(pq): an element's share of the Bhattacharyya coefficient, by one square root; where pq is below the normal range
// (a zero entry, or both below about 1e-154) it is √p·√q instead, which does not underflow.
// </summary>
internal readonly struct BhattacharyyaTerm : IPairTerm<BhattacharyyaTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T product = p * q;
        return T.AnyLessThan(product, T.Create(Log.SmallestNormal)) ? T.Sqrt(p) * T.Sqrt(q) : T.Sqrt(product);
    }
}

// <summary>|p − q|: twice an element's share of the total variation distance.</summary>
internal readonly struct AbsoluteDifferenceTerm : IPairTerm<AbsoluteDifferenceTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
        => T.Abs(p - q);
}

// <summary>(p − q)²/q, Pearson's χ² term: 0 where p = q = 0, +∞ where q = 0 &lt; p.</summary>
internal readonly struct PearsonTerm : IPairTerm<PearsonTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T d = p - q;
        T zeroQ = T.EqualTo(q, T.Zero);
        unbounded |= zeroQ & T.GreaterThan(p, T.Zero);
        return T.Select(zeroQ, T.Zero, d * d / q);
    }
}

// <summary>(p − q)²/p, Neyman's χ² term: Pearson's with the roles swapped, +∞ where p = 0 &lt; q.</summary>
internal readonly struct NeymanTerm : IPairTerm<NeymanTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
        => PearsonTerm.Of(q, p, ref unbounded);
}

// <summary>(p − q)²/(p + q), the triangular discrimination's term: 0 where p = q = 0, at most p + q, never +∞.</summary>
internal readonly struct TriangularTerm : IPairTerm<TriangularTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T d = p - q;
        T s = p + q;
        return T.Select(T.EqualTo(s, T.Zero), T.Zero, d * d / s);
    }
}

// <summary>
// (p − q)·ln(p/q), Jeffreys' term (its share of KL(p‖q) + KL(q‖p)): ≥ 0, with no cancellation since both factors share a
// sign; 0 where p = q = 0, +∞ where exactly one of them is 0. ln(p/q) is <see cref="Log.OfRatio{T}"/>, the quotient never rounded
// (two registers share one division, <see cref="Log.OfRatioPair{T}"/>).
// </summary>
internal readonly struct JeffreysTerm : IPairTerm<JeffreysTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        // A zero can only be on the (rare, out of line) subnormal path, which is where the one-sided-zero check lives.
        return T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal))
            ? Edge(p, q, ref unbounded)
            : (p - q) * Log.OfRatio(p, q, subnormals: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfPair<T>(T p0, T q0, T p1, T q1, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        if (T.AnyLessThan(T.MinNative(T.MinNative(p0, q0), T.MinNative(p1, q1)), T.Create(Log.SmallestNormal)))
        {
            return EdgePair(p0, q0, p1, q1, ref unbounded);
        }

        Log.OfRatioPair(p0, q0, p1, q1, out T log0, out T log1, subnormals: false);
        return T.FusedMultiplyAdd(p0 - q0, log0, (p1 - q1) * log1);
    }

    // <summary><see cref="Of{T}"/> for a register with a zero or subnormal lane.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Edge<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        unbounded |= OneSidedZero(p, q);
        return (p - q) * Log.OfRatio(p, q, subnormals: true);
    }

    // <summary><see cref="OfPair{T}"/> for two registers with a zero or subnormal lane between them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T EdgePair<T>(T p0, T q0, T p1, T q1, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        unbounded |= OneSidedZero(p0, q0) | OneSidedZero(p1, q1);
        Log.OfRatioPair(p0, q0, p1, q1, out T log0, out T log1, subnormals: true);
        return T.FusedMultiplyAdd(p0 - q0, log0, (p1 - q1) * log1);
    }

    // <summary>The lanes where exactly one of p and q is 0, whose term is +∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T OneSidedZero<T>(T p, T q)
        where T : struct, IVectorLanes<T>
        => (T.EqualTo(p, T.Zero) & T.GreaterThan(q, T.Zero)) | (T.EqualTo(q, T.Zero) & T.GreaterThan(p, T.Zero));
}
