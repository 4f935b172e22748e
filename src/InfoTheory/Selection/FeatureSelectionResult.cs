namespace InfoTheory.Selection;

/// <summary>The features a greedy forward selection chose, in the order it chose them, with the score that won each step.</summary>
/// <remarks>
/// Entry i of every list belongs to step i. <see cref="Scores"/> is the criterion's value for the chosen feature at that step
/// (so I(Xₖ;Y) at step 0 for every criterion) and <see cref="Relevance"/> is the chosen feature's own I(Xₖ;Y); their gap shows
/// what the criterion added: the redundancy mRMR subtracted, the synergy JMI found.
/// </remarks>
public sealed class FeatureSelectionResult
{
    internal FeatureSelectionResult(SelectionCriterion criterion, LogBase unit, int[] features, double[] scores, double[] relevance)
    {
        Criterion = criterion;
        Unit = unit;
        Features = Array.AsReadOnly(features);
        Scores = Array.AsReadOnly(scores);
        Relevance = Array.AsReadOnly(relevance);
    }

    /// <summary>The criterion the features were chosen by.</summary>
    public SelectionCriterion Criterion { get; }

    /// <summary>The unit of <see cref="Scores"/> and <see cref="Relevance"/>.</summary>
    public LogBase Unit { get; }

    /// <summary>The indices of the chosen features (positions in the caller's feature list), best first.</summary>
    public IReadOnlyList<int> Features { get; }

    /// <summary>The criterion's value for each chosen feature at the step it was chosen, in <see cref="Unit"/>.</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>The plug-in I(Xₖ;Y) of each chosen feature, in <see cref="Unit"/>.</summary>
    public IReadOnlyList<double> Relevance { get; }
}
