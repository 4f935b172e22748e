using System.Numerics;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>The power sum Σ pᵢ^α = Σ pᵢe^(t·ln pᵢ), t = α − 1, of one double or float probability vector (<see cref="PowerSum"/> with q ≡ 1) in one pass that also validates it.</summary>
/// <remarks>One logarithm (<see cref="Log.OfPositive{T}"/>) and one exponential (<see cref="PowerSum.Add{T}"/>) per element, no power function, one register a step (see <see cref="PowerSumKernel{TElement}"/>); zeros add nothing.</remarks>
internal ref struct PowerEntropyKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private readonly double _t;
    private ProbabilityTally _tally;
    private double _power;
    private double _excess;
    private double _maxExponent;

    private PowerEntropyKernel(ReadOnlySpan<TElement> p, double t)
    {
        _p = p;
        _t = t;
        _maxExponent = double.NegativeInfinity;
    }

    /// <summary>Returns the power sum of order α = 1 + <paramref name="t"/> of <paramref name="p"/>.</summary>
    /// <param name="p">The distribution.</param>
    /// <param name="t">The exponent t = α − 1: finite and nonzero.</param>
    /// <param name="paramName">The caller's name for <paramref name="p"/>.</param>
    /// <param name="width">The lane width.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector.</exception>
    public static PowerSum Sum(ReadOnlySpan<TElement> p, double t, string paramName, SimdWidth width)
    {
        Guard.NotEmpty(p.Length, paramName);
        var pass = new PowerEntropyKernel<TElement>(p, t);
        LanePass.Run(ref pass, width);
        pass._tally.Verify(p, paramName);
        return PowerSum.Finish(p, [], t, pass._power, pass._excess, pass._maxExponent, unbounded: false);
    }

    void ILanePass.Run<T>(ref int index)
    {
        ReadOnlySpan<TElement> p = _p;
        ref TElement start = ref MemoryMarshal.GetReference(p);
        T zero = T.Zero;
        T t = T.Create(_t);
        T one = T.Create(1.0);
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sum = zero, min = zero, power = zero, excess = zero;

        // With q ≡ 1 no term is missing; AddTo's flag has nowhere else to go.
        T noneMissing = zero;
        T maxExponent = T.Create(double.NegativeInfinity);
        int i = index;
        for (; i <= p.Length - T.Count; i += T.Count)
        {
            T v = Elements.Load<TElement, T>(ref start, i);
            sum += v;
            min = T.MinNative(min, v);
            if (T.AnyLessThan(v, smallestNormal))
            {
                PowerSum.AddWithZeros(v, one, t).AddTo(ref power, ref excess, ref maxExponent, ref noneMissing);
            }
            else
            {
                PowerSum.Add(v, t * Log.OfPositive(v, subnormals: false), ref power, ref excess, ref maxExponent);
            }
        }

        index = i;
        _tally.Add(sum, min);
        _power += T.SumLanes(power);
        _excess += T.SumLanes(excess);
        _maxExponent = Math.Max(_maxExponent, -T.MinLane(zero - maxExponent));
    }
}
