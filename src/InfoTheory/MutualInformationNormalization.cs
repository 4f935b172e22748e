namespace InfoTheory;

/// <summary>
/// The mean of H(X) and H(Y) that <see cref="MutualInformation.Normalized{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, MutualInformationNormalization)"/> divides by, as in
/// scikit-learn's <c>normalized_mutual_info_score(average_method=…)</c>.
/// </summary>
/// <remarks>Vinh, Epps &amp; Bailey (2010), "Information theoretic measures for clusterings comparison", JMLR 11, 2837–2854, compare them.</remarks>
public enum MutualInformationNormalization
{
    /// <summary>(H(X) + H(Y)) / 2; NMI then equals the V-measure. scikit-learn's default.</summary>
    Arithmetic = 0,

    /// <summary>√(H(X)·H(Y)) (Strehl &amp; Ghosh 2002).</summary>
    Geometric = 1,

    /// <summary>min(H(X), H(Y)): the tightest bound, so the largest normalised value.</summary>
    Min = 2,

    /// <summary>max(H(X), H(Y)): the loosest bound, so the smallest normalised value.</summary>
    Max = 3,
}
