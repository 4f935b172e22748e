using System.Runtime.CompilerServices;

namespace InfoTheory.Kernels;

/// <summary>
/// (√p − √q)², twice an element's share of the squared Hellinger distance, formed as (p − q)²/(p + q + 2√(pq)): the
/// difference of two rounded square roots would cancel for nearly equal p and q and leave only their roundings, while
/// p − q is exact there (Sterbenz) and the denominator, (√p + √q)², cannot cancel. 0 where p = q = 0.
/// </summary>
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

/// <summary>
/// √(pq): an element's share of the Bhattacharyya coefficient, by one square root; where pq is below the normal range
/// (a zero entry, or both below about 1e-154) it is √p·√q instead, which does not underflow.
/// </summary>
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

/// <summary>|p − q|: twice an element's share of the total variation distance.</summary>
internal readonly struct AbsoluteDifferenceTerm : IPairTerm<AbsoluteDifferenceTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
        => T.Abs(p - q);
}

/// <summary>(p − q)²/q, Pearson's χ² term: 0 where p = q = 0, +∞ where q = 0 &lt; p.</summary>
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

/// <summary>(p − q)²/p, Neyman's χ² term: Pearson's with the roles swapped, +∞ where p = 0 &lt; q.</summary>
internal readonly struct NeymanTerm : IPairTerm<NeymanTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
        => PearsonTerm.Of(q, p, ref unbounded);
}

/// <summary>(p − q)²/(p + q), the triangular discrimination's term: 0 where p = q = 0, at most p + q, never +∞.</summary>
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

/// <summary>
/// (p − q)·ln(p/q), Jeffreys' term (its share of KL(p‖q) + KL(q‖p)): ≥ 0, with no cancellation since both factors share a
/// sign; 0 where p = q = 0, +∞ where exactly one of them is 0. ln(p/q) is <see cref="Log.OfRatio{T}"/>, the quotient never rounded
/// (two registers share one division, <see cref="Log.OfRatioPair{T}"/>).
/// </summary>
internal readonly struct JeffreysTerm : IPairTerm<JeffreysTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T log;

        // A zero can only be on the (rare) subnormal path, which is where the one-sided-zero check lives.
        if (T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal)))
        {
            T zero = T.Zero;
            unbounded |= (T.EqualTo(p, zero) & T.GreaterThan(q, zero)) | (T.EqualTo(q, zero) & T.GreaterThan(p, zero));
            log = Log.OfRatio(p, q, subnormals: true);
        }
        else
        {
            log = Log.OfRatio(p, q, subnormals: false);
        }

        return (p - q) * log;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T OfPair<T>(T p0, T q0, T p1, T q1, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T log0, log1;
        if (T.AnyLessThan(T.MinNative(T.MinNative(p0, q0), T.MinNative(p1, q1)), T.Create(Log.SmallestNormal)))
        {
            T zero = T.Zero;
            unbounded |= (T.EqualTo(p0, zero) & T.GreaterThan(q0, zero)) | (T.EqualTo(q0, zero) & T.GreaterThan(p0, zero))
                | (T.EqualTo(p1, zero) & T.GreaterThan(q1, zero)) | (T.EqualTo(q1, zero) & T.GreaterThan(p1, zero));
            Log.OfRatioPair(p0, q0, p1, q1, out log0, out log1, subnormals: true);
        }
        else
        {
            Log.OfRatioPair(p0, q0, p1, q1, out log0, out log1, subnormals: false);
        }

        return T.FusedMultiplyAdd(p0 - q0, log0, (p1 - q1) * log1);
    }
}
