using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>The power sum Σ pᵢ^α = Σ pᵢe^(t·ln pᵢ), t = α − 1, of one double or float probability vector (<see cref="PowerSum"/> with q ≡ 1) in one pass that also validates it.</summary>
// <remarks>One logarithm (<see cref="Log.OfPositive{T}"/>) and one exponential (<see cref="PowerSum.Add{T}"/>) per element, no power function, one register a step (see <see cref="PowerSumKernel{TElement}"/>); zeros add nothing.</remarks>
internal ref struct PowerEntropyKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private readonly double _t;
    private PowerTally _tally;

    private PowerEntropyKernel(ReadOnlySpan<TElement> p, double t)
    {
        _p = p;
        _t = t;
    }

    // <summary>Returns the power sum of order α = 1 + <paramref name="t"/> of <paramref name="p"/>.</summary>
    // <param name="p">The distribution.</param>
    // <param name="t">The exponent t = α − 1: finite and nonzero.</param>
    // <param name="paramName">The caller's name for <paramref name="p"/>.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use (its result does not depend on them; see <see cref="PowerSumParts{TElement}"/>).</param>
    // <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector.</exception>
    public static unsafe PowerSum Sum(ReadOnlySpan<TElement> p, double t, string paramName, SimdWidth width, int threads = 1)
    {
        Guard.NotEmpty(p.Length, paramName);
        PowerTally total = PowerSumParts<TElement>.Run(p, [], t, width, threads, &Run);
        total.P.Verify(p, paramName);
        return PowerSum.Finish(p, [], t, total);
    }

    // q is empty: the pass reads p alone.
    private static PowerTally Run(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, SimdWidth width)
    {
        var pass = new PowerEntropyKernel<TElement>(p, t);
        LanePass.Run(ref pass, width);
        return pass._tally;
    }

    void ILanePass.Run<T>(ref int index)
    {
        ReadOnlySpan<TElement> p = _p;
        ref TElement start = ref MemoryMarshal.GetReference(p);
        T zero = T.Zero;
        T t = T.Create(_t);
        T sum = zero, min = zero, power = zero, excess = zero;

        // With q ≡ 1 no term is missing; AddTo's flag has nowhere else to go.
        T noneMissing = zero;
        int last = p.Length - T.Count;
        int i = index;
        while ((i = RunNormal(ref start, i, last, t, ref sum, ref power, ref excess)) <= last)
        {
            // A register with a zero or subnormal entry (or a negative one, so the minimum needs updating only here).
            T v = Elements.Load<TElement, T>(ref start, i);
            sum += v;
            min = T.MinNative(min, v);
            PowerSum.AddWithZeros(v, T.Create(1.0), t).AddTo(ref power, ref excess, ref noneMissing);
            i += T.Count;
        }

        index = i;
        _tally.P.Add(sum, min);
        _tally.Power += T.SumLanes(power);
        _tally.Excess += T.SumLanes(excess);
    }

    // <summary>Adds the registers from <paramref name="i"/> on while every entry is a normal double, returning the index of the first register that is not (or past <paramref name="last"/>).</summary>
    // <remarks>A method of its own, with no call inside, so the accumulators stay in registers (see <see cref="PowerSumKernel{TElement}"/>).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunNormal<T>(ref TElement start, int i, int last, T t, ref T sumOut, ref T powerOut, ref T excessOut)
        where T : struct, IVectorLanes<T>
    {
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sum = sumOut, power = powerOut, excess = excessOut;
        for (; i <= last; i += T.Count)
        {
            T v = Elements.Load<TElement, T>(ref start, i);
            if (T.AnyLessThan(v, smallestNormal))
            {
                break;
            }

            sum += v;
            PowerSum.Add(v, t * Log.OfPositive(v, subnormals: false), ref power, ref excess);
        }

        sumOut = sum;
        powerOut = power;
        excessOut = excess;
        return i;
    }
}
