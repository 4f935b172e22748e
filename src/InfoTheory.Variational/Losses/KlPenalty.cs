using System.Numerics;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Losses;

/// <summary>
/// The KL penalty of reinforcement-learning fine-tuning as a differentiable loss: the Monte Carlo estimate of KL(P‖Q)
/// from the log-probabilities of sampled tokens, with the estimators, clamps, mask and aggregations of
/// <see cref="MonteCarlo.KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, Span{double}, KlAggregation, MonteCarloOptions?)"/>,
/// whose value it equals.
/// </summary>
/// <remarks>
/// <para>
/// P is the policy the tokens were sampled from and Q the reference model: pass the policy's log-probabilities, which
/// require gradients, as logP and the reference's as logQ. Per token, ℓ = log p − log q is clamped to
/// [<see cref="MonteCarloOptions.LogRatioMin"/>, <see cref="MonteCarloOptions.LogRatioMax"/>], the estimator's term of ℓ
/// is formed (<see cref="MonteCarloEstimator"/>) and clamped to [<see cref="MonteCarloOptions.TermMin"/>,
/// <see cref="MonteCarloOptions.TermMax"/>], and the terms are combined by the <see cref="KlAggregation"/>. A clamp that
/// acts stops the gradient of that token, as <c>torch.clamp</c> does in the training libraries; at a bound it passes.
/// </para>
/// <para>
/// <b>What the gradient estimates.</b> Sampling is not differentiated, so the gradient of the loss is the average of
/// each token's ∂term/∂θ through log p alone. Its expectation is not ∇KL(P‖Q) for every estimator, which is easy to
/// get wrong: for a categorical policy P = softmax(θ) and a fixed Q (checked by the tests against the closed forms),
/// <list type="bullet">
/// <item><see cref="MonteCarloEstimator.K1"/> gives E[∇ log p] = 0: as a loss it does nothing in expectation (use it as
/// a reward penalty, not a loss);</item>
/// <item><see cref="MonteCarloEstimator.K2"/> gives E[ℓ ∇ log p] = ∇KL(P‖Q), the gradient of the KL it estimates;</item>
/// <item><see cref="MonteCarloEstimator.K3"/> gives E[(1 − q/p) ∇ log p] = ∇KL(Q‖P): the gradient of the other
/// direction, though its value estimates KL(P‖Q);</item>
/// <item><see cref="MonteCarloEstimator.AbsoluteLogRatio"/> gives E[sign(ℓ) ∇ log p] = ∇ Σₓ |p(x) − q(x)|, twice the
/// gradient of the total-variation distance, not of a KL.</item>
/// </list>
/// </para>
/// <para>
/// Shapes: logP and logQ are [T] (one sequence) or [B, T] (B sequences of T tokens, padded, with the mask saying which
/// tokens count). The result is a scalar (shape []) in the unit of the options.
/// </para>
/// </remarks>
public static class KlPenalty
{
    /// <summary>The KL penalty over every token of a batch.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="logP">log p of the sampled tokens under the policy they were drawn from, [T] or [B, T]; finite.</param>
    /// <param name="logQ">log q of the same tokens under the reference, the shape of <paramref name="logP"/>; finite or −∞.</param>
    /// <param name="aggregation">How the per-token terms are combined.</param>
    /// <param name="options">Estimator, clamps and unit; <see cref="MonteCarloOptions.Default"/> (k1, no clamps, nats) when null.</param>
    /// <returns>The scalar penalty, recorded for <see cref="AutodiffTensor{T}.Backward()"/> when an input requires gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logP"/> or <paramref name="logQ"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="logP"/> is not of rank 1 or 2 or has no element; <paramref name="logQ"/> has another shape; an entry of
    /// <paramref name="logP"/> is NaN or ±∞, or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static AutodiffTensor<T> Loss<T>(AutodiffTensor<T> logP, AutodiffTensor<T> logQ, KlAggregation aggregation, MonteCarloOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Loss(logP, logQ, default, aggregation, options);

    /// <summary>The KL penalty over the tokens a mask selects (padding left out).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="logP">log p of the sampled tokens under the policy they were drawn from, [T] or [B, T]; finite where selected.</param>
    /// <param name="logQ">log q of the same tokens under the reference, the shape of <paramref name="logP"/>; finite or −∞ where selected.</param>
    /// <param name="mask">true where a token counts, one per element of <paramref name="logP"/> in row-major order; masked-out entries are neither read nor validated. Empty means every token counts.</param>
    /// <param name="aggregation">How the per-token terms are combined; a sequence without selected tokens counts 0 in <see cref="KlAggregation.SequenceSumMean"/> and is left out of the other two.</param>
    /// <param name="options">Estimator, clamps and unit; <see cref="MonteCarloOptions.Default"/> (k1, no clamps, nats) when null.</param>
    /// <returns>The scalar penalty, recorded for <see cref="AutodiffTensor{T}.Backward()"/> when an input requires gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logP"/> or <paramref name="logQ"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="logP"/> is not of rank 1 or 2 or has no element; <paramref name="logQ"/> has another shape;
    /// <paramref name="mask"/> is neither empty nor one per element, or selects no token; a selected entry of
    /// <paramref name="logP"/> is NaN or ±∞, or one of <paramref name="logQ"/> is NaN or +∞ (the message names the index).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not a defined value.</exception>
    public static AutodiffTensor<T> Loss<T>(
        AutodiffTensor<T> logP, AutodiffTensor<T> logQ, ReadOnlySpan<bool> mask, KlAggregation aggregation, MonteCarloOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(logP);
        ArgumentNullException.ThrowIfNull(logQ);
        Guard.Defined(aggregation, nameof(aggregation));
        if (logP.Rank is not (1 or 2) || logP.Length == 0)
        {
            throw new ArgumentException(
                $"logP has shape {Shapes.Format(logP.Shape)}; expected [T] tokens or [B, T] sequences, with at least one token.", nameof(logP));
        }

        if (!logQ.Shape.SequenceEqual(logP.Shape))
        {
            throw new ArgumentException(
                $"logQ has shape {Shapes.Format(logQ.Shape)}; expected the shape of logP, {Shapes.Format(logP.Shape)}.", nameof(logQ));
        }

        if (!mask.IsEmpty && mask.Length != logP.Length)
        {
            throw new ArgumentException($"mask has {mask.Length} entries; expected one per token of logP, {logP.Length}, or none.", nameof(mask));
        }

        int sequences = logP.Rank == 2 ? logP.Shape[0] : 1;
        return AutodiffTensor<T>.KlPenaltyNode.Forward(logP, logQ, mask, sequences, aggregation, options ?? MonteCarloOptions.Default);
    }
}
