using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>The clamps of a log-probability KL pass: the log-ratio interval, then the term interval (all in nats).</summary>
internal readonly record struct KlClamps(double LogRatioMin, double LogRatioMax, double TermMin, double TermMax)
{
    // <summary>The clamps <paramref name="options"/> asks for.</summary>
    public static KlClamps From(MonteCarloOptions options) => new(options.LogRatioMin, options.LogRatioMax, options.TermMin, options.TermMax);
}

// <summary>The clamps of <see cref="KlClamps"/> rounded inward to floats, for the float pass.</summary>
// <remarks>
// For a float ℓ, ℓ &gt; b exactly when ℓ &gt; the largest float ≤ b (and likewise below), so the rounded clamps clip exactly the
// samples the double clamps clip. An end beyond the float range (finite but not a float's size) has no such float: then
// there is no float pass.
// </remarks>
internal readonly record struct SingleClamps(float LogRatioMin, float LogRatioMax, float TermMin, float TermMax)
{
    // <summary>The float clamps of <paramref name="clamps"/>, if every end is ±∞ or within the float range.</summary>
    public static bool TryFrom(in KlClamps clamps, out SingleClamps single)
    {
        single = new(Up(clamps.LogRatioMin), Down(clamps.LogRatioMax), Up(clamps.TermMin), Down(clamps.TermMax));
        return InRange(clamps.LogRatioMin) && InRange(clamps.LogRatioMax) && InRange(clamps.TermMin) && InRange(clamps.TermMax);
    }

    private static bool InRange(double end) => double.IsInfinity(end) || Math.Abs(end) <= float.MaxValue;

    private static float Up(double end) => (float)end < end ? MathF.BitIncrement((float)end) : (float)end;

    private static float Down(double end) => (float)end > end ? MathF.BitDecrement((float)end) : (float)end;
}

// <summary>What one pass adds up: the selected tokens, how many a clamp changed, and the sums of their terms less a shift.</summary>
internal struct KlTally
{
    // <summary>The number of selected (unmasked) tokens.</summary>
    public long Count;

    // <summary>How many selected tokens had their log-ratio or their term changed by a clamp.</summary>
    public long Clipped;

    // <summary>Σ (tᵢ − shift) over the selected tokens.</summary>
    public double Sum;

    // <summary>Σ (tᵢ − shift)² over the selected tokens.</summary>
    public double SumSquares;
}

// <summary>
// KL terms from two spans of log-probabilities (and an optional mask) in one fused pass: load, validate, form
// ℓ = log p − log q, clamp it, apply the estimator, clamp the term, mask, and accumulate in double.
// </summary>
// <remarks>
// The lanes add up within blocks of <see cref="BlockLength"/> elements and each block's lane sums are then added to the
// running totals, so rounding grows with the block length plus the block count rather than with n. Float input runs in
// float registers at the vector widths (see <see cref="SingleClamps"/> for when): ℓ and its term are formed in float, the
// sums of terms kept in double; the scalar tail, and any block holding a sample that float cannot finish, run in double.
// </remarks>
internal static class LogProbabilityKlKernel
{
    // <summary>The parameter names the validation messages use.</summary>
    public const string LogPName = "logP";

    // <inheritdoc cref="LogPName"/>
    public const string LogQName = "logQ";

    private const int BlockLength = 4096;

    // From this length on a pass is cut into parts for several cores: 4096 elements a part, tens of microseconds of work,
    // well above the cost of waking a pool thread.
    private const int PartitionedLength = PartitionedRun.Parts * BlockLength;

    // Registers per float run; see RunSingle.
    private const int SingleRun = 16;

    // <summary>Adds the terms of every selected token in <paramref name="logP"/>, <paramref name="logQ"/> to a fresh tally.</summary>
    // <param name="logP">log p(xᵢ) of samples xᵢ ~ P.</param>
    // <param name="logQ">log q(xᵢ), as long as <paramref name="logP"/>.</param>
    // <param name="mask">Which tokens count; ignored unless <paramref name="masked"/>, else as long as <paramref name="logP"/>.</param>
    // <param name="masked">Whether <paramref name="mask"/> applies.</param>
    // <param name="offset">The index of element 0 in the caller's spans, for messages.</param>
    // <param name="estimator">The term.</param>
    // <param name="clamps">The clamps.</param>
    // <param name="shift">Subtracted from every term before it is summed (keeps the sum of squares well conditioned).</param>
    // <param name="width">The lane width.</param>
    // <exception cref="ArgumentException">A selected logP is NaN or ±∞, or a selected logQ is NaN or +∞.</exception>
    public static KlTally Accumulate<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        MonteCarloEstimator estimator, in KlClamps clamps, double shift, SimdWidth width)
        where TElement : unmanaged
        => estimator switch
        {
            MonteCarloEstimator.K1 => Accumulate<TElement, K1Term>(logP, logQ, mask, masked, offset, clamps, shift, width),
            MonteCarloEstimator.K2 => Accumulate<TElement, K2Term>(logP, logQ, mask, masked, offset, clamps, shift, width),
            MonteCarloEstimator.K3 => Accumulate<TElement, K3Term>(logP, logQ, mask, masked, offset, clamps, shift, width),
            _ => Accumulate<TElement, AbsoluteLogRatioTerm>(logP, logQ, mask, masked, offset, clamps, shift, width),
        };

    // <summary>
    // As <see cref="Accumulate{TElement}"/> over whole spans, on up to <paramref name="threads"/> threads once they are long
    // enough: then cut into <see cref="PartitionedRun.Parts"/> parts whose tallies are added in order, however many threads
    // run them, so every thread count gives the same bits.
    // </summary>
    // <exception cref="ArgumentException">A selected logP is NaN or ±∞, or a selected logQ is NaN or +∞ (the first such index).</exception>
    public static unsafe KlTally AccumulateAll<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked,
        MonteCarloEstimator estimator, in KlClamps clamps, double shift, SimdWidth width, int threads)
        where TElement : unmanaged
    {
        if (logP.Length < PartitionedLength)
        {
            return Accumulate(logP, logQ, mask, masked, 0, estimator, clamps, shift, width);
        }

        KlTally* tallies = stackalloc KlTally[PartitionedRun.Parts];
        fixed (TElement* p = logP)
        fixed (TElement* q = logQ)
        fixed (bool* m = mask)
        {
            var state = new PartState<TElement>
            {
                LogP = p, LogQ = q, Mask = m, Length = logP.Length, Masked = masked, Estimator = estimator, Clamps = clamps,
                Shift = shift, Width = width, Tallies = tallies,
            };
            PartitionedRun.Run(&state, &RunPart<TElement>, threads);
        }

        var total = default(KlTally);
        for (int part = 0; part < PartitionedRun.Parts; part++)
        {
            total.Count += tallies[part].Count;
            total.Clipped += tallies[part].Clipped;
            total.Sum += tallies[part].Sum;
            total.SumSquares += tallies[part].SumSquares;
        }

        return total;
    }

    private static unsafe void RunPart<TElement>(void* state, int part)
        where TElement : unmanaged
    {
        ref var s = ref *(PartState<TElement>*)state;

        (int start, int end) = PartitionedRun.Range(s.Length, BlockLength, part);
        s.Tallies[part] = Accumulate(
            new ReadOnlySpan<TElement>(s.LogP + start, end - start), new ReadOnlySpan<TElement>(s.LogQ + start, end - start),
            s.Masked ? new ReadOnlySpan<bool>(s.Mask + start, end - start) : default, s.Masked, start,
            s.Estimator, s.Clamps, s.Shift, s.Width);
    }

    // <summary>What every part of <see cref="AccumulateAll{TElement}"/> reads: the pinned spans, the settings, and where its tally goes.</summary>
    private unsafe struct PartState<TElement>
        where TElement : unmanaged
    {
        public TElement* LogP;
        public TElement* LogQ;
        public bool* Mask;
        public int Length;
        public bool Masked;
        public MonteCarloEstimator Estimator;
        public KlClamps Clamps;
        public double Shift;
        public SimdWidth Width;
        public KlTally* Tallies;
    }

    private static KlTally Accumulate<TElement, TTerm>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        in KlClamps clamps, double shift, SimdWidth width)
        where TElement : unmanaged
        where TTerm : struct, IKlTerm
    {
        var pass = new Pass<TElement, TTerm>(logP, logQ, mask, masked, offset, clamps, shift);
        LanePass.Run(ref pass, width);
        return pass.Tally;
    }

    // <summary>The pass behind <see cref="Accumulate{TElement}"/>, for one element type and one estimator term.</summary>
    private ref struct Pass<TElement, TTerm>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        KlClamps clamps, double shift) : ILanePass
        where TElement : unmanaged
        where TTerm : struct, IKlTerm
    {
        private readonly ReadOnlySpan<TElement> _logP = logP;
        private readonly ReadOnlySpan<TElement> _logQ = logQ;
        private readonly ReadOnlySpan<bool> _mask = mask;

        // <summary>What the pass has added up so far.</summary>
        public KlTally Tally;

        void ILanePass.Run<T>(ref int index)
        {
            // Float input runs in float registers (twice the lanes, a shorter series) at the vector widths, when the clamps
            // are floats or can be rounded inward to floats without changing which samples they clip.
            if (typeof(TElement) == typeof(float) && typeof(T) != typeof(ScalarLanes) && SingleClamps.TryFrom(clamps, out var single))
            {
                var p = MemoryMarshal.Cast<TElement, float>(_logP);
                var q = MemoryMarshal.Cast<TElement, float>(_logQ);
                if (typeof(T) == typeof(Vector512Lanes))
                {
                    RunSingle<TTerm, Vector512FloatLanes, Vector512Lanes>(p, q, _mask, masked, offset, clamps, single, shift, ref index, ref Tally);
                    return;
                }

                if (typeof(T) == typeof(Vector256Lanes))
                {
                    RunSingle<TTerm, Vector256FloatLanes, Vector256Lanes>(p, q, _mask, masked, offset, clamps, single, shift, ref index, ref Tally);
                    return;
                }
            }

            Run<TElement, TTerm, T>(_logP, _logQ, _mask, masked, offset, clamps, shift, ref index, ref Tally);
        }
    }

    // <summary>
    // The float pass: whole blocks of float registers, each block's sums kept apart until it is known to be clean. A block in
    // which some selected sample is invalid or overflows float (ℓ or its term not finite: q = 0, a huge k2, k3 past e^88) is
    // discarded and run again by the double pass, which gives those samples their exact terms or throws for the invalid one.
    // </summary>
    private static void RunSingle<TTerm, T, TWide>(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        in KlClamps clamps, in SingleClamps single, double shift, ref int index, ref KlTally tally)
        where TTerm : struct, IKlTerm
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        ref float p = ref MemoryMarshal.GetReference(logP);
        ref float q = ref MemoryMarshal.GetReference(logQ);
        ref byte m = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(mask));
        T zero = T.Zero;
        T one = T.Create(1.0f);
        T all = T.Create(BitConverter.Int32BitsToSingle(-1));
        T ratioMin = T.Create(single.LogRatioMin);
        T ratioMax = T.Create(single.LogRatioMax);
        T termMin = T.Create(single.TermMin);
        T termMax = T.Create(single.TermMax);
        // The float registers centre on the float nearest the shift, d away from it.
        T center = T.Create((float)shift);
        double d = (double)(float)shift - shift;
        int length = logP.Length;
        int i = index;
        while (i <= length - T.Count)
        {
            int start = i;
            int blockEnd = i + (Math.Min(length - i, BlockLength) / T.Count * T.Count);
            T count = zero, unchanged = zero, squares = zero, poison = zero;
            TWide sumLower = TWide.Zero, sumUpper = TWide.Zero;
            while (i < blockEnd)
            {
                // Terms are summed in float over a run of registers and each run's sum is widened into the double sums:
                // a run of 16 adds at most 16 float roundings to a sum of 16 terms, and widening every register would cost
                // a tenth of the loop.
                int runEnd = Math.Min(i + (SingleRun * T.Count), blockEnd);
                T sum = zero;
                for (; i < runEnd; i += T.Count)
                {
                    T on = masked ? T.LoadMask(ref m, i) : all;
                    T l = T.Load(ref p, i) - T.Load(ref q, i);
                    T lc = T.MinNative(T.MaxNative(l, ratioMin), ratioMax);
                    T t = TTerm.OfSingle<T, TWide>(lc);
                    T tc = T.MinNative(T.MaxNative(t, termMin), termMax);

                    // (ℓ + t)·0 is 0 for finite lanes and NaN otherwise, so one NaN in the block's poison marks it for the double pass.
                    poison = T.FusedMultiplyAdd((l + t) & on, zero, poison);
                    T selected = on & one;
                    T deviation = (tc - center) & on;
                    count += selected;
                    unchanged += T.EqualTo(lc, l) & T.EqualTo(tc, t) & selected;
                    sum += deviation;
                    squares = T.FusedMultiplyAdd(deviation, deviation, squares);
                }

                T.Widen(sum, out TWide lower, out TWide upper);
                sumLower += lower;
                sumUpper += upper;
            }

            if (T.AnyNaN(poison))
            {
                RunDouble<TTerm, TWide>(logP, logQ, mask, masked, offset, clamps, shift, start, i, ref tally);
                continue;
            }

            // The block centred its terms on c′ = c + d; moved to c: Σ(t − c) = S′ + n·d and Σ(t − c)² = Q′ + 2d·S′ + n·d², in double.
            long selectedCount = (long)SumLanes<T, TWide>(count);
            double blockSum = TWide.SumLanes(sumLower + sumUpper);
            tally.Count += selectedCount;
            tally.Clipped += selectedCount - (long)SumLanes<T, TWide>(unchanged);
            tally.Sum += blockSum + (selectedCount * d);
            tally.SumSquares += SumLanes<T, TWide>(squares) + (2 * d * blockSum) + (selectedCount * d * d);
        }

        index = i;
    }

    // The double pass over [start, end), a whole number of TWide registers; out of line, so no index of the float loop is
    // taken by reference and the loop keeps it in a register.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunDouble<TTerm, TWide>(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        in KlClamps clamps, double shift, int start, int end, ref KlTally tally)
        where TTerm : struct, IKlTerm
        where TWide : struct, IVectorLanes<TWide>
    {
        int index = start;
        Run<float, TTerm, TWide>(logP[..end], logQ[..end], masked ? mask[..end] : default, masked, offset, clamps, shift, ref index, ref tally);
    }

    private static double SumLanes<T, TWide>(T value)
        where T : struct, IFloatLanes<T, TWide>
        where TWide : struct, IVectorLanes<TWide>
    {
        T.Widen(value, out TWide lower, out TWide upper);
        return TWide.SumLanes(lower + upper);
    }

    private static void Run<TElement, TTerm, T>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        in KlClamps clamps, double shift, ref int index, ref KlTally tally)
        where TElement : unmanaged
        where TTerm : struct, IKlTerm
        where T : struct, IVectorLanes<T>
    {
        ref TElement p = ref MemoryMarshal.GetReference(logP);
        ref TElement q = ref MemoryMarshal.GetReference(logQ);
        ref byte m = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(mask));
        T zero = T.Zero;
        T one = T.Create(1.0);
        T all = T.Create(BitConverter.Int64BitsToDouble(-1));
        T infinity = T.Create(double.PositiveInfinity);
        T negativeInfinity = T.Create(double.NegativeInfinity);
        T ratioMin = T.Create(clamps.LogRatioMin);
        T ratioMax = T.Create(clamps.LogRatioMax);
        T termMin = T.Create(clamps.TermMin);
        T termMax = T.Create(clamps.TermMax);
        T center = T.Create(shift);
        int length = logP.Length;
        int i = index;
        bool invalid = false;
        while (!invalid && i <= length - T.Count)
        {
            int end = i + Math.Min(length - i, BlockLength) - T.Count;
            T count = zero, unchanged = zero, sum = zero, squares = zero;
            for (; i <= end; i += T.Count)
            {
                T lp = Elements.Load<TElement, T>(ref p, i);
                T lq = Elements.Load<TElement, T>(ref q, i);
                T on = masked ? T.LoadMask(ref m, i) : all;

                // NaN fails every comparison, so this is "lp finite and lq below +∞". The rare failure leaves the loop
                // and is located by Throw there: a call inside the loop would make every register caller-saved state.
                T valid = T.GreaterThan(lp, negativeInfinity) & T.LessThan(lp, infinity) & T.LessThan(lq, infinity);
                if (T.AnyTrue(T.Select(valid, zero, on)))
                {
                    invalid = true;
                    break;
                }

                // Clamping by min and max, and counting the samples left unchanged, costs a third of compare-and-select.
                // on is all ones or all zeros per lane, so "& on" zeroes masked-out lanes, whatever (NaN) they hold.
                T l = lp - lq;
                T lc = T.MinNative(T.MaxNative(l, ratioMin), ratioMax);
                T t = TTerm.Of(lc);
                T tc = T.MinNative(T.MaxNative(t, termMin), termMax);
                T selected = on & one;
                T deviation = (tc - center) & on;
                count += selected;
                unchanged += T.EqualTo(lc, l) & T.EqualTo(tc, t) & selected;
                sum += deviation;
                squares = T.FusedMultiplyAdd(deviation, deviation, squares);
            }

            long selectedCount = (long)T.SumLanes(count);
            tally.Count += selectedCount;
            tally.Clipped += selectedCount - (long)T.SumLanes(unchanged);
            tally.Sum += T.SumLanes(sum);
            tally.SumSquares += T.SumLanes(squares);
        }

        if (invalid)
        {
            Throw(logP, logQ, mask, masked, offset, i, T.Count);
        }

        index = i;
    }

    // Finds the first selected element of [start, start + count) that failed validation and throws for it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset, int start, int count)
        where TElement : unmanaged
    {
        for (int j = start; j < start + count; j++)
        {
            if (masked && !mask[j])
            {
                continue;
            }

            Guard.LogProbabilityPair(Elements.Value(logP, j), Elements.Value(logQ, j), (long)offset + j);
        }
    }
}
