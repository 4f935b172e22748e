using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>Shannon entropy −Σ pᵢ ln pᵢ of double or float p in one pass that also validates p.</summary>
internal ref struct EntropyKernel<TElement> : ILanePass
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    private readonly ReadOnlySpan<TElement> _p;
    private ProbabilityTally _tally;
    private double _terms;

    private EntropyKernel(ReadOnlySpan<TElement> p) => _p = p;

    // <summary>Returns −Σ pᵢ ln pᵢ in nats (0·ln 0 = 0), unclamped.</summary>
    // <remarks>
    // From <see cref="PartitionedRun.ShortestLength"/> elements on, the pass is cut into <see cref="PartitionedRun.Parts"/> fixed
    // parts run on up to <paramref name="threads"/> threads and added in part order, so the result does not depend on the thread count.
    // </remarks>
    // <param name="p">The distribution.</param>
    // <param name="paramName">The caller's name for <paramref name="p"/>.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use (its result does not depend on them).</param>
    // <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector.</exception>
    public static unsafe double Nats(ReadOnlySpan<TElement> p, string paramName, SimdWidth width, int threads = 1)
    {
        Guard.NotEmpty(p.Length, paramName);
        Tally total;
        if (p.Length >= PartitionedRun.ShortestLength)
        {
            fixed (TElement* pp = p)
            {
                total = PartitionedRun.Tally<Part, Tally>(new Part { P = pp, Width = width }, p.Length, threads);
            }
        }
        else
        {
            total = Run(p, width);
        }

        total.P.Verify(p, paramName);
        return -total.Terms;
    }

    private static Tally Run(ReadOnlySpan<TElement> p, SimdWidth width)
    {
        var pass = new EntropyKernel<TElement>(p);
        LanePass.Run(ref pass, width);
        return new Tally { P = pass._tally, Terms = pass._terms };
    }

    void ILanePass.Run<T>(ref int index) => RunLanes<T>(_p, ref index, ref _tally, ref _terms);

    // Never inlined, as Jensen–Shannon's loop: inlined into the pass, this loop ran 20% slower (1.22 against 0.98 ns per
    // element in cache, Zen 4).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunLanes<T>(ReadOnlySpan<TElement> p, ref int index, ref ProbabilityTally tally, ref double terms)
        where T : struct, IVectorLanes<T>
    {
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
        tally.Add(sum, min);
        terms += T.SumLanes(plogp);
    }

    // <summary>What a pass, or one part of it, adds up.</summary>
    private struct Tally : PartitionedRun.ITally<Tally>
    {
        public ProbabilityTally P;
        public double Terms;

        // <summary>Adds the tally of a later part.</summary>
        public void Add(in Tally later)
        {
            P.Add(later.P);
            Terms += later.Terms;
        }
    }

    // <summary>One part of a partitioned pass: the pinned span and the width.</summary>
    private unsafe struct Part : PartitionedRun.IPart<Tally>
    {
        public TElement* P;
        public SimdWidth Width;

        // <summary>The tally of [start, end).</summary>
        public readonly Tally Run(int start, int end) => EntropyKernel<TElement>.Run(new ReadOnlySpan<TElement>(P + start, end - start), Width);
    }
}
