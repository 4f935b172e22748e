using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>
// What a fused kernel learns about one input while it computes: the running sum and the smallest
// entry. Together they reveal every invalid vector (NaN or ±∞ poison the sum, a negative entry
// shows in the minimum), so the kernel validates without a second pass.
// </summary>
internal struct ProbabilityTally
{
    private double _sum;
    private double _min;

    // <summary>Folds the lane-wise running sum and minimum of one width into the totals.</summary>
    public void Add<T>(T sum, T min)
        where T : struct, IVectorLanes<T>
    {
        _sum += T.SumLanes(sum);
        _min = Math.Min(_min, T.MinLane(min));
    }

    // <summary>Folds the totals of another part of the same vector into these.</summary>
    public void Add(in ProbabilityTally other)
    {
        _sum += other._sum;
        _min = Math.Min(_min, other._min);
    }

    // <summary>Throws, via <see cref="Guard.ThrowInvalidProbabilities{T}"/>, unless the totals fit a probability vector of <typeparamref name="TElement"/> (whose sum tolerance it uses).</summary>
    // <exception cref="ArgumentException"><paramref name="p"/> has a negative, NaN or infinite entry, or its sum is off 1.</exception>
    public readonly void Verify<TElement>(ReadOnlySpan<TElement> p, string paramName)
        where TElement : unmanaged, IBinaryFloatingPointIeee754<TElement>
    {
        if (_min < 0 || !(Math.Abs(_sum - 1.0) <= Guard.SumTolerance<TElement>(p.Length)))
        {
            Guard.ThrowInvalidProbabilities(p, paramName);
        }
    }
}
