using System.Numerics;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>The power sum Σ pᵢ^α = Σ pᵢe^(t·ln pᵢ), t = α − 1, of one double or float probability vector (<see cref="PowerSum"/> with q ≡ 1) in one pass that also validates it.</summary>
/// <remarks>One logarithm (<see cref="Log.OfPositivePair{T}"/>) and one exponential (<see cref="PowerSum.Add{T}"/>) per element, no power function; zeros add nothing.</remarks>
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
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sum = zero, min = zero, power = zero, excess = zero;
        T maxExponent = T.Create(double.NegativeInfinity);
        int i = index;
        for (; i <= p.Length - 2 * T.Count; i += 2 * T.Count)
        {
            T v0 = Elements.Load<TElement, T>(ref start, i);
            T v1 = Elements.Load<TElement, T>(ref start, i + T.Count);
            sum += v0 + v1;
            T low = T.MinNative(v0, v1);
            min = T.MinNative(min, low);
            if (T.AnyLessThan(low, smallestNormal))
            {
                Log.OfPositivePair(v0, v1, out T log0, out T log1, subnormals: true);
                AddWithZeros(v0, log0, t, ref power, ref excess, ref maxExponent);
                AddWithZeros(v1, log1, t, ref power, ref excess, ref maxExponent);
            }
            else
            {
                Log.OfPositivePair(v0, v1, out T log0, out T log1, subnormals: false);
                PowerSum.Add(v0, t * log0, ref power, ref excess, ref maxExponent);
                PowerSum.Add(v1, t * log1, ref power, ref excess, ref maxExponent);
            }
        }

        if (i <= p.Length - T.Count)
        {
            T v = Elements.Load<TElement, T>(ref start, i);
            sum += v;
            min = T.MinNative(min, v);
            AddWithZeros(v, Log.OfPositive(v), t, ref power, ref excess, ref maxExponent);
            i += T.Count;
        }

        index = i;
        _tally.Add(sum, min);
        _power += T.SumLanes(power);
        _excess += T.SumLanes(excess);
        _maxExponent = Math.Max(_maxExponent, -T.MinLane(zero - maxExponent));
    }

    /// <summary><see cref="PowerSum.Add{T}"/> for lanes that may hold a zero, which adds nothing (its exponent is taken as 0).</summary>
    private static void AddWithZeros<T>(T p, T logP, T t, ref T power, ref T excess, ref T maxExponent)
        where T : struct, IVectorLanes<T>
        => PowerSum.Add(p, T.Select(T.GreaterThan(p, T.Zero), t * logP, T.Zero), ref power, ref excess, ref maxExponent);
}
