using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <summary>Divergences between discrete distributions: Kullback–Leibler and Jensen–Shannon; the power-sum (Rényi, Tsallis, Amari α), f- and Bregman families.</summary>
/// <remarks>
/// A divergence D(P:Q) is ≥ 0 with equality iff P = Q; it need not be symmetric nor obey the
/// triangle inequality. All measures compute in nats and convert once to the requested <see cref="LogBase"/>.
/// </remarks>
public static partial class Divergence
{

    /// <summary>The Kullback–Leibler divergence KL(p‖q) (relative entropy).</summary>
    /// <remarks>
    /// KL(p‖q) = Σᵢ pᵢ log(pᵢ/qᵢ), with 0·log(0/q) = 0 and +∞ where qᵢ = 0 &lt; pᵢ (as scipy, torch and
    /// dit). Each log(pᵢ/qᵢ) is computed without rounding the quotient, so nearby distributions
    /// keep their small divergence. One fused SIMD pass validates both vectors; nothing is allocated.
    /// Reference: S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of
    /// Mathematical Statistics 22 (1951) 79–86.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The reference distribution q: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as they did before the float overload existed.
    [OverloadResolutionPriority(1)]
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats) => KullbackLeiblerOf(p, q, unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) of two distributions held in floats, as a model's softmax outputs are.</summary>
    /// <remarks>
    /// KL(p‖q) = Σᵢ pᵢ log(pᵢ/qᵢ), with 0·log(0/q) = 0 and +∞ where qᵢ = 0 &lt; pᵢ. With SIMD the terms are computed in float
    /// registers as pᵢ ln(pᵢ/qᵢ) = [pᵢ ln(pᵢ/qᵢ) − (pᵢ − qᵢ)] + (pᵢ − qᵢ): each bracket is ≥ 0 and of the size of the entry's
    /// contribution, pᵢ − qᵢ is exact in float wherever pᵢ/qᵢ ∈ [½, 2] and is summed in double, and every sum is kept in
    /// double. So the result is within 2⁻¹⁸ (about 3.8e-6) of KL + |Σq − Σp| from the exact divergence of these floats (1e-7
    /// relative is typical), and nearly equal distributions keep their small divergence (δ = 1e-5 apart: 1e-5 relative).
    /// Without SIMD, and in a 4096-entry block holding a subnormal entry, every float is widened exactly and the double
    /// overload's arithmetic runs. From 32 768 entries on, the pass is shared among the cores in 8 fixed parts, so the
    /// result does not depend on their number; nothing is allocated. Only the sum tolerance is float's: each sum must be 1
    /// within 4·2⁻²³·max(1, √n) (about 4.8e-7 for a short vector), since a float softmax is off 1 by its rounding (1 ± 4e-8
    /// is typical).
    /// Reference: S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of Mathematical Statistics 22 (1951) 79–86.
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The reference distribution q: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats) => KullbackLeiblerOf(p, q, unit);

    /// <summary>The Jensen–Shannon divergence between p and q: symmetric, bounded, finite for any supports.</summary>
    /// <remarks>
    /// JSD(p, q) = ½KL(p‖m) + ½KL(q‖m) with m = (p + q)/2; it lies in [0, ln 2] nats ([0, 1] bits), is 0
    /// iff p = q and ln 2 iff the supports are disjoint. Terms where pᵢ ≈ qᵢ are summed from a series
    /// that cannot cancel, so nearly identical inputs give a small non-negative value rather than
    /// rounding noise, and the result is clamped into [0, ln 2] against the last rounding. Never
    /// NaN, also where scipy fails (q = [5e-324, 1], scipy #19436; near-identical vectors, scipy #20083).
    /// One fused SIMD pass; nothing is allocated. Reference: J. Lin, "Divergence measures based on
    /// the Shannon entropy", IEEE Transactions on Information Theory 37 (1991) 145–151.
    /// </remarks>
    /// <param name="p">The first distribution: a probability vector.</param>
    /// <param name="q">The second distribution: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JSD(p, q) in <paramref name="unit"/>, in [0, log 2] (ln 2 nats, 1 bit).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as they did before the float overload existed.
    [OverloadResolutionPriority(1)]
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats) => JensenShannonOf(p, q, unit);

    /// <summary>The Jensen–Shannon divergence between two distributions held in floats, as a model's softmax outputs are.</summary>
    /// <remarks>
    /// JSD(p, q) = ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2, in [0, ln 2] nats, computed and accumulated in double on the exactly
    /// widened values (the double overload's result, bit for bit); each sum must be 1 within float's tolerance,
    /// 4·2⁻²³·max(1, √n). Reference: J. Lin, "Divergence measures based on the Shannon entropy", IEEE Transactions on
    /// Information Theory 37 (1991) 145–151.
    /// </remarks>
    /// <param name="p">The first distribution: a float probability vector.</param>
    /// <param name="q">The second distribution: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JSD(p, q) in <paramref name="unit"/>, in [0, log 2] (ln 2 nats, 1 bit).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double JensenShannon(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats) => JensenShannonOf(p, q, unit);

    /// <summary>The Jensen–Shannon distance √JSD(p, q): a metric on probability vectors.</summary>
    /// <remarks>
    /// d(p, q) = √JSD(p, q), with JSD in <paramref name="unit"/> (scipy's <c>jensenshannon</c> with the
    /// same base). It satisfies the triangle inequality; in bits it lies in [0, 1]. Never NaN, since
    /// the divergence is clamped to be ≥ 0 before the square root. Reference: D. M. Endres and
    /// J. E. Schindelin, "A new metric for probability distributions", IEEE Transactions on
    /// Information Theory 49 (2003) 1858–1860.
    /// </remarks>
    /// <param name="p">The first distribution: a probability vector.</param>
    /// <param name="q">The second distribution: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the divergence under the root; nats by default.</param>
    /// <returns>√JSD(p, q), the divergence taken in <paramref name="unit"/>: in [0, √ln 2] for nats, [0, 1] for bits.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as they did before the float overload existed.
    [OverloadResolutionPriority(1)]
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats)
        => Math.Sqrt(JensenShannon(p, q, unit));

    /// <summary>The Jensen–Shannon distance √JSD(p, q) between two distributions held in floats.</summary>
    /// <remarks>
    /// d(p, q) = √JSD(p, q), with JSD from <see cref="JensenShannon(ReadOnlySpan{float}, ReadOnlySpan{float}, LogBase)"/>
    /// (double arithmetic, float's sum tolerance 4·2⁻²³·max(1, √n)). Reference: D. M. Endres and J. E. Schindelin, "A new
    /// metric for probability distributions", IEEE Transactions on Information Theory 49 (2003) 1858–1860.
    /// </remarks>
    /// <param name="p">The first distribution: a float probability vector.</param>
    /// <param name="q">The second distribution: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the divergence under the root; nats by default.</param>
    /// <returns>√JSD(p, q), the divergence taken in <paramref name="unit"/>: in [0, √ln 2] for nats, [0, 1] for bits.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double JensenShannonDistance(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats)
        => Math.Sqrt(JensenShannon(p, q, unit));

    /// <summary>The weighted Jensen–Shannon divergence of several distributions: how far they spread around their mixture.</summary>
    /// <remarks>
    /// JSD_w(P₁, …, P_k) = H(Σᵢ wᵢPᵢ) − Σᵢ wᵢH(Pᵢ) = Σᵢ wᵢ KL(Pᵢ‖M), M = Σᵢ wᵢPᵢ. It lies in [0, H(w)]
    /// (the entropy of the weights), is 0 iff every Pᵢ with wᵢ &gt; 0 is the same, and with k = 2 and
    /// w = (½, ½) equals <see cref="JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>.
    /// It is summed column by column in the KL form, so nothing is allocated and no large entropies
    /// cancel; the result is clamped into [0, H(w)]. Reference: J. Lin (1991), as above, section IV.
    /// </remarks>
    /// <param name="distributions">The distributions P₁ … P_k: non-null probability vectors of one common length.</param>
    /// <param name="weights">The weights w₁ … w_k: a probability vector with one entry per distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JSD_w in <paramref name="unit"/>, in [0, H(w)].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distributions"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="distributions"/> is empty, holds a null, ragged or invalid row (the message names it), or
    /// <paramref name="weights"/> is not a probability vector with one entry per distribution.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double JensenShannon(IReadOnlyList<double[]> distributions, ReadOnlySpan<double> weights, LogBase unit = LogBase.Nats)
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        ArgumentNullException.ThrowIfNull(distributions);
        Guard.NotEmpty(distributions.Count, nameof(distributions));
        Guard.SameLength(distributions.Count, weights.Length, nameof(distributions), nameof(weights));
        Guard.Probabilities(weights, nameof(weights));
        int length = distributions[0]?.Length ?? 0;
        for (int i = 0; i < distributions.Count; i++)
        {
            Guard.ProbabilityRow(distributions[i], i, length, nameof(distributions));
        }

        double total = 0;
        for (int j = 0; j < length; j++)
        {
            double mixture = 0;
            for (int i = 0; i < distributions.Count; i++)
            {
                mixture += weights[i] * distributions[i][j];
            }

            // Σᵢ wᵢpᵢⱼ log(pᵢⱼ/mⱼ) ≥ 0 for every column by the log-sum inequality, so each column is clamped on its own.
            double column = 0;
            for (int i = 0; i < distributions.Count; i++)
            {
                double mass = weights[i] * distributions[i][j];
                if (mass > 0)
                {
                    column += mass * Log.OfRatio(distributions[i][j], mixture);
                }
            }

            total += Math.Max(column, 0.0);
        }

        return Math.Min(total, EntropyKernel<double>.Nats(weights, nameof(weights), SimdWidths.Best)) / natsPerUnit;
    }

    /// <summary>The Kullback–Leibler divergence between two Bernoulli distributions, KL(Bern(p)‖Bern(q)).</summary>
    /// <remarks>
    /// KL = p log(p/q) + (1−p) log((1−p)/(1−q)), with 0·log(0/x) = 0 and +∞ when q ∈ {0, 1} and p ≠ q.
    /// It is the sparsity penalty of a sparse autoencoder, KL(ρ‖ρ̂) between the target firing rate ρ
    /// and a unit's mean activation ρ̂ (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011).
    /// </remarks>
    /// <param name="p">The success probability of the first distribution, in [0, 1].</param>
    /// <param name="q">The success probability of the reference distribution, in [0, 1].</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(Bern(p)‖Bern(q)) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="p"/> or <paramref name="q"/> is NaN or outside [0, 1], or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.
    /// </exception>
    public static double Bernoulli(double p, double q, LogBase unit = LogBase.Nats)
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.InRange(p, 0.0, 1.0, nameof(p));
        Guard.InRange(q, 0.0, 1.0, nameof(q));
        double nats = BernoulliTerm(p, q) + BernoulliTerm(1.0 - p, 1.0 - q);
        return Math.Max(nats, 0.0) / natsPerUnit;
    }

    // The names are the caller's expressions, so KullbackLeiblerOf(q, p, …) (a reversed KL) blames the right parameter.
    private static double KullbackLeiblerOf<T>(
        ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase unit,
        [CallerArgumentExpression(nameof(p))] string pName = "p", [CallerArgumentExpression(nameof(q))] string qName = "q")
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        double nats = KullbackLeiblerKernel.Nats(p, q, pName, qName, SimdWidths.Best, PartitionedRun.Threads(-1));
        return Math.Max(nats, 0.0) / natsPerUnit;
    }

    private static double JensenShannonOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        double nats = JensenShannonKernel.Nats(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1));
        return Math.Clamp(nats, 0.0, Numerics.Ln2) / natsPerUnit;
    }

    private static double BernoulliTerm(double a, double b)
    {
        if (a == 0)
        {
            return 0.0;
        }

        return b == 0 ? double.PositiveInfinity : a * Log.OfRatio(a, b);
    }
}
