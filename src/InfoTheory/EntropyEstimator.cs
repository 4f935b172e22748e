namespace InfoTheory;

/// <summary>How <see cref="Entropy.FromCounts"/> and <see cref="Entropy.FromSamples{T}(ReadOnlySpan{T}, EntropyEstimator, LogBase)"/> turn observed counts into an entropy estimate.</summary>
/// <remarks>
/// With n observations over K categories the plug-in estimate is biased low by about (K − 1)/(2n);
/// the other estimators correct for that in different ways. Hausser &amp; Strimmer (2009) compare them.
/// </remarks>
public enum EntropyEstimator
{
    /// <summary>
    /// Maximum likelihood: the Shannon entropy of the empirical frequencies cₖ/n.
    /// </summary>
    PlugIn = 0,

    /// <summary>
    /// Plug-in plus the first-order bias correction (m − 1)/(2n), m the number of non-zero counts.
    /// Miller, G. (1955), "Note on the bias of information estimates", Information Theory in Psychology II-B, 95–100.
    /// </summary>
    MillerMadow = 1,

    /// <summary>
    /// Coverage-adjusted Horvitz–Thompson estimator, which accounts for unseen categories.
    /// Chao, A. &amp; Shen, T.-J. (2003), "Nonparametric estimation of Shannon's index of diversity when there are
    /// unseen species in sample", Environmental and Ecological Statistics 10, 429–443.
    /// </summary>
    ChaoShen = 2,

    /// <summary>
    /// Entropy of the James–Stein shrinkage of the frequencies towards the uniform distribution over the K categories,
    /// with the data-driven intensity λ* (see <see cref="Entropy.ShrinkageIntensity"/>).
    /// Hausser, J. &amp; Strimmer, K. (2009), "Entropy inference and the James–Stein estimator, with application to
    /// nonlinear gene association networks", Journal of Machine Learning Research 10, 1469–1484.
    /// </summary>
    JamesSteinShrinkage = 3,

    /// <summary>
    /// Posterior mean of the entropy under the Nemenman–Shafee–Bialek mixture of symmetric Dirichlet priors, which is
    /// nearly flat in the entropy itself. Nemenman, I., Shafee, F. &amp; Bialek, W. (2002), "Entropy and inference,
    /// revisited", Advances in Neural Information Processing Systems 14, 471–478.
    /// </summary>
    Nsb = 4,
}
