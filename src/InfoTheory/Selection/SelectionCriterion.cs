namespace InfoTheory.Selection;

/// <summary>
/// The score by which <see cref="FeatureSelection.Select(int[][], ReadOnlySpan{int}, int, SelectionCriterion, LogBase, int)"/>
/// picks, at each step, the candidate Xₖ to add to the features S chosen so far, for a target Y.
/// </summary>
/// <remarks>
/// G. Brown, A. Pocock, M.-J. Zhao and M. Luján, "Conditional likelihood maximisation: a unifying framework for information
/// theoretic feature selection", JMLR 13 (2012) 27–66, place all of them as approximations of the conditional likelihood.
/// With S empty every criterion scores I(Xₖ;Y), so the first pick is always the most relevant feature. MIM ignores S;
/// mRMR penalises redundancy with S but cannot see synergy (a pair such as Y = X₁ XOR X₂, where neither alone tells anything);
/// JMI, CMIM and JMIM condition on each chosen feature, so once X₁ is in S its partner X₂ scores high. CMIM and JMIM take the
/// minimum over S, the worst case, where JMI sums.
/// </remarks>
public enum SelectionCriterion
{
    /// <summary>Mutual information maximisation: I(Xₖ;Y), the features ranked by relevance alone (Lewis 1992).</summary>
    Mim = 0,

    /// <summary>
    /// Minimum redundancy, maximum relevance in its difference form (MID): I(Xₖ;Y) − (1/|S|) Σ_{j∈S} I(Xₖ;Xⱼ). H. Peng, F. Long and
    /// C. Ding, "Feature selection based on mutual information: criteria of max-dependency, max-relevance, and min-redundancy",
    /// IEEE TPAMI 27 (2005) 1226–1238.
    /// </summary>
    Mrmr = 1,

    /// <summary>
    /// Joint mutual information: Σ_{j∈S} I(Xₖ,Xⱼ;Y). H. H. Yang and J. Moody, "Data visualization and feature selection: new
    /// algorithms for non-Gaussian data", NIPS 12 (1999); the criterion Brown et al. recommend as the best trade-off.
    /// </summary>
    Jmi = 2,

    /// <summary>
    /// Conditional mutual information maximisation: min_{j∈S} I(Xₖ;Y|Xⱼ). F. Fleuret, "Fast binary feature selection with
    /// conditional mutual information", JMLR 5 (2004) 1531–1555.
    /// </summary>
    Cmim = 3,

    /// <summary>
    /// Joint mutual information maximisation: min_{j∈S} I(Xₖ,Xⱼ;Y). M. Bennasar, Y. Hicks and R. Setchi, "Feature selection using
    /// joint mutual information maximisation", Expert Systems with Applications 42 (2015) 8520–8532.
    /// </summary>
    Jmim = 4,
}
