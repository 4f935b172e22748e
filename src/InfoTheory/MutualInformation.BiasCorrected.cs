using System.Buffers;
using InfoTheory.Internal;

namespace InfoTheory;

/// <content>Mutual information of labels corrected for the bias of finite samples: by the entropy estimators, and by shuffling.</content>
public static partial class MutualInformation
{
    /// <summary>The mutual information of two paired label sequences through the entropy decomposition I = H(X) + H(Y) − H(X,Y), each entropy estimated by <paramref name="estimator"/>.</summary>
    /// <remarks>
    /// <para>
    /// Each of H(X), H(Y) and H(X,Y) is <see cref="Entropy.FromCounts"/> of the counts of its labels with
    /// <paramref name="estimator"/>, over an alphabet of the m_x labels of X seen, the m_y of Y, and all m_x·m_y cells of
    /// the joint table (observed or not: the James–Stein target and the NSB prior spread over them). Miller–Madow therefore
    /// adds ((m_x − 1) + (m_y − 1) − (m_xy − 1))/(2N) to the plug-in Î, m_xy the cells observed; for independent data with
    /// every cell seen that is −(m_x − 1)(m_y − 1)/(2N), the first-order bias of Î (G. Miller 1955). Corrected values can
    /// be negative and are not clamped: clamping would bias them back up. <see cref="EntropyEstimator.PlugIn"/> gives
    /// <see cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/> exactly. James–Stein here shrinks
    /// each table on its own, unlike R's <c>mi.shrink</c>, which shrinks the joint and marginalises it.
    /// </para>
    /// <para>When each correction is worth it (N observations, m_x·m_y cells):</para>
    /// <list type="table">
    /// <listheader><term>Estimate</term><description>Worth it when</description></listheader>
    /// <item><term>Plug-in</term><description>N ≫ m_x·m_y (ten or more per cell): the bias (m_x − 1)(m_y − 1)/(2N) is then below the sampling error.</description></item>
    /// <item><term>Miller–Madow</term><description>N ≳ m_x·m_y, most cells seen: removes the first-order bias at no cost; it cannot see the cells no observation reached.</description></item>
    /// <item><term>Chao–Shen</term><description>Many rare labels (singletons): the coverage adjustment accounts for unseen categories (A. Chao and T.-J. Shen 2003).</description></item>
    /// <item><term>James–Stein</term><description>N below m_x·m_y: the smallest mean squared error in J. Hausser and K. Strimmer's (2009) comparison, at no cost.</description></item>
    /// <item><term>NSB</term><description>Severely undersampled tables (I. Nemenman, F. Shafee and W. Bialek 2002); each entropy costs a few thousand evaluations, and its errors in the three entropies need not cancel.</description></item>
    /// <item><term>Shuffle-corrected (<see cref="ShuffleCorrected{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, int, int, LogBase, int)"/>)</term><description>Any table, when the question is dependence beyond chance: it removes the bias of Î under independence with the observed marginals exactly, not to first order, at the cost of the permutations (which also give the p-value).</description></item>
    /// </list>
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="estimator">The estimator of each entropy.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) in <paramref name="unit"/>; it may be negative for estimators other than plug-in.</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static double FromSamples<TX, TY>(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, EntropyEstimator estimator, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        Guard.Defined(estimator, nameof(estimator));
        Guard.Defined(unit, nameof(unit));
        if (estimator == EntropyEstimator.PlugIn)
        {
            return FromSamples(x, y, unit);
        }

        int n = x.Length;
        int[] cx = ArrayPool<int>.Shared.Rent(n), cy = ArrayPool<int>.Shared.Rent(n), pair = ArrayPool<int>.Shared.Rent(n);
        Span<int> codesX = cx.AsSpan(0, n), codesY = cy.AsSpan(0, n), codesPair = pair.AsSpan(0, n);
        int kx = LabelCounting.Encode(x, codesX, nameof(x));
        int ky = LabelCounting.Encode(y, codesY, nameof(y));
        double mi = EstimatedEntropy(codesX, kx, 0, estimator, out int mx) + EstimatedEntropy(codesY, ky, 0, estimator, out int my);
        int kxy = LabelCounting.Combine(codesX, kx, codesY, ky, codesPair);
        mi -= EstimatedEntropy(codesPair, kxy, (long)mx * my, estimator, out _);

        ArrayPool<int>.Shared.Return(cx);
        ArrayPool<int>.Shared.Return(cy);
        ArrayPool<int>.Shared.Return(pair);
        return Units.FromNats(mi, unit);
    }

    /// <summary>The mutual information of two paired label lists through I = H(X) + H(Y) − H(X,Y), each entropy estimated by <paramref name="estimator"/>.</summary>
    /// <remarks>Forwards to <see cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, EntropyEstimator, LogBase)"/>, viewing arrays and <see cref="List{T}"/> in place, so that the type arguments are inferred from lists.</remarks>
    /// <inheritdoc cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, EntropyEstimator, LogBase)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    public static double FromSamples<TX, TY>(IReadOnlyList<TX> x, IReadOnlyList<TY> y, EntropyEstimator estimator, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        => FromSamples(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), estimator, unit);

    /// <summary>The conditional mutual information of three paired label sequences through I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z), each entropy estimated by <paramref name="estimator"/>.</summary>
    /// <remarks>
    /// Each entropy is <see cref="Entropy.FromCounts"/> of the counts of its label tuples with <paramref name="estimator"/>,
    /// over an alphabet of all combinations of the labels seen (m_x·m_z, m_y·m_z, m_x·m_y·m_z and m_z). Miller–Madow
    /// therefore adds ((m_xz − 1) + (m_yz − 1) − (m_xyz − 1) − (m_z − 1))/(2N) to the plug-in Î(X;Y|Z), m_· the tuples
    /// observed. Corrected values can be negative and are not clamped. When each correction is worth it: see
    /// <see cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, EntropyEstimator, LogBase)"/>, with the cells of
    /// every stratum of Z to fill.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <typeparam name="TZ">The label type of Z.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="z">The Z label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="estimator">The estimator of each entropy.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) in <paramref name="unit"/>; it may be negative for estimators other than plug-in.</returns>
    /// <exception cref="ArgumentException">
    /// The spans are empty or differ in length, a label is null, or floating-point labels look like measurements (float,
    /// double, decimal or Half, at least 20 labels, more than half distinct; the message names the span and points to
    /// <c>Histogram</c>, <c>Knn</c> and <c>Knn.MixtureMutualInformation</c>): pass <see cref="Labels.Encode{T}(ReadOnlySpan{T})"/>
    /// of them when the exact values are categories.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="estimator"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static double Conditional<TX, TY, TZ>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, EntropyEstimator estimator, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        RequirePairs(x.Length, y.Length, nameof(y));
        Guard.SameLength(x.Length, z.Length, nameof(x), nameof(z));
        Guard.Defined(estimator, nameof(estimator));
        Guard.Defined(unit, nameof(unit));
        if (estimator == EntropyEstimator.PlugIn)
        {
            return Conditional(x, y, z, unit);
        }

        double cmi = ConditionalDecomposition(x, y, z, new EstimatedEntropies(estimator), alphabets: true);
        return Units.FromNats(cmi, unit);
    }

    /// <summary>The conditional mutual information of three paired label lists through the entropy decomposition, each entropy estimated by <paramref name="estimator"/>.</summary>
    /// <remarks>Forwards to <see cref="Conditional{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ}, EntropyEstimator, LogBase)"/>, viewing arrays and <see cref="List{T}"/> in place, so that the type arguments are inferred from lists.</remarks>
    /// <inheritdoc cref="Conditional{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ}, EntropyEstimator, LogBase)"/>
    /// <exception cref="ArgumentNullException"><paramref name="x"/>, <paramref name="y"/> or <paramref name="z"/> is null.</exception>
    public static double Conditional<TX, TY, TZ>(
        IReadOnlyList<TX> x, IReadOnlyList<TY> y, IReadOnlyList<TZ> z, EntropyEstimator estimator, LogBase unit = LogBase.Nats)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
        => Conditional(ReadOnlyLists.AsSpan(x, nameof(x)), ReadOnlyLists.AsSpan(y, nameof(y)), ReadOnlyLists.AsSpan(z, nameof(z)), estimator, unit);

    /// <summary>The shuffle-corrected mutual information of two paired label sequences: the plug-in Î(X;Y) minus the mean of Î over permutations of Y.</summary>
    /// <remarks>
    /// Î − mean_j Î(X; π_j(Y)), the null mean of <see cref="Inference.Significance.MutualInformation{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, int, int, LogBase, int)"/>
    /// with the same arguments (so the same permutations, and the same bits on any number of cores): each shuffle keeps
    /// both marginals, so the mean is the bias of Î under independence for exactly these label frequencies, with no
    /// asymptotic formula. About 0 on average for independent labels, so it can be negative; it is not clamped. Its Monte
    /// Carlo error is the null's standard deviation over √<paramref name="permutations"/>. When it is worth it compared
    /// with the entropy estimators: see <see cref="FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, EntropyEstimator, LogBase)"/>;
    /// call the permutation test itself to get the p-value too.
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="permutations">The number of shuffles, in [1, <see cref="Inference.Significance.MaxPermutations"/>] (a few hundred pin the mean well below its spread).</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>Î(X;Y) minus its permutation null's mean, in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, or a label is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="Inference.Significance.MaxPermutations"/>], <paramref name="unit"/> is not a defined <see cref="LogBase"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static double ShuffleCorrected<TX, TY>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, int permutations, int seed, LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
        where TX : notnull
        where TY : notnull
    {
        var test = Inference.Significance.MutualInformation(x, y, permutations, seed, unit, maxDegreeOfParallelism);
        return test.Statistic - test.NullMean;
    }

    // <summary>
    // T(X,Z) + T(Y,Z) − T(X,Y,Z) − T(Z) for the entropy-like term T of <paramref name="term"/>, over the code sequences of
    // the label tuples; with <paramref name="alphabets"/>, each tuple's alphabet is the product of the labels of its members seen.
    // </summary>
    private static double ConditionalDecomposition<TX, TY, TZ, TTerm>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, TTerm term, bool alphabets)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
        where TTerm : struct, ITupleTerm
    {
        int n = x.Length;
        int[] cx = ArrayPool<int>.Shared.Rent(n), cy = ArrayPool<int>.Shared.Rent(n);
        int[] cz = ArrayPool<int>.Shared.Rent(n), pair = ArrayPool<int>.Shared.Rent(n);
        Span<int> codesX = cx.AsSpan(0, n), codesY = cy.AsSpan(0, n), codesZ = cz.AsSpan(0, n), codesPair = pair.AsSpan(0, n);
        int kx = LabelCounting.Encode(x, codesX, nameof(x));
        int ky = LabelCounting.Encode(y, codesY, nameof(y));
        int kz = LabelCounting.Encode(z, codesZ, nameof(z));
        int mx = 0, my = 0, mz = 0;
        if (alphabets)
        {
            LabelCounting.SumCLogCOfCodes(codesX, kx, out mx);
            LabelCounting.SumCLogCOfCodes(codesY, ky, out my);
            LabelCounting.SumCLogCOfCodes(codesZ, kz, out mz);
        }

        // m_x·m_y·m_z can pass long.MaxValue only with ~2·10⁶ labels of each; so many categories shrink to the same values.
        long xy = (long)mx * my;
        long xyz = mz == 0 || xy <= long.MaxValue / mz ? xy * mz : long.MaxValue;

        double sum = -term.Of(codesZ, kz, mz);
        int k = LabelCounting.Combine(codesX, kx, codesZ, kz, codesPair);
        sum += term.Of(codesPair, k, (long)mx * mz);
        k = LabelCounting.Combine(codesY, ky, codesZ, kz, codesPair);
        sum += term.Of(codesPair, k, (long)my * mz);
        k = LabelCounting.Combine(codesX, kx, codesY, ky, codesPair);
        k = LabelCounting.Combine(codesPair, k, codesZ, kz, codesX);
        sum -= term.Of(codesX, k, xyz);

        ArrayPool<int>.Shared.Return(cx);
        ArrayPool<int>.Shared.Return(cy);
        ArrayPool<int>.Shared.Return(cz);
        ArrayPool<int>.Shared.Return(pair);
        return sum;
    }

    // <summary>The estimate in nats of the entropy of codes in [0, k), over <paramref name="alphabet"/> categories (0: the <paramref name="observed"/> ones).</summary>
    private static double EstimatedEntropy(ReadOnlySpan<int> codes, int k, long alphabet, EntropyEstimator estimator, out int observed)
    {
        int[] rented = ArrayPool<int>.Shared.Rent(k);
        Span<int> counts = rented.AsSpan(0, k);
        counts.Clear();
        LabelCounting.Histogram(codes, 0, counts);
        observed = k - counts.Count(0);
        double h = Entropy.EstimateNats<int>(counts, codes.Length, alphabet > 0 ? alphabet : observed, estimator);
        ArrayPool<int>.Shared.Return(rented);
        return h;
    }

    // <summary>An entropy-like term of the codes of a label tuple, over an alphabet of the given size (0 when not counted).</summary>
    private interface ITupleTerm
    {
        double Of(ReadOnlySpan<int> codes, int k, long alphabet);
    }

    // <summary>−Σ c log c: the plug-in entropies times n less n log n, which cancels in the decomposition (and so do its roundings).</summary>
    private readonly struct NegatedCLogCSums : ITupleTerm
    {
        public double Of(ReadOnlySpan<int> codes, int k, long alphabet) => -LabelCounting.SumCLogCOfCodes(codes, k, out _);
    }

    // <summary>The entropy in nats by one of the count estimators.</summary>
    private readonly struct EstimatedEntropies(EntropyEstimator estimator) : ITupleTerm
    {
        public double Of(ReadOnlySpan<int> codes, int k, long alphabet) => EstimatedEntropy(codes, k, alphabet, estimator, out _);
    }
}
