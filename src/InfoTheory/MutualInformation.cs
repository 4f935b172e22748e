using System.Buffers;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <summary>Mutual information between discrete variables: from a joint distribution, from paired labels, normalised, adjusted for chance, and conditional.</summary>
/// <remarks>
/// I(X;Y) = H(X) + H(Y) − H(X,Y) = KL(P(x,y) ‖ P(x)P(y)) ≥ 0. Values from samples are plug-in (maximum likelihood)
/// estimates, clamped at 0 because rounding can push an exact 0 a few ulps below it. All measures compute in nats
/// and convert once to the requested <see cref="LogBase"/>.
/// </remarks>
public static partial class MutualInformation
{
    /// <summary>The mutual information I(X;Y) of a joint distribution.</summary>
    /// <remarks>
    /// I(X;Y) = Σ_{x,y} P(x,y) log(P(x,y) / (P(x)P(y))), with 0·log 0 = 0; it lies in [0, min(H(X), H(Y))]. The ratio is taken
    /// inside the logarithm, never as a quotient, so subnormal cells (whose P(x,y)/(P(x)P(y)) passes the largest double) stay finite.
    /// </remarks>
    /// <param name="joint">The joint distribution P(X, Y).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>I(X;Y) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Of(JointDistribution joint, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ReadOnlySpan<double> table = joint.Probabilities, px = joint.RowMarginal, py = joint.ColumnMarginal;
        int columns = joint.Columns;
        double mi = 0;
        for (int x = 0; x < px.Length; x++)
        {
            ReadOnlySpan<double> row = table.Slice(x * columns, columns);
            double rowMarginal = px[x];
            for (int y = 0; y < row.Length; y++)
            {
                double p = row[y];
                if (p > 0)
                {
                    mi += p * Log.OfRatioToProduct(p, rowMarginal, py[y]);
                }
            }
        }

        return Units.FromNats(Math.Max(mi, 0.0), unit);
    }

    /// <summary>The plug-in mutual information of two paired label sequences, like scikit-learn's <c>mutual_info_score</c>.</summary>
    /// <remarks>
    /// Î(X;Y) = Σ (c_xy/n) log(n·c_xy / (c_x·c_y)) over the contingency table of the pairs (x[i], y[i]), clamped at 0.
    /// <see cref="int"/> labels with small ranges are counted in a dense pooled table (no hashing, no allocation);
    /// other labels are hashed with <see cref="EqualityComparer{T}.Default"/>. The plug-in estimate is biased upwards
    /// by about (K_x − 1)(K_y − 1)/(2n) nats for independent variables.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double FromSamples<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        return Units.FromNats(Measure(x, y).Mutual, unit);
    }

    /// <summary>The plug-in mutual information of two paired label lists, like scikit-learn's <c>mutual_info_score</c>.</summary>
    /// <remarks>
    /// Forwards to <see cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/>, viewing arrays and
    /// <see cref="List{T}"/> in place; it lets the type arguments be inferred from lists (and from an array paired with a list).
    /// </remarks>
    /// <inheritdoc cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    public static double FromSamples<TX, TY>(IReadOnlyList<TX> x, IReadOnlyList<TY> y, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        => FromSamples(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), unit);

    /// <summary>The mutual information of two labelings divided by a mean of their entropies, like scikit-learn's <c>normalized_mutual_info_score</c>.</summary>
    /// <remarks>
    /// NMI = I(X;Y) / mean(H(X), H(Y)), the mean chosen by <paramref name="normalization"/>; plug-in estimates throughout,
    /// and the ratio does not depend on the log base. Degenerate cases follow scikit-learn: when both labelings are
    /// constant (one class each) they match perfectly and NMI = 1; when exactly one is constant I(X;Y) = 0 and NMI = 0.
    /// The result is clamped into [0, 1], the range mathematics guarantees. Unlike scikit-learn, empty input throws.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="normalization">The mean of H(X) and H(Y) to divide by; arithmetic by default, as in scikit-learn.</param>
    /// <returns>The normalised mutual information, dimensionless, in [0, 1].</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normalization"/> is not a defined value.</exception>
    public static double Normalized<TX, TY>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
        where TX : notnull
        where TY : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        Guard.Defined(normalization, nameof(normalization));
        PairStatistics s = Measure(x, y);
        if (s.ClassesX == 1 || s.ClassesY == 1)
        {
            return s.ClassesX == s.ClassesY ? 1.0 : 0.0;
        }

        double mean = Mean(s, normalization);
        return Math.Clamp(s.Mutual / mean, 0.0, 1.0);
    }

    /// <summary>The normalised mutual information of two label lists, like scikit-learn's <c>normalized_mutual_info_score</c>.</summary>
    /// <remarks>Forwards to <see cref="Normalized{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, MutualInformationNormalization)"/>, viewing arrays and <see cref="List{T}"/> in place, so that the type arguments are inferred from lists.</remarks>
    /// <inheritdoc cref="Normalized{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, MutualInformationNormalization)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    public static double Normalized<TX, TY>(
        IReadOnlyList<TX> x, IReadOnlyList<TY> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
        where TX : notnull
        where TY : notnull
        => Normalized(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), normalization);

    /// <summary>The plug-in conditional mutual information I(X;Y|Z) of three paired label sequences.</summary>
    /// <remarks>
    /// I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z) = Σ P(x,y,z) log(P(z)P(x,y,z) / (P(x,z)P(y,z))), computed from
    /// the counts as (Σ c_xyz log c_xyz + Σ c_z log c_z − Σ c_xz log c_xz − Σ c_yz log c_yz)/n and clamped at 0.
    /// It is 0 exactly when X and Y are conditionally independent given Z (in the sample).
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <typeparam name="TZ">The label type of Z.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="z">The Z label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Î(X;Y|Z) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Conditional<TX, TY, TZ>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        Guard.SameLength(x.Length, z.Length, nameof(x), nameof(z));
        int n = x.Length;
        double sum = ConditionalDecomposition(x, y, z, default(NegatedCLogCSums), alphabets: false);
        return Units.FromNats(Math.Max(sum / n, 0.0), unit);
    }

    /// <summary>The plug-in conditional mutual information I(X;Y|Z) of three paired label lists.</summary>
    /// <remarks>Forwards to <see cref="Conditional{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ}, LogBase)"/>, viewing arrays and <see cref="List{T}"/> in place, so that the type arguments are inferred from lists.</remarks>
    /// <inheritdoc cref="Conditional{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ}, LogBase)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/>, <paramref name="y"/> or <paramref name="z"/> is null.</exception>
    public static double Conditional<TX, TY, TZ>(IReadOnlyList<TX> x, IReadOnlyList<TY> y, IReadOnlyList<TZ> z, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
        => Conditional(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), ReadOnlyLists.AsSpan(z, nameof(z)), unit);

    private static double Mean(PairStatistics s, MutualInformationNormalization normalization) => normalization switch
    {
        MutualInformationNormalization.Arithmetic => (s.EntropyX + s.EntropyY) / 2,
        MutualInformationNormalization.Geometric => Math.Sqrt(s.EntropyX * s.EntropyY),
        MutualInformationNormalization.Min => Math.Min(s.EntropyX, s.EntropyY),
        _ => Math.Max(s.EntropyX, s.EntropyY),
    };

    private static void RequirePairs(int length, int otherLength, string otherName)
    {
        Guard.NotEmpty(length, "x");
        Guard.SameLength(length, otherLength, "x", otherName);
    }

    private static PairStatistics Measure<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y)
        where TX : notnull
        where TY : notnull
    {
        int n = x.Length;
        long limit = LabelCounting.DenseLimit(n);
        if (typeof(TX) == typeof(int) && typeof(TY) == typeof(int))
        {
            ReadOnlySpan<int> xi = LabelCounting.AsInt32(x), yi = LabelCounting.AsInt32(y);
            if (LabelCounting.TryDenseRange(xi, limit, out int minX, out int rows)
                && LabelCounting.TryDenseRange(yi, limit, out int minY, out int columns)
                && (long)rows * columns <= limit)
            {
                return FromDenseTable(xi, minX, rows, yi, minY, columns);
            }
        }

        // Two string columns are counted straight into their table, in the pass that codes them: no codes written or read.
        if (typeof(TX) == typeof(string) && typeof(TY) == typeof(string)
            && StringCoding.TryCountPairs(LabelCounting.AsStrings(x), LabelCounting.AsStrings(y), limit, out PairCounts pairs, out int kx, out int ky))
        {
            int[] table = ArrayPool<int>.Shared.Rent(kx * ky);
            pairs.CopyTo(table, kx, ky);
            PairStatistics counted = FromTable(table.AsSpan(0, kx * ky), kx, ky, n);
            ArrayPool<int>.Shared.Return(table);
            return counted;
        }

        int[] cx = ArrayPool<int>.Shared.Rent(n), cy = ArrayPool<int>.Shared.Rent(n);
        Span<int> codesX = cx.AsSpan(0, n), codesY = cy.AsSpan(0, n);
        kx = LabelCounting.Encode(x, codesX, nameof(x));
        ky = LabelCounting.Encode(y, codesY, nameof(y));
        PairStatistics s;
        if ((long)kx * ky <= limit)
        {
            s = FromDenseTable(codesX, 0, kx, codesY, 0, ky);
        }
        else
        {
            // Too many cells for a dense table: H(X) + H(Y) − H(X,Y) from the counts of each code sequence.
            double sx = LabelCounting.SumCLogCOfCodes(codesX, kx, out int classesX);
            double sy = LabelCounting.SumCLogCOfCodes(codesY, ky, out int classesY);
            int kxy = LabelCounting.Combine(codesX, kx, codesY, ky, codesX);
            double sxy = LabelCounting.SumCLogCOfCodes(codesX, kxy, out int cells);
            double logN = Math.Log(n);
            s = Statistics(
                Math.Max(logN - ((sx + sy - sxy) / n), 0.0),
                Math.Max(logN - (sx / n), 0.0),
                Math.Max(logN - (sy / n), 0.0),
                classesX,
                classesY,
                cells);
        }

        ArrayPool<int>.Shared.Return(cx);
        ArrayPool<int>.Shared.Return(cy);
        return s;
    }

    private static PairStatistics FromDenseTable(ReadOnlySpan<int> x, int minX, int rows, ReadOnlySpan<int> y, int minY, int columns)
    {
        int cells = rows * columns;
        int[] rented = ArrayPool<int>.Shared.Rent(cells);
        Span<int> joint = rented.AsSpan(0, cells);
        joint.Clear();
        LabelCounting.JointHistogram(x, minX, y, minY, columns, joint);
        PairStatistics s = FromTable(joint, rows, columns, x.Length);
        ArrayPool<int>.Shared.Return(rented);
        return s;
    }

    // The statistics of n pairs counted in the row-major rows × columns table `joint`.
    private static PairStatistics FromTable(ReadOnlySpan<int> joint, int rows, int columns, int n)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(rows + columns);
        Span<int> sums = rented.AsSpan(0, rows + columns);
        sums.Clear();
        Span<int> rowSums = sums[..rows], columnSums = sums[rows..];
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<int> row = joint.Slice(r * columns, columns);
            int sum = 0;
            for (int c = 0; c < columns; c++)
            {
                sum += row[c];
                columnSums[c] += row[c];
            }

            rowSums[r] = sum;
        }

        double total = n;
        double mi = 0;
        int nonZero = 0;
        for (int r = 0; r < rows; r++)
        {
            if (rowSums[r] == 0)
            {
                continue;
            }

            ReadOnlySpan<int> row = joint.Slice(r * columns, columns);
            double rowSum = rowSums[r];
            for (int c = 0; c < columns; c++)
            {
                int v = row[c];
                if (v > 0)
                {
                    mi += v * Math.Log(total * v / (rowSum * columnSums[c]));
                    nonZero++;
                }
            }
        }

        var s = Statistics(
            Math.Max(mi / total, 0.0),
            Entropy.PlugInNats<int>(rowSums, total),
            Entropy.PlugInNats<int>(columnSums, total),
            rows - rowSums.Count(0),
            columns - columnSums.Count(0),
            nonZero);
        ArrayPool<int>.Shared.Return(rented);
        return s;
    }

    // <summary>
    // The statistics of a table with <paramref name="cells"/> non-zero cells. Where one labelling is a function of the other
    // (one cell per class of the other), I equals that labelling's entropy exactly, and it is set so rather than left to
    // rounding: a relabelled copy then scores exactly 1 under every normalisation instead of 1 ± a few ulps.
    // </summary>
    private static PairStatistics Statistics(double mutual, double entropyX, double entropyY, int classesX, int classesY, int cells)
    {
        bool xOfY = cells == classesY, yOfX = cells == classesX;
        if (xOfY && yOfX)
        {
            entropyY = entropyX;
        }

        mutual = xOfY ? entropyX : yOfX ? entropyY : mutual;
        return new PairStatistics(mutual, entropyX, entropyY, classesX, classesY);
    }

    // <summary>What one pass over paired labels yields, in nats.</summary>
    private readonly record struct PairStatistics(double Mutual, double EntropyX, double EntropyY, int ClassesX, int ClassesY);
}
