namespace InfoTheory;

/// <summary>Which of the two χ² divergences <see cref="Divergence.ChiSquare(ReadOnlySpan{double}, ReadOnlySpan{double}, ChiSquareForm)"/> computes.</summary>
/// <remarks>
/// Both are f-divergences with f''(1) = 2 and each is the other with p and q swapped. Reference: J. Neyman, "Contribution to
/// the theory of the χ² test", Proceedings of the Berkeley Symposium on Mathematical Statistics and Probability (1949) 239–273.
/// </remarks>
public enum ChiSquareForm
{
    /// <summary>Pearson's χ²(p‖q) = Σᵢ (pᵢ − qᵢ)²/qᵢ, the reference q in the denominator (scipy's <c>chisquare(p, q)</c>); generator (t − 1)².</summary>
    Pearson = 0,

    /// <summary>Neyman's χ²(p‖q) = Σᵢ (pᵢ − qᵢ)²/pᵢ, p in the denominator; generator (t − 1)²/t.</summary>
    Neyman = 1,
}
