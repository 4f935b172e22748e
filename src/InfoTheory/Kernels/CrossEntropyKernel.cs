using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>Cross-entropy −Σ pᵢ ln qᵢ in one pass that also validates p and q.</summary>
internal static class CrossEntropyKernel
{
    /// <summary>Returns −Σ pᵢ ln qᵢ in nats (0·ln q = 0), or +∞ when some qᵢ = 0 &lt; pᵢ; unclamped.</summary>
    /// <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static double Nats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName, SimdWidth width)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        var tallyP = default(ProbabilityTally);
        var tallyQ = default(ProbabilityTally);
        double terms = 0;
        bool unbounded = false;
        int index = 0;
        switch (width)
        {
            case SimdWidth.Vector512:
                Accumulate<Vector512Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
                break;
            case SimdWidth.Vector256:
                Accumulate<Vector256Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
                break;
        }

        Accumulate<ScalarLanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
        tallyP.Verify(p, pName);
        tallyQ.Verify(q, qName);
        return unbounded ? double.PositiveInfinity : -terms;
    }

    private static void Accumulate<T>(
        ReadOnlySpan<double> p, ReadOnlySpan<double> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        where T : struct, IVectorLanes<T>
    {
        ref double startP = ref MemoryMarshal.GetReference(p);
        ref double startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, plogq = zero, missing = zero;
        int i = index;

        // Two registers per step share one division; a zero q can only appear on the (rare) subnormal path,
        // which is where the q = 0 < p check lives.
        for (; i <= p.Length - 2 * T.Count; i += 2 * T.Count)
        {
            T p0 = T.Load(ref startP, i);
            T p1 = T.Load(ref startP, i + T.Count);
            T q0 = T.Load(ref startQ, i);
            T q1 = T.Load(ref startQ, i + T.Count);
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
            T vp = T.Load(ref startP, i);
            T vq = T.Load(ref startQ, i);
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
