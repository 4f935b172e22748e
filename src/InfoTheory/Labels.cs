using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>Labels as categories: the explicit way to count exact floating-point values as classes.</summary>
/// <remarks>
/// The label measures (<see cref="Entropy.FromSamples{T}(ReadOnlySpan{T}, EntropyEstimator, LogBase)"/>,
/// <see cref="MutualInformation.FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/> and the other
/// <see cref="MutualInformation"/> members) reject <see cref="float"/>, <see cref="double"/>, <see cref="decimal"/> and
/// <see cref="Half"/> labels when there are at least 20 of them and more than half are distinct: such values are
/// measurements, and counting them as categories gives H(X) ≈ log n and I(X;Y) ≈ H(Y) whatever the data. Where exact
/// values really are categories (codes stored as doubles, a handful of set points), <see cref="Encode{T}"/> turns them into
/// integer codes, which every label measure takes as they are.
/// </remarks>
public static class Labels
{
    /// <summary>An integer code for each label: equal labels get equal codes, different labels different codes.</summary>
    /// <remarks>
    /// Labels are compared with <see cref="EqualityComparer{T}.Default"/> (so for doubles 0.0 and −0.0 are one category, and
    /// NaN is one category). The codes lie in [0, n); measures computed from them equal those of the labels themselves,
    /// since they depend only on which observations share a category.
    /// </remarks>
    /// <typeparam name="T">The label type.</typeparam>
    /// <param name="labels">The labels; none may be null.</param>
    /// <returns>A new array with one code per label, in the order of <paramref name="labels"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> holds a null label.</exception>
    public static int[] Encode<T>(ReadOnlySpan<T> labels)
        where T : notnull
    {
        // Every code is written below (or the array is dropped with the exception), so the runtime need not zero it first:
        // at 10⁷ labels the zeroing alone was as long as coding ints (about 5 ms of 12).
        int[] codes = GC.AllocateUninitializedArray<int>(labels.Length);
        if (labels.IsEmpty)
        {
            return codes;
        }

        LabelCounting.EncodeAny(labels, codes, nameof(labels));
        return codes;
    }
}
