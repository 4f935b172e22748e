namespace InfoTheory.Decomposition;

/// <summary>
/// The partial information decomposition of what three sources X₀, X₁, X₂ tell about a target Y over the 18-node redundancy
/// lattice: a redundancy I∩(α) and a partial-information atom Π(α) for every antichain α.
/// </summary>
/// <remarks>
/// The redundancy of an antichain is what every one of its sets of sources tells about Y; the atoms invert I∩(α) = Σ_{β ≤ α} Π(β)
/// over the lattice (Möbius inversion, Williams and Beer 2010). They sum to I(X₀, X₁, X₂ ; Y) (the top's redundancy, <see cref="Total"/>),
/// and the atoms at or below {i} sum to I(Xᵢ ; Y). With <see cref="RedundancyMeasure.MinimumSpecificInformation"/> every atom is ≥ 0
/// (Williams and Beer's theorem; rounding below 0 is clamped); with <see cref="RedundancyMeasure.MinimumMutualInformation"/> an atom may be
/// negative on three sources and is returned as computed.
/// </remarks>
public sealed class ThreeSourceDecomposition
{
    private readonly double[] _redundancy;
    private readonly double[] _atoms;

    internal ThreeSourceDecomposition(double[] redundancy, double[] atoms, RedundancyMeasure measure)
    {
        _redundancy = redundancy;
        _atoms = atoms;
        Measure = measure;
    }

    /// <summary>The 18 antichains of three sources, each after every antichain below it: <c>{0}{1}{2}</c> first, <c>{012}</c> last.</summary>
    public static IReadOnlyList<Antichain> Lattice => RedundancyLattice.Three.Nodes;

    /// <summary>The redundancy measure the decomposition was computed with.</summary>
    public RedundancyMeasure Measure { get; }

    /// <summary>I(X₀, X₁, X₂ ; Y), the information all the sources give together: the sum of the atoms.</summary>
    public double Total => _redundancy[^1];

    /// <summary>The redundancy I∩(α ; Y) of an antichain: what each of its sets of sources gives about the target.</summary>
    /// <param name="antichain">A node of <see cref="Lattice"/>, e.g. <c>Antichain.Of([0], [1])</c>.</param>
    /// <returns>I∩(α ; Y) in the decomposition's unit, ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="antichain"/> is <c>default</c>, the empty collection, which is no node of the lattice.</exception>
    public double Redundancy(Antichain antichain) => _redundancy[Position(antichain)];

    /// <summary>The partial-information atom Π(α) of an antichain: what its sets give and nothing below it does.</summary>
    /// <param name="antichain">A node of <see cref="Lattice"/>, e.g. <c>Antichain.Of([0, 1], [0, 2], [1, 2])</c>.</param>
    /// <returns>Π(α) in the decomposition's unit.</returns>
    /// <exception cref="ArgumentException"><paramref name="antichain"/> is <c>default</c>, the empty collection, which is no node of the lattice.</exception>
    public double Atom(Antichain antichain) => _atoms[Position(antichain)];

    private static int Position(Antichain antichain)
    {
        int i = RedundancyLattice.Three.IndexOf(antichain);
        if (i < 0)
        {
            throw new ArgumentException(
                $"{nameof(antichain)} is {antichain}, the empty collection (default(Antichain)); build nodes with Antichain.Of or take them from Lattice.",
                nameof(antichain));
        }

        return i;
    }
}
