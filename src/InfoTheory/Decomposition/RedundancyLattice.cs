namespace InfoTheory.Decomposition;

// <summary>
// The redundancy lattice of k sources (Williams and Beer 2010): every non-empty antichain of non-empty sets of sources, listed so
// that each comes after every antichain below it (4 nodes for two sources, 18 for three), and the partial-information atoms of a
// redundancy function on it by Möbius inversion.
// </summary>
internal sealed class RedundancyLattice
{
    private readonly int[][] _strictlyBelow;
    private readonly int[] _position = new int[1 << ((1 << Antichain.MaxSources) - 1)];

    private RedundancyLattice(int sources)
    {
        int subsets = (1 << sources) - 1;
        var nodes = new List<Antichain>();
        for (int family = 1; family < 1 << subsets; family++)
        {
            var candidate = new Antichain((byte)family);
            if (IsAntichain(candidate))
            {
                nodes.Add(candidate);
            }
        }

        // A node's down-set is strictly larger than that of any node below it, so ordering by its size is a linear extension.
        Antichain[] ordered = [.. nodes.OrderBy(a => nodes.Count(b => b.IsAtOrBelow(a))).ThenBy(a => a.Bits)];
        Nodes = ordered;
        _strictlyBelow = new int[ordered.Length][];
        Array.Fill(_position, -1);
        for (int i = 0; i < ordered.Length; i++)
        {
            _position[ordered[i].Bits] = i;
            _strictlyBelow[i] = [.. Enumerable.Range(0, i).Where(j => ordered[j].IsAtOrBelow(ordered[i]))];
        }
    }

    // <summary>The lattice of two sources: {0}{1}, {0}, {1}, {01}.</summary>
    public static RedundancyLattice Two { get; } = new(2);

    // <summary>The lattice of three sources, 18 nodes from {0}{1}{2} to {012}.</summary>
    public static RedundancyLattice Three { get; } = new(3);

    // <summary>The nodes, each after every node below it; the first is the bottom, the last the top.</summary>
    public IReadOnlyList<Antichain> Nodes { get; }

    // <summary>The index of <paramref name="antichain"/> in <see cref="Nodes"/>, or −1 when this lattice does not hold it.</summary>
    public int IndexOf(Antichain antichain) => _position[antichain.Bits];

    // <summary>The partial-information atoms Π(α) = I∩(α) − Σ_{β &lt; α} Π(β), one per node, from the redundancy of each node.</summary>
    public double[] Atoms(ReadOnlySpan<double> redundancy)
    {
        var atoms = new double[Nodes.Count];
        for (int i = 0; i < atoms.Length; i++)
        {
            double below = 0;
            foreach (int j in _strictlyBelow[i])
            {
                below += atoms[j];
            }

            atoms[i] = redundancy[i] - below;
        }

        return atoms;
    }

    private static bool IsAntichain(Antichain candidate)
    {
        foreach (int a in candidate.Masks)
        {
            foreach (int b in candidate.Masks)
            {
                if (a != b && (a & b) == a)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
