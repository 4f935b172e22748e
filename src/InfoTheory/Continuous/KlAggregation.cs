namespace InfoTheory.Continuous;

/// <summary>How the sequence overloads of <see cref="MonteCarlo"/>'s log-probability KL combine per-token terms into one value.</summary>
/// <remarks>
/// These are the three reductions reinforcement-learning fine-tuning code uses for a KL penalty over a batch of sequences
/// (tokens of sequence i: the unmasked ones; Sᵢ the sum of their terms, Nᵢ their number). Whichever is chosen, the standard
/// error is computed over sequences, never as if the tokens were independent: tokens of one sequence are correlated.
/// </remarks>
public enum KlAggregation
{
    /// <summary>
    /// The mean over all unmasked tokens, ΣSᵢ / ΣNᵢ. Its standard error is the cluster-robust (ratio-estimator)
    /// one over sequences: √(m/(m − 1) · Σ(Sᵢ − v·Nᵢ)²) / ΣNᵢ with v the value and m the sequences with Nᵢ &gt; 0.
    /// </summary>
    TokenMean = 0,

    /// <summary>The mean over sequences of the per-sequence sums Sᵢ (all sequences, a fully masked one counting 0); the standard error is the standard deviation of the Sᵢ over √m.</summary>
    SequenceSumMean = 1,

    /// <summary>The mean over sequences of the per-sequence means Sᵢ/Nᵢ (sequences with Nᵢ = 0 left out); the standard error is their standard deviation over √m.</summary>
    SequenceMeanMean = 2,
}
