namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// How a loss turns its per-element (or per-example) terms into one number. Every loss takes it as a
/// required argument, so a sum is never taken for a mean: the binary cross-entropy of 1000 logits at 0 is
/// 693.1 nats as a <see cref="Sum"/> and 0.6931 nats as a <see cref="Mean"/>.
/// </summary>
/// <remarks>
/// The values start at 1 so that <c>default(LossReduction)</c> is not a valid reduction: a reduction
/// someone forgot to choose is rejected instead of silently meaning one of the two.
/// </remarks>
public enum LossReduction
{
    /// <summary>The average of the terms, as PyTorch's <c>reduction='mean'</c>: the loss per element (or per example), independent of the batch size. The mean of no terms is NaN.</summary>
    Mean = 1,

    /// <summary>The total of the terms, as PyTorch's <c>reduction='sum'</c>: what a log-likelihood summed over pixels or examples is. The sum of no terms is 0.</summary>
    Sum = 2,
}
