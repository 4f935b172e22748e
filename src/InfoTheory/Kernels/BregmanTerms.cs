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
/// With ℓ = ln(x/y) (<see cref="Log.OfRatio{T}"/>, the quotient never rounded) the term is x·(e^−ℓ − 1 + ℓ), since x·e^−ℓ = y;
/// where |ℓ| &lt; 1 that form (<see cref="KlTerms.ExpMinusOneMinusX{T}"/>) is used, because x·ℓ and x − y are O(δ) and cancel
/// to the O(δ²) term for nearly equal x and y. Elsewhere x·ℓ − x + y is formed directly: it is then at least a quarter of
/// x·|ℓ| + x + y, so nothing cancels, and e^−ℓ, which may overflow there, is not needed.
/// </remarks>
internal readonly struct GeneralizedKullbackLeiblerTerm : IPairTerm<GeneralizedKullbackLeiblerTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T log;
        if (T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal)))
        {
            unbounded |= T.EqualTo(q, T.Zero) & T.GreaterThan(p, T.Zero);
            log = Log.OfRatio(p, q, subnormals: true);
        }
        else
        {
            log = Log.OfRatio(p, q, subnormals: false);
        }

        return Term(p, q, log);
    }

    /// <summary>The term from ℓ = ln(x/y): x·(e^−ℓ − 1 + ℓ) where |ℓ| &lt; 1, x·ℓ − x + y elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Term<T>(T x, T y, T log)
        where T : struct, IVectorLanes<T>
    {
        T near = x * KlTerms.ExpMinusOneMinusX(T.Zero - log);
        T far = T.FusedMultiplyAdd(x, log, y - x);
        return T.Select(T.LessThan(T.Abs(log), T.Create(1.0)), near, far);
    }
}

/// <summary>
/// x/y − ln(x/y) − 1 for x, y &gt; 0, the Bregman term of φ(x) = −ln x: e^ℓ − 1 − ℓ with ℓ = ln(x/y), by
/// <see cref="KlTerms.ExpMinusOneMinusX{T}"/>, so nearly equal x and y keep their O(δ²) term; +∞ where x/y &gt; e^709.
/// </summary>
internal readonly struct ItakuraSaitoTerm : IPairTerm<ItakuraSaitoTerm>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>
    {
        T log = T.AnyLessThan(T.MinNative(p, q), T.Create(Log.SmallestNormal))
            ? Log.OfRatio(p, q, subnormals: true)
            : Log.OfRatio(p, q, subnormals: false);
        return KlTerms.ExpMinusOneMinusX(log);
    }
}
