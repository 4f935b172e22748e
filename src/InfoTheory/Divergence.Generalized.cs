using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <content>
/// The power-sum divergences, all built on Σᵢ pᵢ^a qᵢ^(1−a): Rényi's of order α, Tsallis's of index q and Amari's α-divergence,
/// each Kullback–Leibler's in a limit of its order.
/// </content>
public static partial class Divergence
{
    /// <summary>The Rényi divergence D_α(p‖q) of order α, for every α ≥ 0 including 0, 1 (Kullback–Leibler) and +∞.</summary>
    /// <remarks>
    /// D_α(p‖q) = 1/(α − 1) · log Σᵢ pᵢ^α qᵢ^(1−α), with the limits D₀ = −log Σ_{i : pᵢ &gt; 0} qᵢ, D₁ = KL(p‖q) and
    /// D_∞ = log max_{i : pᵢ &gt; 0} pᵢ/qᵢ. Rules: a term with pᵢ = 0 is 0 at every α (0^α = 0, the limit α → 0⁺); where
    /// qᵢ = 0 &lt; pᵢ the term is 0 for α &lt; 1 and the divergence +∞ for α ≥ 1 (as KL's); for α &lt; 1 the divergence is +∞
    /// exactly when no i has both pᵢ &gt; 0 and qᵢ &gt; 0. It is ≥ 0, 0 iff p = q (for α &gt; 0), non-decreasing in α, and near
    /// p it is α·½ dξᵀ G dξ with G the Fisher metric (<see cref="FisherInformation.QuadraticForm"/>). Each term is
    /// pᵢe^((α−1)ℓᵢ) with ℓᵢ = ln(pᵢ/qᵢ) taken without rounding the quotient: one logarithm and one exponential per element in
    /// a fused SIMD pass that validates both vectors; nothing is allocated. Near α = 1 the sum's logarithm is ln(1 + Σ pᵢ(e^((α−1)ℓᵢ) − 1))
    /// with e^x − 1 formed without cancellation, so D_α is continuous at 1 (within about 1e-9 relative of KL at 1 ± 1e-9, by
    /// its true slope ½Var_p[ℓ]); orders and ratios whose terms overflow a double are summed with the largest term factored
    /// out. Reference: A. Rényi (1961), as <c>Entropy.Renyi</c>; T. van Erven and P. Harremoës, "Rényi divergence and
    /// Kullback–Leibler divergence", IEEE Transactions on Information Theory 60 (2014) 3797–3820.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The reference distribution q: a probability vector of the same length.</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the worst-case log-ratio.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_α(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or negative, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for KullbackLeibler.
    [OverloadResolutionPriority(1)]
    public static double Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, LogBase unit = LogBase.Nats) => RenyiOf(p, q, alpha, unit);

    /// <summary>The Rényi divergence D_α(p‖q) of order α of two distributions held in floats.</summary>
    /// <remarks>
    /// D_α(p‖q) = 1/(α − 1) · log Σᵢ pᵢ^α qᵢ^(1−α) with the limits and ±∞ rules of
    /// <see cref="Renyi(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>, computed in double on the exactly widened
    /// values (α = 1 is the float <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, LogBase)"/>); each sum
    /// must be 1 within float's tolerance 4·2⁻²³·max(1, √n). Reference: T. van Erven and P. Harremoës (2014), as above.
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The reference distribution q: a float probability vector of the same length.</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the worst-case log-ratio.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>D_α(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or negative, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Renyi(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double alpha, LogBase unit = LogBase.Nats) => RenyiOf(p, q, alpha, unit);

    /// <summary>The Tsallis relative entropy D_q(p‖q) of index q ≥ 0 (here <paramref name="order"/>), Kullback–Leibler's in nats at 1.</summary>
    /// <remarks>
    /// D_q(p‖r) = (Σᵢ pᵢ^q rᵢ^(1−q) − 1)/(q − 1), computed as Σᵢ pᵢ(e^((q−1)ℓᵢ) − 1)/(q − 1) with ℓᵢ = ln(pᵢ/rᵢ) (equal for
    /// Σ pᵢ = 1), so it is continuous at q = 1, where it is KL(p‖r). The index is called <paramref name="order"/> because
    /// <paramref name="q"/> names the reference distribution. Rules as Rényi's: pᵢ = 0 terms are 0; where rᵢ = 0 &lt; pᵢ the
    /// term is 0 for q &lt; 1 and the divergence +∞ for q ≥ 1. It is ≥ 0 and 0 iff p = r (for q &gt; 0), it is a monotone
    /// function of the Rényi divergence of the same order, and near p it is q·½ dξᵀ G dξ (<see cref="FisherInformation.QuadraticForm"/>).
    /// It is not a logarithm, so it takes no <see cref="LogBase"/>. One fused SIMD pass validates both vectors; nothing is
    /// allocated. Reference: L. Borland, A. R. Plastino and C. Tsallis, "Information gain within nonextensive thermostatistics",
    /// Journal of Mathematical Physics 39 (1998) 6490–6501.
    /// </remarks>
    /// <param name="p">The distribution p: a probability vector.</param>
    /// <param name="q">The reference distribution: a probability vector of the same length.</param>
    /// <param name="order">The entropic index q: finite and ≥ 0.</param>
    /// <returns>D_q(p‖q), dimensionless (nats at order 1), in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is NaN, negative or infinite.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for KullbackLeibler.
    [OverloadResolutionPriority(1)]
    public static double Tsallis(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double order) => TsallisOf(p, q, order);

    /// <summary>The Tsallis relative entropy D_q(p‖q) of index q ≥ 0 (here <paramref name="order"/>) of two distributions held in floats.</summary>
    /// <remarks>
    /// D_q(p‖r) = (Σᵢ pᵢ^q rᵢ^(1−q) − 1)/(q − 1), as <see cref="Tsallis(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>,
    /// computed in double on the exactly widened values; each sum must be 1 within float's tolerance 4·2⁻²³·max(1, √n).
    /// Reference: L. Borland, A. R. Plastino and C. Tsallis (1998), as above.
    /// </remarks>
    /// <param name="p">The distribution p: a float probability vector.</param>
    /// <param name="q">The reference distribution: a float probability vector of the same length.</param>
    /// <param name="order">The entropic index q: finite and ≥ 0.</param>
    /// <returns>D_q(p‖q), dimensionless (nats at order 1), in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is NaN, negative or infinite.</exception>
    public static double Tsallis(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double order) => TsallisOf(p, q, order);

    /// <summary>Amari's α-divergence D_α[p : q], with D₋₁ = KL(p‖q) and D₊₁ = KL(q‖p).</summary>
    /// <remarks>
    /// D_α[p : q] = 4/(1 − α²) · (1 − Σᵢ pᵢ^((1−α)/2) qᵢ^((1+α)/2)) for α ≠ ±1 (Amari 2016, ch. 3–4), continuous at α = ∓1 where
    /// it is KL(p‖q) and KL(q‖p) in nats; D_α[p : q] = D₋α[q : p], and D₀ = 4(1 − Σ √(pᵢqᵢ)) is four times the squared Hellinger
    /// distance (normalised as 1 − Σ √(pᵢqᵢ)). Rules: terms with a zero factor are 0 for |α| &lt; 1, so the divergence then lies
    /// in [0, 4/(1 − α²)]; for α &gt; 1 it is +∞ where some pᵢ = 0 &lt; qᵢ, for α &lt; −1 where some qᵢ = 0 &lt; pᵢ. It is ≥ 0, 0 iff
    /// p = q, and near p it is ½ dξᵀ G dξ for every α (<see cref="FisherInformation.QuadraticForm"/>). The sum is taken as
    /// Σ pᵢ(e^(tℓᵢ) − 1) with t = −(1 + α)/2, ℓᵢ = ln(pᵢ/qᵢ) for α ≤ 0, and with p and q exchanged for α &gt; 0, so the factor
    /// that vanishes at the nearer of ±1 is always formed without cancellation. It is not a logarithm, so it takes no
    /// <see cref="LogBase"/>. One fused SIMD pass validates both vectors; nothing is allocated. Reference: S. Amari,
    /// Information Geometry and Its Applications (Springer, 2016), ch. 3–4; S. Amari, Differential-Geometrical Methods in
    /// Statistics (Springer, 1985).
    /// </remarks>
    /// <param name="p">The first distribution: a probability vector.</param>
    /// <param name="q">The second distribution: a probability vector of the same length.</param>
    /// <param name="alpha">The index α: any finite number.</param>
    /// <returns>D_α[p : q], dimensionless (nats at α = ±1), in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for KullbackLeibler.
    [OverloadResolutionPriority(1)]
    public static double Alpha(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha) => AlphaOf(p, q, alpha);

    /// <summary>Amari's α-divergence D_α[p : q] of two distributions held in floats, with D₋₁ = KL(p‖q) and D₊₁ = KL(q‖p).</summary>
    /// <remarks>
    /// D_α[p : q] = 4/(1 − α²) · (1 − Σᵢ pᵢ^((1−α)/2) qᵢ^((1+α)/2)), as <see cref="Alpha(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>,
    /// computed in double on the exactly widened values (α = ±1 is the float KL); each sum must be 1 within float's tolerance
    /// 4·2⁻²³·max(1, √n). Reference: S. Amari, Information Geometry and Its Applications (Springer, 2016), ch. 3–4.
    /// </remarks>
    /// <param name="p">The first distribution: a float probability vector.</param>
    /// <param name="q">The second distribution: a float probability vector of the same length.</param>
    /// <param name="alpha">The index α: any finite number.</param>
    /// <returns>D_α[p : q], dimensionless (nats at α = ±1), in [0, +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or infinite.</exception>
    public static double Alpha(ReadOnlySpan<float> p, ReadOnlySpan<float> q, double alpha) => AlphaOf(p, q, alpha);

    private static double RenyiOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.Order(alpha, infinityAllowed: true, nameof(alpha));
        if (alpha == 1)
        {
            return KullbackLeiblerOf(p, q, unit);
        }

        double nats = double.IsPositiveInfinity(alpha)
            ? MaxLogRatio(p, q)
            : PowerSumKernel<T>.Sum(p, q, alpha - 1, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1)).ScaledLog;
        return Math.Max(nats, 0.0) / natsPerUnit;
    }

    private static double TsallisOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double order)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Guard.Order(order, infinityAllowed: false, nameof(order));
        if (order == 1)
        {
            return KullbackLeiblerOf(p, q, LogBase.Nats);
        }

        double t = order - 1;
        PowerSum sum = PowerSumKernel<T>.Sum(p, q, t, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1));
        return sum.Unbounded ? double.PositiveInfinity : Math.Max(sum.Excess / t, 0.0);
    }

    private static double AlphaOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Guard.Finite(alpha, nameof(alpha));
        if (Math.Abs(alpha) == 1)
        {
            return alpha < 0 ? KullbackLeiblerOf(p, q, LogBase.Nats) : KullbackLeiblerOf(q, p, LogBase.Nats);
        }

        // D_α[p : q] = 2·Σ pᵢ(e^(tℓᵢ) − 1) / ((1 − α)·t), t = −(1 + α)/2, vanishing factor t at α = −1; for α > 0 the same
        // with p and q exchanged and α negated (D_α[p : q] = D₋α[q : p]), whose t = (α − 1)/2 vanishes at α = +1.
        PowerSum sum = alpha <= 0
            ? PowerSumKernel<T>.Sum(p, q, -0.5 * (1 + alpha), nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1))
            : PowerSumKernel<T>.Sum(q, p, 0.5 * (alpha - 1), nameof(q), nameof(p), SimdWidths.Best, PartitionedRun.Threads(-1));
        if (sum.Unbounded)
        {
            return double.PositiveInfinity;
        }

        double a = Math.Abs(alpha);
        double denominator = 0.25 * (1 + a) * (1 - a);
        if (a < 1)
        {
            return Math.Clamp(-sum.Excess / denominator, 0.0, 1 / denominator);
        }

        return double.IsFinite(sum.Excess) && double.IsFinite(denominator)
            ? Math.Max(-sum.Excess / denominator, 0.0)
            : AlphaBeyondRange(sum.ScaledLog, a);
    }

    // <summary>
    // D_α = 4(P − 1)/(α² − 1) for |α| &gt; 1 where P = Σ pᵢ^((1−α)/2) qᵢ^((1+α)/2) or α² overflows a double, from
    // ln P = t·<paramref name="scaledLog"/> (t = (|α| − 1)/2, finite from the scaled sum) in logarithms: P ≥ 1 there, and
    // ln(P − 1) = ln P + ln(1 − e^(−ln P)).
    // </summary>
    private static double AlphaBeyondRange(double scaledLog, double a)
    {
        double logP = 0.5 * (a - 1) * scaledLog;
        double logExcess = logP + Math.Log(-double.ExpM1(-logP));
        double logDenominator = (2 * Math.Log(a)) + Math.Log(-double.ExpM1(-2 * Math.Log(a)));
        return Math.Exp(Math.Log(4) + logExcess - logDenominator);
    }

    // <summary>log max_{i : pᵢ &gt; 0} pᵢ/qᵢ in nats, +∞ where some qᵢ = 0 &lt; pᵢ: the Rényi divergence of order +∞.</summary>
    private static double MaxLogRatio<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Guard.Probabilities(p, nameof(p));
        Guard.SameLength(p.Length, q.Length, nameof(p), nameof(q));
        Guard.Probabilities(q, nameof(q));
        double max = double.NegativeInfinity;
        for (int i = 0; i < p.Length; i++)
        {
            double pi = double.CreateTruncating(p[i]);
            double qi = double.CreateTruncating(q[i]);
            if (pi > 0)
            {
                max = qi > 0 ? Math.Max(max, Log.OfRatio(pi, qi)) : double.PositiveInfinity;
            }
        }

        return max;
    }
}
