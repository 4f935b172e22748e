using System.Numerics;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>The power sum Σ pᵢ^α qᵢ^(1−α) of two double or float probability vectors (<see cref="PowerSum"/>) in one pass that also validates both.</summary>
/// <remarks>
/// Each term is pᵢe^(t·ℓᵢ) with ℓᵢ = ln(pᵢ/qᵢ) from <see cref="Log.OfRatio{T}"/> (the quotient never rounded) and the
/// exponential of <see cref="PowerSum.Add{T}"/>: one logarithm and one exponential per element, no power function. One register
/// a step, not the pair of the KL kernel: with two, the lane operations exceed the JIT's inlining budget for the loop and
/// stay calls, which costs several times the division a pair would share. The order t is a run-time value, which <see cref="IPairedKernel"/>'s static element loop has no place
/// for, so this pass carries it as a field and uses <see cref="LanePass"/> and <see cref="ProbabilityTally"/> directly.
/// </remarks>
internal ref struct PowerSumKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private readonly ReadOnlySpan<TElement> _q;
    private readonly double _t;
    private ProbabilityTally _tallyP;
    private ProbabilityTally _tallyQ;
    private double _power;
    private double _excess;
    private double _maxExponent;
    private bool _missing;

    private PowerSumKernel(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t)
    {
        _p = p;
        _q = q;
        _t = t;
        _maxExponent = double.NegativeInfinity;
    }

    /// <summary>Returns the power sum of order α = 1 + <paramref name="t"/> of <paramref name="p"/> against <paramref name="q"/>.</summary>
    /// <param name="p">The distribution p.</param>
    /// <param name="q">The reference distribution q.</param>
    /// <param name="t">The exponent t = α − 1 on the ratio: finite and nonzero.</param>
    /// <param name="pName">The caller's name for <paramref name="p"/>.</param>
    /// <param name="qName">The caller's name for <paramref name="q"/>.</param>
    /// <param name="width">The lane width.</param>
    /// <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static PowerSum Sum(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, string pName, string qName, SimdWidth width)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        var pass = new PowerSumKernel<TElement>(p, q, t);
        LanePass.Run(ref pass, width);
        pass._tallyP.Verify(p, pName);
        pass._tallyQ.Verify(q, qName);
        return PowerSum.Finish(p, q, t, pass._power, pass._excess, pass._maxExponent, pass._missing);
    }

    void ILanePass.Run<T>(ref int index)
    {
        ReadOnlySpan<TElement> p = _p;
        ReadOnlySpan<TElement> q = _q;
        ref TElement startP = ref MemoryMarshal.GetReference(p);
        ref TElement startQ = ref MemoryMarshal.GetReference(q);
        T zero = T.Zero;
        T t = T.Create(_t);
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, power = zero, excess = zero, missing = zero;
        T maxExponent = T.Create(double.NegativeInfinity);
        int i = index;
        for (; i <= p.Length - T.Count; i += T.Count)
        {
            T vp = Elements.Load<TElement, T>(ref startP, i);
            T vq = Elements.Load<TElement, T>(ref startQ, i);
            sumP += vp;
            minP = T.MinNative(minP, vp);
            sumQ += vq;
            minQ = T.MinNative(minQ, vq);
            if (T.AnyLessThan(T.MinNative(vp, vq), smallestNormal))
            {
                PowerSum.AddWithZeros(vp, vq, t).AddTo(ref power, ref excess, ref maxExponent, ref missing);
            }
            else
            {
                PowerSum.Add(vp, t * Log.OfRatio(vp, vq, subnormals: false), ref power, ref excess, ref maxExponent);
            }
        }

        index = i;
        _tallyP.Add(sumP, minP);
        _tallyQ.Add(sumQ, minQ);
        _power += T.SumLanes(power);
        _excess += T.SumLanes(excess);
        _maxExponent = Math.Max(_maxExponent, -T.MinLane(zero - maxExponent));
        _missing |= T.AnyTrue(missing);
    }
}
