using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>Runs an <see cref="IPairedKernel"/> over two double or float probability vectors in one validating pass.</summary>
internal ref struct PairedPass<TKernel, TElement> : ILanePass
    where TKernel : struct, IPairedKernel
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private readonly ReadOnlySpan<TElement> _q;
    private ProbabilityTally _tallyP;
    private ProbabilityTally _tallyQ;
    private double _terms;
    private bool _unbounded;

    private PairedPass(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q)
    {
        _p = p;
        _q = q;
    }

    /// <summary>Returns the kernel's sum of terms in nats; <paramref name="unbounded"/> says whether a term was +∞.</summary>
    /// <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static double Sum(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, string pName, string qName, SimdWidth width, out bool unbounded)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        var pass = new PairedPass<TKernel, TElement>(p, q);
        LanePass.Run(ref pass, width);
        pass._tallyP.Verify(p, pName);
        pass._tallyQ.Verify(q, qName);
        unbounded = pass._unbounded;
        return pass._terms;
    }

    void ILanePass.Run<T>(ref int index)
        => TKernel.Accumulate<TElement, T>(_p, _q, ref index, ref _tallyP, ref _tallyQ, ref _terms, ref _unbounded);
}
