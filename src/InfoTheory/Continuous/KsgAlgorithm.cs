namespace InfoTheory.Continuous;

/// <summary>Which of the two Kraskov–Stögbauer–Grassberger mutual-information estimators to use.</summary>
/// <remarks>Kraskov, Stögbauer &amp; Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69, 066138, eqs. (8) and (9).</remarks>
public enum KsgAlgorithm
{
    /// <summary>
    /// Algorithm 1: ε(i) is the max-norm distance to the k-th joint neighbour; nₓ(i) counts points
    /// strictly closer than ε(i) in X. Î = ψ(k) + ψ(N) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩. Smaller statistical error.
    /// </summary>
    One = 1,

    /// <summary>
    /// Algorithm 2: εₓ(i), ε_y(i) are the largest marginal distances among the k joint neighbours;
    /// nₓ(i) counts points within εₓ(i) inclusive. Î = ψ(k) − 1/k + ψ(N) − ⟨ψ(nₓ) + ψ(n_y)⟩. Smaller bias in high dimension.
    /// </summary>
    Two = 2,
}
