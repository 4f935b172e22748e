using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <summary>Entropy, cross-entropy, KL and JSD of softmax distributions given by their logits, for one vector or row by row.</summary>
/// <remarks>
/// A classifier or language model outputs logits z; its distribution is p = softmax(z/T) with temperature T &gt; 0
/// (T = 1 by default; T &gt; 1 softens it, as in distillation and calibration). These measures work on the logits through
/// a log-sum-exp: uᵢ = (zᵢ − max z)/T ≤ 0 and log pᵢ = uᵢ − log Σⱼ exp uⱼ, accumulated in double for float and double input
/// alike (floats are widened exactly, except for KL below), so logits 10⁴ apart, whose probabilities overflow or underflow when formed, give
/// the exact measure. A logit of −∞ is a masked class (pᵢ = 0): 0·log 0 = 0 and q = 0 &lt; p gives +∞ for cross-entropy
/// and KL, as for probability vectors. NaN and +∞ are rejected, naming the index. The <c>…Rows</c> forms take a
/// row-major [rows, classes] block (a batch of logit vectors, as a tensor stores it) and write one value per row to
/// <c>destination</c>, with no allocation, sharing long blocks (from 32 768 logits) among the cores; every row is computed
/// alone, so the results do not depend on their number. Units follow <see cref="LogBase"/>, nats by default. The float
/// overloads of KL alone compute in float registers (see <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, double, LogBase)"/>).
/// </remarks>
public static class Logits
{
    /// <summary>H(p) of p = softmax(z/T), from the logits z.</summary>
    /// <remarks>
    /// H(p) = −Σᵢ pᵢ log pᵢ = log S − Σᵢ eᵢuᵢ / S with uᵢ = (zᵢ − max z)/T, eᵢ = exp uᵢ, S = Σ eᵢ (log-sum-exp); 0·log 0 = 0 for a masked (−∞) class. Reference: C. E. Shannon, "A Mathematical Theory of Communication", Bell System Technical Journal 27 (1948) 379–423. Computed by a stable two-pass log-sum-exp in double without forming the probabilities: nothing overflows or underflows into NaN whatever the spread of the logits (10⁴ apart is fine), and nothing is allocated.
    /// </remarks>
    /// <param name="logits">The logits z: finite, or −∞ for a masked class; at least one finite.</param>
    /// <param name="temperature">The softmax temperature T: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) in <paramref name="unit"/>, in [0, log n].</returns>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, a logit is NaN or +∞ (the message names the index), or every logit is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a finite positive number (or so small that 1/T overflows), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles.
    [OverloadResolutionPriority(1)]
    public static double Entropy(ReadOnlySpan<double> logits, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.Entropy, logits, logits, temperature, unit);

    /// <summary>H(p) of p = softmax(z/T), from float logits.</summary>
    /// <remarks>As the double overload; each float is widened exactly and every sum is in double, so the result equals the double overload's on the same values.</remarks>
    /// <inheritdoc cref="Entropy(ReadOnlySpan{double}, double, LogBase)"/>
    public static double Entropy(ReadOnlySpan<float> logits, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.Entropy, logits, logits, temperature, unit);

    /// <summary>H(p) of p = softmax(z/T) of every row of a [rows, classes] block of logits, into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// destination[r] = H(p) of row r, as <see cref="Entropy(ReadOnlySpan{double}, double, LogBase)"/> computes it for that row alone:
    /// the batch form of distillation and calibration, with no allocation. Row r holds the logits at [r·classes, (r + 1)·classes).
    /// </remarks>
    /// <param name="logits">The logits, row-major [rows, classes]: finite or −∞, at least one finite per row.</param>
    /// <param name="classes">The number of classes (the row length), ≥ 1.</param>
    /// <param name="destination">Receives one value per row, in <paramref name="unit"/>; its length must be the number of rows, and it must not overlap the logits.</param>
    /// <param name="temperature">The softmax temperature T, applied to every row: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logits"/> is not a multiple of <paramref name="classes"/>, <paramref name="destination"/> does not have one element per row or overlaps the input, a logit is NaN or +∞ (the message names [row,column]), or every logit of a row is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1, <paramref name="temperature"/> is not a finite positive number, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void EntropyRows(ReadOnlySpan<double> logits, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.Entropy, logits, logits, classes, destination, temperature, unit);

    /// <summary>H(p) of p = softmax(z/T) of every row of a [rows, classes] block of float logits, into <paramref name="destination"/>.</summary>
    /// <remarks>As the double overload; floats are widened exactly and every sum is in double.</remarks>
    /// <inheritdoc cref="EntropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void EntropyRows(ReadOnlySpan<float> logits, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.Entropy, logits, logits, classes, destination, temperature, unit);

    /// <summary>The cross-entropy H(p, q) of p = softmax(a/T) and q = softmax(b/T), from the logits a and b.</summary>
    /// <remarks>
    /// H(p, q) = −Σᵢ pᵢ log qᵢ = log S_q − Σᵢ eₚ,ᵢ u_q,ᵢ / Sₚ with u = (z − max z)/T, e = exp u, S = Σ e; 0·log q = 0 where aᵢ = −∞, and +∞ where bᵢ = −∞ &lt; aᵢ (q = 0 &lt; p); it is the loss of a classifier q trained on soft targets p. Reference: T. M. Cover and J. A. Thomas, Elements of Information Theory, 2nd ed. (Wiley, 2006), ch. 2. Computed by a stable two-pass log-sum-exp in double without forming the probabilities: nothing overflows or underflows into NaN whatever the spread of the logits (10⁴ apart is fine), and nothing is allocated.
    /// </remarks>
    /// <param name="logitsP">The logits a of p: finite, or −∞ for a masked class; at least one finite.</param>
    /// <param name="logitsQ">The logits b of q, as many as <paramref name="logitsP"/>: finite or −∞; at least one finite.</param>
    /// <param name="temperature">The softmax temperature T: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p, q) in <paramref name="unit"/>, in [H(p), +∞].</returns>
    /// <exception cref="ArgumentException"><paramref name="logitsP"/> is empty, the lengths differ, a logit is NaN or +∞ (the message names the index), or every logit of one input is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a finite positive number (or so small that 1/T overflows), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles.
    [OverloadResolutionPriority(1)]
    public static double CrossEntropy(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.CrossEntropy, logitsP, logitsQ, temperature, unit);

    /// <summary>The cross-entropy H(p, q) of p = softmax(a/T) and q = softmax(b/T), from float logits.</summary>
    /// <remarks>As the double overload; each float is widened exactly and every sum is in double, so the result equals the double overload's on the same values.</remarks>
    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>
    public static double CrossEntropy(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.CrossEntropy, logitsP, logitsQ, temperature, unit);

    /// <summary>The cross-entropy H(p, q) of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of logits, into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// destination[r] = H(p, q) of row r, as <see cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/> computes it for that row alone:
    /// the batch form of distillation and calibration, with no allocation. Row r holds the logits at [r·classes, (r + 1)·classes).
    /// </remarks>
    /// <param name="logitsP">The logits of p, row-major [rows, classes]: finite or −∞, at least one finite per row.</param>
    /// <param name="logitsQ">The logits of q, the same shape: finite or −∞, at least one finite per row.</param>
    /// <param name="classes">The number of classes (the row length), ≥ 1.</param>
    /// <param name="destination">Receives one value per row, in <paramref name="unit"/>; its length must be the number of rows, and it must not overlap the logits.</param>
    /// <param name="temperature">The softmax temperature T, applied to every row: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logitsP"/> is not a multiple of <paramref name="classes"/>, the lengths differ, <paramref name="destination"/> does not have one element per row or overlaps the input, a logit is NaN or +∞ (the message names [row,column]), or every logit of a row is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1, <paramref name="temperature"/> is not a finite positive number, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void CrossEntropyRows(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.CrossEntropy, logitsP, logitsQ, classes, destination, temperature, unit);

    /// <summary>The cross-entropy H(p, q) of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of float logits, into <paramref name="destination"/>.</summary>
    /// <remarks>As the double overload; floats are widened exactly and every sum is in double.</remarks>
    /// <inheritdoc cref="CrossEntropyRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void CrossEntropyRows(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.CrossEntropy, logitsP, logitsQ, classes, destination, temperature, unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) of p = softmax(a/T) and q = softmax(b/T), from the logits a and b.</summary>
    /// <remarks>
    /// KL(p‖q) = Σᵢ pᵢ (log pᵢ − log qᵢ) = Σᵢ eₚ,ᵢ (uₚ,ᵢ − u_q,ᵢ) / Sₚ + log(S_q / Sₚ) with u = (z − max z)/T, e = exp u, S = Σ e; 0·log(0/q) = 0 where aᵢ = −∞, and +∞ where bᵢ = −∞ &lt; aᵢ (q = 0 &lt; p). It is what PyTorch computes as <c>kl_div(log_softmax(b/T), log_softmax(a/T), log_target=True, reduction="sum")</c>, the distillation loss of G. Hinton, O. Vinyals and J. Dean, "Distilling the Knowledge in a Neural Network" (2015) without its T² factor. Computed by a stable two-pass log-sum-exp in double without forming the probabilities: nothing overflows or underflows into NaN whatever the spread of the logits (10⁴ apart is fine), and nothing is allocated.
    /// </remarks>
    /// <param name="logitsP">The logits a of p: finite, or −∞ for a masked class; at least one finite.</param>
    /// <param name="logitsQ">The logits b of q, as many as <paramref name="logitsP"/>: finite or −∞; at least one finite.</param>
    /// <param name="temperature">The softmax temperature T: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p‖q) in <paramref name="unit"/>, in [0, +∞].</returns>
    /// <exception cref="ArgumentException"><paramref name="logitsP"/> is empty, the lengths differ, a logit is NaN or +∞ (the message names the index), or every logit of one input is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a finite positive number (or so small that 1/T overflows), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles.
    [OverloadResolutionPriority(1)]
    public static double KullbackLeibler(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.KullbackLeibler, logitsP, logitsQ, temperature, unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) of p = softmax(a/T) and q = softmax(b/T), from float logits.</summary>
    /// <remarks>
    /// With SIMD computed in float registers: KL(p‖q) = Σᵢ pᵢ k3(yᵢ) − k3(c) with k3(x) = e^x − 1 − x ≥ 0, yᵢ = (bᵢ − aᵢ)/T
    /// less a constant (from the largest logits, moved once more by c where k3(c) would outweigh KL) and c = ln Σᵢ pᵢ e^{yᵢ} (the identity holds for any constant, as
    /// Σ pᵢ = Σ qᵢ = 1), every sum kept in double. Each term is non-negative and rounded relative to itself, so the result
    /// is within 2⁻¹⁸ (about 3.8e-6) relative of the divergence of these floats at 1/T rounded to float, and nearly equal
    /// logits keep their O(δ²) divergence, more closely than the double overload's absolute error of a few ulps of 1
    /// (bᵢ − aᵢ is exact in float wherever bᵢ/aᵢ ∈ [½, 2]; elsewhere its rounding, 2⁻²⁴ of |aᵢ|, enters yᵢ). A vector with a
    /// masked (−∞) logit, or whose exponentials leave float's range (logits about 80·T apart), and every vector without
    /// SIMD, take the double overload's computation on the exactly widened floats.
    /// </remarks>
    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>
    public static double KullbackLeibler(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.KullbackLeibler, logitsP, logitsQ, temperature, unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of logits, into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// destination[r] = KL(p‖q) of row r, as <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/> computes it for that row alone:
    /// the batch form of distillation and calibration, with no allocation. Row r holds the logits at [r·classes, (r + 1)·classes).
    /// </remarks>
    /// <param name="logitsP">The logits of p, row-major [rows, classes]: finite or −∞, at least one finite per row.</param>
    /// <param name="logitsQ">The logits of q, the same shape: finite or −∞, at least one finite per row.</param>
    /// <param name="classes">The number of classes (the row length), ≥ 1.</param>
    /// <param name="destination">Receives one value per row, in <paramref name="unit"/>; its length must be the number of rows, and it must not overlap the logits.</param>
    /// <param name="temperature">The softmax temperature T, applied to every row: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logitsP"/> is not a multiple of <paramref name="classes"/>, the lengths differ, <paramref name="destination"/> does not have one element per row or overlaps the input, a logit is NaN or +∞ (the message names [row,column]), or every logit of a row is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1, <paramref name="temperature"/> is not a finite positive number, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void KullbackLeiblerRows(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.KullbackLeibler, logitsP, logitsQ, classes, destination, temperature, unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of float logits, into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// destination[r] = KL(p‖q) of row r, as <see cref="KullbackLeibler(ReadOnlySpan{float}, ReadOnlySpan{float}, double, LogBase)"/>
    /// computes it for that row alone: in float registers with SIMD, within 2⁻¹⁸ relative, nearly equal rows keeping their
    /// small divergence; a row with a masked (−∞) logit or exponentials past float's range takes the double computation.
    /// Long blocks (from 32 768 logits) are shared among the cores; every row is computed alone, so the results do not
    /// depend on their number, and nothing is allocated.
    /// </remarks>
    /// <inheritdoc cref="KullbackLeiblerRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void KullbackLeiblerRows(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.KullbackLeibler, logitsP, logitsQ, classes, destination, temperature, unit);

    /// <summary>The Jensen–Shannon divergence of p = softmax(a/T) and q = softmax(b/T), from the logits a and b.</summary>
    /// <remarks>
    /// JSD(p, q) = ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2, in [0, ln 2]; the normalisers come from a log-sum-exp, and pᵢ, qᵢ are formed only in registers for the mixture (each term is bounded by (pᵢ + qᵢ)·ln 2, so one that underflows changes nothing), then summed as <see cref="Divergence.JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, LogBase)"/> does. Reference: J. Lin, "Divergence measures based on the Shannon entropy", IEEE Transactions on Information Theory 37 (1991) 145–151. Computed by a stable two-pass log-sum-exp in double without forming the probabilities: nothing overflows or underflows into NaN whatever the spread of the logits (10⁴ apart is fine), and nothing is allocated.
    /// </remarks>
    /// <param name="logitsP">The logits a of p: finite, or −∞ for a masked class; at least one finite.</param>
    /// <param name="logitsQ">The logits b of q, as many as <paramref name="logitsP"/>: finite or −∞; at least one finite.</param>
    /// <param name="temperature">The softmax temperature T: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>JSD(p, q) in <paramref name="unit"/>, in [0, log 2] (ln 2 nats, 1 bit).</returns>
    /// <exception cref="ArgumentException"><paramref name="logitsP"/> is empty, the lengths differ, a logit is NaN or +∞ (the message names the index), or every logit of one input is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a finite positive number (or so small that 1/T overflows), or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles.
    [OverloadResolutionPriority(1)]
    public static double JensenShannon(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.JensenShannon, logitsP, logitsQ, temperature, unit);

    /// <summary>The Jensen–Shannon divergence of p = softmax(a/T) and q = softmax(b/T), from float logits.</summary>
    /// <remarks>As the double overload; each float is widened exactly and every sum is in double, so the result equals the double overload's on the same values.</remarks>
    /// <inheritdoc cref="JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/>
    public static double JensenShannon(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Single(LogitMeasure.JensenShannon, logitsP, logitsQ, temperature, unit);

    /// <summary>The Jensen–Shannon divergence of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of logits, into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// destination[r] = JSD(p, q) of row r, as <see cref="JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, double, LogBase)"/> computes it for that row alone:
    /// the batch form of distillation and calibration, with no allocation. Row r holds the logits at [r·classes, (r + 1)·classes).
    /// </remarks>
    /// <param name="logitsP">The logits of p, row-major [rows, classes]: finite or −∞, at least one finite per row.</param>
    /// <param name="logitsQ">The logits of q, the same shape: finite or −∞, at least one finite per row.</param>
    /// <param name="classes">The number of classes (the row length), ≥ 1.</param>
    /// <param name="destination">Receives one value per row, in <paramref name="unit"/>; its length must be the number of rows, and it must not overlap the logits.</param>
    /// <param name="temperature">The softmax temperature T, applied to every row: finite and &gt; 0; 1 by default.</param>
    /// <param name="unit">The unit of the results; nats by default.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="logitsP"/> is not a multiple of <paramref name="classes"/>, the lengths differ, <paramref name="destination"/> does not have one element per row or overlaps the input, a logit is NaN or +∞ (the message names [row,column]), or every logit of a row is −∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1, <paramref name="temperature"/> is not a finite positive number, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    [OverloadResolutionPriority(1)]
    public static void JensenShannonRows(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.JensenShannon, logitsP, logitsQ, classes, destination, temperature, unit);

    /// <summary>The Jensen–Shannon divergence of p = softmax(a/T) and q = softmax(b/T) of every row of a [rows, classes] block of float logits, into <paramref name="destination"/>.</summary>
    /// <remarks>As the double overload; floats are widened exactly and every sum is in double.</remarks>
    /// <inheritdoc cref="JensenShannonRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void JensenShannonRows(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int classes, Span<double> destination, double temperature = 1.0, LogBase unit = LogBase.Nats)
        => Rows(LogitMeasure.JensenShannon, logitsP, logitsQ, classes, destination, temperature, unit);

    private static double Single<T>(LogitMeasure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q, double temperature, LogBase unit)
        where T : unmanaged
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        (string pName, string qName) = LogitKernels.Names(measure);
        double inverseTemperature = Guard.InverseTemperature(temperature, nameof(temperature));
        Guard.NotEmpty(p.Length, pName);
        Guard.SameLength(p.Length, q.Length, pName, qName);
        return LogitKernels.Nats(measure, p, q, inverseTemperature, pName, qName, row: -1, SimdWidths.Best) / natsPerUnit;
    }

    private static void Rows<T>(
        LogitMeasure measure, ReadOnlySpan<T> p, ReadOnlySpan<T> q, int classes, Span<double> destination, double temperature, LogBase unit)
        where T : unmanaged
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        (string pName, string qName) = LogitKernels.Names(measure);
        double inverseTemperature = Guard.InverseTemperature(temperature, nameof(temperature));
        int rows = Guard.Rows(p.Length, classes, pName, nameof(classes));
        Guard.SameLength(p.Length, q.Length, pName, qName);
        Guard.OnePerRow(rows, destination.Length, nameof(destination));
        Guard.Disjoint(p, destination, pName, nameof(destination));
        Guard.Disjoint(q, destination, qName, nameof(destination));
        LogitKernels.Rows(measure, p, q, classes, destination, inverseTemperature, natsPerUnit, SimdWidths.Best, PartitionedRun.Threads(-1));
    }
}
