using System.Numerics;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>Shannon entropy −Σ pᵢ ln pᵢ of double or float p in one pass that also validates p.</summary>
internal ref struct EntropyKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private ProbabilityTally _tally;
    private double _terms;

    private EntropyKernel(ReadOnlySpan<TElement> p) => _p = p;

    /// <summary>Returns −Σ pᵢ ln pᵢ in nats (0·ln 0 = 0), unclamped.</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector.</exception>
    public static double Nats(ReadOnlySpan<TElement> p, string paramName, SimdWidth width)
    {
        Guard.NotEmpty(p.Length, paramName);
        var pass = new EntropyKernel<TElement>(p);
        LanePass.Run(ref pass, width);
        pass._tally.Verify(p, paramName);
        return -pass._terms;
    }

    void ILanePass.Run<T>(ref int index)
    {
        ReadOnlySpan<TElement> p = _p;
        ref TElement start = ref MemoryMarshal.GetReference(p);
        T smallestNormal = T.Create(Log.SmallestNormal);
        T sum = T.Zero;
        T min = T.Zero;
        T plogp = T.Zero;
        int i = index;

        // Two registers per step share one division (Log.OfPositivePair); the subnormal path runs only where needed.
        for (; i <= p.Length - 2 * T.Count; i += 2 * T.Count)
        {
            T v0 = Elements.Load<TElement, T>(ref start, i);
            T v1 = Elements.Load<TElement, T>(ref start, i + T.Count);
            sum += v0 + v1;
            T low = T.MinNative(v0, v1);
            min = T.MinNative(min, low);
            T log0, log1;
            if (T.AnyLessThan(low, smallestNormal))
            {
                Log.OfPositivePair(v0, v1, out log0, out log1, subnormals: true);
            }
            else
            {
                Log.OfPositivePair(v0, v1, out log0, out log1, subnormals: false);
            }

            plogp = T.FusedMultiplyAdd(v0, log0, plogp);
            plogp = T.FusedMultiplyAdd(v1, log1, plogp);
        }

        if (i <= p.Length - T.Count)
        {
            T v = Elements.Load<TElement, T>(ref start, i);
            sum += v;
            min = T.MinNative(min, v);
            plogp = T.FusedMultiplyAdd(v, Log.OfPositive(v), plogp);
            i += T.Count;
        }

        index = i;
        _tally.Add(sum, min);
        _terms += T.SumLanes(plogp);
    }
}
