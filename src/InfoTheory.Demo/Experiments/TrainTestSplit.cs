using InfoTheory.Variational.Data;

namespace InfoTheory.Demo.Experiments;

/// <summary>The seeded train/test split every model experiment uses, so their test numbers are comparable.</summary>
internal static class TrainTestSplit
{
    /// <summary>The reference set-up trains on 1500 digits and tests on the other 297.</summary>
    public const int TrainCount = 1500;

    /// <summary>The fewest test samples the reference split may leave; smaller datasets are split 5 : 1 instead.</summary>
    public const int MinimumTestCount = 100;

    /// <summary>
    /// <see cref="TrainCount"/> random samples for training and the rest for testing; a dataset too small to leave
    /// <see cref="MinimumTestCount"/> for testing gives five sixths to training instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dataset has fewer than 2 samples.</exception>
    public static (Dataset Train, Dataset Test) Of(Dataset data, int seed)
    {
        if (data.Count < 2)
        {
            throw new InvalidOperationException($"The dataset has {data.Count} sample(s); training and testing need at least 2.");
        }

        int train = data.Count >= TrainCount + MinimumTestCount ? TrainCount : data.Count - Math.Max(1, data.Count / 6);
        return data.Split(train, seed);
    }
}
