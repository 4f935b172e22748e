using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>
// The power sum Σ pᵢ^α qᵢ^(1−α) = Σ pᵢ e^(t·ℓᵢ), t = α − 1, ℓᵢ = ln(pᵢ/qᵢ), behind the Rényi, Tsallis and α-divergences
// (and, with q ≡ 1, the Rényi and Tsallis entropies), in the two forms those measures need without cancellation.
// </summary>
// <remarks>
// Terms with pᵢ = 0 are 0 for every t (the limit of 0^α as α → 0⁺, so α = 0 counts the support of p); a term with
// qᵢ = 0 &lt; pᵢ is 0 for t &lt; 0 and +∞ for t &gt; 0 (<see cref="Unbounded"/>).
// </remarks>
// <param name="ScaledLog">(1/t)·ln Σ pᵢ^α qᵢ^(1−α): the Rényi divergence of order α, or minus the Rényi entropy.</param>
// <param name="Excess">Σ (pᵢ^α qᵢ^(1−α) − pᵢ): t times the Tsallis divergence, or minus t times the Tsallis entropy.</param>
// <param name="Unbounded">Whether some qᵢ = 0 &lt; pᵢ with t &gt; 0, so that the sum is +∞.</param>
internal readonly record struct PowerSum(double ScaledLog, double Excess, bool Unbounded)
{
    // Below this t·ℓ a lane's e^(tℓ) is clamped to e^−708 (< 1e-307); a pass whose sum fell below FallbackSum is redone by Scaled.
    private const double UnderflowLimit = -708.0;

    // Above this t·ℓ a lane's e^(tℓ) is clamped to e^710, past the largest double (e^709.78): its scale 2^(n/16) has n/16 =
    // 1024 and is NaN or +∞, so the term and the sum are +∞ or NaN, which Finish sends to Scaled. At 710, n/16 stays below 1025,
    // where the scale's exponent field would wrap into garbage.
    private const double OverflowLimit = 710.0;

    // A sum of the fast pass below this has lost its largest terms to underflow (each clamped term is below 1e-307).
    private const double FallbackSum = 1e-200;

    // Beyond |S| = ½ the sum is not near 1 and ln of it is taken directly; nearer 1, ln(1 + S) keeps the small (α − 1)·KL.
    private const double ExcessSwitch = 0.5;

    // <summary>Adds p·e^x to <paramref name="power"/> and p·(e^x − 1) to <paramref name="excess"/> for every lane.</summary>
    // <remarks>
    // One reduction x = (n/16)·ln 2 + r, e^r − 1 = r + r²·c(r) (<see cref="Exp.ReduceSixteenths{T}"/>,
    // <see cref="Exp.TailSixteenths{T}"/>) with s = 2^(n/16) gives both e^x = s(e^r − 1) + s and e^x − 1 = s(e^r − 1) + (s − 1),
    // where s − 1 is exact for s in [½, 2] (Sterbenz); for |x| ≤ ln2/32, s = 1 and r = x exactly, so e^x − 1 has no
    // cancellation and Σ p(e^(tℓ) − 1) keeps its leading t·Σ pℓ when t is tiny. x is clamped into
    // [<see cref="UnderflowLimit"/>, <see cref="OverflowLimit"/>], which the caller detects through the sum alone (below
    // <see cref="FallbackSum"/>, or not finite), so the loop carries no maximum of the exponents.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<T>(T p, T x, ref T power, ref T excess)
        where T : struct, IVectorLanes<T>
    {
        T xc = T.MinNative(T.MaxNative(x, T.Create(UnderflowLimit)), T.Create(OverflowLimit));
        T r = Exp.ReduceSixteenths(xc, out T s);
        T r2 = r * r;
        T rm1 = T.FusedMultiplyAdd(r2, Exp.TailSixteenths(r, r2), r);
        power = T.FusedMultiplyAdd(p, T.FusedMultiplyAdd(s, rm1, s), power);
        excess = T.FusedMultiplyAdd(p, T.FusedMultiplyAdd(s, rm1, s - T.Create(1.0)), excess);
    }

    // <summary>
    // <see cref="Add{T}"/> for a register that may hold a zero (or a subnormal): pᵢ = 0 adds nothing; qᵢ = 0 &lt; pᵢ adds 0 to
    // the sum and −pᵢ to the excess (the t &lt; 0 value) and is flagged in <see cref="PowerTerms{T}.Missing"/> for the t &gt; 0 rule.
    // </summary>
    // <remarks>
    // Rare, and kept out of line: inlined beside the fast path it would spend the caller's inlining budget. q ≡ 1 (the
    // entropies) passes <c>q = 1</c>.
    // </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static PowerTerms<T> AddWithZeros<T>(T p, T q, T t)
        where T : struct, IVectorLanes<T>
    {
        T zero = T.Zero;
        T both = T.GreaterThan(p, zero) & T.GreaterThan(q, zero);
        T power = zero, excess = zero;
        Add(p, T.Select(both, t * Log.OfRatio(p, q), zero), ref power, ref excess);
        return new PowerTerms<T>
        {
            Power = T.Select(both, power, zero),
            Excess = T.Select(both, excess, zero - p),
            Missing = T.EqualTo(q, zero) & T.GreaterThan(p, zero),
        };
    }

    // <summary>Combines a pass's sums into the result, redoing the sum by <see cref="Scaled"/> where the pass overflowed or underflowed.</summary>
    // <param name="p">The first vector, already validated.</param>
    // <param name="q">The second vector, already validated; empty for q ≡ 1 (the entropies).</param>
    // <param name="t">The exponent t = α − 1, finite and nonzero.</param>
    // <param name="pass">The pass's sums (its missing flag meaningful only for t &gt; 0).</param>
    public static PowerSum Finish<TElement>(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, in PowerTally pass)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        if (pass.Missing && t > 0)
        {
            return new PowerSum(double.PositiveInfinity, double.PositiveInfinity, true);
        }

        // NaN (an overflowed term times a negative e^r − 1, plus +∞) fails both comparisons.
        if (!(pass.Power >= FallbackSum && pass.Power <= double.MaxValue))
        {
            return Scaled(p, q, t);
        }

        double log = Math.Abs(pass.Excess) < ExcessSwitch ? Numerics.Log1P(pass.Excess) : Math.Log(pass.Power);
        return new PowerSum(log / t, pass.Excess, false);
    }

    // <summary>
    // The sum with its largest term factored out, for orders and ratios whose terms overflow or underflow a double:
    // (1/t)·ln Σ pᵢe^(tℓᵢ) = ℓ* + (1/t)·ln Σ pᵢe^(t(ℓᵢ − ℓ*)) with ℓ* the ℓᵢ of the largest t·ℓᵢ, so every exponent is ≤ 0
    // and the sum is at least the p of that term. Rare (a few extreme inputs), so it runs one lane at a time.
    // </summary>
    private static PowerSum Scaled<TElement>(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        double shift = t > 0 ? double.NegativeInfinity : double.PositiveInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            if (TryLogRatio(p, q, i, out double l))
            {
                shift = t > 0 ? Math.Max(shift, l) : Math.Min(shift, l);
            }
        }

        double sum = 0, excess = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = Elements.Value(p, i);
            if (TryLogRatio(p, q, i, out double l))
            {
                sum += pi * Math.Exp(t * (l - shift));
                excess += Math.Exp(Math.Log(pi) + (t * l)) - pi;
            }
            else
            {
                excess -= pi;
            }
        }

        // No pᵢ > 0 with qᵢ > 0 (only for t < 0, disjoint supports): the sum is 0 and its logarithm −∞.
        double scaledLog = sum > 0 ? shift + (Math.Log(sum) / t) : double.NegativeInfinity / t;
        return new PowerSum(scaledLog, excess, false);
    }

    // <summary>ℓᵢ = ln(pᵢ/qᵢ) (ln pᵢ for an empty q) where pᵢ &gt; 0 and qᵢ &gt; 0; false where the term has no logarithm.</summary>
    private static bool TryLogRatio<TElement>(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, int i, out double logRatio)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        double pi = Elements.Value(p, i);
        double qi = q.IsEmpty ? 1.0 : Elements.Value(q, i);
        logRatio = pi > 0 && qi > 0 ? Log.OfRatio(pi, qi) : 0.0;
        return pi > 0 && qi > 0;
    }
}

// <summary>What <see cref="PowerSum.AddWithZeros{T}"/> adds up for a register, for the caller to fold into its accumulators.</summary>
internal struct PowerTerms<T>
    where T : struct, IVectorLanes<T>
{
    // <summary>The register's Σ pᵢe^(tℓᵢ).</summary>
    public T Power;

    // <summary>The register's Σ pᵢ(e^(tℓᵢ) − 1), −pᵢ where qᵢ = 0 &lt; pᵢ.</summary>
    public T Excess;

    // <summary>The mask of lanes where qᵢ = 0 &lt; pᵢ.</summary>
    public T Missing;

    // <summary>Folds these terms into a pass's accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void AddTo(ref T power, ref T excess, ref T missing)
    {
        power += Power;
        excess += Excess;
        missing |= Missing;
    }
}
