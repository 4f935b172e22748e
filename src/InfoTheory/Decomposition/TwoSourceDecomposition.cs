namespace InfoTheory.Decomposition;

/// <summary>
/// The partial information decomposition of what two sources X₁, X₂ tell about a target Y: I(X₁, X₂ ; Y) = redundancy + unique
/// information of each source + synergy.
/// </summary>
/// <remarks>
/// The four atoms of the two-source lattice (Williams and Beer 2010): R = I∩({1}{2}), Uᵢ = I(Xᵢ ; Y) − R and
/// S = I(X₁, X₂ ; Y) − U₁ − U₂ − R, so that I(Xᵢ ; Y) = R + Uᵢ. For both measures of <see cref="RedundancyMeasure"/> every atom is
/// ≥ 0 (rounding below 0 is clamped). All four are in the unit the decomposition was asked for.
/// </remarks>
/// <param name="Redundancy">R, the information both sources give about Y.</param>
/// <param name="UniqueFirst">U₁, the information only the first source gives.</param>
/// <param name="UniqueSecond">U₂, the information only the second source gives.</param>
/// <param name="Synergy">S, the information only the two sources together give.</param>
public readonly record struct TwoSourceDecomposition(double Redundancy, double UniqueFirst, double UniqueSecond, double Synergy)
{
    /// <summary>R + U₁ + U₂ + S, which equals I(X₁, X₂ ; Y).</summary>
    public double Total => Redundancy + UniqueFirst + UniqueSecond + Synergy;
}
