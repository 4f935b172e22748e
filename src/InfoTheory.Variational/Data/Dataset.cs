using InfoTheory.Internal;

namespace InfoTheory.Variational.Data;

/// <summary>
/// An immutable table of <see cref="Count"/> samples × <see cref="FeatureCount"/> finite features, stored
/// row-major as <see cref="float"/>, with optional integer class labels and an optional image shape.
/// </summary>
/// <remarks>
/// Every constructor copies its input, so a dataset never changes after it is made. Randomness comes from the
/// caller: <see cref="Split"/> and <see cref="SplitFraction"/> take a seed, <see cref="ShuffledBatches"/> a
/// <see cref="Random"/> the trainer owns, so one generator can drive every epoch of a run and the same seed
/// replays the same minibatches.
/// </remarks>
public sealed class Dataset
{
    private readonly float[] _features;
    private readonly int[]? _labels;

    private Dataset(float[] features, int count, int featureCount, int[]? labels, ImageShape? image)
    {
        _features = features;
        _labels = labels;
        Count = count;
        FeatureCount = featureCount;
        Image = image;
    }

    /// <summary>The number of samples (rows), &gt;= 1.</summary>
    public int Count { get; }

    /// <summary>The number of features per sample (columns), &gt;= 1.</summary>
    public int FeatureCount { get; }

    /// <summary>The image shape when every sample is an image, else <see langword="null"/>.</summary>
    public ImageShape? Image { get; }

    /// <summary>Whether every sample has a class label.</summary>
    public bool HasLabels => _labels is not null;

    /// <summary>All features, row-major: feature j of sample i is at i × <see cref="FeatureCount"/> + j.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The class label of each sample (each &gt;= 0), or an empty span when <see cref="HasLabels"/> is false.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Creates a dataset from a samples × features matrix.</summary>
    /// <param name="features">The features, one row per sample; copied. At least one row and one column, all finite.</param>
    /// <param name="labels">One label &gt;= 0 per row, or <see langword="null"/>; copied.</param>
    /// <param name="image">The image shape whose pixel count equals the column count, or <see langword="null"/>.</param>
    /// <returns>A new dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="features"/> has no rows or columns or a non-finite entry; <paramref name="labels"/> has the
    /// wrong length or a negative entry; <paramref name="image"/> has a non-positive side or the wrong pixel count.
    /// </exception>
    public static Dataset FromMatrix(float[,] features, int[]? labels = null, ImageShape? image = null)
        => Create(Flatten(features, nameof(features)), features.GetLength(0), features.GetLength(1), (int[]?)labels?.Clone(), image, nameof(features), nameof(labels), nameof(image));

    /// <inheritdoc cref="FromMatrix(float[,], int[], ImageShape?)"/>
    /// <remarks>Values are rounded to single precision, in which datasets are stored; a value beyond the float range becomes infinite and is rejected.</remarks>
    public static Dataset FromMatrix(double[,] features, int[]? labels = null, ImageShape? image = null)
        => Create(Flatten(features, nameof(features)), features.GetLength(0), features.GetLength(1), (int[]?)labels?.Clone(), image, nameof(features), nameof(labels), nameof(image));

    /// <summary>
    /// The unlabelled dataset of a samples × features matrix, so that every model verb taking a <see cref="Dataset"/>
    /// (<c>Fit</c>, <c>Encode</c>, <c>Decode</c>, <c>Reconstruct</c>) takes a matrix too: <see cref="FromMatrix(float[,], int[], ImageShape?)"/> without labels.
    /// </summary>
    /// <param name="data">The rows; copied. At least one row and one column, all finite.</param>
    /// <returns>A new dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows or columns or a non-finite entry.</exception>
    public static implicit operator Dataset(float[,] data)
        => Create(Flatten(data, nameof(data)), data.GetLength(0), data.GetLength(1), null, null, nameof(data), nameof(data), nameof(data));

    /// <summary>The unlabelled dataset of a samples × features matrix, rounded to single precision: <see cref="FromMatrix(double[,], int[], ImageShape?)"/> without labels.</summary>
    /// <param name="data">The rows; copied. At least one row and one column, all finite, also after rounding to float.</param>
    /// <returns>A new dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no rows or columns or a non-finite entry.</exception>
    public static implicit operator Dataset(double[,] data)
        => Create(Flatten(data, nameof(data)), data.GetLength(0), data.GetLength(1), null, null, nameof(data), nameof(data), nameof(data));

    /// <summary>Creates a dataset from row-major features.</summary>
    /// <param name="features">Count × <paramref name="featureCount"/> finite values, row-major; copied.</param>
    /// <param name="featureCount">Features per sample, &gt;= 1, dividing the length of <paramref name="features"/>.</param>
    /// <param name="labels">One label &gt;= 0 per sample, or an empty span for an unlabelled dataset; copied.</param>
    /// <param name="image">The image shape whose pixel count equals <paramref name="featureCount"/>, or <see langword="null"/>.</param>
    /// <returns>A new dataset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureCount"/> is &lt; 1.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="features"/> is empty, not a whole number of rows, or has a non-finite entry;
    /// <paramref name="labels"/> has the wrong length or a negative entry; <paramref name="image"/> has a
    /// non-positive side or the wrong pixel count.
    /// </exception>
    public static Dataset FromRows(ReadOnlySpan<float> features, int featureCount, ReadOnlySpan<int> labels = default, ImageShape? image = null)
    {
        Guard.InRange(featureCount, 1, int.MaxValue, nameof(featureCount));
        Guard.NotEmpty(features.Length, nameof(features));
        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException(
                $"{nameof(features)} has length {features.Length}, not a multiple of {nameof(featureCount)} = {featureCount}.",
                nameof(features));
        }

        int[]? labelCopy = labels.IsEmpty ? null : labels.ToArray();
        return Create(features.ToArray(), features.Length / featureCount, featureCount, labelCopy, image, nameof(features), nameof(labels), nameof(image));
    }

    /// <summary>The features of one sample.</summary>
    /// <param name="index">The sample, in [0, <see cref="Count"/>).</param>
    /// <returns>A view of <see cref="FeatureCount"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, Count).</exception>
    public ReadOnlySpan<float> Row(int index)
    {
        Guard.InRange(index, 0, Count - 1, nameof(index));
        return _features.AsSpan(index * FeatureCount, FeatureCount);
    }

    /// <summary>Copies the features into a new samples × features matrix.</summary>
    /// <returns>A <see cref="Count"/> × <see cref="FeatureCount"/> array the caller owns.</returns>
    public float[,] ToMatrix()
    {
        var matrix = new float[Count, FeatureCount];
        for (int i = 0; i < Count; i++)
        {
            for (int j = 0; j < FeatureCount; j++)
            {
                matrix[i, j] = _features[(i * FeatureCount) + j];
            }
        }

        return matrix;
    }

    /// <summary>Copies the features of the given samples, in the given order, row-major into <paramref name="destination"/>.</summary>
    /// <param name="indices">Sample indices, each in [0, <see cref="Count"/>); repeats allowed.</param>
    /// <param name="destination">At least indices.Length × <see cref="FeatureCount"/> values; the rest is left untouched.</param>
    /// <remarks>Assembles a minibatch without allocating.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, Count).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public void CopyRows(ReadOnlySpan<int> indices, Span<float> destination)
    {
        long needed = (long)indices.Length * FeatureCount;
        if (destination.Length < needed)
        {
            throw new ArgumentException(
                $"{nameof(destination)} has length {destination.Length} but {indices.Length} rows of {FeatureCount} features need {needed}.",
                nameof(destination));
        }

        for (int k = 0; k < indices.Length; k++)
        {
            Guard.InRange(indices[k], 0, Count - 1, nameof(indices));
            _features.AsSpan(indices[k] * FeatureCount, FeatureCount).CopyTo(destination.Slice(k * FeatureCount));
        }
    }

    /// <summary>The samples at the given indices, in that order, as a new dataset with the same image shape.</summary>
    /// <param name="indices">At least one sample index, each in [0, <see cref="Count"/>); repeats allowed.</param>
    /// <returns>A dataset of indices.Length samples.</returns>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, Count), or indices.Length × FeatureCount exceeds <see cref="int.MaxValue"/> features.</exception>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        Guard.NotEmpty(indices.Length, nameof(indices));
        var features = new float[Guard.ElementCount(nameof(indices), "indices.Length × FeatureCount", indices.Length, FeatureCount)];
        CopyRows(indices, features);
        int[]? labels = null;
        if (_labels is not null)
        {
            labels = new int[indices.Length];
            for (int k = 0; k < indices.Length; k++)
            {
                labels[k] = _labels[indices[k]];
            }
        }

        return new Dataset(features, indices.Length, FeatureCount, labels, Image);
    }

    /// <summary>Splits the samples at random into a training set of <paramref name="trainCount"/> samples and a test set of the rest.</summary>
    /// <param name="trainCount">Training samples, in [1, <see cref="Count"/> − 1].</param>
    /// <param name="seed">Seeds the <see cref="Random"/> that draws the permutation; the same seed gives the same split.</param>
    /// <returns>The two disjoint parts; together they hold every sample once. Each keeps the original sample order.</returns>
    /// <remarks>A uniformly random subset (Fisher–Yates permutation, first <paramref name="trainCount"/> indices), not stratified by label.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainCount"/> is outside [1, Count − 1].</exception>
    public (Dataset Train, Dataset Test) Split(int trainCount, int seed)
    {
        Guard.InRange(trainCount, 1, Count - 1, nameof(trainCount));
        int[] order = Permutation(Count, new Random(seed));
        int[] train = order[..trainCount];
        int[] test = order[trainCount..];
        Array.Sort(train);
        Array.Sort(test);
        return (Subset(train), Subset(test));
    }

    /// <summary>Splits the samples at random, a fraction for training and the rest for testing.</summary>
    /// <param name="trainFraction">The training share in (0, 1); the training count is round(fraction × Count), kept in [1, Count − 1].</param>
    /// <param name="seed">Seeds the permutation; the same seed gives the same split.</param>
    /// <returns>The two disjoint parts, as <see cref="Split"/> returns them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trainFraction"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="InvalidOperationException">The dataset has a single sample and cannot be split.</exception>
    public (Dataset Train, Dataset Test) SplitFraction(double trainFraction, int seed)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(trainFraction), trainFraction, $"{nameof(trainFraction)} is {Guard.Format(trainFraction)}; it must lie strictly between 0 and 1.");
        }

        if (Count < 2)
        {
            throw new InvalidOperationException("A dataset of one sample cannot be split into two non-empty parts.");
        }

        int trainCount = Math.Clamp((int)Math.Round(trainFraction * Count, MidpointRounding.AwayFromZero), 1, Count - 1);
        return Split(trainCount, seed);
    }

    /// <summary>One epoch of minibatches: a random permutation of all sample indices cut into consecutive batches.</summary>
    /// <param name="batchSize">Samples per batch, &gt;= 1; the last batch holds the remainder and may be smaller.</param>
    /// <param name="random">The trainer's generator; each call advances it, so successive epochs get fresh orders and a run replays from its seed.</param>
    /// <returns>⌈Count / batchSize⌉ index arrays that together hold every index exactly once.</returns>
    /// <remarks>The permutation is Fisher–Yates with <see cref="Random.Next(int)"/>, so it is uniform over all orders.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is &lt; 1.</exception>
    public int[][] ShuffledBatches(int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.InRange(batchSize, 1, int.MaxValue, nameof(batchSize));
        int[] order = Permutation(Count, random);

        // Count + batchSize − 1 would wrap for a batch size near int.MaxValue, and so would start + batchSize.
        var batches = new int[(Count / batchSize) + (Count % batchSize == 0 ? 0 : 1)][];
        for (int b = 0; b < batches.Length; b++)
        {
            int start = b * batchSize;
            batches[b] = order[start..(start + Math.Min(batchSize, Count - start))];
        }

        return batches;
    }

    // Row-major single-precision copy of a non-empty matrix; finiteness is checked by Create after the narrowing.
    private static float[] Flatten<T>(T[,] matrix, string paramName)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(matrix, paramName);
        int rows = matrix.GetLength(0);
        int columns = matrix.GetLength(1);
        Guard.NotEmpty(rows, paramName);
        Guard.NotEmpty(columns, paramName);
        var flat = new float[Guard.ElementCount(paramName, "rows × columns", rows, columns)];
        int k = 0;
        foreach (T v in matrix)
        {
            flat[k++] = float.CreateTruncating(v);
        }

        return flat;
    }

    private static Dataset Create(float[] features, int count, int featureCount, int[]? labels, ImageShape? image, string featuresName, string labelsName, string imageName)
    {
        Guard.AllFinite(features, featuresName);
        if (labels is not null)
        {
            Guard.SameLength(count, labels.Length, featuresName + " rows", labelsName);
            Guard.AllNonNegative(labels, labelsName);
        }

        if (image is { } shape)
        {
            if (shape.Width < 1 || shape.Height < 1 || shape.PixelCount != featureCount)
            {
                throw new ArgumentException(
                    $"{imageName} is {shape.Width}×{shape.Height}; both sides must be >= 1 and their product must equal the {featureCount} features per sample.",
                    imageName);
            }
        }

        return new Dataset(features, count, featureCount, labels, image);
    }

    private static int[] Permutation(int count, Random random)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
