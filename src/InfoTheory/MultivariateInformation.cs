using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>
/// Measures of the dependence among n discrete variables: total correlation, dual total correlation, co-information, interaction
/// information, O-information and S-information, each with a conditional form, all from entropies of subsets of the variables.
/// </summary>
/// <remarks>
/// Every measure is defined, as in dit (R. G. James, C. J. Ellison and J. P. Crutchfield, "dit: a Python package for discrete
/// information theory", JOSS 3 (2018) 738), by the Shannon entropies H(X_S | X_C) of subsets S of the chosen variables V given the
/// conditioning variables C. The table is first marginalised onto V ∪ C (one pass), and each subset entropy then costs one pass over
/// that marginal; co-information and interaction information need all 2^|V| subsets, the others |V| + 2. With C empty each measure is
/// its unconditional form. Units follow <see cref="LogBase"/>; nats by default.
/// </remarks>
public static class MultivariateInformation
{
    /// <summary>The total correlation (multi-information) of all the variables: T = Σᵢ H(Xᵢ) − H(X₀, …, Xₙ₋₁).</summary>
    /// <remarks>
    /// T[X] = Σᵢ H(Xᵢ) − H(X) = KL(P(x) ‖ Πᵢ P(xᵢ)): 0 exactly when the variables are independent, n − 1 bits for a giant bit of n
    /// variables, log m for an n-variable parity mod m. S. Watanabe, "Information theoretical analysis of multivariate correlation",
    /// IBM J. Res. Dev. 4 (1960) 66–82.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>T in <paramref name="unit"/>, ≥ 0 (rounding below 0 is clamped).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double TotalCorrelation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.Total, distribution, All(distribution), default, unit);

    /// <summary>The conditional total correlation of some variables given others: T[X_V | X_C] = Σ_{i∈V} H(Xᵢ | X_C) − H(X_V | X_C).</summary>
    /// <remarks>
    /// dit's <c>total_correlation(d, rvs, crvs)</c> with one variable per element of <c>rvs</c>; 0 exactly when the variables of V are
    /// independent given C. Watanabe (1960).
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>T[X_V | X_C] in <paramref name="unit"/>, ≥ 0 (rounding below 0 is clamped).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double TotalCorrelation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.Total, distribution, variables, given, unit);

    /// <summary>The dual total correlation (binding information) of all the variables: B = H(X) − Σᵢ H(Xᵢ | X_{all but i}).</summary>
    /// <remarks>
    /// B[X] = H(X) − Σᵢ H(Xᵢ | X_{all but i}), the information shared by at least two variables: 1 bit for a giant bit, n − 1 bits for an
    /// n-variable parity; T/(n − 1) ≤ B ≤ (n − 1)·T. T. S. Han, "Linear dependence structure of the entropy space", Information and
    /// Control 29 (1975) 337–368.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>B in <paramref name="unit"/>, in [0, H(X)] (rounding below 0 is clamped).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double DualTotalCorrelation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.Dual, distribution, All(distribution), default, unit);

    /// <summary>The conditional dual total correlation: B[X_V | X_C] = H(X_V | X_C) − Σ_{i∈V} H(Xᵢ | X_{V∖i}, X_C).</summary>
    /// <remarks>dit's <c>dual_total_correlation(d, rvs, crvs)</c> with one variable per element of <c>rvs</c>. Han (1975).</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>B[X_V | X_C] in <paramref name="unit"/>, ≥ 0 (rounding below 0 is clamped).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double DualTotalCorrelation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.Dual, distribution, variables, given, unit);

    /// <summary>The co-information of all the variables: I[X₀ : … : Xₙ₋₁] = −Σ_{∅≠S⊆V} (−1)^|S| H(X_S).</summary>
    /// <remarks>
    /// The inclusion–exclusion sum of the centre atom of the information diagram, with dit's sign: the mutual information for two
    /// variables, H(X) for one, +1 bit for a giant bit of any size, −1 bit for the three-variable XOR and +1 bit for the four-variable
    /// parity; for n ≥ 3 it may have either sign. A. J. Bell, "The co-information lattice", ICA 2003, 921–926.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The co-information in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double CoInformation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.Co, distribution, All(distribution), default, unit);

    /// <summary>The conditional co-information: I[X_V | X_C] = −Σ_{∅≠S⊆V} (−1)^|S| H(X_S | X_C).</summary>
    /// <remarks>
    /// dit's <c>coinformation(d, rvs, crvs)</c> with one variable per element of <c>rvs</c>: the conditional mutual information
    /// I(X_a; X_b | X_C) for two variables, H(X_a | X_C) for one. Bell (2003).
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The conditional co-information in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double CoInformation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.Co, distribution, variables, given, unit);

    /// <summary>The interaction information of all the variables, with dit's sign: II = (−1)ⁿ · co-information.</summary>
    /// <remarks>
    /// For three variables II(X₀ : X₁ : X₂) = I(X₀; X₁ | X₂) − I(X₀; X₁), positive when conditioning on the third variable raises the
    /// dependence of the other two (synergy: +1 bit for XOR), and the recursion II(V ∪ {X}) = II(V | X) − II(V) continues it. This is
    /// dit's convention and that of A. Jakulin and I. Bratko, "Quantifying and visualizing attribute interactions" (2003): it equals the
    /// co-information for an even number of variables and is its negative for an odd number. The other common convention,
    /// I(X;Y) − I(X;Y|Z) (Wikipedia's, which credits McGill 1954), is the co-information, <see cref="CoInformation(MultivariateDistribution, LogBase)"/>.
    /// W. J. McGill, "Multivariate information transmission", Psychometrika 19 (1954) 97–116.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The interaction information in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double InteractionInformation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.Interaction, distribution, All(distribution), default, unit);

    /// <summary>The conditional interaction information: II[X_V | X_C] = (−1)^|V| · I[X_V | X_C], with dit's sign.</summary>
    /// <remarks>dit's <c>interaction_information(d, rvs, crvs)</c>; see <see cref="InteractionInformation(MultivariateDistribution, LogBase)"/> for the sign.</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The conditional interaction information in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double InteractionInformation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.Interaction, distribution, variables, given, unit);

    /// <summary>The O-information of all the variables: Ω = T − B, total correlation less dual total correlation.</summary>
    /// <remarks>
    /// Positive where redundancy dominates (+1 bit for a three-variable giant bit), negative where synergy does (−1 bit for XOR).
    /// F. E. Rosas, P. A. M. Mediano, M. Gastpar and H. J. Jensen, "Quantifying high-order interdependencies via multivariate
    /// extensions of the mutual information", Phys. Rev. E 100 (2019) 032305.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Ω in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double OInformation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.O, distribution, All(distribution), default, unit);

    /// <summary>The conditional O-information: Ω[X_V | X_C] = T[X_V | X_C] − B[X_V | X_C].</summary>
    /// <remarks>dit's <c>o_information(d, rvs, crvs)</c>. Rosas et al. (2019).</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Ω[X_V | X_C] in <paramref name="unit"/>, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double OInformation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.O, distribution, variables, given, unit);

    /// <summary>The S-information (exogenous information) of all the variables: Σ = T + B = Σᵢ I(Xᵢ ; X_{all but i}).</summary>
    /// <remarks>Rosas et al. (2019): n bits for an n-variable parity.</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Σ in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double SInformation(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
        => Measure(Kind.S, distribution, All(distribution), default, unit);

    /// <summary>The conditional S-information: Σ[X_V | X_C] = T[X_V | X_C] + B[X_V | X_C].</summary>
    /// <remarks>dit's <c>s_information(d, rvs, crvs)</c>. Rosas et al. (2019).</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The variables V: at least one index in [0, n), none repeated.</param>
    /// <param name="given">The conditioning variables C: indices in [0, n), none repeated and none in V; empty for none.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>Σ[X_V | X_C] in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty, a set repeats a variable, or the two sets share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double SInformation(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given = default, LogBase unit = LogBase.Nats)
        => Measure(Kind.S, distribution, variables, given, unit);

    private enum Kind
    {
        Total,
        Dual,
        Co,
        Interaction,
        O,
        S,
    }

    private static ReadOnlySpan<int> All(MultivariateDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return Enumerable.Range(0, distribution.VariableCount).ToArray();
    }

    private static double Measure(Kind kind, MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given, LogBase unit)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double natsPerUnit = Units.NatsPerUnit(unit);
        uint set = Guard.VariableSet(variables, distribution.VariableCount, allowEmpty: false, nameof(variables));
        uint condition = Guard.VariableSet(given, distribution.VariableCount, allowEmpty: true, nameof(given));
        Guard.DisjointVariables(set, condition, nameof(variables), nameof(given));

        // Marginalise once onto V ∪ C; in the marginal, variable j is the j-th smallest index of the union.
        uint union = set | condition;
        MultivariateDistribution local = distribution.MarginalOf(union);
        uint v = MultivariateDistribution.Compress(set, union), c = MultivariateDistribution.Compress(condition, union);
        double nats = kind switch
        {
            Kind.Total => Math.Max(TotalNats(local, v, c), 0.0),
            Kind.Dual => Math.Max(DualNats(local, v, c), 0.0),
            Kind.Co => CoNats(local, v, c),
            Kind.Interaction => (BitOperations.PopCount(v) % 2 == 0 ? 1 : -1) * CoNats(local, v, c),
            Kind.O => TotalNats(local, v, c) - DualNats(local, v, c),
            _ => Math.Max(TotalNats(local, v, c) + DualNats(local, v, c), 0.0),
        };
        return nats / natsPerUnit;
    }

    // <summary>Σ_{i∈V} H(Xᵢ | C) − H(V | C).</summary>
    private static double TotalNats(MultivariateDistribution d, uint v, uint c)
    {
        double hc = d.EntropyNats(c);
        double sum = 0;
        for (uint rest = v; rest != 0; rest &= rest - 1)
        {
            sum += d.EntropyNats((rest & (0u - rest)) | c) - hc;
        }

        return sum - (d.EntropyNats(v | c) - hc);
    }

    // <summary>H(V | C) − Σ_{i∈V} H(Xᵢ | V∖i, C).</summary>
    private static double DualNats(MultivariateDistribution d, uint v, uint c)
    {
        double hvc = d.EntropyNats(v | c);
        double sum = 0;
        for (uint rest = v; rest != 0; rest &= rest - 1)
        {
            sum += hvc - d.EntropyNats((v & ~(rest & (0u - rest))) | c);
        }

        return hvc - d.EntropyNats(c) - sum;
    }

    // <summary>Σ_{∅≠S⊆V} (−1)^{|S|+1} H(S | C), every subset S of V visited once by the standard sub-mask walk.</summary>
    private static double CoNats(MultivariateDistribution d, uint v, uint c)
    {
        double hc = d.EntropyNats(c);
        double sum = 0;
        for (uint s = v; s != 0; s = (s - 1) & v)
        {
            double term = d.EntropyNats(s | c) - hc;
            sum += BitOperations.PopCount(s) % 2 == 1 ? term : -term;
        }

        return sum;
    }
}
