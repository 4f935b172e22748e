namespace InfoTheory.Sampled;

/// <summary>What <see cref="Drift.CategoricalPopulationStabilityIndex{T}"/> does with a category the current sample holds and the reference does not.</summary>
public enum UnseenCategories
{
    /// <summary>Give each such category its own bin after the reference's categories, with reference share 0 (so <see cref="Drift.EmptyBinShare"/> in the index, and an infinite KL and Jeffreys divergence).</summary>
    OwnBins,

    /// <summary>Throw an <see cref="ArgumentException"/> naming the first such category and its position in the current sample.</summary>
    Reject,
}
