using InfoTheory.Internal;

namespace InfoTheory;

/// <content>Joint and conditional entropy of a <see cref="JointDistribution"/>.</content>
public static partial class Entropy
{
    /// <summary>The joint entropy H(X, Y) of a joint distribution.</summary>
    /// <remarks>
    /// H(X, Y) = −Σ_{x,y} P(x, y) log P(x, y), with 0·log 0 = 0. It obeys the chain rule H(X, Y) = H(X|Y) + H(Y),
    /// and equals H(X) + H(Y) exactly when X and Y are independent. The table was validated when the
    /// distribution was built, so it is not checked again.
    /// </remarks>
    /// <param name="joint">The joint distribution P(X, Y).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(X, Y) in <paramref name="unit"/>, in [0, log(rows·columns)].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Joint(JointDistribution joint, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return Units.FromNats(NatsOfValidated(joint.Probabilities), unit);
    }

    // <summary>−Σ pᵢ ln pᵢ (0·ln 0 = 0), at least 0, of probabilities a distribution type validated when it was built; no check here.</summary>
    // <remarks>
    // A marginal of a validated table sums to 1 only as closely as the whole table did, which the tolerance of a short vector
    // may reject, so marginals are not validated again.
    // </remarks>
    internal static double NatsOfValidated(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return Math.Max(h, 0.0);
    }

    /// <summary>The conditional entropy H(X|Y) of a joint distribution, X the rows and Y the columns.</summary>
    /// <remarks>
    /// H(X|Y) = −Σ_{x,y} P(x, y) log(P(x, y) / P(y)) = H(X, Y) − H(Y), computed in the first form so that every term
    /// is ≥ 0 and no cancellation occurs. It is 0 when X is a function of Y and H(X) when they are independent.
    /// </remarks>
    /// <param name="joint">The joint distribution P(X, Y).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(X|Y) in <paramref name="unit"/>, in [0, H(X)].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Conditional(JointDistribution joint, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ReadOnlySpan<double> table = joint.Probabilities, py = joint.ColumnMarginal;
        int columns = joint.Columns;
        double h = 0;
        for (int k = 0; k < table.Length; k++)
        {
            double p = table[k];
            if (p > 0)
            {
                h -= p * Math.Log(p / py[k % columns]);
            }
        }

        return Units.FromNats(Math.Max(h, 0.0), unit);
    }
}
