using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <content>The f-divergence family D_f(p‖q) = Σᵢ qᵢ f(pᵢ/qᵢ): the general form for a caller's generator and its named members.</content>
public static partial class Divergence
{
    /// <summary>The f-divergence D_f(p‖q) = Σᵢ qᵢ f(pᵢ/qᵢ) of a caller's convex generator f.</summary>
    /// <remarks>
    /// Terms with a zero entry follow from continuity (see <see cref="FGenerator"/>): pᵢ = qᵢ = 0 gives 0 (the rule
    /// 0·f(0/0) = 0, which makes 0·log 0 = 0 for KL), qᵢ = 0 &lt; pᵢ gives pᵢ·f*(0) with f*(0) = lim_{t→∞} f(t)/t (+∞ when that
    /// limit is), and pᵢ = 0 &lt; qᵢ gives qᵢ·f(0); a quotient pᵢ/qᵢ past the largest double is taken at the limit too. For
    /// a convex f with f(1) = 0 the divergence is ≥ 0 (Jensen), and the sum is clamped to ≥ 0 against rounding. The
    /// caller's generator is called once per entry, so for it this is a scalar loop over the quotients (rounded once each).
    /// <see cref="FGenerator"/>'s named generators (<see cref="FGenerator.KullbackLeibler"/>, <see cref="FGenerator.SquaredHellinger"/>,
    /// …) run their members' fused SIMD passes instead (<see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/>,
    /// the square of <see cref="Hellinger(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, …): the same value, more accurately
    /// and at the memory's speed. The result is in the generator's own units (nats
    /// for the logarithmic ones). Nothing is allocated. References: I. Csiszár, Studia Sci. Math. Hungarica 2 (1967)
    /// 299–318; S. M. Ali and S. D. Silvey, JRSS B 28 (1966) 131–142.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The reference distribution q: a probability vector of the same length.</param>
    /// <param name="generator">The convex generator f with f(1) = 0 and its limits f(0) and f*(0).</param>
    /// <returns>D_f(p‖q) in the generator's units, in [0, +∞]: 0 at p = q.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ; or
    /// <paramref name="generator"/> is NaN or −∞ at some quotient pᵢ/qᵢ.
    /// </exception>
    public static double F(ReadOnlySpan<double> p, ReadOnlySpan<double> q, FGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        switch (generator.Generator)
        {
            case FGenerator.Kind.KullbackLeibler: return KullbackLeiblerOf(p, q, LogBase.Nats);
            case FGenerator.Kind.SquaredHellinger: return SquaredHellingerOf(p, q);
            case FGenerator.Kind.TotalVariation: return TotalVariationOf(p, q);
            case FGenerator.Kind.PearsonChiSquare: return ChiSquareOf(p, q, ChiSquareForm.Pearson);
            case FGenerator.Kind.NeymanChiSquare: return ChiSquareOf(p, q, ChiSquareForm.Neyman);
            case FGenerator.Kind.Jeffreys: return JeffreysOf(p, q, LogBase.Nats);
            case FGenerator.Kind.Triangular: return TriangularOf(p, q);
        }

        Guard.Probabilities(p, nameof(p));
        Guard.Probabilities(q, nameof(q));
        Guard.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i], qi = q[i];
            double t = pi / qi;
            if (qi == 0 || double.IsPositiveInfinity(t))
            {
                sum += pi == 0 ? 0.0 : pi * generator.SlopeAtInfinity;
            }
            else if (pi == 0)
            {
                sum += qi * generator.AtZero;
            }
            else
            {
                double f = generator.Evaluate(t);
                Guard.GeneratorAt(f, t, nameof(generator));
                sum += qi * f;
            }
        }

        return Math.Max(sum, 0.0);
    }

    /// <summary>The Hellinger distance H(p, q) = √(1 − Σᵢ √(pᵢqᵢ)): a metric on probability vectors, in [0, 1].</summary>
    /// <remarks>
    /// H² = ½ Σᵢ (√pᵢ − √qᵢ)² = 1 − BC(p, q), with BC the Bhattacharyya coefficient. This is the normalisation of Wikipedia,
    /// H = ‖√p − √q‖₂/√2 (scipy's <c>euclidean(√p, √q)/√2</c>), in which disjoint supports are at distance 1; some texts call
    /// √2·H = ‖√p − √q‖₂ ∈ [0, √2] the Hellinger distance. H² is the f-divergence of f(t) = ½(√t − 1)²
    /// (<see cref="FGenerator.SquaredHellinger"/>, f''(1) = ¼). Each term (√pᵢ − √qᵢ)² is formed as (pᵢ − qᵢ)²/(pᵢ + qᵢ +
    /// 2√(pᵢqᵢ)), so nearly equal vectors keep their small distance (the difference of two rounded roots would cancel to
    /// their rounding); zero entries need no rule of their own (√0 = 0) and it is never +∞. It bounds the total variation: H²
    /// ≤ TV ≤ H·√(2 − H²) ≤ √2·H. One fused SIMD pass, one square root and one division per entry and no logarithm, validates
    /// both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: E. Hellinger, "Neue Begründung der Theorie quadratischer Formen von
    /// unendlichvielen Veränderlichen", J. reine angew. Math. 136 (1909) 210–271.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <returns>H(p, q), dimensionless, in [0, 1]: 0 iff p = q, 1 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => HellingerOf(p, q);

    /// <summary>The Hellinger distance H(p, q) = √(1 − Σᵢ √(pᵢqᵢ)): a metric on probability vectors, in [0, 1].</summary>
    /// <remarks>
    /// H² = ½ Σᵢ (√pᵢ − √qᵢ)² = 1 − BC(p, q), with BC the Bhattacharyya coefficient. This is the normalisation of Wikipedia,
    /// H = ‖√p − √q‖₂/√2 (scipy's <c>euclidean(√p, √q)/√2</c>), in which disjoint supports are at distance 1; some texts call
    /// √2·H = ‖√p − √q‖₂ ∈ [0, √2] the Hellinger distance. H² is the f-divergence of f(t) = ½(√t − 1)²
    /// (<see cref="FGenerator.SquaredHellinger"/>, f''(1) = ¼). Each term (√pᵢ − √qᵢ)² is formed as (pᵢ − qᵢ)²/(pᵢ + qᵢ +
    /// 2√(pᵢqᵢ)), so nearly equal vectors keep their small distance (the difference of two rounded roots would cancel to
    /// their rounding); zero entries need no rule of their own (√0 = 0) and it is never +∞. It bounds the total variation: H²
    /// ≤ TV ≤ H·√(2 − H²) ≤ √2·H. One fused SIMD pass, one square root and one division per entry and no logarithm, validates
    /// both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: E. Hellinger, "Neue Begründung der Theorie quadratischer Formen von
    /// unendlichvielen Veränderlichen", J. reine angew. Math. 136 (1909) 210–271. The float overload widens every entry
    /// exactly and runs the same double arithmetic (the double overload's result, bit for bit, on the widened values); only
    /// its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <returns>H(p, q), dimensionless, in [0, 1]: 0 iff p = q, 1 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    public static double Hellinger(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => HellingerOf(p, q);

    /// <summary>The total variation distance TV(p, q) = ½ Σᵢ |pᵢ − qᵢ|: the largest difference between the probabilities p and q give one event, in [0, 1].</summary>
    /// <remarks>
    /// TV = max over events A of |p(A) − q(A)| = ½‖p − q‖₁, the f-divergence of f(t) = ½|t − 1|
    /// (<see cref="FGenerator.TotalVariation"/>; not smooth at 1, so it has no local Fisher expansion). A metric; zero
    /// entries need no rule and it is never +∞. Pinsker's inequality bounds it by KL: TV ≤ √(KL(p‖q)/2), KL in nats. One
    /// fused SIMD pass validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. B. Tsybakov, Introduction to Nonparametric
    /// Estimation (Springer 2009), §2.4.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <returns>TV(p, q), dimensionless, in [0, 1]: 0 iff p = q, 1 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => TotalVariationOf(p, q);

    /// <summary>The total variation distance TV(p, q) = ½ Σᵢ |pᵢ − qᵢ|: the largest difference between the probabilities p and q give one event, in [0, 1].</summary>
    /// <remarks>
    /// TV = max over events A of |p(A) − q(A)| = ½‖p − q‖₁, the f-divergence of f(t) = ½|t − 1|
    /// (<see cref="FGenerator.TotalVariation"/>; not smooth at 1, so it has no local Fisher expansion). A metric; zero
    /// entries need no rule and it is never +∞. Pinsker's inequality bounds it by KL: TV ≤ √(KL(p‖q)/2), KL in nats. One
    /// fused SIMD pass validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. B. Tsybakov, Introduction to Nonparametric
    /// Estimation (Springer 2009), §2.4. The float overload widens every entry exactly and runs the same double arithmetic
    /// (the double overload's result, bit for bit, on the widened values); only its sum tolerance is float's, 4·2⁻²³·max(1,
    /// √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <returns>TV(p, q), dimensionless, in [0, 1]: 0 iff p = q, 1 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    public static double TotalVariation(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => TotalVariationOf(p, q);

    /// <summary>The χ² divergence of p from q: Pearson's Σᵢ (pᵢ − qᵢ)²/qᵢ by default, or Neyman's Σᵢ (pᵢ − qᵢ)²/pᵢ.</summary>
    /// <remarks>
    /// Pearson's χ²(p‖q) = Σᵢ (pᵢ − qᵢ)²/qᵢ = Σᵢ pᵢ²/qᵢ − 1 (scipy's <c>chisquare(f_obs=p, f_exp=q).statistic</c>) is the
    /// f-divergence of (t − 1)²; Neyman's Σᵢ (pᵢ − qᵢ)²/pᵢ (scipy's <c>power_divergence(p, q, lambda_="neyman")</c>) that of
    /// (t − 1)²/t, Pearson's with p and q swapped; f''(1) = 2 for both. A term whose numerator and denominator vanish
    /// together (pᵢ = qᵢ = 0) is 0; a zero denominator under a positive entry (qᵢ = 0 &lt; pᵢ for Pearson, pᵢ = 0 &lt; qᵢ for
    /// Neyman) makes the divergence +∞, and so does a quotient past the largest double. Not symmetric; KL(p‖q) ≤ ln(1 +
    /// χ²(p‖q)) for Pearson's. One fused SIMD pass, one division per entry and no logarithm, validates both vectors; nothing
    /// is allocated. Reference: K. Pearson, "On the criterion that a given system of deviations from the probable in the case
    /// of a correlated system of variables is such that it can be reasonably supposed to have arisen from random sampling",
    /// Philosophical Magazine 50 (1900) 157–175; Neyman (1949), see <see cref="ChiSquareForm"/>.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <param name="form">Pearson's (the default, q in the denominator) or Neyman's (p in the denominator).</param>
    /// <returns>χ²(p‖q), dimensionless, in [0, +∞]: 0 iff p = q.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="form"/> is not a defined <see cref="ChiSquareForm"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double ChiSquare(ReadOnlySpan<double> p, ReadOnlySpan<double> q, ChiSquareForm form = ChiSquareForm.Pearson) => ChiSquareOf(p, q, form);

    /// <summary>The χ² divergence of p from q: Pearson's Σᵢ (pᵢ − qᵢ)²/qᵢ by default, or Neyman's Σᵢ (pᵢ − qᵢ)²/pᵢ.</summary>
    /// <remarks>
    /// Pearson's χ²(p‖q) = Σᵢ (pᵢ − qᵢ)²/qᵢ = Σᵢ pᵢ²/qᵢ − 1 (scipy's <c>chisquare(f_obs=p, f_exp=q).statistic</c>) is the
    /// f-divergence of (t − 1)²; Neyman's Σᵢ (pᵢ − qᵢ)²/pᵢ (scipy's <c>power_divergence(p, q, lambda_="neyman")</c>) that of
    /// (t − 1)²/t, Pearson's with p and q swapped; f''(1) = 2 for both. A term whose numerator and denominator vanish
    /// together (pᵢ = qᵢ = 0) is 0; a zero denominator under a positive entry (qᵢ = 0 &lt; pᵢ for Pearson, pᵢ = 0 &lt; qᵢ for
    /// Neyman) makes the divergence +∞, and so does a quotient past the largest double. Not symmetric; KL(p‖q) ≤ ln(1 +
    /// χ²(p‖q)) for Pearson's. One fused SIMD pass, one division per entry and no logarithm, validates both vectors; nothing
    /// is allocated. Reference: K. Pearson, "On the criterion that a given system of deviations from the probable in the case
    /// of a correlated system of variables is such that it can be reasonably supposed to have arisen from random sampling",
    /// Philosophical Magazine 50 (1900) 157–175; Neyman (1949), see <see cref="ChiSquareForm"/>. The float overload widens
    /// every entry exactly and runs the same double arithmetic (the double overload's result, bit for bit, on the widened
    /// values); only its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <param name="form">Pearson's (the default, q in the denominator) or Neyman's (p in the denominator).</param>
    /// <returns>χ²(p‖q), dimensionless, in [0, +∞]: 0 iff p = q.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="form"/> is not a defined <see cref="ChiSquareForm"/>.</exception>
    public static double ChiSquare(ReadOnlySpan<float> p, ReadOnlySpan<float> q, ChiSquareForm form = ChiSquareForm.Pearson) => ChiSquareOf(p, q, form);

    /// <summary>Jeffreys' divergence J(p, q) = KL(p‖q) + KL(q‖p) = Σᵢ (pᵢ − qᵢ) ln(pᵢ/qᵢ): the symmetrised Kullback–Leibler divergence.</summary>
    /// <remarks>
    /// J is the f-divergence of f(t) = (t − 1) ln t (<see cref="FGenerator.Jeffreys"/>, f''(1) = 2). Every term (pᵢ − qᵢ)
    /// ln(pᵢ/qᵢ) is ≥ 0, its factors sharing a sign, and ln(pᵢ/qᵢ) is taken without rounding the quotient, so the sum does
    /// not cancel and nearly equal vectors keep their small divergence. A term with pᵢ = qᵢ = 0 is 0 (0·log 0 = 0); one with
    /// exactly one of pᵢ, qᵢ zero is +∞, as KL is in one of the two directions. Symmetric, not a metric. One fused SIMD pass,
    /// one logarithm per entry, validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: H. Jeffreys, "An invariant form for
    /// the prior probability in estimation problems", Proc. Royal Society A 186 (1946) 453–461.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>J(p, q) in <paramref name="unit"/>, in [0, +∞]: 0 iff p = q, +∞ iff the supports differ.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double Jeffreys(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats) => JeffreysOf(p, q, unit);

    /// <summary>Jeffreys' divergence J(p, q) = KL(p‖q) + KL(q‖p) = Σᵢ (pᵢ − qᵢ) ln(pᵢ/qᵢ): the symmetrised Kullback–Leibler divergence.</summary>
    /// <remarks>
    /// J is the f-divergence of f(t) = (t − 1) ln t (<see cref="FGenerator.Jeffreys"/>, f''(1) = 2). Every term (pᵢ − qᵢ)
    /// ln(pᵢ/qᵢ) is ≥ 0, its factors sharing a sign, and ln(pᵢ/qᵢ) is taken without rounding the quotient, so the sum does
    /// not cancel and nearly equal vectors keep their small divergence. A term with pᵢ = qᵢ = 0 is 0 (0·log 0 = 0); one with
    /// exactly one of pᵢ, qᵢ zero is +∞, as KL is in one of the two directions. Symmetric, not a metric. One fused SIMD pass,
    /// one logarithm per entry, validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: H. Jeffreys, "An invariant form for
    /// the prior probability in estimation problems", Proc. Royal Society A 186 (1946) 453–461. The float overload widens
    /// every entry exactly and runs the same double arithmetic (the double overload's result, bit for bit, on the widened
    /// values); only its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>J(p, q) in <paramref name="unit"/>, in [0, +∞]: 0 iff p = q, +∞ iff the supports differ.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Jeffreys(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats) => JeffreysOf(p, q, unit);

    /// <summary>The Bhattacharyya coefficient BC(p, q) = Σᵢ √(pᵢqᵢ): the overlap of p and q, in [0, 1].</summary>
    /// <remarks>
    /// BC = 1 − H², H the Hellinger distance (H² is <see cref="FGenerator.SquaredHellinger"/>'s f-divergence). It is an
    /// affinity, not a divergence: 1 iff p = q, 0 iff the supports are disjoint. Each term is √(pᵢqᵢ), or √pᵢ·√qᵢ where the
    /// product is below the normal range (both entries below about 1e-154), so nothing underflows; a zero entry gives a zero
    /// term; the sum is clamped to ≤ 1 (Cauchy–Schwarz) against rounding. One fused SIMD pass, one square root per entry,
    /// validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. Bhattacharyya, "On a measure of divergence between two
    /// statistical populations defined by their probability distributions", Bull. Calcutta Math. Soc. 35 (1943) 99–109.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <returns>BC(p, q), dimensionless, in [0, 1].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double BhattacharyyaCoefficient(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => BhattacharyyaCoefficientOf(p, q);

    /// <summary>The Bhattacharyya coefficient BC(p, q) = Σᵢ √(pᵢqᵢ): the overlap of p and q, in [0, 1].</summary>
    /// <remarks>
    /// BC = 1 − H², H the Hellinger distance (H² is <see cref="FGenerator.SquaredHellinger"/>'s f-divergence). It is an
    /// affinity, not a divergence: 1 iff p = q, 0 iff the supports are disjoint. Each term is √(pᵢqᵢ), or √pᵢ·√qᵢ where the
    /// product is below the normal range (both entries below about 1e-154), so nothing underflows; a zero entry gives a zero
    /// term; the sum is clamped to ≤ 1 (Cauchy–Schwarz) against rounding. One fused SIMD pass, one square root per entry,
    /// validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. Bhattacharyya, "On a measure of divergence between two
    /// statistical populations defined by their probability distributions", Bull. Calcutta Math. Soc. 35 (1943) 99–109. The
    /// float overload widens every entry exactly and runs the same double arithmetic (the double overload's result, bit for
    /// bit, on the widened values); only its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <returns>BC(p, q), dimensionless, in [0, 1].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    public static double BhattacharyyaCoefficient(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => BhattacharyyaCoefficientOf(p, q);

    /// <summary>The Bhattacharyya distance D_B(p, q) = −ln Σᵢ √(pᵢqᵢ) = −ln BC(p, q).</summary>
    /// <remarks>
    /// D_B = −ln(1 − H²), H the Hellinger distance: a function of an f-divergence (≈ H² locally, so its constant is ¼ as
    /// H²'s) though not one itself; symmetric, not a metric. While BC ≥ ½ it is computed as −ln(1 − H²) from the Hellinger
    /// pass, so nearly equal vectors keep their small distance, which −ln BC would round away; below ½ a second pass sums BC
    /// itself, whose relative accuracy a tiny overlap needs. +∞ iff the supports are disjoint (BC = 0); zero entries need no
    /// rule (√0 = 0). From 32 768 entries on the pass is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. Bhattacharyya, "On a measure of divergence between two statistical
    /// populations defined by their probability distributions", Bull. Calcutta Math. Soc. 35 (1943) 99–109.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_B(p, q) in <paramref name="unit"/>, in [0, +∞]: 0 iff p = q, +∞ iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double Bhattacharyya(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats) => BhattacharyyaOf(p, q, unit);

    /// <summary>The Bhattacharyya distance D_B(p, q) = −ln Σᵢ √(pᵢqᵢ) = −ln BC(p, q).</summary>
    /// <remarks>
    /// D_B = −ln(1 − H²), H the Hellinger distance: a function of an f-divergence (≈ H² locally, so its constant is ¼ as
    /// H²'s) though not one itself; symmetric, not a metric. While BC ≥ ½ it is computed as −ln(1 − H²) from the Hellinger
    /// pass, so nearly equal vectors keep their small distance, which −ln BC would round away; below ½ a second pass sums BC
    /// itself, whose relative accuracy a tiny overlap needs. +∞ iff the supports are disjoint (BC = 0); zero entries need no
    /// rule (√0 = 0). From 32 768 entries on the pass is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: A. Bhattacharyya, "On a measure of divergence between two statistical
    /// populations defined by their probability distributions", Bull. Calcutta Math. Soc. 35 (1943) 99–109. The float
    /// overload widens every entry exactly and runs the same double arithmetic (the double overload's result, bit for bit, on
    /// the widened values); only its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_B(p, q) in <paramref name="unit"/>, in [0, +∞]: 0 iff p = q, +∞ iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Bhattacharyya(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats) => BhattacharyyaOf(p, q, unit);

    /// <summary>The triangular discrimination Δ(p, q) = Σᵢ (pᵢ − qᵢ)²/(pᵢ + qᵢ): a symmetric, bounded χ²-type divergence, in [0, 2].</summary>
    /// <remarks>
    /// Δ is the f-divergence of f(t) = (t − 1)²/(t + 1) (<see cref="FGenerator.Triangular"/>, f''(1) = 1), also called the
    /// Vincze–Le Cam distance. A term with pᵢ = qᵢ = 0 is 0 and no term exceeds pᵢ + qᵢ, so it is never +∞; it is 2 iff the
    /// supports are disjoint, and clamped to ≤ 2 against rounding. It brackets the Jensen–Shannon divergence: ¼Δ ≤ JSD ≤ ½ln
    /// 2·Δ in nats (Topsøe 2000, theorem 2, there for C = 2·JSD). One fused SIMD pass, one division per entry and no
    /// logarithm, validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: F. Topsøe, "Some inequalities for information
    /// divergence and related measures of discrimination", IEEE Transactions on Information Theory 46 (2000) 1602–1609 (Δ
    /// there).
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The distribution q: a probability vector of the same length.</param>
    /// <returns>Δ(p, q), dimensionless, in [0, 2]: 0 iff p = q, 2 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for the other divergences.
    [OverloadResolutionPriority(1)]
    public static double Triangular(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => TriangularOf(p, q);

    /// <summary>The triangular discrimination Δ(p, q) = Σᵢ (pᵢ − qᵢ)²/(pᵢ + qᵢ): a symmetric, bounded χ²-type divergence, in [0, 2].</summary>
    /// <remarks>
    /// Δ is the f-divergence of f(t) = (t − 1)²/(t + 1) (<see cref="FGenerator.Triangular"/>, f''(1) = 1), also called the
    /// Vincze–Le Cam distance. A term with pᵢ = qᵢ = 0 is 0 and no term exceeds pᵢ + qᵢ, so it is never +∞; it is 2 iff the
    /// supports are disjoint, and clamped to ≤ 2 against rounding. It brackets the Jensen–Shannon divergence: ¼Δ ≤ JSD ≤ ½ln
    /// 2·Δ in nats (Topsøe 2000, theorem 2, there for C = 2·JSD). One fused SIMD pass, one division per entry and no
    /// logarithm, validates both vectors; from 32 768 entries on it is shared among the cores in 8 fixed parts, so the result does not depend on their number; nothing is allocated. Reference: F. Topsøe, "Some inequalities for information
    /// divergence and related measures of discrimination", IEEE Transactions on Information Theory 46 (2000) 1602–1609 (Δ
    /// there). The float overload widens every entry exactly and runs the same double arithmetic (the double overload's
    /// result, bit for bit, on the widened values); only its sum tolerance is float's, 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The distribution q: a float probability vector of the same length.</param>
    /// <returns>Δ(p, q), dimensionless, in [0, 2]: 0 iff p = q, 2 iff the supports are disjoint.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    public static double Triangular(ReadOnlySpan<float> p, ReadOnlySpan<float> q) => TriangularOf(p, q);

    private static double HellingerOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Math.Sqrt(SquaredHellingerOf(p, q));

    // <summary>H² = ½ Σ (√pᵢ − √qᵢ)², clamped into [0, 1] against rounding.</summary>
    private static double SquaredHellingerOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Math.Clamp(0.5 * PairTermKernel<SquaredHellingerTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)), 0.0, 1.0);

    private static double TotalVariationOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Math.Clamp(0.5 * PairTermKernel<AbsoluteDifferenceTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)), 0.0, 1.0);

    private static double ChiSquareOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ChiSquareForm form)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => form switch
        {
            ChiSquareForm.Pearson => PairTermKernel<PearsonTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)),
            ChiSquareForm.Neyman => PairTermKernel<NeymanTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)),
            _ => throw Guard.Undefined(form, nameof(form)),
        };

    private static double JeffreysOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        return Math.Max(PairTermKernel<JeffreysTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)), 0.0) / natsPerUnit;
    }

    private static double BhattacharyyaCoefficientOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Math.Clamp(PairTermKernel<BhattacharyyaTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)), 0.0, 1.0);

    private static double BhattacharyyaOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        double squaredHellinger = SquaredHellingerOf(p, q);

        // −ln(1 − H²) = −ln BC: from H² while BC ≥ ½, where 1 − H² loses nothing; from BC itself below, where it would.
        double nats = squaredHellinger <= 0.5
            ? -Numerics.Log1P(-squaredHellinger)
            : -Math.Log(BhattacharyyaCoefficientOf(p, q));
        return nats / natsPerUnit;
    }

    private static double TriangularOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Math.Clamp(PairTermKernel<TriangularTerm>.Sum(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)), 0.0, 2.0);
}
