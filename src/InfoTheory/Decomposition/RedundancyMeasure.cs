namespace InfoTheory.Decomposition;

/// <summary>The redundancy measure I∩ on which a partial information decomposition is built.</summary>
public enum RedundancyMeasure
{
    /// <summary>
    /// Williams and Beer's I_min: I∩(A₁, …, A_k ; Y) = Σ_y p(y) minᵢ I(Y = y ; Aᵢ), the least specific information any source gives
    /// about each outcome of the target, averaged over the outcomes (P. L. Williams and R. D. Beer, "Nonnegative decomposition of
    /// multivariate information", arXiv:1004.2515, 2010).
    /// </summary>
    MinimumSpecificInformation,

    /// <summary>
    /// The minimum mutual information (MMI): I∩(A₁, …, A_k ; Y) = minᵢ I(Aᵢ ; Y) (N. Bertschinger, J. Rauh, E. Olbrich and J. Jost,
    /// "Shared information — new insights and problems in decomposing information in complex systems", ECCS 2012; exact for jointly
    /// Gaussian sources and target, A. B. Barrett, Phys. Rev. E 91 (2015) 052802).
    /// </summary>
    MinimumMutualInformation,
}
