using System.Numerics;

namespace InfoTheory.Kernels;

/// <summary>Runs a power-sum pass over p and q (q empty for q ≡ 1) whole, or cut into fixed parts on several threads once long.</summary>
/// <remarks>
/// From <see cref="PartitionedRun.ShortestLength"/> elements on, the pass is cut into <see cref="PartitionedRun.Parts"/> parts of
/// whole <see cref="PartitionedRun.BlockLength"/>-element blocks and the parts' tallies are added in part order
/// (<see cref="PartitionedRun.Combine{TTally}"/>), so the result has the same bits on any thread count.
/// </remarks>
internal static unsafe class PowerSumParts<TElement>
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    /// <summary>Returns the tally of <paramref name="pass"/> over the whole of <paramref name="p"/> and <paramref name="q"/>.</summary>
    /// <param name="p">The first vector.</param>
    /// <param name="q">The second vector, of p's length, or empty.</param>
    /// <param name="t">The exponent t = α − 1.</param>
    /// <param name="width">The lane width.</param>
    /// <param name="threads">The threads a long pass may use (its result does not depend on them).</param>
    /// <param name="pass">The single-threaded pass over a range.</param>
    public static PowerTally Run(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, SimdWidth width, int threads,
        delegate*<ReadOnlySpan<TElement>, ReadOnlySpan<TElement>, double, SimdWidth, PowerTally> pass)
    {
        if (p.Length < PartitionedRun.ShortestLength)
        {
            return pass(p, q, t, width);
        }

        PowerTally* tallies = stackalloc PowerTally[PartitionedRun.Parts];
        fixed (TElement* pp = p)
        fixed (TElement* qp = q)
        {
            var state = new PartState { P = pp, Q = qp, Length = p.Length, T = t, Width = width, Pass = pass, Tallies = tallies };
            PartitionedRun.Run(&state, &RunPart, threads);
        }

        return PartitionedRun.Combine(tallies);
    }

    private static void RunPart(void* state, int part)
    {
        ref var s = ref *(PartState*)state;
        (int start, int end) = PartitionedRun.Range(s.Length, PartitionedRun.BlockLength, part);
        var q = s.Q == null ? default : new ReadOnlySpan<TElement>(s.Q + start, end - start);
        s.Tallies[part] = s.Pass(new ReadOnlySpan<TElement>(s.P + start, end - start), q, s.T, s.Width);
    }

    /// <summary>What every part reads: the pinned spans (Q null for q ≡ 1), the order, the width, the pass, and where its tally goes.</summary>
    private struct PartState
    {
        public TElement* P;
        public TElement* Q;
        public int Length;
        public double T;
        public SimdWidth Width;
        public delegate*<ReadOnlySpan<TElement>, ReadOnlySpan<TElement>, double, SimdWidth, PowerTally> Pass;
        public PowerTally* Tallies;
    }
}
