using System.Numerics;

namespace InfoTheory.Kernels;

// <summary>Runs a power-sum pass over p and q (q empty for q ≡ 1) whole, or cut into fixed parts on several threads once long.</summary>
// <remarks>
// From <see cref="PartitionedRun.ShortestLength"/> elements on, the pass is cut into <see cref="PartitionedRun.Parts"/> parts of
// whole <see cref="PartitionedRun.BlockLength"/>-element blocks and the parts' tallies are added in part order
// (<see cref="PartitionedRun.Combine{TTally}"/>), so the result has the same bits on any thread count.
// </remarks>
internal static unsafe class PowerSumParts<TElement>
    where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
{
    // <summary>Returns the tally of <paramref name="pass"/> over the whole of <paramref name="p"/> and <paramref name="q"/>.</summary>
    // <param name="p">The first vector.</param>
    // <param name="q">The second vector, of p's length, or empty.</param>
    // <param name="t">The exponent t = α − 1.</param>
    // <param name="width">The lane width.</param>
    // <param name="threads">The threads a long pass may use (its result does not depend on them).</param>
    // <param name="pass">The single-threaded pass over a range.</param>
    public static PowerTally Run(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, double t, SimdWidth width, int threads,
        delegate*<ReadOnlySpan<TElement>, ReadOnlySpan<TElement>, double, SimdWidth, PowerTally> pass)
    {
        if (p.Length < PartitionedRun.ShortestLength)
        {
            return pass(p, q, t, width);
        }

        fixed (TElement* pp = p)
        fixed (TElement* qp = q)
        {
            return PartitionedRun.Tally<Part, PowerTally>(new Part { P = pp, Q = qp, T = t, Width = width, Pass = pass }, p.Length, threads);
        }
    }

    // <summary>One part: the pinned spans (Q null for q ≡ 1), the order, the width and the pass.</summary>
    private struct Part : PartitionedRun.IPart<PowerTally>
    {
        public TElement* P;
        public TElement* Q;
        public double T;
        public SimdWidth Width;
        public delegate*<ReadOnlySpan<TElement>, ReadOnlySpan<TElement>, double, SimdWidth, PowerTally> Pass;

        // <summary>The tally of [start, end).</summary>
        public readonly PowerTally Run(int start, int end)
        {
            var q = Q == null ? default : new ReadOnlySpan<TElement>(Q + start, end - start);
            return Pass(new ReadOnlySpan<TElement>(P + start, end - start), q, T, Width);
        }
    }
}
