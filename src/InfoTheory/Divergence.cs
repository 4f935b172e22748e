using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>Divergences between discrete distributions: Kullback–Leibler and Jensen–Shannon.</summary>
/// <remarks>
/// A divergence D(P:Q) is ≥ 0 with equality iff P = Q; it need not be symmetric nor obey the
/// triangle inequality. All measures compute in nats and convert once to the requested <see cref="LogBase"/>.
/// </remarks>
public static partial class Divergence
{
    /// <summary>The Kullback–Leibler divergence KL(p‖q) (relative entropy).</summary>
    /// <remarks>KL(p‖q) = Σᵢ pᵢ log(pᵢ/qᵢ), with 0·log(0/q) = 0 and +∞ where qᵢ = 0 &lt; pᵢ.</remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The reference distribution q: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException">Either vector is empty or not a probability vector, or their lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats)
    {
        Guard.Probabilities(p, nameof(p));
        Guard.Probabilities(q, nameof(q));
        Guard.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        double kl = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                if (q[i] == 0)
                {
                    return double.PositiveInfinity;
                }

                kl += p[i] * Math.Log(p[i] / q[i]);
            }
        }

        return Units.FromNats(Math.Max(kl, 0.0), unit);
    }
}
