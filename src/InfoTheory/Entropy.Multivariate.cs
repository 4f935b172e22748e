using InfoTheory.Internal;

namespace InfoTheory;

/// <content>Joint and conditional entropy of subsets of the variables of a <see cref="MultivariateDistribution"/>.</content>
public static partial class Entropy
{
    /// <summary>The joint entropy H(X₀, …, Xₙ₋₁) of all the variables of a distribution.</summary>
    /// <remarks>H(X) = −Σₓ P(x) log P(x), with 0·log 0 = 0; the table was validated when the distribution was built.</remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(X) in <paramref name="unit"/>, in [0, log cells].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Joint(MultivariateDistribution distribution, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double natsPerUnit = Units.NatsPerUnit(unit);
        return distribution.EntropyNats(distribution.FullSet) / natsPerUnit;
    }

    /// <summary>The joint entropy H(X_S) of a subset S of the variables of a distribution.</summary>
    /// <remarks>
    /// H(X_S) = −Σ P(x_S) log P(x_S) over the marginal of S, which one pass over the table sums (O(cells)); the order of the
    /// variables in S does not matter.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The subset S: variable indices in [0, n), none repeated; empty gives 0.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(X_S) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> repeats a variable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Joint(MultivariateDistribution distribution, ReadOnlySpan<int> variables, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double natsPerUnit = Units.NatsPerUnit(unit);
        uint set = Guard.VariableSet(variables, distribution.VariableCount, allowEmpty: true, nameof(variables));
        return distribution.EntropyNats(set) / natsPerUnit;
    }

    /// <summary>The conditional entropy H(X_S | X_C) of one subset of the variables given another.</summary>
    /// <remarks>
    /// H(X_S | X_C) = H(X_S, X_C) − H(X_C), at least 0 (rounding of the difference is clamped); two passes over the table.
    /// It is 0 when X_S is a function of X_C and H(X_S) when they are independent.
    /// </remarks>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="variables">The subset S: variable indices in [0, n), none repeated; empty gives 0.</param>
    /// <param name="given">The conditioning subset C: variable indices in [0, n), none repeated and none in S; empty gives H(X_S).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(X_S | X_C) in <paramref name="unit"/>, in [0, H(X_S)].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="variables"/> or <paramref name="given"/> repeats a variable, or they share one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, n), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Conditional(MultivariateDistribution distribution, ReadOnlySpan<int> variables, ReadOnlySpan<int> given, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        double natsPerUnit = Units.NatsPerUnit(unit);
        uint set = Guard.VariableSet(variables, distribution.VariableCount, allowEmpty: true, nameof(variables));
        uint condition = Guard.VariableSet(given, distribution.VariableCount, allowEmpty: true, nameof(given));
        Guard.DisjointVariables(set, condition, nameof(variables), nameof(given));
        double h = distribution.EntropyNats(set | condition) - distribution.EntropyNats(condition);
        return Math.Max(h, 0.0) / natsPerUnit;
    }
}
