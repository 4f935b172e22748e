using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory.Decomposition;

/// <summary>
/// Partial information decomposition (Williams and Beer 2010): what two or three sources tell about a target, split into
/// redundant, unique and synergistic parts over the redundancy lattice of the sources.
/// </summary>
/// <remarks>
/// A source is a set of variables of a <see cref="MultivariateDistribution"/> (usually one), the target another set disjoint from
/// every source. The redundancy I∩ of each lattice node comes from a <see cref="RedundancyMeasure"/>; the atoms follow by Möbius
/// inversion, Π(α) = I∩(α) − Σ_{β &lt; α} Π(β). The table is marginalised onto the sources and the target once; each union of
/// sources then costs one pass over that marginal. P. L. Williams and R. D. Beer, "Nonnegative decomposition of multivariate
/// information", arXiv:1004.2515 (2010).
/// </remarks>
public static class PartialInformation
{
    /// <summary>The two-source decomposition of a distribution of three variables: X₀ and X₁ the sources, X₂ the target.</summary>
    /// <param name="distribution">A joint distribution of exactly three variables.</param>
    /// <param name="redundancy">The redundancy measure; Williams and Beer's I_min by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Redundancy, the unique information of X₀ and of X₁, and synergy, each ≥ 0, in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="distribution"/> does not have three variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redundancy"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static TwoSourceDecomposition TwoSources(
        MultivariateDistribution distribution, RedundancyMeasure redundancy = RedundancyMeasure.MinimumSpecificInformation, LogBase unit = LogBase.Nats)
    {
        RequireVariables(distribution, 3);
        return TwoSources(distribution, [0], [1], [2], redundancy, unit);
    }

    /// <summary>The two-source decomposition of what the sets of variables <paramref name="first"/> and <paramref name="second"/> tell about <paramref name="target"/>.</summary>
    /// <remarks>
    /// R = I∩({1}{2}), Uᵢ = I(Xᵢ ; Y) − R, S = I(X₁, X₂ ; Y) − U₁ − U₂ − R. With I_min the "cat" distribution (Y = (X₁, X₂) of two
    /// fair bits) gives R = 1 bit, U₁ = U₂ = 0 and S = 1 bit, the example Griffith and Koch (2014) used to criticise I_min.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="first">The variables of the first source: at least one index in [0, n), none repeated, none in <paramref name="target"/>.</param>
    /// <param name="second">The variables of the second source, likewise (it may share variables with the first).</param>
    /// <param name="target">The variables of the target: at least one index in [0, n), none repeated.</param>
    /// <param name="redundancy">The redundancy measure; Williams and Beer's I_min by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Redundancy, the unique information of each source, and synergy, each ≥ 0, in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException">A set is empty or repeats a variable, or a source shares a variable with the target.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="redundancy"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static TwoSourceDecomposition TwoSources(
        MultivariateDistribution distribution,
        ReadOnlySpan<int> first,
        ReadOnlySpan<int> second,
        ReadOnlySpan<int> target,
        RedundancyMeasure redundancy = RedundancyMeasure.MinimumSpecificInformation,
        LogBase unit = LogBase.Nats)
    {
        double natsPerUnit = CheckTarget(distribution, target, redundancy, unit, out uint y);
        uint[] sources = [Source(distribution, first, y, nameof(first), nameof(target)), Source(distribution, second, y, nameof(second), nameof(target))];
        RedundancyLattice lattice = RedundancyLattice.Two;
        double[] atoms = lattice.Atoms(Redundancies(distribution, sources, y, redundancy, lattice));

        // Both measures make every two-source atom ≥ 0, so what falls below 0 is rounding.
        double Atom(params int[][] sets) => Math.Max(atoms[lattice.IndexOf(Antichain.Of(sets))], 0.0) / natsPerUnit;
        return new TwoSourceDecomposition(Atom([0], [1]), Atom([0]), Atom([1]), Atom([0, 1]));
    }

    /// <summary>The three-source decomposition of a distribution of four variables: X₀, X₁ and X₂ the sources, X₃ the target.</summary>
    /// <param name="distribution">A joint distribution of exactly four variables.</param>
    /// <param name="redundancy">The redundancy measure; Williams and Beer's I_min by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The redundancy and the atom of each of the 18 antichains, in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="distribution"/> does not have four variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="redundancy"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static ThreeSourceDecomposition ThreeSources(
        MultivariateDistribution distribution, RedundancyMeasure redundancy = RedundancyMeasure.MinimumSpecificInformation, LogBase unit = LogBase.Nats)
    {
        RequireVariables(distribution, 4);
        return ThreeSources(distribution, [0], [1], [2], [3], redundancy, unit);
    }

    /// <summary>The three-source decomposition of what three sets of variables tell about <paramref name="target"/>, over the 18-node lattice.</summary>
    /// <remarks>
    /// With I_min, the sum Y = X₀ + X₁ + X₂ of three fair bits gives 0.3113 bits to {0}{1}{2}, 0.5 to {01}{02}{12}, 1 to {012} and 0
    /// to every other antichain (dit's test of I_min).
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="first">The variables of source 0: at least one index in [0, n), none repeated, none in <paramref name="target"/>.</param>
    /// <param name="second">The variables of source 1, likewise.</param>
    /// <param name="third">The variables of source 2, likewise.</param>
    /// <param name="target">The variables of the target: at least one index in [0, n), none repeated.</param>
    /// <param name="redundancy">The redundancy measure; Williams and Beer's I_min by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The redundancy and the atom of each of the 18 antichains, in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException">A set is empty or repeats a variable, or a source shares a variable with the target.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="redundancy"/> or <paramref name="unit"/> is not a defined value.</exception>
    public static ThreeSourceDecomposition ThreeSources(
        MultivariateDistribution distribution,
        ReadOnlySpan<int> first,
        ReadOnlySpan<int> second,
        ReadOnlySpan<int> third,
        ReadOnlySpan<int> target,
        RedundancyMeasure redundancy = RedundancyMeasure.MinimumSpecificInformation,
        LogBase unit = LogBase.Nats)
    {
        double natsPerUnit = CheckTarget(distribution, target, redundancy, unit, out uint y);
        uint[] sources =
        [
            Source(distribution, first, y, nameof(first), nameof(target)),
            Source(distribution, second, y, nameof(second), nameof(target)),
            Source(distribution, third, y, nameof(third), nameof(target)),
        ];
        RedundancyLattice lattice = RedundancyLattice.Three;
        double[] redundancies = Redundancies(distribution, sources, y, redundancy, lattice);
        double[] atoms = lattice.Atoms(redundancies);
        bool nonNegative = redundancy == RedundancyMeasure.MinimumSpecificInformation;
        for (int i = 0; i < atoms.Length; i++)
        {
            redundancies[i] /= natsPerUnit;
            atoms[i] = (nonNegative ? Math.Max(atoms[i], 0.0) : atoms[i]) / natsPerUnit;
        }

        return new ThreeSourceDecomposition(redundancies, atoms, redundancy);
    }

    // <summary>I∩(α) in nats for every node α of the lattice.</summary>
    private static double[] Redundancies(MultivariateDistribution distribution, uint[] sources, uint target, RedundancyMeasure measure, RedundancyLattice lattice)
    {
        uint all = target;
        foreach (uint s in sources)
        {
            all |= s;
        }

        MultivariateDistribution local = distribution.MarginalOf(all);
        int[] targetVariables = Variables(MultivariateDistribution.Compress(target, all));
        double[] py = local.MarginalOf(targetVariables).Probabilities.ToArray();

        // The specific information I(Y = y ; A) of every union A of sources, indexed by the bit mask of the sources in it.
        var specific = new double[1 << sources.Length][];
        for (int mask = 1; mask < specific.Length; mask++)
        {
            uint union = 0;
            for (int i = 0; i < sources.Length; i++)
            {
                union |= (mask & (1 << i)) != 0 ? sources[i] : 0;
            }

            specific[mask] = SpecificInformation(local, Variables(MultivariateDistribution.Compress(union, all)), targetVariables, py);
        }

        var redundancy = new double[lattice.Nodes.Count];
        for (int k = 0; k < redundancy.Length; k++)
        {
            redundancy[k] = measure == RedundancyMeasure.MinimumSpecificInformation
                ? MinimumSpecific(lattice.Nodes[k], specific, py)
                : lattice.Nodes[k].Masks.Min(m => Expected(specific[m], py));
        }

        return redundancy;
    }

    // <summary>Σ_y p(y) min_{A∈α} I(Y = y ; A).</summary>
    private static double MinimumSpecific(Antichain node, double[][] specific, double[] py)
    {
        double sum = 0;
        for (int y = 0; y < py.Length; y++)
        {
            if (py[y] > 0)
            {
                sum += py[y] * node.Masks.Min(m => specific[m][y]);
            }
        }

        return sum;
    }

    // <summary>Σ_y p(y) I(Y = y ; A) = I(A ; Y).</summary>
    private static double Expected(double[] specific, double[] py)
    {
        double sum = 0;
        for (int y = 0; y < py.Length; y++)
        {
            sum += py[y] * specific[y];
        }

        return sum;
    }

    // <summary>
    // The specific information I(Y = y ; A) = Σ_a p(a | y) ln(p(y | a) / p(y)) = KL(p(a | y) ‖ p(a)) in nats for every outcome y of
    // the target (0 where p(y) = 0), from one marginal table p(a, y).
    // </summary>
    private static double[] SpecificInformation(MultivariateDistribution local, int[] source, int[] target, double[] py)
    {
        ReadOnlySpan<double> pay = local.MarginalOf([.. source, .. target]).Probabilities;
        int ny = py.Length, na = pay.Length / ny;
        var result = new double[ny];
        for (int a = 0; a < na; a++)
        {
            ReadOnlySpan<double> row = pay.Slice(a * ny, ny);
            double pa = 0;
            foreach (double p in row)
            {
                pa += p;
            }

            for (int y = 0; y < ny; y++)
            {
                double p = row[y];
                if (p > 0)
                {
                    result[y] += p / py[y] * Math.Log(p / (pa * py[y]));
                }
            }
        }

        // A KL divergence is ≥ 0; what falls below is rounding of the logarithms.
        for (int y = 0; y < ny; y++)
        {
            result[y] = Math.Max(result[y], 0.0);
        }

        return result;
    }

    // <summary>Checks the arguments every decomposition shares and returns the nats per unit, with the target's bit set in <paramref name="y"/>.</summary>
    private static double CheckTarget(MultivariateDistribution distribution, ReadOnlySpan<int> target, RedundancyMeasure redundancy, LogBase unit, out uint y)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.Defined(redundancy, nameof(redundancy));
        y = Guard.VariableSet(target, distribution.VariableCount, allowEmpty: false, nameof(target));
        return natsPerUnit;
    }

    private static uint Source(MultivariateDistribution distribution, ReadOnlySpan<int> variables, uint target, string paramName, string targetName)
    {
        uint set = Guard.VariableSet(variables, distribution.VariableCount, allowEmpty: false, paramName);
        Guard.DisjointVariables(target, set, targetName, paramName);
        return set;
    }

    private static void RequireVariables(MultivariateDistribution distribution, int count)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.VariableCount != count)
        {
            throw new ArgumentException(
                $"{nameof(distribution)} has {distribution.VariableCount} variables; this overload takes {count}, the last the target and the others the sources "
                + "(pass the sources and the target as sets of variables otherwise).",
                nameof(distribution));
        }
    }

    private static int[] Variables(uint set)
    {
        var variables = new int[BitOperations.PopCount(set)];
        MultivariateDistribution.Members(set, variables);
        return variables;
    }
}
