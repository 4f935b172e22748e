using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <summary>Shannon entropy and its relatives: cross-entropy, self-information, joint, conditional and count-based estimates.</summary>
/// <remarks>
/// All measures compute in nats and convert once to the requested <see cref="LogBase"/>.
/// By convention 0·log 0 = 0. Reference: C. E. Shannon, "A Mathematical Theory of Communication",
/// Bell System Technical Journal 27 (1948) 379–423; T. M. Cover and J. A. Thomas, Elements of
/// Information Theory, 2nd ed. (Wiley, 2006), ch. 2.
/// </remarks>
public static partial class Entropy
{
    /// <summary>The Shannon entropy H(p) of a discrete distribution.</summary>
    /// <remarks>
    /// H(p) = −Σᵢ pᵢ log pᵢ, with 0·log 0 = 0. It lies in [0, log n] and is maximal for the uniform
    /// distribution; rounding never takes the result outside that interval. One fused SIMD pass
    /// validates p and sums the terms; nothing is allocated.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 1e-9·√n).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) in <paramref name="unit"/>, in [0, log n].</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as they did before the float overload existed.
    [OverloadResolutionPriority(1)]
    public static double Shannon(ReadOnlySpan<double> p, LogBase unit = LogBase.Nats) => ShannonOf(p, unit);

    /// <summary>The Shannon entropy H(p) of a discrete distribution held in floats, as a model's softmax output is.</summary>
    /// <remarks>
    /// H(p) = −Σᵢ pᵢ log pᵢ, with 0·log 0 = 0, as <see cref="Shannon(ReadOnlySpan{double}, LogBase)"/>: every pᵢ is widened
    /// exactly to double and the pass computes and accumulates in double, so the result equals the double overload's on the
    /// same values, bit for bit. Only the sum tolerance is float's: Σ pᵢ = 1 within 4·2⁻²³·max(1, √n) (about 4.8e-7 for a
    /// short vector), since a float softmax is off 1 by its rounding.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 4·2⁻²³·max(1, √n)).</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p) in <paramref name="unit"/>, in [0, log n].</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Shannon(ReadOnlySpan<float> p, LogBase unit = LogBase.Nats) => ShannonOf(p, unit);

    /// <summary>The cross-entropy H(p, q): the expected code length under q of symbols drawn from p.</summary>
    /// <remarks>
    /// H(p, q) = −Σᵢ pᵢ log qᵢ = H(p) + KL(p‖q), with 0·log q = 0 and H(p, q) = +∞ when some
    /// qᵢ = 0 &lt; pᵢ. One fused SIMD pass validates both vectors; nothing is allocated.
    /// </remarks>
    /// <param name="p">The distribution the symbols come from: a probability vector.</param>
    /// <param name="q">The distribution the code is built for: a probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p, q) in <paramref name="unit"/>, in [H(p), +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as they did before the float overload existed.
    [OverloadResolutionPriority(1)]
    public static double Cross(ReadOnlySpan<double> p, ReadOnlySpan<double> q, LogBase unit = LogBase.Nats) => CrossOf(p, q, unit);

    /// <summary>The cross-entropy H(p, q) of two distributions held in floats, as a model's softmax outputs are.</summary>
    /// <remarks>
    /// H(p, q) = −Σᵢ pᵢ log qᵢ, with 0·log q = 0 and +∞ when some qᵢ = 0 &lt; pᵢ, computed and accumulated in double on the
    /// exactly widened values (the double overload's result, bit for bit); each sum must be 1 within float's tolerance,
    /// 4·2⁻²³·max(1, √n).
    /// </remarks>
    /// <param name="p">The distribution the symbols come from: a float probability vector.</param>
    /// <param name="q">The distribution the code is built for: a float probability vector of the same length.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H(p, q) in <paramref name="unit"/>, in [H(p), +∞].</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> or <paramref name="q"/> is empty or not a probability vector, or their lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Cross(ReadOnlySpan<float> p, ReadOnlySpan<float> q, LogBase unit = LogBase.Nats) => CrossOf(p, q, unit);

    /// <summary>The self-information (surprisal) I = −log P of an event of probability P.</summary>
    /// <remarks>
    /// I(x) = −log P(x); the entropy is its expectation, H(X) = E[I(X)]. An impossible event
    /// (P = 0) carries unbounded information: the result is +∞, the limit of −log P as P → 0,
    /// matching the convention that KL is +∞ where q = 0 &lt; p.
    /// </remarks>
    /// <param name="probability">The probability P of the event, in [0, 1].</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>−log P in <paramref name="unit"/>, in [0, +∞]; 0 for a certain event.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="probability"/> is NaN or outside [0, 1], or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.
    /// </exception>
    public static double SelfInformation(double probability, LogBase unit = LogBase.Nats)
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.InRange(probability, 0.0, 1.0, nameof(probability));
        return (0.0 - Math.Log(probability)) / natsPerUnit;
    }

    private static double ShannonOf<T>(ReadOnlySpan<T> p, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        double nats = EntropyKernel<T>.Nats(p, nameof(p), SimdWidths.Best, PartitionedRun.Threads(-1));
        return Math.Clamp(nats, 0.0, Math.Log(p.Length)) / natsPerUnit;
    }

    private static double CrossOf<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        double nats = CrossEntropyKernel.Nats(p, q, nameof(p), nameof(q), SimdWidths.Best, PartitionedRun.Threads(-1));
        return Math.Max(nats, 0.0) / natsPerUnit;
    }
}
