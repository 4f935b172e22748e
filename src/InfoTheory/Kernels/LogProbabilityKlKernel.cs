using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

/// <summary>The clamps of a log-probability KL pass: the log-ratio interval, then the term interval (all in nats).</summary>
internal readonly record struct KlClamps(double LogRatioMin, double LogRatioMax, double TermMin, double TermMax)
{
    /// <summary>The clamps <paramref name="options"/> asks for.</summary>
    public static KlClamps From(MonteCarloOptions options) => new(options.LogRatioMin, options.LogRatioMax, options.TermMin, options.TermMax);
}

/// <summary>What one pass adds up: the selected tokens, how many a clamp changed, and the sums of their terms less a shift.</summary>
internal struct KlTally
{
    /// <summary>The number of selected (unmasked) tokens.</summary>
    public long Count;

    /// <summary>How many selected tokens had their log-ratio or their term changed by a clamp.</summary>
    public long Clipped;

    /// <summary>Σ (tᵢ − shift) over the selected tokens.</summary>
    public double Sum;

    /// <summary>Σ (tᵢ − shift)² over the selected tokens.</summary>
    public double SumSquares;
}

/// <summary>
/// KL terms from two spans of log-probabilities (and an optional mask) in one fused pass: load, validate, form
/// ℓ = log p − log q, clamp it, apply the estimator, clamp the term, mask, and accumulate in double.
/// </summary>
/// <remarks>
/// The lanes add up within blocks of <see cref="BlockLength"/> elements and each block's lane sums are then added to the
/// running totals, so rounding grows with the block length plus the block count rather than with n. Float input is
/// widened exactly on load, so float and double spans holding the same values give the same bits.
/// </remarks>
internal static class LogProbabilityKlKernel
{
    /// <summary>The parameter names the validation messages use.</summary>
    public const string LogPName = "logP";

    /// <inheritdoc cref="LogPName"/>
    public const string LogQName = "logQ";

    private const int BlockLength = 4096;

    /// <summary>Adds the terms of every selected token in <paramref name="logP"/>, <paramref name="logQ"/> to a fresh tally.</summary>
    /// <param name="logP">log p(xᵢ) of samples xᵢ ~ P.</param>
    /// <param name="logQ">log q(xᵢ), as long as <paramref name="logP"/>.</param>
    /// <param name="mask">Which tokens count; ignored unless <paramref name="masked"/>, else as long as <paramref name="logP"/>.</param>
    /// <param name="masked">Whether <paramref name="mask"/> applies.</param>
    /// <param name="offset">The index of element 0 in the caller's spans, for messages.</param>
    /// <param name="estimator">The term.</param>
    /// <param name="clamps">The clamps.</param>
    /// <param name="shift">Subtracted from every term before it is summed (keeps the sum of squares well conditioned).</param>
    /// <param name="width">The lane width.</param>
    /// <exception cref="ArgumentException">A selected logP is NaN or ±∞, or a selected logQ is NaN or +∞.</exception>
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

    /// <summary>The pass behind <see cref="Accumulate{TElement}"/>, for one element type and one estimator term.</summary>
    private ref struct Pass<TElement, TTerm>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, int offset,
        KlClamps clamps, double shift) : ILanePass
        where TElement : unmanaged
        where TTerm : struct, IKlTerm
    {
        private readonly ReadOnlySpan<TElement> _logP = logP;
        private readonly ReadOnlySpan<TElement> _logQ = logQ;
        private readonly ReadOnlySpan<bool> _mask = mask;

        /// <summary>What the pass has added up so far.</summary>
        public KlTally Tally;

        void ILanePass.Run<T>(ref int index)
        {
            Run<TElement, TTerm, T>(_logP, _logQ, _mask, masked, offset, clamps, shift, ref index, ref Tally);
        }
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
