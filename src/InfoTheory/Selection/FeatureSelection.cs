using InfoTheory.Binning;
using InfoTheory.Internal;

namespace InfoTheory.Selection;

/// <summary>
/// Greedy forward selection of discrete features by an information criterion: MIM, mRMR, JMI, CMIM or JMIM
/// (<see cref="SelectionCriterion"/>), over code arrays or over binned continuous columns.
/// </summary>
/// <remarks>
/// <para>
/// G. Brown, A. Pocock, M.-J. Zhao and M. Luján, "Conditional likelihood maximisation: a unifying framework for information
/// theoretic feature selection", JMLR 13 (2012) 27–66. Step 0 chooses the feature of largest I(Xₖ;Y); each later step
/// scores every feature not yet chosen against the chosen set S and adds the best. Every term is a plug-in mutual
/// information of the sample's counts (as <see cref="InfoTheory.MutualInformation.FromSamples{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, LogBase)"/>
/// and <see cref="InfoTheory.MutualInformation.Conditional{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ}, LogBase)"/>
/// give it, clamped at 0), so the pair terms of JMI, CMIM and JMIM, which count |Xₖ|·|Xⱼ|·|Y| cells, are biased upwards
/// when that product approaches N: keep the codes few (bins, not raw values) against the sample size.
/// </para>
/// <para>
/// Speed: the terms between a candidate and the chosen features are cached, so each step counts one table per
/// candidate, against the feature chosen last (F·N work per step for F features and N rows, not F·|S|·N), into a dense
/// table reused per thread, with c·ln c looked up. Candidates are scored in parallel; each score depends on that
/// candidate alone, so the result has the same bits on any number of threads.
/// </para>
/// <para>
/// Ties: the feature with the lowest index wins among those whose score is within 1e-12·max(1, |best|) nats of the best,
/// since the same counts summed in another order (a feature and a relabelled copy of it) differ in the last bits.
/// </para>
/// </remarks>
public static class FeatureSelection
{
    /// <summary>Chooses <paramref name="count"/> features, one at a time, by <paramref name="criterion"/>.</summary>
    /// <remarks>
    /// Each feature is one array of codes, one per row, of any int values (they are categories: only equality matters).
    /// With S the features chosen so far and Xₖ a candidate: MIM scores I(Xₖ;Y); mRMR I(Xₖ;Y) − (1/|S|) Σ_{j∈S} I(Xₖ;Xⱼ);
    /// JMI Σ_{j∈S} I(Xₖ,Xⱼ;Y); CMIM min_{j∈S} I(Xₖ;Y|Xⱼ); JMIM min_{j∈S} I(Xₖ,Xⱼ;Y); all score I(Xₖ;Y) while S is empty.
    /// See the class remarks for the references, the cost and the rule for ties.
    /// </remarks>
    /// <param name="features">The features, one array of codes per feature, each as long as <paramref name="target"/>.</param>
    /// <param name="target">The target's code (class) of each row; at least one row.</param>
    /// <param name="count">How many features to choose, in [1, number of features].</param>
    /// <param name="criterion">The score that picks each next feature.</param>
    /// <param name="unit">The unit of the reported scores and relevances; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>The chosen feature indices in the order chosen, with each step's winning score and each chosen feature's I(Xₖ;Y), in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is empty, <paramref name="features"/> holds no features, or a feature is null or not as long as <paramref name="target"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [1, number of features], <paramref name="criterion"/> or <paramref name="unit"/> is not a defined value, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static FeatureSelectionResult Select(
        int[][] features, ReadOnlySpan<int> target, int count, SelectionCriterion criterion, LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
    {
        Guard.NotEmpty(target.Length, nameof(target));
        Guard.FeatureColumns(features, target.Length, nameof(features), nameof(target));
        CheckSettings(count, features.Length, criterion, unit, maxDegreeOfParallelism);
        // One count scratch per thread, kept from step to step.
        var scratch = new CountScratch[IndexedWork.Workers(features.Length, maxDegreeOfParallelism)];
        for (int w = 0; w < scratch.Length; w++)
        {
            scratch[w] = new CountScratch();
        }

        CodedFeatures coded = Encode(features, target, scratch);
        return Greedy(coded, features.Length, count, criterion, unit, scratch);
    }

    /// <summary>Chooses <paramref name="count"/> columns of a continuous table, binning each column first, by <paramref name="criterion"/>.</summary>
    /// <remarks>
    /// Column j is binned by its own <see cref="Histogram.Fit"/> under <paramref name="rule"/> and <see cref="Histogram.Assign"/>,
    /// and the bin indices are selected as by <see cref="Select(int[][], ReadOnlySpan{int}, int, SelectionCriterion, LogBase, int)"/>.
    /// The default, ten quantile bins, gives every bin about N/10 rows whatever the column's scale; a pair term then counts
    /// 100·|Y| cells, so pass fewer bins (<see cref="BinningRule.Quantile"/>(5), say) when N is a few hundred. Values outside
    /// <see cref="BinningRule.Explicit"/> edges fall into the end bins (<see cref="OutOfRangePolicy.Clamp"/>).
    /// </remarks>
    /// <param name="features">N rows of features, one column per feature; all values finite.</param>
    /// <param name="target">The target's code (class) of each row; N of them, N ≥ 1.</param>
    /// <param name="count">How many columns to choose, in [1, number of columns].</param>
    /// <param name="criterion">The score that picks each next column.</param>
    /// <param name="rule">How each column is binned; <see cref="BinningRule.Quantile"/>(10) when null.</param>
    /// <param name="unit">The unit of the reported scores and relevances; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>The chosen column indices in the order chosen, with each step's winning score and each chosen column's binned I(Xₖ;Y), in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is empty, <paramref name="features"/> has no columns, a value is NaN or infinite, the row and target counts differ, or a column cannot be binned under <paramref name="rule"/> (see <see cref="Histogram.Fit"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [1, number of columns], <paramref name="criterion"/> or <paramref name="unit"/> is not a defined value, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static FeatureSelectionResult Select(
        double[,] features,
        ReadOnlySpan<int> target,
        int count,
        SelectionCriterion criterion,
        BinningRule? rule = null,
        LogBase unit = LogBase.Nats,
        int maxDegreeOfParallelism = -1)
    {
        Guard.NotEmpty(target.Length, nameof(target));
        Guard.Samples(features, nameof(features));
        Guard.SameRows(features.GetLength(0), target.Length, nameof(features), nameof(target));
        CheckSettings(count, features.GetLength(1), criterion, unit, maxDegreeOfParallelism);
        rule ??= BinningRule.Quantile(10);
        int n = target.Length;
        var bins = new int[features.GetLength(1)][];
        var column = new double[n];
        for (int j = 0; j < bins.Length; j++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = features[i, j];
            }

            Histogram histogram;
            try
            {
                histogram = Histogram.Fit(column, rule, OutOfRangePolicy.Clamp);
            }
            catch (ArgumentException e) when (e.ParamName == "reference")
            {
                // Histogram names its own parameter; the caller passed a table.
                throw new ArgumentException($"column {j} of features cannot be binned: {e.Message}", nameof(features), e);
            }

            bins[j] = new int[n];
            histogram.Assign(column, bins[j]);
        }

        return Select(bins, target, count, criterion, unit, maxDegreeOfParallelism);
    }

    private static void CheckSettings(int count, int features, SelectionCriterion criterion, LogBase unit, int maxDegreeOfParallelism)
    {
        Guard.InRange(count, 1, features, nameof(count));
        Guard.Defined(criterion, nameof(criterion));
        Guard.Defined(unit, nameof(unit));
        Guard.DegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
    }

    // <summary>Dense codes, in order of first appearance, for every feature (in parallel) and the target.</summary>
    private static CodedFeatures Encode(int[][] features, ReadOnlySpan<int> target, CountScratch[] scratch)
    {
        int n = target.Length;

        // Renumbering by Combine with a constant partner turns LabelCounting's range codes (min-shifted, gaps kept) into
        // codes 0..distinct − 1, so that sparse values such as {0, 10⁶} make a 2-cell table, not a 10⁶-cell one.
        var constant = new int[n];
        var codes = new int[features.Length][];
        var levels = new int[features.Length];
        IndexedWork.For(features.Length, scratch, (j, own) =>
        {
            Span<int> range = own.Combined(n);
            int k = LabelCounting.Encode<int>(features[j], range, nameof(features));
            codes[j] = new int[n];
            levels[j] = LabelCounting.Combine(range, k, constant, 1, codes[j]);
        });

        var targetCodes = new int[n];
        int targetLevels = LabelCounting.Encode(target, targetCodes, nameof(target));
        targetLevels = LabelCounting.Combine(targetCodes, targetLevels, constant, 1, targetCodes);
        return new CodedFeatures(codes, levels, targetCodes, targetLevels);
    }

    private static FeatureSelectionResult Greedy(
        CodedFeatures coded, int featureCount, int count, SelectionCriterion criterion, LogBase unit, CountScratch[] scratch)
    {
        var relevance = new double[featureCount];
        IndexedWork.For(featureCount, scratch, (k, own) => relevance[k] = coded.Relevance(k, own));

        // accumulated[k]: the sum (mRMR, JMI) or the minimum (CMIM, JMIM) of k's terms with every feature chosen so far.
        bool minimum = criterion is SelectionCriterion.Cmim or SelectionCriterion.Jmim;
        var accumulated = new double[featureCount];
        Array.Fill(accumulated, minimum ? double.PositiveInfinity : 0.0);
        var score = new double[featureCount];
        var candidates = Enumerable.Range(0, featureCount).ToList();
        var chosen = new int[count];
        var scores = new double[count];
        var partner = new int[criterion is SelectionCriterion.Mim or SelectionCriterion.Mrmr ? 0 : coded.Rows];
        for (int step = 0; step < count; step++)
        {
            if (step > 0 && criterion != SelectionCriterion.Mim)
            {
                int j = chosen[step - 1];
                if (partner.Length > 0)
                {
                    coded.WithTarget(j, partner);
                }

                double partnerRelevance = relevance[j];
                IndexedWork.For(candidates.Count, scratch, (index, own) =>
                {
                    int k = candidates[index];
                    double term = criterion switch
                    {
                        SelectionCriterion.Mrmr => coded.Redundancy(k, j, own),

                        // I(Xₖ;Y|Xⱼ) = I(Xₖ,Xⱼ;Y) − I(Xⱼ;Y), the chain rule.
                        SelectionCriterion.Cmim => Math.Max(coded.JointRelevance(k, partner, coded.Levels(j), own) - partnerRelevance, 0.0),
                        _ => coded.JointRelevance(k, partner, coded.Levels(j), own),
                    };
                    accumulated[k] = minimum ? Math.Min(accumulated[k], term) : accumulated[k] + term;
                });
            }

            foreach (int k in candidates)
            {
                score[k] = step == 0 || criterion == SelectionCriterion.Mim ? relevance[k]
                    : criterion == SelectionCriterion.Mrmr ? relevance[k] - (accumulated[k] / step)
                    : accumulated[k];
            }

            int best = Best(candidates, score);
            chosen[step] = best;
            scores[step] = Units.FromNats(score[best], unit);
            candidates.Remove(best);
        }

        double[] chosenRelevance = chosen.Select(k => Units.FromNats(relevance[k], unit)).ToArray();
        return new FeatureSelectionResult(criterion, unit, chosen, scores, chosenRelevance);
    }

    // <summary>The lowest-indexed candidate whose score is within the tie tolerance of the largest.</summary>
    private static int Best(List<int> candidates, double[] score)
    {
        double max = double.NegativeInfinity;
        foreach (int k in candidates)
        {
            max = Math.Max(max, score[k]);
        }

        double threshold = max - (1e-12 * Math.Max(1.0, Math.Abs(max)));
        return candidates.First(k => score[k] >= threshold);
    }
}
