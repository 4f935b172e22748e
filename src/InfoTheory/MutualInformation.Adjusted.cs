using System.Buffers;
using InfoTheory.Internal;

namespace InfoTheory;

/// <content>Mutual information adjusted for chance.</content>
public static partial class MutualInformation
{
    /// <summary>The mutual information of two labelings adjusted for chance, like scikit-learn's <c>adjusted_mutual_info_score</c>.</summary>
    /// <remarks>
    /// AMI = (I − E[I]) / (mean(H(X), H(Y)) − E[I]), where E[I] is the expected plug-in mutual information of two
    /// random labelings with the same class sizes a_i and b_j (the permutation model, hypergeometric cell counts):
    /// E[I] = Σ_i Σ_j Σ_m (m/n) log(n·m / (a_i b_j)) · P(m | a_i, b_j, n).
    /// Vinh, N. X., Epps, J. &amp; Bailey, J. (2010), "Information theoretic measures for clusterings comparison:
    /// variants, properties, normalization and correction for chance", JMLR 11, 2837–2854, eq. (24).
    /// Each hypergeometric sum is walked outwards from its mode with the exact ratio P(m + 1)/P(m) and normalised by
    /// its own total, so no log-gamma differences of size n log n are taken and the cost is O(√(a_i b_j / n)) per cell,
    /// not O(min(a_i, b_j)). Degenerate cases follow scikit-learn: both labelings constant → 1; a denominator
    /// within machine epsilon of 0 is replaced by ±ε, keeping its sign. AMI is exactly 1 for identical labelings
    /// (up to renaming), near 0 on average for independent ones, and can be negative; it is clamped at 1, the bound
    /// mathematics guarantees (I and E[I] never exceed the mean entropy), and not below.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="normalization">The mean of H(X) and H(Y) in the denominator; arithmetic by default, as in scikit-learn.</param>
    /// <returns>The adjusted mutual information, dimensionless, at most 1.</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="normalization"/> is not a defined value.</exception>
    public static double Adjusted<TX, TY>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
        where TX : notnull
        where TY : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        Guard.Defined(normalization, nameof(normalization));
        PairStatistics s = Measure(x, y);
        if (s.ClassesX == 1 && s.ClassesY == 1)
        {
            return 1.0;
        }

        int n = x.Length;
        int[] codes = ArrayPool<int>.Shared.Rent(n);
        int[] sizesX = ClassSizes(x, codes.AsSpan(0, n), nameof(x), out int kx);
        int[] sizesY = ClassSizes(y, codes.AsSpan(0, n), nameof(y), out int ky);
        double expected = 0;
        foreach (int a in sizesX.AsSpan(0, kx))
        {
            foreach (int b in sizesY.AsSpan(0, ky))
            {
                expected += ExpectedCellTerm(a, b, n);
            }
        }

        ArrayPool<int>.Shared.Return(codes);
        ArrayPool<int>.Shared.Return(sizesX);
        ArrayPool<int>.Shared.Return(sizesY);

        const double Epsilon = 2.220446049250313e-16;
        double denominator = Mean(s, normalization) - expected;
        denominator = denominator < 0 ? Math.Min(denominator, -Epsilon) : Math.Max(denominator, Epsilon);
        // I ≤ min(H(X), H(Y)) ≤ every mean, and so is E[I], an average of such I: AMI ≤ 1, which rounding may break.
        return Math.Min((s.Mutual - expected) / denominator, 1.0);
    }

    /// <summary>The mutual information of two label lists adjusted for chance, like scikit-learn's <c>adjusted_mutual_info_score</c>.</summary>
    /// <remarks>Forwards to <see cref="Adjusted{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, MutualInformationNormalization)"/>, viewing arrays and <see cref="List{T}"/> in place, so that the type arguments are inferred from lists.</remarks>
    /// <inheritdoc cref="Adjusted{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, MutualInformationNormalization)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    public static double Adjusted<TX, TY>(
        IReadOnlyList<TX> x, IReadOnlyList<TY> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
        where TX : notnull
        where TY : notnull
        => Adjusted(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), normalization);

    // <summary>The sizes of the classes that occur in <paramref name="labels"/>, in a pooled array whose first <paramref name="classes"/> entries are used.</summary>
    private static int[] ClassSizes<T>(ReadOnlySpan<T> labels, Span<int> codes, string paramName, out int classes)
        where T : notnull
    {
        int k = LabelCounting.Encode(labels, codes, paramName);
        int[] sizes = ArrayPool<int>.Shared.Rent(k);
        Span<int> counts = sizes.AsSpan(0, k);
        counts.Clear();
        LabelCounting.Histogram(codes, 0, counts);
        classes = 0;
        foreach (int c in counts)
        {
            if (c > 0)
            {
                sizes[classes++] = c;
            }
        }

        return sizes;
    }

    // <summary>E[(m/n) log(n·m / (a·b))] for m ~ Hypergeometric(n, a, b), in nats.</summary>
    private static double ExpectedCellTerm(long a, long b, long n)
    {
        long low = Math.Max(0, a + b - n), high = Math.Min(a, b);
        long mode = Math.Clamp((a + 1) * (b + 1) / (n + 2), low, high);
        double ab = (double)a * b;

        // One ratio inside the log, so that a cell fixed by its margins (m = a·b/n exactly) contributes exactly 0.
        double Term(long m) => m == 0 ? 0 : m / (double)n * Math.Log(n * (double)m / ab);

        // Unnormalised weights relative to P(mode); the pmf is log-concave, so the weights fall monotonically away
        // from the mode and the walk stops once they no longer change the sums.
        const double Negligible = 1e-20;
        double total = 1, sum = Term(mode), weight = 1;
        for (long m = mode; m < high && weight >= Negligible * total; m++)
        {
            weight *= (double)(a - m) * (b - m) / ((double)(m + 1) * (n - a - b + m + 1));
            total += weight;
            sum += weight * Term(m + 1);
        }

        weight = 1;
        for (long m = mode; m > low && weight >= Negligible * total; m--)
        {
            weight *= (double)m * (n - a - b + m) / ((double)(a - m + 1) * (b - m + 1));
            total += weight;
            sum += weight * Term(m - 1);
        }

        return sum / total;
    }
}
