using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Selection;

/// <summary>
/// The mutual information between each column of a feature table and a target: scikit-learn's
/// <c>mutual_info_classif</c> and <c>mutual_info_regression</c>, one score per column, with nothing added to the data.
/// </summary>
/// <remarks>
/// <para>
/// Each column is scored by the estimator that fits its kind and the target's: a discrete column against class labels by
/// counting (the plug-in <see cref="InfoTheory.MutualInformation.FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/>
/// on the column's values as labels, scikit-learn's <c>mutual_info_score</c>); a continuous column against class labels, or
/// a continuous target against a discrete column, by Ross's estimator
/// (<see cref="Knn.MutualInformation{TLabel}(ReadOnlySpan{double}, int, ReadOnlySpan{TLabel}, int, KnnOptions?)"/>); a
/// continuous column against a continuous target by KSG (<see cref="Knn.MutualInformation(ReadOnlySpan{double}, ReadOnlySpan{double}, int, KnnOptions?)"/>).
/// Every score equals the single-column call on the same column with the same options.
/// </para>
/// <para>
/// Where it differs from scikit-learn: no noise is added (scikit-learn adds 1e-10·max(1, mean |x|) Gaussian noise to every
/// continuous column, and to a continuous target), so the same table gives the same scores and ties are reported rather
/// than hidden — set <see cref="KnnOptions.Jitter"/> (seeded by <see cref="KnnOptions.JitterSeed"/>) to break them on purpose,
/// or flag the column as discrete. Nothing is rescaled unless <see cref="KnnOptions.Standardize"/> asks (scikit-learn divides
/// continuous columns and a continuous target by their population standard deviation); only the KSG scores depend on
/// scale, since its maximum norm mixes the column's and the target's units, and Standardize divides by the sample
/// deviation, so they match scikit-learn exactly when you pass data already scaled. Scores are not clamped at 0: a column
/// independent of the target scores near 0, possibly slightly below (scikit-learn reports max(0, score)).
/// As in scikit-learn, rows whose class (or discrete value, for a continuous target) occurs once are left out of Ross's estimate.
/// </para>
/// </remarks>
public static class FeatureRelevance
{
    /// <summary>The mutual information between each feature column and class labels, like scikit-learn's <c>mutual_info_classif</c>.</summary>
    /// <remarks>
    /// Discrete columns: Î = Σ (c_vℓ/N) ln(N·c_vℓ / (c_v·c_ℓ)) over the counts of (value, class) pairs. Continuous columns: Ross
    /// (2014), "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), e87357. See the class remarks
    /// for the differences from scikit-learn.
    /// </remarks>
    /// <param name="features">N rows of features, one column per feature; all values finite.</param>
    /// <param name="classes">The class of each row.</param>
    /// <param name="discreteFeatures">Which columns are discrete (their values are categories); empty, the default, treats every column as continuous.</param>
    /// <param name="k">The neighbour order of the continuous columns, 1 ≤ k ≤ N − 1; 3 by default, as scikit-learn.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism of the kNN scores, and the unit of all; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>One score per column, in the unit of <paramref name="options"/> (nats by default).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a value is NaN or infinite, the row and class counts differ, <paramref name="discreteFeatures"/> is neither empty nor one flag per column, every class occurs once, a continuous column has a row tied with k or more rows of its class (see <see cref="Knn"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static double[] MutualInformation(
        double[,] features, ReadOnlySpan<int> classes, ReadOnlySpan<bool> discreteFeatures = default, int k = 3, KnnOptions? options = null)
    {
        int columns = Validate(features, classes.Length, nameof(classes), discreteFeatures, k);
        options ??= KnnOptions.Default;
        int n = classes.Length;
        var classCodes = new int[n];
        int classCount = LabelCounting.Encode(classes, classCodes, nameof(classes));
        var scores = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            double[] column = Column(features, j);
            if (IsDiscrete(discreteFeatures, j))
            {
                var codes = new int[n];
                LabelCounting.Encode<double>(column, codes, nameof(features));
                scores[j] = InfoTheory.MutualInformation.FromSamples<int, int>(codes, classes, options.Unit);
            }
            else
            {
                scores[j] = Knn.LabelledCore(
                    column, 1, ColumnRole(j), classCodes, classCount, new Operand(nameof(classes), nameof(classes)), k, options).Value;
            }
        }

        return scores;
    }

    /// <summary>The mutual information between each feature column and a continuous target, like scikit-learn's <c>mutual_info_regression</c>.</summary>
    /// <remarks>
    /// Continuous columns: Kraskov, Stögbauer &amp; Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69, 066138
    /// (the algorithm of <see cref="KnnOptions.Algorithm"/>, 1 by default as scikit-learn). Discrete columns: Ross (2014),
    /// PLoS ONE 9(2), e87357, with the column's values as the labels of the target. See the class remarks for the
    /// differences from scikit-learn; in particular a target with repeated values is reported as tied, as scikit-learn's
    /// noise would hide.
    /// </remarks>
    /// <param name="features">N rows of features, one column per feature; all values finite.</param>
    /// <param name="target">The continuous target of each row; all values finite.</param>
    /// <param name="discreteFeatures">Which columns are discrete (their values are categories); empty, the default, treats every column as continuous.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default, as scikit-learn.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>One score per column, in the unit of <paramref name="options"/> (nats by default).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a value is NaN or infinite, the row and target counts differ, <paramref name="discreteFeatures"/> is neither empty nor one flag per column, a discrete column has every value once, a value of a continuous column or of the target is repeated more than k times, or (for a discrete column) the target is tied within a value's rows (see <see cref="Knn"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static double[] MutualInformation(
        double[,] features, ReadOnlySpan<double> target, ReadOnlySpan<bool> discreteFeatures = default, int k = 3, KnnOptions? options = null)
    {
        int columns = Validate(features, target.Length, nameof(target), discreteFeatures, k);
        Guard.AllFinite(target, nameof(target));
        options ??= KnnOptions.Default;
        int n = target.Length;
        var targetRole = new Operand(nameof(target), nameof(target));
        double[] targetValues = target.ToArray();
        var scores = new double[columns];
        for (int j = 0; j < columns; j++)
        {
            double[] column = Column(features, j);
            if (IsDiscrete(discreteFeatures, j))
            {
                var codes = new int[n];
                int values = LabelCounting.Encode<double>(column, codes, nameof(features));
                var labelsRole = new Operand(nameof(features), $"column {j} of features");
                scores[j] = Knn.LabelledCore(targetValues, 1, targetRole, codes, values, labelsRole, k, options).Value;
            }
            else
            {
                // KSG standardises and jitters its inputs in place, so it gets its own copy of the target.
                scores[j] = Knn.MutualInformationCore(column, 1, ColumnRole(j), target.ToArray(), 1, targetRole, k, options).Value;
            }
        }

        return scores;
    }

    private static int Validate(double[,] features, int targetLength, string targetName, ReadOnlySpan<bool> discreteFeatures, int k)
    {
        Guard.Samples(features, nameof(features));
        Guard.SameRows(features.GetLength(0), targetLength, nameof(features), targetName);
        Guard.ColumnFlags(discreteFeatures.Length, features.GetLength(1), nameof(discreteFeatures));
        Guard.NeighborOrder(k, targetLength - 1, nameof(k), nameof(features));
        return features.GetLength(1);
    }

    private static bool IsDiscrete(ReadOnlySpan<bool> discreteFeatures, int column) => !discreteFeatures.IsEmpty && discreteFeatures[column];

    private static Operand ColumnRole(int column) => new("features", $"column {column} of features");

    private static double[] Column(double[,] features, int column)
    {
        var values = new double[features.GetLength(0)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = features[i, column];
        }

        return values;
    }
}
