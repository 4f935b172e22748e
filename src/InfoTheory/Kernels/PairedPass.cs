using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>Runs an <see cref="IPairedKernel"/> over two probability vectors in one validating pass.</summary>
internal static class PairedPass
{
    /// <summary>Returns the kernel's sum of terms in nats; <paramref name="unbounded"/> says whether a term was +∞.</summary>
    /// <exception cref="ArgumentException">Either input is empty or not a probability vector, or their lengths differ.</exception>
    public static double Sum<TKernel>(
        ReadOnlySpan<double> p, ReadOnlySpan<double> q, string pName, string qName, SimdWidth width, out bool unbounded)
        where TKernel : struct, IPairedKernel
    {
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        var tallyP = default(ProbabilityTally);
        var tallyQ = default(ProbabilityTally);
        double terms = 0;
        unbounded = false;
        int index = 0;
        switch (width)
        {
            case SimdWidth.Vector512:
                TKernel.Accumulate<Vector512Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
                break;
            case SimdWidth.Vector256:
                TKernel.Accumulate<Vector256Lanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
                break;
        }

        TKernel.Accumulate<ScalarLanes>(p, q, ref index, ref tallyP, ref tallyQ, ref terms, ref unbounded);
        tallyP.Verify(p, pName);
        tallyQ.Verify(q, qName);
        return terms;
    }
}
