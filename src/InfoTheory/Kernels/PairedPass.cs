using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>Runs an <see cref="IPairedKernel"/> over two double or float probability vectors in one validating pass.</summary>
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

    // <summary>Returns the kernel's sum of terms in nats; <paramref name="unbounded"/> says whether a term was +∞.</summary>
    // <remarks>
    // A <paramref name="partitioned"/> pass of at least <see cref="PartitionedRun.ShortestLength"/> elements is cut into
    // <see cref="PartitionedRun.Parts"/> parts of whole <see cref="PartitionedRun.BlockLength"/>-element blocks, run on up to <paramref name="threads"/> threads and
    // added in part order, so its result does not depend on the thread count.
    // </remarks>
    // <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static unsafe double Sum(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, string pName, string qName, SimdWidth width, out bool unbounded,
        bool partitioned = false, int threads = 1)
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        Tally total;
        if (partitioned && p.Length >= PartitionedRun.ShortestLength)
        {
            fixed (TElement* pp = p)
            fixed (TElement* qp = q)
            {
                total = PartitionedRun.Tally<Part, Tally>(new Part { P = pp, Q = qp, Width = width }, p.Length, threads);
            }
        }
        else
        {
            total = Run(p, q, width);
        }

        total.P.Verify(p, pName);
        total.Q.Verify(q, qName);
        unbounded = total.Unbounded;
        return total.Terms;
    }

    private static Tally Run(ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, SimdWidth width)
    {
        var pass = new PairedPass<TKernel, TElement>(p, q);
        LanePass.Run(ref pass, width);
        return new Tally { P = pass._tallyP, Q = pass._tallyQ, Terms = pass._terms, Unbounded = pass._unbounded };
    }

    void ILanePass.Run<T>(ref int index)
        => TKernel.Accumulate<TElement, T>(_p, _q, ref index, ref _tallyP, ref _tallyQ, ref _terms, ref _unbounded);

    // <summary>What a pass, or one part of it, adds up.</summary>
    private struct Tally : PartitionedRun.ITally<Tally>
    {
        public ProbabilityTally P;
        public ProbabilityTally Q;
        public double Terms;
        public bool Unbounded;

        // <summary>Adds the tally of a later part.</summary>
        public void Add(in Tally later)
        {
            P.Add(later.P);
            Q.Add(later.Q);
            Terms += later.Terms;
            Unbounded |= later.Unbounded;
        }
    }

    // <summary>One part of a partitioned pass: the pinned spans and the width.</summary>
    // <remarks>Whole blocks: a part cuts no float block of KullbackLeiblerKernel, whose blocks are as long.</remarks>
    private unsafe struct Part : PartitionedRun.IPart<Tally>
    {
        public TElement* P;
        public TElement* Q;
        public SimdWidth Width;

        // <summary>The tally of [start, end).</summary>
        public readonly Tally Run(int start, int end)
            => PairedPass<TKernel, TElement>.Run(new ReadOnlySpan<TElement>(P + start, end - start), new ReadOnlySpan<TElement>(Q + start, end - start), Width);
    }
}
