using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>Cross-entropy −Σ pᵢ ln qᵢ in one pass that also validates p and q.</summary>
internal readonly struct CrossEntropyKernel : IPairedKernel
{
    // <summary>Returns −Σ pᵢ ln qᵢ in nats (0·ln q = 0), or +∞ when some qᵢ = 0 &lt; pᵢ; unclamped.</summary>
    // <remarks>A long pass runs in fixed parts on up to <paramref name="threads"/> threads (<see cref="PairedPass{TKernel, TElement}.Sum"/>); its result does not depend on them.</remarks>
    // <param name="p">The distribution p.</param>
    // <param name="q">The distribution q.</param>
    // <param name="pName">The caller's name for <paramref name="p"/>.</param>
    // <param name="qName">The caller's name for <paramref name="q"/>.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use.</param>
    // <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static double Nats<TElement>(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, string pName, string qName, SimdWidth width, int threads = 1)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        double terms = PairedPass<CrossEntropyKernel, TElement>.Sum(p, q, pName, qName, width, out bool unbounded, partitioned: true, threads);
        return unbounded ? double.PositiveInfinity : -terms;
    }

    static void IPairedKernel.Accumulate<TElement, T>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        => Run<TElement, T>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);

    // Never inlined, like Jensen–Shannon's loop (see there): the JIT compiles it on its own, whatever the pass around it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run<TElement, T>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        where TElement : unmanaged
        where T : struct, IVectorLanes<T>
    {
        ref TElement startP = ref MemoryMarshal.GetReference(p);
        ref TElement startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, plogq = zero, missing = zero;
        int i = index;

        // Two registers per step share one division; a zero q can only appear on the (rare) subnormal path,
        // which is where the q = 0 < p check lives.
        for (; i <= p.Length - 2 * T.Count; i += 2 * T.Count)
        {
            T p0 = Elements.Load<TElement, T>(ref startP, i);
            T p1 = Elements.Load<TElement, T>(ref startP, i + T.Count);
            T q0 = Elements.Load<TElement, T>(ref startQ, i);
            T q1 = Elements.Load<TElement, T>(ref startQ, i + T.Count);
            sumP += p0 + p1;
            minP = T.MinNative(minP, T.MinNative(p0, p1));
            sumQ += q0 + q1;
            T lowQ = T.MinNative(q0, q1);
            minQ = T.MinNative(minQ, lowQ);
            T log0, log1;
            if (T.AnyLessThan(lowQ, smallestNormal))
            {
                missing |= (T.EqualTo(q0, zero) & T.GreaterThan(p0, zero)) | (T.EqualTo(q1, zero) & T.GreaterThan(p1, zero));
                Log.OfPositivePair(q0, q1, out log0, out log1, subnormals: true);
            }
            else
            {
                Log.OfPositivePair(q0, q1, out log0, out log1, subnormals: false);
            }

            plogq = T.FusedMultiplyAdd(p0, log0, plogq);
            plogq = T.FusedMultiplyAdd(p1, log1, plogq);
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
            plogq = T.FusedMultiplyAdd(vp, Log.OfPositive(vq), plogq);
            i += T.Count;
        }

        index = i;
        tallyP.Add(sumP, minP);
        tallyQ.Add(sumQ, minQ);
        terms += T.SumLanes(plogq);
        unbounded |= T.AnyTrue(missing);
    }
}
