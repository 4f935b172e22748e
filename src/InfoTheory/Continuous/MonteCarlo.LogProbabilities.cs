using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Continuous;

/// <content>Monte Carlo KL(P‖Q) from the log-probabilities of samples already drawn from P, as RL fine-tuning computes a KL penalty.</content>
public static partial class MonteCarlo
{
    /// <summary>Estimates KL(P‖Q) from log p(xᵢ) and log q(xᵢ) of the same samples xᵢ ~ P.</summary>
    /// <remarks>
    /// <para>
    /// With log r = log q(x) − log p(x) (r = q/p), KL(P‖Q) = E_P[−log r]. Each sample's log-ratio ℓ = logP[i] − logQ[i] = −log r
    /// is clamped to [<see cref="MonteCarloOptions.LogRatioMin"/>, <see cref="MonteCarloOptions.LogRatioMax"/>], the estimator's
    /// term is formed (J. Schulman 2020, "Approximating KL divergence", http://joschu.net/blog/kl-approx.html):
    /// k1 = −log r, k2 = ½(log r)², k3 = (r − 1) − log r, or |log r| (<see cref="MonteCarloEstimator"/>), and the term is
    /// clamped to [<see cref="MonteCarloOptions.TermMin"/>, <see cref="MonteCarloOptions.TermMax"/>]. The value is the mean of
    /// the terms and the standard error their sample standard deviation over √n, treating the samples as independent
    /// (for tokens of sequences use the overloads that take sequence lengths). A sample counts as clipped once if either
    /// clamp changed it.
    /// </para>
    /// <para>
    /// Special values: logQ[i] = −∞ (q = 0 &lt; p) makes ℓ = +∞, so without clipping the estimate and its standard error are
    /// +∞ (with k3 too; r &gt; e^709 also counts as +∞). logP[i] = −∞ is rejected: a sample drawn from P cannot have p = 0.
    /// </para>
    /// <para>
    /// Cost: one fused SIMD pass that validates, clamps, applies the estimator and accumulates in double (blocked, so the
    /// rounding does not grow with n), with no allocation. From 32,768 samples on, the pass is cut into 8 parts run on up to
    /// <see cref="MonteCarloOptions.MaxDegreeOfParallelism"/> threads (the caller's and pool threads), whose sums are added
    /// in part order: every thread count gives the same bits. The log-probabilities are natural logs; the clamps are in nats
    /// and only the result is converted to <see cref="MonteCarloOptions.Unit"/>.
    /// </para>
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of samples xᵢ drawn from P; finite.</param>
    /// <param name="logQ">log q(xᵢ) of the same samples, as long as <paramref name="logP"/>; finite or −∞.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The estimate of KL(P‖Q) in the unit of <paramref name="options"/>, with its standard error (+∞ for a single sample), the sample count and the clipped fraction.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> is empty; the lengths differ; an entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    public static Estimate KullbackLeibler(ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, MonteCarloOptions? options = null)
        => TokenKl(logP, logQ, default, masked: false, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) from float log p(xᵢ) and log q(xᵢ) of the same samples xᵢ ~ P.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, MonteCarloOptions?)"/>, but in float registers
    /// (twice the lanes of double): ℓ and its term are formed in float arithmetic, within a few float ulps (5e-7 relative) of
    /// the double overload's on the widened values, summed in float over runs of 128 or 256 samples and in double beyond, so
    /// the rounding does not grow with n. The counts and the clipped samples are the double overload's: clamp ends that are
    /// not floats are rounded inward, which clips the same float values. A register holding a sample float cannot finish (an
    /// invalid entry, q = 0, a term beyond 3.4e38 such as k3 at ℓ &lt; −88) runs in double, as do the last few samples; clamp
    /// ends beyond the float range make the whole pass double. For terms in double throughout, widen the spans and call the
    /// double overload.
    /// </remarks>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, MonteCarloOptions?)"/>
    public static Estimate KullbackLeibler(ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, MonteCarloOptions? options = null)
        => TokenKl(logP, logQ, default, masked: false, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) from log-probabilities of samples xᵢ ~ P, counting only the tokens a mask selects.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, MonteCarloOptions?)"/> over the i with
    /// mask[i] true; the mean and standard error are over those n tokens, treated as independent. Masked-out entries
    /// (padding) are neither read for validation nor counted, so they may hold anything, NaN included.
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of samples xᵢ drawn from P; finite where selected.</param>
    /// <param name="logQ">log q(xᵢ) of the same samples, as long as <paramref name="logP"/>; finite or −∞ where selected.</param>
    /// <param name="mask">true where a token counts, as long as <paramref name="logP"/>; at least one true.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The estimate of KL(P‖Q) in the unit of <paramref name="options"/> over the selected tokens, with its standard error (+∞ for a single token), their count and the clipped fraction among them.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> is empty; the lengths differ; <paramref name="mask"/> selects no token; a selected entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    public static Estimate KullbackLeibler(ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, ReadOnlySpan<bool> mask, MonteCarloOptions? options = null)
        => TokenKl(logP, logQ, mask, masked: true, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) from float log-probabilities of samples xᵢ ~ P, counting only the tokens a mask selects.</summary>
    /// <remarks>As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, MonteCarloOptions?)"/>, in float registers as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, MonteCarloOptions?)"/> describes.</remarks>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, MonteCarloOptions?)"/>
    public static Estimate KullbackLeibler(ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<bool> mask, MonteCarloOptions? options = null)
        => TokenKl(logP, logQ, mask, masked: true, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of sequences of tokens xᵢ ~ P, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>
    /// <para>
    /// The spans hold the sequences back to back: sequence j is the next <paramref name="lengths"/>[j] entries. Each token's
    /// term is formed and clamped as in <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, MonteCarloOptions?)"/>;
    /// Sⱼ is the sum of sequence j's terms and Nⱼ its token count. <paramref name="aggregation"/> picks the value
    /// (<see cref="KlAggregation"/>): the token mean ΣSⱼ/ΣNⱼ, the mean of the Sⱼ, or the mean of the Sⱼ/Nⱼ.
    /// </para>
    /// <para>
    /// The standard error is computed over sequences, not tokens, because tokens of one sequence are not independent:
    /// for the token mean it is the cluster-robust (ratio-estimator) one, √(m/(m − 1) · Σ(Sⱼ − v·Nⱼ)²) / ΣNⱼ over the m
    /// sequences with tokens; for the sequence means it is the standard deviation of the per-sequence values over √m.
    /// It is +∞ when only one sequence contributes. <see cref="Estimate.SampleCount"/> is the token count for the token
    /// mean and the number of sequences averaged otherwise; <see cref="Estimate.ClippedFraction"/> is over tokens.
    /// </para>
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of tokens xᵢ drawn from P; finite.</param>
    /// <param name="logQ">log q(xᵢ) of the same tokens, as long as <paramref name="logP"/>; finite or −∞.</param>
    /// <param name="lengths">The sequence lengths, each ≥ 0, summing to the length of <paramref name="logP"/>.</param>
    /// <param name="destination">Receives, per sequence, Sⱼ for <see cref="KlAggregation.SequenceSumMean"/> and Sⱼ/Nⱼ otherwise (0 for a sequence without tokens), in the unit of <paramref name="options"/>; at least as long as <paramref name="lengths"/>.</param>
    /// <param name="aggregation">How the per-token terms are combined.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The aggregate estimate of KL(P‖Q) in the unit of <paramref name="options"/>, with its standard error over sequences, the sample count and the clipped fraction.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> or <paramref name="lengths"/> is empty; the lengths of <paramref name="logP"/> and <paramref name="logQ"/> differ; an entry of <paramref name="lengths"/> is negative or they do not sum to the length of <paramref name="logP"/>; <paramref name="destination"/> is shorter than <paramref name="lengths"/>; an entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static Estimate KullbackLeibler(
        ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, ReadOnlySpan<int> lengths, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, default, masked: false, lengths, destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of sequences of float log-probabilities, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>, each sequence in float registers as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, MonteCarloOptions?)"/> describes.</remarks>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    public static Estimate KullbackLeibler(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<int> lengths, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, default, masked: false, lengths, destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of masked sequences of tokens xᵢ ~ P, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    /// over the tokens with mask[i] true: Nⱼ counts sequence j's selected tokens, and masked-out entries (padding) are
    /// neither validated nor counted. A sequence with no selected token contributes Sⱼ = 0 to
    /// <see cref="KlAggregation.SequenceSumMean"/> and is left out of the other two aggregations.
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of tokens xᵢ drawn from P; finite where selected.</param>
    /// <param name="logQ">log q(xᵢ) of the same tokens, as long as <paramref name="logP"/>; finite or −∞ where selected.</param>
    /// <param name="mask">true where a token counts, as long as <paramref name="logP"/>; at least one true.</param>
    /// <param name="lengths">The sequence lengths, each ≥ 0, summing to the length of <paramref name="logP"/>.</param>
    /// <param name="destination">Receives, per sequence, Sⱼ for <see cref="KlAggregation.SequenceSumMean"/> and Sⱼ/Nⱼ otherwise (0 for a sequence without tokens), in the unit of <paramref name="options"/>; at least as long as <paramref name="lengths"/>.</param>
    /// <param name="aggregation">How the per-token terms are combined.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The aggregate estimate of KL(P‖Q) in the unit of <paramref name="options"/>, with its standard error over sequences, the sample count and the clipped fraction among the selected tokens.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> or <paramref name="lengths"/> is empty; the lengths of <paramref name="logP"/>, <paramref name="logQ"/> and <paramref name="mask"/> differ; <paramref name="mask"/> selects no token; an entry of <paramref name="lengths"/> is negative or they do not sum to the length of <paramref name="logP"/>; <paramref name="destination"/> is shorter than <paramref name="lengths"/>; a selected entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static Estimate KullbackLeibler(
        ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, ReadOnlySpan<bool> mask, ReadOnlySpan<int> lengths, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, mask, masked: true, lengths, destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of masked sequences of float log-probabilities, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>, each sequence in float registers as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, MonteCarloOptions?)"/> describes.</remarks>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    public static Estimate KullbackLeibler(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<bool> mask, ReadOnlySpan<int> lengths, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, mask, masked: true, lengths, destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of sequences given by their offsets, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    /// with sequence j the entries offsets[j] to offsets[j + 1] − 1: the m + 1 boundaries of m packed sequences, as
    /// variable-length attention takes them (FlashAttention's and vLLM's <c>cu_seqlens</c>), instead of the m lengths.
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of tokens xᵢ drawn from P; finite.</param>
    /// <param name="logQ">log q(xᵢ) of the same tokens, as long as <paramref name="logP"/>; finite or −∞.</param>
    /// <param name="offsets">m + 1 token indices, non-decreasing, from 0 to the length of <paramref name="logP"/>: sequence j starts at offsets[j] and ends before offsets[j + 1].</param>
    /// <param name="destination">Receives, per sequence, Sⱼ for <see cref="KlAggregation.SequenceSumMean"/> and Sⱼ/Nⱼ otherwise (0 for a sequence without tokens), in the unit of <paramref name="options"/>; at least m long.</param>
    /// <param name="aggregation">How the per-token terms are combined.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The aggregate estimate of KL(P‖Q) in the unit of <paramref name="options"/>, with its standard error over sequences, the sample count and the clipped fraction.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> is empty; the lengths of <paramref name="logP"/> and <paramref name="logQ"/> differ; <paramref name="offsets"/> has fewer than 2 entries, does not start at 0 and end at the length of <paramref name="logP"/>, or decreases; <paramref name="destination"/> is shorter than m; an entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static Estimate KullbackLeiblerAtOffsets(
        ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, ReadOnlySpan<int> offsets, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, default, masked: false, new SequenceBounds(offsets, offsets: true), destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of sequences of float log-probabilities given by their offsets, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>As <see cref="KullbackLeiblerAtOffsets(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>, each sequence in float registers as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, MonteCarloOptions?)"/> describes.</remarks>
    /// <inheritdoc cref="KullbackLeiblerAtOffsets(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    public static Estimate KullbackLeiblerAtOffsets(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<int> offsets, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, default, masked: false, new SequenceBounds(offsets, offsets: true), destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of masked sequences given by their offsets, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    /// with sequence j the entries offsets[j] to offsets[j + 1] − 1 (<c>cu_seqlens</c>), instead of the m lengths.
    /// </remarks>
    /// <param name="logP">log p(xᵢ), natural log, of tokens xᵢ drawn from P; finite where selected.</param>
    /// <param name="logQ">log q(xᵢ) of the same tokens, as long as <paramref name="logP"/>; finite or −∞ where selected.</param>
    /// <param name="mask">true where a token counts, as long as <paramref name="logP"/>; at least one true.</param>
    /// <param name="offsets">m + 1 token indices, non-decreasing, from 0 to the length of <paramref name="logP"/>: sequence j starts at offsets[j] and ends before offsets[j + 1].</param>
    /// <param name="destination">Receives, per sequence, Sⱼ for <see cref="KlAggregation.SequenceSumMean"/> and Sⱼ/Nⱼ otherwise (0 for a sequence without tokens), in the unit of <paramref name="options"/>; at least m long.</param>
    /// <param name="aggregation">How the per-token terms are combined.</param>
    /// <param name="options">Clamps, estimator and unit; <see cref="MonteCarloOptions.Default"/> (no clipping, k1, nats) when null.</param>
    /// <returns>The aggregate estimate of KL(P‖Q) in the unit of <paramref name="options"/>, with its standard error over sequences, the sample count and the clipped fraction among the selected tokens.</returns>
    /// <exception cref="ArgumentException"><paramref name="logP"/> is empty; the lengths of <paramref name="logP"/>, <paramref name="logQ"/> and <paramref name="mask"/> differ; <paramref name="mask"/> selects no token; <paramref name="offsets"/> has fewer than 2 entries, does not start at 0 and end at the length of <paramref name="logP"/>, or decreases; <paramref name="destination"/> is shorter than m; a selected entry of <paramref name="logP"/> is NaN or ±∞ or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static Estimate KullbackLeiblerAtOffsets(
        ReadOnlySpan<double> logP, ReadOnlySpan<double> logQ, ReadOnlySpan<bool> mask, ReadOnlySpan<int> offsets, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, mask, masked: true, new SequenceBounds(offsets, offsets: true), destination, aggregation, options, SimdWidths.Best);

    /// <summary>Estimates KL(P‖Q) over a batch of masked sequences of float log-probabilities given by their offsets, writing each sequence's value and returning their aggregate.</summary>
    /// <remarks>As <see cref="KullbackLeiblerAtOffsets(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>, each sequence in float registers as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, MonteCarloOptions?)"/> describes.</remarks>
    /// <inheritdoc cref="KullbackLeiblerAtOffsets(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>
    public static Estimate KullbackLeiblerAtOffsets(
        ReadOnlySpan<float> logP, ReadOnlySpan<float> logQ, ReadOnlySpan<bool> mask, ReadOnlySpan<int> offsets, Span<double> destination,
        KlAggregation aggregation, MonteCarloOptions? options = null)
        => SequenceKl(logP, logQ, mask, masked: true, new SequenceBounds(offsets, offsets: true), destination, aggregation, options, SimdWidths.Best);

    // <summary>The token-level estimate at a chosen lane width (tests pass each width).</summary>
    internal static Estimate TokenKl<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, MonteCarloOptions? options, SimdWidth width)
        where TElement : unmanaged
    {
        options = ValidateLogProbabilities(logP.Length, logQ.Length, mask.Length, masked, options);
        var clamps = KlClamps.From(options);
        int first = masked ? mask.IndexOf(true) : 0;
        if (first < 0)
        {
            throw NoToken();
        }

        // The first selected term, by the same pass over one element, centres the sums so the variance does not cancel.
        double shift = LogProbabilityKlKernel.Accumulate(
            logP.Slice(first, 1), logQ.Slice(first, 1), default, false, first, options.Estimator, clamps, 0.0, SimdWidth.Scalar).Sum;
        if (!double.IsFinite(shift))
        {
            shift = 0;
        }

        var tally = LogProbabilityKlKernel.AccumulateAll(
            logP, logQ, mask, masked, options.Estimator, clamps, shift, width, PartitionedRun.Threads(options.MaxDegreeOfParallelism));
        long n = tally.Count;
        double fraction = (double)tally.Clipped / n;
        if (!double.IsFinite(tally.Sum))
        {
            return Unbounded(tally.Sum, n, fraction, options.Unit);
        }

        double mean = shift + (tally.Sum / n);
        double standardError = n < 2
            ? double.PositiveInfinity
            : Math.Sqrt(Math.Max(tally.SumSquares - (tally.Sum * tally.Sum / n), 0.0) / (n - 1) / n);
        return new Estimate(Units.FromNats(mean, options.Unit), Units.FromNats(standardError, options.Unit), n, fraction);
    }

    // <summary>The sequence-level estimate over sequences given by lengths, at a chosen lane width (tests pass each width).</summary>
    internal static Estimate SequenceKl<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, ReadOnlySpan<int> lengths,
        Span<double> destination, KlAggregation aggregation, MonteCarloOptions? options, SimdWidth width)
        where TElement : unmanaged
        => SequenceKl(logP, logQ, mask, masked, new SequenceBounds(lengths, offsets: false), destination, aggregation, options, width);

    // <summary>The sequence-level estimate over sequences given by lengths or offsets.</summary>
    private static Estimate SequenceKl<TElement>(
        ReadOnlySpan<TElement> logP, ReadOnlySpan<TElement> logQ, ReadOnlySpan<bool> mask, bool masked, SequenceBounds sequences,
        Span<double> destination, KlAggregation aggregation, MonteCarloOptions? options, SimdWidth width)
        where TElement : unmanaged
    {
        options = ValidateLogProbabilities(logP.Length, logQ.Length, mask.Length, masked, options);
        Guard.Defined(aggregation, nameof(aggregation));
        sequences.Validate(logP.Length);
        int m = sequences.Count;
        Guard.MinimumLength(destination.Length, m, $"one value per sequence of {m}", nameof(destination));
        var clamps = KlClamps.From(options);

        // Pass 1: Sⱼ into destination, with the token and clip totals.
        long tokens = 0;
        long clipped = 0;
        int start = 0;
        for (int j = 0; j < m; j++)
        {
            int length = sequences.Length(j);
            var tally = LogProbabilityKlKernel.Accumulate(
                logP.Slice(start, length), logQ.Slice(start, length), masked ? mask.Slice(start, length) : default, masked, start,
                options.Estimator, clamps, 0.0, width);
            destination[j] = tally.Sum;
            tokens += tally.Count;
            clipped += tally.Clipped;
            start += length;
        }

        if (tokens == 0)
        {
            throw NoToken();
        }

        // Pass 2: the per-sequence values and the aggregate with its standard error over sequences.
        double fraction = (double)clipped / tokens;
        Span<double> values = destination[..m];
        double total = 0;
        foreach (double s in values)
        {
            total += s;
        }

        double value;
        long samples;
        double sumSquares = 0;
        int clusters = 0;
        start = 0;
        if (aggregation == KlAggregation.SequenceSumMean)
        {
            samples = clusters = m;
            value = total / clusters;
            foreach (double s in values)
            {
                sumSquares += (s - value) * (s - value);
            }
        }
        else
        {
            double meanOfMeans = 0;
            for (int j = 0; j < values.Length; j++)
            {
                int length = sequences.Length(j);
                int count = masked ? mask.Slice(start, length).Count(true) : length;
                start += length;
                if (count == 0)
                {
                    continue;
                }

                clusters++;
                double s = values[j];
                values[j] = s / count;
                if (aggregation == KlAggregation.TokenMean)
                {
                    // Residuals of the ratio estimator v = ΣS/ΣN, the linearisation behind its cluster-robust variance.
                    double residual = s - (total / tokens * count);
                    sumSquares += residual * residual;
                }
                else
                {
                    // Welford's update over the per-sequence means.
                    double delta = values[j] - meanOfMeans;
                    meanOfMeans += delta / clusters;
                    sumSquares += delta * (values[j] - meanOfMeans);
                }
            }

            samples = aggregation == KlAggregation.TokenMean ? tokens : clusters;
            value = aggregation == KlAggregation.TokenMean ? total / tokens : meanOfMeans;
        }

        for (int j = 0; j < values.Length; j++)
        {
            values[j] = Units.FromNats(values[j], options.Unit);
        }

        if (!double.IsFinite(total))
        {
            return Unbounded(total, samples, fraction, options.Unit);
        }

        double standardError = clusters < 2
            ? double.PositiveInfinity
            : aggregation == KlAggregation.TokenMean
                ? Math.Sqrt(sumSquares * clusters / (clusters - 1)) / tokens
                : Math.Sqrt(sumSquares / (clusters - 1) / clusters);
        return new Estimate(Units.FromNats(value, options.Unit), Units.FromNats(standardError, options.Unit), samples, fraction);
    }

    private static MonteCarloOptions ValidateLogProbabilities(int pLength, int qLength, int maskLength, bool masked, MonteCarloOptions? options)
    {
        Guard.NotEmpty(pLength, LogProbabilityKlKernel.LogPName);
        Guard.SameLength(pLength, qLength, LogProbabilityKlKernel.LogPName, LogProbabilityKlKernel.LogQName);
        if (masked)
        {
            Guard.SameLength(pLength, maskLength, LogProbabilityKlKernel.LogPName, "mask");
        }

        return options ?? MonteCarloOptions.Default;
    }

    // <summary>Where the sequences of a batch lie in the token spans: back to back, given by their lengths or by their offsets.</summary>
    private readonly ref struct SequenceBounds(ReadOnlySpan<int> values, bool offsets)
    {
        private readonly ReadOnlySpan<int> _values = values;

        private string Name => offsets ? "offsets" : "lengths";

        // <summary>Gets the number of sequences.</summary>
        public int Count => offsets ? _values.Length - 1 : _values.Length;

        // <summary>The number of tokens of sequence <paramref name="j"/>.</summary>
        public int Length(int j) => offsets ? _values[j + 1] - _values[j] : _values[j];

        // <summary>Checks that the sequences cover a span of <paramref name="total"/> tokens exactly, in order.</summary>
        // <exception cref="ArgumentException">No sequence; a length is negative or the lengths do not sum to the total; offsets do not start at 0, decrease somewhere or do not end at the total.</exception>
        public void Validate(int total)
        {
            if (!offsets)
            {
                Guard.NotEmpty(_values.Length, Name);
                Guard.AllNonNegative(_values, Name);
                long sum = 0;
                foreach (int length in _values)
                {
                    sum += length;
                }

                if (sum != total)
                {
                    throw new ArgumentException(
                        $"lengths sum to {sum} but logP has length {total}; the sequences must cover the spans exactly.", Name);
                }

                return;
            }

            if (_values.Length < 2)
            {
                throw new ArgumentException(
                    $"offsets has length {_values.Length}; it needs one more entry than there are sequences, so at least 2.", Name);
            }

            if (_values[0] != 0 || _values[^1] != total)
            {
                throw new ArgumentException(
                    $"offsets run from {_values[0]} to {_values[^1]} but logP has length {total}; they must start at 0 and end at the length, so the sequences cover the spans exactly.", Name);
            }

            for (int j = 1; j < _values.Length; j++)
            {
                if (_values[j] < _values[j - 1])
                {
                    throw new ArgumentException(
                        $"offsets[{j}] is {_values[j]}, below offsets[{j - 1}] = {_values[j - 1]}; offsets must not decrease.", Name);
                }
            }
        }
    }

    private static ArgumentException NoToken()
        => new("mask selects no token; at least one entry must be true.", "mask");

    // A +∞ term (q = 0 < p, unclipped) makes the mean +∞; a sum that overflowed keeps its sign. Never NaN.
    private static Estimate Unbounded(double sum, long samples, double fraction, LogBase unit)
        => new(
            Units.FromNats(double.IsNegativeInfinity(sum) ? double.NegativeInfinity : double.PositiveInfinity, unit),
            double.PositiveInfinity, samples, fraction);
}
