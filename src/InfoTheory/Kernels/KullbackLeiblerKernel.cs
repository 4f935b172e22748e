using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>Kullback–Leibler divergence Σ pᵢ ln(pᵢ/qᵢ) in one pass that also validates p and q.</summary>
// <remarks>
// Float input runs in float registers at the vector widths (<see cref="RunSingle{T, TWide}"/>), twice the lanes of double and
// a shorter series; the scalar tail, and any block float cannot finish, run in double. Long input of either type runs on
// several cores in fixed parts (<see cref="PairedPass{TKernel, TElement}.Sum"/>), the same bits on any thread count.
// </remarks>
internal readonly struct KullbackLeiblerKernel : IPairedKernel
{
    // Float registers per float run; see RunSingle.
    private const int SingleRun = 16;

    // Elements per float block: a block's sums are kept apart until it is known to be clean.
    private const int BlockLength = 4096;

    private const float SingleSqrt2 = 1.41421356f;

    // <summary>The smallest positive normal float, 2^−126: below it (zero aside) a float block goes to the double pass.</summary>
    private const float SingleSmallestNormal = 1.17549435e-38f;
    // <summary>Returns Σ pᵢ ln(pᵢ/qᵢ) in nats (0·ln(0/q) = 0), or +∞ when some qᵢ = 0 &lt; pᵢ; unclamped.</summary>
    // <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    // <param name="p">The distribution p.</param>
    // <param name="q">The reference distribution q.</param>
    // <param name="pName">The caller's name for <paramref name="p"/>.</param>
    // <param name="qName">The caller's name for <paramref name="q"/>.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use (its result does not depend on them).</param>
    public static double Nats<TElement>(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, string pName, string qName, SimdWidth width, int threads = 1)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        double terms = PairedPass<KullbackLeiblerKernel, TElement>.Sum(p, q, pName, qName, width, out bool unbounded, partitioned: true, threads);
        return unbounded ? double.PositiveInfinity : terms;
    }

    static void IPairedKernel.Accumulate<TElement, T>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
    {
        if (typeof(TElement) == typeof(float))
        {
            var ps = MemoryMarshal.Cast<TElement, float>(p);
            var qs = MemoryMarshal.Cast<TElement, float>(q);
            if (typeof(T) == typeof(Vector512Lanes))
            {
                RunSingle<Vector512FloatLanes, Vector512Lanes>(ps, qs, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
            }
            else if (typeof(T) == typeof(Vector256Lanes))
            {
                RunSingle<Vector256FloatLanes, Vector256Lanes>(ps, qs, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
            }
        }

        RunDouble<TElement, T>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
    }

    // <summary>
    // The float pass over whole blocks of float registers. Each term is written as
    // p ln(p/q) = [p ln(p/q) − (p − q)] + (p − q): the bracket is ≥ 0 and of the size of the element's contribution, and
    // Σ(p − q) is summed in double from p − q, exact in float wherever p/q is in [½, 2] (Sterbenz). So nearly equal
    // distributions, whose terms p ln(p/q) are O(δ) of both signs and cancel to O(δ²), keep their small divergence: float
    // rounds each bracket, not each O(δ) term. A block holding a nonzero p or q below float's normal range (subnormal or
    // negative) is discarded and run again in double, which also finds the invalid entry.
    // </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunSingle<T, TWide>(
        ReadOnlySpan<float> p, ReadOnlySpan<float> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        ref float startP = ref MemoryMarshal.GetReference(p);
        ref float startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T smallestNormal = T.Create(SingleSmallestNormal);
        int length = p.Length;
        int i = index;
        while (i <= length - T.Count)
        {
            int start = i;
            int blockEnd = i + (Math.Min(length - i, BlockLength) / T.Count * T.Count);
            T minP = zero, minQ = zero, poison = zero, missing = zero;
            TWide sumP = TWide.Zero, sumQ = TWide.Zero, excess = TWide.Zero, difference = TWide.Zero;
            while (i < blockEnd)
            {
                // Sums of p, q and the brackets are kept in float over a run of registers and each run's sum widened into
                // double: a run of 16 adds at most 16 float roundings to a sum of 16 non-negative values.
                int runEnd = Math.Min(i + (SingleRun * T.Count), blockEnd);
                T runP = zero, runQ = zero, runExcess = zero;
                for (; i < runEnd; i += T.Count)
                {
                    T vp = T.Load(ref startP, i);
                    T vq = T.Load(ref startQ, i);
                    runP += vp;
                    runQ += vq;
                    minP = T.MinNative(minP, vp);
                    minQ = T.MinNative(minQ, vq);
                    T d = vp - vq;
                    T.Widen(d, out TWide lower, out TWide upper);
                    difference += lower + upper;
                    T t = Excess<T, TWide>(vp, vq, d);
                    if (T.AnyLessThan(T.MinNative(vp, vq), smallestNormal))
                    {
                        // Rare: a zero gives exact terms (p = 0: the bracket is q, so that it and p − q add to 0; q = 0 < p:
                        // +∞); anything else below the normal range poisons the block.
                        T zeroP = T.EqualTo(vp, zero), zeroQ = T.EqualTo(vq, zero);
                        poison |= T.Select(zeroP, zero, T.LessThan(vp, smallestNormal)) | T.Select(zeroQ, zero, T.LessThan(vq, smallestNormal));
                        missing |= zeroQ & T.GreaterThan(vp, zero);
                        t = T.Select(zeroP, vq, T.Select(zeroQ, zero, t));
                    }

                    runExcess += t;
                }

                T.Widen(runP, out TWide lowerP, out TWide upperP);
                T.Widen(runQ, out TWide lowerQ, out TWide upperQ);
                T.Widen(runExcess, out TWide lowerExcess, out TWide upperExcess);
                sumP += lowerP + upperP;
                sumQ += lowerQ + upperQ;
                excess += lowerExcess + upperExcess;
            }

            if (T.AnyTrue(poison))
            {
                RunDouble<float, TWide>(p[..i], q[..i], ref start, ref tallyP, ref tallyQ, ref terms, ref unbounded);
                continue;
            }

            tallyP.Add(sumP, Lowest<T, TWide>(minP));
            tallyQ.Add(sumQ, Lowest<T, TWide>(minQ));
            terms += TWide.SumLanes(excess) + TWide.SumLanes(difference);
            unbounded |= T.AnyTrue(missing);
        }

        index = i;
    }

    // <summary>p ln(p/q) − d for positive normal p, q and d = p − q, in float: ≥ 0 up to rounding, and within a few float ulps of its value.</summary>
    // <remarks>
    // As <see cref="Log.OfRatio{T}"/>: p/q = 2^k·y with y = m_p/m_q in [√2/2, √2], s = (m_p − m_q)/(m_p + m_q) and
    // ln y = 2s(1 + s²C(s²)), C(z) = 1/3 + z/5 + z²/7 + z³/9 (truncated below 2^−30 relative for s² ≤ 0.0295). For k = 0,
    // s = d/(p + q) and 2ps − d = s·d, so the bracket is s·(d + 2p·s²C(s²)) with no cancellation; otherwise p/q is outside
    // [√2/2, √2], the bracket is at least a twentieth of p·|ln(p/q)| + |d|, and p·ln(p/q) − d is formed directly.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Excess<T, TWide>(T p, T q, T d)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T one = T.Create(1.0f);
        T mq = T.SplitExponent(q, out T kq);
        mq += mq;
        T mp = T.SplitUnit(p, out T kp);
        T low = T.LessThan(mp * T.Create(SingleSqrt2), mq);
        mp = T.Select(low, mp + mp, mp);
        T k = kp - kq + one - (low & one);
        T s = (mp - mq) / (mp + mq);
        T z = s * s;
        T c = T.FusedMultiplyAdd(z, T.Create(1.0f / 9.0f), T.Create(1.0f / 7.0f));
        c = T.FusedMultiplyAdd(z, c, T.Create(1.0f / 5.0f));
        c = T.FusedMultiplyAdd(z, c, T.Create(1.0f / 3.0f));
        T w = z * c;
        T near = s * T.FusedMultiplyAdd(p + p, w, d);
        T twice = s + s;
        T logRatio = T.FusedMultiplyAdd(k, T.Create(KlTerms.SingleLn2Hi), T.FusedMultiplyAdd(twice, w, twice) + (k * T.Create(KlTerms.SingleLn2Lo)));
        T far = T.FusedMultiplyAdd(p, logRatio, q - p);
        return T.Select(T.EqualTo(k, T.Zero), near, far);
    }

    private static TWide Lowest<T, TWide>(T value)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T.Widen(value, out TWide lower, out TWide upper);
        return TWide.MinNative(lower, upper);
    }

    // <summary>The double pass from <paramref name="index"/> over whole <typeparamref name="T"/> registers of the spans.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunDouble<TElement, T>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        where TElement : unmanaged
        where T : struct, IVectorLanes<T>
    {
        ref TElement startP = ref MemoryMarshal.GetReference(p);
        ref TElement startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, kl = zero, missing = zero;
        int i = index;

        // Two registers per step share one division (Log.OfRatioPair). A zero q can only appear on the
        // (rare) subnormal path, which is where the q = 0 < p check lives.
        for (; i <= p.Length - 2 * T.Count; i += 2 * T.Count)
        {
            T p0 = Elements.Load<TElement, T>(ref startP, i);
            T p1 = Elements.Load<TElement, T>(ref startP, i + T.Count);
            T q0 = Elements.Load<TElement, T>(ref startQ, i);
            T q1 = Elements.Load<TElement, T>(ref startQ, i + T.Count);
            sumP += p0 + p1;
            T lowP = T.MinNative(p0, p1);
            minP = T.MinNative(minP, lowP);
            sumQ += q0 + q1;
            T lowQ = T.MinNative(q0, q1);
            minQ = T.MinNative(minQ, lowQ);
            T log0, log1;
            if (T.AnyLessThan(T.MinNative(lowP, lowQ), smallestNormal))
            {
                missing |= (T.EqualTo(q0, zero) & T.GreaterThan(p0, zero)) | (T.EqualTo(q1, zero) & T.GreaterThan(p1, zero));
                Log.OfRatioPair(p0, q0, p1, q1, out log0, out log1, subnormals: true);
            }
            else
            {
                Log.OfRatioPair(p0, q0, p1, q1, out log0, out log1, subnormals: false);
            }

            kl = T.FusedMultiplyAdd(p0, log0, kl);
            kl = T.FusedMultiplyAdd(p1, log1, kl);
        }

        if (i <= p.Length - T.Count)
        {
            T vp = Elements.Load<TElement, T>(ref startP, i);
            T vq = Elements.Load<TElement, T>(ref startQ, i);
            sumP += vp;
            minP = T.MinNative(minP, vp);
            sumQ += vq;
            minQ = T.MinNative(minQ, vq);
            missing |= T.EqualTo(vq, zero) & T.GreaterThan(vp, zero);
            kl = T.FusedMultiplyAdd(vp, Log.OfRatio(vp, vq), kl);
            i += T.Count;
        }

        index = i;
        tallyP.Add(sumP, minP);
        tallyQ.Add(sumQ, minQ);
        terms += T.SumLanes(kl);
        unbounded |= T.AnyTrue(missing);
    }
}
