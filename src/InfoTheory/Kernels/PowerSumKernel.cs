using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>The power sum Σ pᵢ^α qᵢ^(1−α) of two double or float probability vectors (<see cref="PowerSum"/>) in one pass that also validates both.</summary>
// <remarks>
// Each term is pᵢe^(t·ℓᵢ) with ℓᵢ = ln(pᵢ/qᵢ) from <see cref="Log.OfRatio{T}"/> (the quotient never rounded) and the
// exponential of <see cref="PowerSum.Add{T}"/>: one logarithm and one exponential per element, no power function. One register
// a step, not the pair of the KL kernel: with two (measured on AVX2's 16 registers), the temporaries no longer fit and spill,
// which costs more than the division a pair would share. Long inputs run in fixed parts on several threads
// (<see cref="PowerSumParts{TElement}"/>). The order t is a run-time value, which <see cref="IPairedKernel"/>'s static element loop has no place
// for, so this pass carries it as a field and uses <see cref="LanePass"/> and <see cref="ProbabilityTally"/> directly.
// </remarks>
internal ref struct PowerSumKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private readonly ReadOnlySpan<TElement> _q;
    private readonly double _t;
    private PowerTally _tally;

    private PowerSumKernel(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t)
    {
        _p = p;
        _q = q;
        _t = t;
    }

    // <summary>Returns the power sum of order α = 1 + <paramref name="t"/> of <paramref name="p"/> against <paramref name="q"/>.</summary>
    // <param name="p">The distribution p.</param>
    // <param name="q">The reference distribution q.</param>
    // <param name="t">The exponent t = α − 1 on the ratio: finite and nonzero.</param>
    // <param name="pName">The caller's name for <paramref name="p"/>.</param>
    // <param name="qName">The caller's name for <paramref name="q"/>.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use (its result does not depend on them; see <see cref="PowerSumParts{TElement}"/>).</param>
    // <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static unsafe PowerSum Sum(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, string pName, string qName, SimdWidth width, int threads = 1)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        PowerTally total = PowerSumParts<TElement>.Run(p, q, t, width, threads, &Run);
        total.P.Verify(p, pName);
        total.Q.Verify(q, qName);
        return PowerSum.Finish(p, q, t, total);
    }

    private static PowerTally Run(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, SimdWidth width)
    {
        var pass = new PowerSumKernel<TElement>(p, q, t);
        LanePass.Run(ref pass, width);
        return pass._tally;
    }

    void ILanePass.Run<T>(ref int index)
    {
        ReadOnlySpan<TElement> p = _p;
        ref TElement startP = ref MemoryMarshal.GetReference(p);
        ref TElement startQ = ref MemoryMarshal.GetReference(_q);
        T zero = T.Zero;
        T t = T.Create(_t);
        T sumP = zero, minP = zero, sumQ = zero, minQ = zero, power = zero, excess = zero, missing = zero;
        int last = p.Length - T.Count;
        int i = index;
        while ((i = RunNormal(ref startP, ref startQ, i, last, t, ref sumP, ref sumQ, ref power, ref excess)) <= last)
        {
            // A register with a zero or subnormal entry (or a negative one, which is below the smallest normal too, so the
            // minima need updating only here).
            T vp = Elements.Load<TElement, T>(ref startP, i);
            T vq = Elements.Load<TElement, T>(ref startQ, i);
            sumP += vp;
            sumQ += vq;
            minP = T.MinNative(minP, vp);
            minQ = T.MinNative(minQ, vq);
            PowerSum.AddWithZeros(vp, vq, t).AddTo(ref power, ref excess, ref missing);
            i += T.Count;
        }

        index = i;
        _tally.P.Add(sumP, minP);
        _tally.Q.Add(sumQ, minQ);
        _tally.Power += T.SumLanes(power);
        _tally.Excess += T.SumLanes(excess);
        _tally.Missing |= T.AnyTrue(missing);
    }

    // <summary>Adds the registers from <paramref name="i"/> on while every entry is a normal double, returning the index of the first register that is not (or past <paramref name="last"/>).</summary>
    // <remarks>
    // A method of its own, with no call inside: a call in the loop (the out-of-line zero path) makes the JIT keep the
    // accumulators in memory across every step. Here they are locals, in registers, written back once on return.
    // </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunNormal<T>(ref TElement startP, ref TElement startQ, int i, int last, T t, ref T sumPOut, ref T sumQOut, ref T powerOut, ref T excessOut)
        where T : struct, IVectorLanes<T>
    {
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sumP = sumPOut, sumQ = sumQOut, power = powerOut, excess = excessOut;
        for (; i <= last; i += T.Count)
        {
            T vp = Elements.Load<TElement, T>(ref startP, i);
            T vq = Elements.Load<TElement, T>(ref startQ, i);
            if (T.AnyLessThan(T.MinNative(vp, vq), smallestNormal))
            {
                break;
            }

            sumP += vp;
            sumQ += vq;
            PowerSum.Add(vp, t * Log.OfRatio(vp, vq, subnormals: false), ref power, ref excess);
        }

        sumPOut = sumP;
        sumQOut = sumQ;
        powerOut = power;
        excessOut = excess;
        return i;
    }
}
