using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>Jensen–Shannon divergence ½KL(p‖m) + ½KL(q‖m), m = (p+q)/2, in one pass that also validates p and q.</summary>
/// <remarks>
/// Each element contributes ½[pᵢ ln(pᵢ/mᵢ) + qᵢ ln(qᵢ/mᵢ)] = mᵢ·g(tᵢ) with tᵢ = (pᵢ−qᵢ)/(pᵢ+qᵢ) and
/// g(t) = ½[(1+t)ln(1+t) + (1−t)ln(1−t)] = Σ_{j≥1} t^{2j} / (2j(2j−1)) ≥ 0.
/// With r = 1/(pᵢ+qᵢ), the kernel forms t = (pᵢ−qᵢ)r, a = 1+t = 2pᵢr and b = 1−t = 2qᵢr (one division)
/// and takes ln a and ln b together (one more division, <see cref="Log.OfPositivePair{T}"/>).
/// Where |t| &lt; 1/8 the two logarithms nearly cancel, so the series (8 terms, truncation below
/// 2^−53 relative) is used instead. Nearly identical inputs therefore give an accurate small positive value, never
/// the negative rounding noise that makes scipy's <c>jensenshannon</c> return NaN (scipy #20083, #20779).
/// </remarks>
internal static class JensenShannonKernel
{
    private const double SeriesThreshold = 0.125;

    /// <summary>Below this p + q (2^−900) the pair is scaled by 2^200 before 1/(p+q) is formed.</summary>
    private const double SmallSum = 1.1830521861667747e-271;

    private const double TwoTo200 = 1.6069380442589903e60;

    /// <summary>Returns the Jensen–Shannon divergence in nats, unclamped.</summary>
    /// <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static double Nats(ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName, SimdWidth width)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        var tallyP = default(ProbabilityTally);
        var tallyQ = default(ProbabilityTally);
        double terms = 0;
        int index = 0;
        switch (width)
        {
            case SimdWidth.Vector512:
                Accumulate<Vector512Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms);
                break;
            case SimdWidth.Vector256:
                Accumulate<Vector256Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms);
                break;
        }

        Accumulate<ScalarLanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms);
        tallyP.Verify(p, pName);
        tallyQ.Verify(q, qName);
        return 0.5 * terms;
    }

    private static void Accumulate<T>(
        ReadOnlySpan<double> p, ReadOnlySpan<double> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms)
        where T : struct, IVectorLanes<T>
    {
        ref double startP = ref MemoryMarshal.GetReference(p);
        ref double startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T threshold = T.Create(SeriesThreshold);
        T smallestNormal = T.Create(Log.SmallestNormal);
        T smallSum = T.Create(SmallSum);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, twiceJsd = zero;
        int i = index;
        for (; i <= p.Length - T.Count; i += T.Count)
        {
            T vp = T.Load(ref startP, i);
            T vq = T.Load(ref startQ, i);
            sumP += vp;
            minP = T.MinNative(minP, vp);
            sumQ += vq;
            minQ = T.MinNative(minQ, vq);

            // a = p/m = 1 + t and b = q/m = 1 − t do not change when p and q are scaled together, so tiny
            // pairs are scaled up first: 1/(p+q) must not overflow.
            T w = vp + vq;
            T sp = vp, sq = vq, sw = w;
            T small = T.LessThan(w, smallSum);
            bool anySmall = T.AnyTrue(small);
            if (anySmall)
            {
                T scale = T.Select(small, T.Create(TwoTo200), T.Create(1.0));
                sp *= scale;
                sq *= scale;
                sw = sp + sq;
            }

            T reciprocal = T.Create(1.0) / sw;
            T t = (sp - sq) * reciprocal;
            T a = (sp + sp) * reciprocal;
            T b = (sq + sq) * reciprocal;
            T logA, logB;
            if (T.AnyTrue(T.LessThan(T.MinNative(a, b), smallestNormal)))
            {
                Log.OfPositivePair(a, b, out logA, out logB, subnormals: true);
            }
            else
            {
                Log.OfPositivePair(a, b, out logA, out logB, subnormals: false);
            }

            T term = T.FusedMultiplyAdd(vp, logA, vq * logB);
            term = T.Select(T.LessThan(T.Abs(t), threshold), w * Series(t), term);
            if (anySmall)
            {
                // p = q = 0 makes t and a NaN; such an element contributes nothing.
                term = T.Select(T.EqualTo(w, zero), zero, term);
            }

            twiceJsd += term;
        }

        index = i;
        tallyP.Add(sumP, minP);
        tallyQ.Add(sumQ, minQ);
        terms += T.SumLanes(twiceJsd);
    }

    /// <summary>g(t) = Σ_{j=1..8} t^{2j} / (2j(2j−1)), accurate to 2^−53 relative for |t| ≤ 1/8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Series<T>(T t)
        where T : struct, IVectorLanes<T>
    {
        T z = t * t;
        T sum = T.FusedMultiplyAdd(z, T.Create(1.0 / 240), T.Create(1.0 / 182));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(1.0 / 132));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(1.0 / 90));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(1.0 / 56));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(1.0 / 30));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(1.0 / 12));
        sum = T.FusedMultiplyAdd(z, sum, T.Create(0.5));
        return z * sum;
    }
}
