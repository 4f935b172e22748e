using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Binning;

// <summary>Finds the bins of values among ascending edges: bin i is [eᵢ, eᵢ₊₁), the last bin closed, as numpy's histogram.</summary>
// <remarks>
// One value's bin is the number of interior edges e₁ … eₙ₋₁ at or below it, found by a branch-free binary search, which
// gives the closed last bin for free (v = eₙ is above all n − 1 interior edges). Counting over at most
// <see cref="LinearEdges"/> edges never searches: for every edge eⱼ it tallies #{v &lt; eⱼ} with one SIMD compare per
// register of values, and bin i holds #{v &lt; eᵢ₊₁} − #{v &lt; eᵢ}; ten bins cost eleven compares per four (or eight)
// values and no scattered writes. NaN fails every compare and is caught by the count of values equal to themselves.
// </remarks>
internal static class BinSearch
{
    // <summary>The most edges (bins + 1) counted by SIMD compares; more edges are binary-searched value by value.</summary>
    public const int LinearEdges = 33;

    // <summary>The bin of <paramref name="value"/>, or a throw naming <paramref name="paramName"/>[<paramref name="index"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bin(ReadOnlySpan<double> edges, OutOfRangePolicy policy, double value, int index, string paramName)
    {
        if (value >= edges[0] && value <= edges[^1])
        {
            int bin = Interior(edges, value);
            return policy == OutOfRangePolicy.SeparateBins ? bin + 1 : bin;
        }

        return Outside(edges, policy, value, index, paramName);
    }

    // <summary>Writes the bin of every value; <paramref name="offset"/> is added to the index a message names.</summary>
    public static void Assign(ReadOnlySpan<double> edges, OutOfRangePolicy policy, ReadOnlySpan<double> values, Span<int> bins, string paramName, int offset = 0)
        => Assign(edges, policy, values, bins, paramName, offset, SimdWidths.Best);

    // <summary>As <see cref="Assign(ReadOnlySpan{double}, OutOfRangePolicy, ReadOnlySpan{double}, Span{int}, string, int)"/> at a chosen width (tests run every width).</summary>
    public static void Assign(ReadOnlySpan<double> edges, OutOfRangePolicy policy, ReadOnlySpan<double> values, Span<int> bins, string paramName, int offset, SimdWidth width)
    {
        if (edges.Length <= LinearEdges)
        {
            var pass = new EdgeAssign(values, edges, bins, policy);
            LanePass.Run(ref pass, width);
            if (pass.Bad)
            {
                ThrowFirstBad(edges, policy, values, paramName, offset);
            }

            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            bins[i] = Bin(edges, policy, values[i], offset + i, paramName);
        }
    }

    // <summary>Adds the number of values in each bin to <paramref name="counts"/> (length <c>edges.Length − 1</c>, plus 2 for separate bins); on a throw, <paramref name="counts"/> is unchanged.</summary>
    public static void Count(ReadOnlySpan<double> edges, OutOfRangePolicy policy, ReadOnlySpan<double> values, Span<long> counts, string paramName, SimdWidth width)
    {
        long[] rented = ArrayPool<long>.Shared.Rent(counts.Length);
        Span<long> tally = rented.AsSpan(0, counts.Length);
        tally.Clear();
        try
        {
            if (edges.Length <= LinearEdges)
            {
                TallyByCompares(edges, policy, values, tally, paramName, width);
            }
            else
            {
                for (int i = 0; i < values.Length; i++)
                {
                    tally[Bin(edges, policy, values[i], i, paramName)]++;
                }
            }

            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] > long.MaxValue - tally[i])
                {
                    throw new ArgumentException(
                        $"counts[{i}] is {counts[i]}; adding {tally[i]} more would pass {long.MaxValue}.", nameof(counts));
                }
            }

            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] += tally[i];
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    private static void TallyByCompares(ReadOnlySpan<double> edges, OutOfRangePolicy policy, ReadOnlySpan<double> values, Span<long> tally, string paramName, SimdWidth width)
    {
        Span<double> below = stackalloc double[edges.Length];
        var pass = new EdgeTally(values, edges, below);
        LanePass.Run(ref pass, width);
        long under = (long)below[0], over = (long)pass.Above, ordered = (long)pass.Ordered;
        if (ordered != values.Length || (policy == OutOfRangePolicy.Reject && under + over > 0))
        {
            ThrowFirstBad(edges, policy, values, paramName);
        }

        int n = edges.Length - 1, shift = policy == OutOfRangePolicy.SeparateBins ? 1 : 0;
        for (int i = 0; i < n - 1; i++)
        {
            tally[shift + i] = (long)below[i + 1] - (long)below[i];
        }

        tally[shift + n - 1] = ordered - over - (long)below[n - 1];
        if (policy == OutOfRangePolicy.SeparateBins)
        {
            tally[0] = under;
            tally[n + 1] = over;
        }
        else
        {
            tally[0] += under;
            tally[n - 1] += over;
        }
    }

    // <summary>The number of interior edges e₁ … eₙ₋₁ at or below <paramref name="value"/>, a value in [e₀, eₙ].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Interior(ReadOnlySpan<double> edges, double value)
    {
        // Invariant: the answer lies in [low, low + length]; each step halves the range without a branch.
        ref double interior = ref Unsafe.Add(ref MemoryMarshal.GetReference(edges), 1);
        int low = 0, length = edges.Length - 2;
        while (length > 1)
        {
            int half = length >> 1;

            // A compare turned into 0 or 1 and multiplied in: the JIT emits no jump whose outcome is a coin toss.
            low += half * AsBit(Unsafe.Add(ref interior, low + half - 1) <= value);
            length -= half;
        }

        return length == 1 ? low + AsBit(Unsafe.Add(ref interior, low) <= value) : low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsBit(bool condition) => Unsafe.BitCast<bool, byte>(condition);

    private static int Outside(ReadOnlySpan<double> edges, OutOfRangePolicy policy, double value, int index, string paramName)
    {
        if (double.IsNaN(value))
        {
            Guard.ThrowNaNValue(index, paramName);
        }

        bool below = value < edges[0];
        return policy switch
        {
            OutOfRangePolicy.Clamp => below ? 0 : edges.Length - 2,
            OutOfRangePolicy.SeparateBins => below ? 0 : edges.Length,
            _ => throw Guard.OutsideBins(value, index, edges[0], edges[^1], paramName),
        };
    }

    // <summary>Throws for the first value that is NaN or, under <see cref="OutOfRangePolicy.Reject"/>, outside the edges.</summary>
    private static void ThrowFirstBad(ReadOnlySpan<double> edges, OutOfRangePolicy policy, ReadOnlySpan<double> values, string paramName, int offset = 0)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= edges[0] && values[i] <= edges[^1]))
            {
                Outside(edges, policy, values[i], offset + i, paramName);
            }
        }
    }

    // <summary>For every edge eⱼ, how many values lie below it; and how many lie above the last edge and how many are not NaN.</summary>
    private ref struct EdgeTally : ILanePass
    {
        private readonly ReadOnlySpan<double> _values;
        private readonly ReadOnlySpan<double> _edges;
        private readonly Span<double> _below;

        public EdgeTally(ReadOnlySpan<double> values, ReadOnlySpan<double> edges, Span<double> below)
        {
            _values = values;
            _edges = edges;
            _below = below;
        }

        // <summary>Gets how many values lie above the last edge (+∞ included).</summary>
        public double Above { get; private set; }

        // <summary>Gets how many values are not NaN.</summary>
        public double Ordered { get; private set; }

        void ILanePass.Run<T>(ref int index)
        {
            // Counts are held in doubles, exact far beyond int.MaxValue values; a register of 1.0 masked by a compare adds 1 per true lane.
            int count = _edges.Length;
            var edgeBuffer = default(LaneBuffer<T>);
            var sumBuffer = default(LaneBuffer<T>);
            Span<T> edges = ((Span<T>)edgeBuffer)[..count];
            Span<T> sums = ((Span<T>)sumBuffer)[..count];
            for (int j = 0; j < count; j++)
            {
                edges[j] = T.Create(_edges[j]);
            }

            T one = T.Create(1.0), last = edges[count - 1], above = T.Zero, ordered = T.Zero;
            ref double start = ref MemoryMarshal.GetReference(_values);
            int i = index;
            for (; i <= _values.Length - (2 * T.Count); i += 2 * T.Count)
            {
                T v0 = T.Load(ref start, i), v1 = T.Load(ref start, i + T.Count);
                for (int j = 0; j < count; j++)
                {
                    sums[j] += (T.LessThan(v0, edges[j]) & one) + (T.LessThan(v1, edges[j]) & one);
                }

                above += (T.GreaterThan(v0, last) & one) + (T.GreaterThan(v1, last) & one);
                ordered += (T.EqualTo(v0, v0) & one) + (T.EqualTo(v1, v1) & one);
            }

            for (; i <= _values.Length - T.Count; i += T.Count)
            {
                T v = T.Load(ref start, i);
                for (int j = 0; j < count; j++)
                {
                    sums[j] += T.LessThan(v, edges[j]) & one;
                }

                above += T.GreaterThan(v, last) & one;
                ordered += T.EqualTo(v, v) & one;
            }

            index = i;
            for (int j = 0; j < count; j++)
            {
                _below[j] += T.SumLanes(sums[j]);
            }

            Above += T.SumLanes(above);
            Ordered += T.SumLanes(ordered);
        }
    }

    // <summary>
    // The bin of every value by compares: r = n − #{j &lt; n : v &lt; eⱼ} − [v ≤ eₙ] is the bin for v in [e₀, eₙ] (the last
    // edge counted as ≤ closes the last bin), −1 below and n above; the policy then clamps or shifts it.
    // </summary>
    private ref struct EdgeAssign : ILanePass
    {
        private readonly ReadOnlySpan<double> _values;
        private readonly ReadOnlySpan<double> _edges;
        private readonly Span<int> _bins;
        private readonly OutOfRangePolicy _policy;

        public EdgeAssign(ReadOnlySpan<double> values, ReadOnlySpan<double> edges, Span<int> bins, OutOfRangePolicy policy)
        {
            _values = values;
            _edges = edges;
            _bins = bins;
            _policy = policy;
        }

        // <summary>Gets whether some value is NaN or, under <see cref="OutOfRangePolicy.Reject"/>, outside the edges.</summary>
        public bool Bad { get; private set; }

        void ILanePass.Run<T>(ref int index)
        {
            int count = _edges.Length, n = count - 1;
            var edgeBuffer = default(LaneBuffer<T>);
            Span<T> edges = ((Span<T>)edgeBuffer)[..count];
            for (int j = 0; j < count; j++)
            {
                edges[j] = T.Create(_edges[j]);
            }

            // Clamp keeps r in [0, n − 1]; separate bins shift [−1, n] to [0, n + 1]; reject flags r outside [0, n − 1].
            bool clamp = _policy == OutOfRangePolicy.Clamp, reject = _policy == OutOfRangePolicy.Reject;
            T one = T.Create(1.0), top = T.Create(n), shift = T.Create(_policy == OutOfRangePolicy.SeparateBins ? 1 : 0);
            T low = T.Create(clamp ? 0 : double.NegativeInfinity), high = T.Create(clamp ? n - 1 : double.PositiveInfinity);
            T lowest = T.Zero, highest = T.Create(n - 1), ordered = T.Zero, integerBits = T.Create(6755399441055744.0);
            bool bad = false;
            Span<double> lanes = stackalloc double[T.Count];
            ref double start = ref MemoryMarshal.GetReference(_values);
            int i = index;
            for (; i <= _values.Length - T.Count; i += T.Count)
            {
                T v = T.Load(ref start, i);
                T r = top - ((T.LessThan(v, edges[n]) | T.EqualTo(v, edges[n])) & one);
                for (int j = 0; j < n; j++)
                {
                    r -= T.LessThan(v, edges[j]) & one;
                }

                ordered += T.EqualTo(v, v) & one;
                if (reject)
                {
                    bad |= T.AnyLessThan(r, lowest) || T.AnyLessThan(highest, r);
                }

                // Adding 1.5·2⁵² puts a small integer in the low bits of the double, read without a (saturating) conversion.
                T.Store(T.MinNative(T.MaxNative(r, low), high) + shift + integerBits, ref MemoryMarshal.GetReference(lanes), 0);
                ref int destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(_bins), i);
                for (int k = 0; k < lanes.Length; k++)
                {
                    Unsafe.Add(ref destination, k) = (int)BitConverter.DoubleToInt64Bits(lanes[k]);
                }
            }

            // NaN fails every compare, so it is counted here rather than tested lane by lane.
            Bad |= bad || T.SumLanes(ordered) != i - index;
            index = i;
        }
    }

    // <summary>Room for one register per edge of the compare path, on the stack.</summary>
    [InlineArray(LinearEdges)]
    private struct LaneBuffer<T>
    {
        private T _element;
    }
}
