using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <content>The generalized entropies of order α: Rényi's and Tsallis's, both Shannon's at order 1.</content>
public static partial class Entropy
{
    /// <summary>The Rényi entropy H_α(p) of order α, for every α ≥ 0 including 0 (Hartley), 1 (Shannon) and +∞ (min-entropy).</summary>
    /// <remarks>
    /// H_α(p) = 1/(1 − α) · log Σᵢ pᵢ^α, with the limits H₀ = log |{i : pᵢ &gt; 0}| (Hartley; zeros count as 0^α = 0, the
    /// limit α → 0⁺), H₁ = −Σ pᵢ log pᵢ (Shannon, 0·log 0 = 0) and H_∞ = −log maxᵢ pᵢ (min-entropy). H_α is non-increasing in α,
    /// lies in [0, log n], and equals log n at every α for the uniform distribution. The sum is Σ pᵢe^((α−1) ln pᵢ), one
    /// logarithm and one exponential per element in a fused SIMD pass that also validates p; nothing is allocated. Near α = 1,
    /// log Σ pᵢ^α is taken as ln(1 + Σ pᵢ(e^((α−1) ln pᵢ) − 1)) with e^x − 1 formed without cancellation, so H_α is continuous
    /// at 1 to rounding (H at 1 ± 1e-9 agrees with Shannon to about 1e-9 relative, by the true slope −½Var[ln p], not by
    /// rounding). Orders whose powers underflow a double (α in the hundreds on long vectors) are summed with the largest term
    /// factored out. Reference: A. Rényi, "On measures of entropy and information", Proc. Fourth Berkeley Symposium on
    /// Mathematical Statistics and Probability, vol. 1 (1961) 547–561.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 1e-9·√n).</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the min-entropy.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H_α(p) in <paramref name="unit"/>, in [0, log n].</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or negative, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for Shannon.
    [OverloadResolutionPriority(1)]
    public static double Renyi(ReadOnlySpan<double> p, double alpha, LogBase unit = LogBase.Nats) => RenyiOf(p, alpha, unit);

    /// <summary>The Rényi entropy H_α(p) of order α of a distribution held in floats, as a model's softmax output is.</summary>
    /// <remarks>
    /// H_α(p) = 1/(1 − α) · log Σᵢ pᵢ^α with the limits of <see cref="Renyi(ReadOnlySpan{double}, double, LogBase)"/> at α = 0, 1
    /// and +∞; every pᵢ is widened exactly to double and the pass computes in double, so the result equals the double
    /// overload's on the same values. Only the sum tolerance is float's: Σ pᵢ = 1 within 4·2⁻²³·max(1, √n). Reference:
    /// A. Rényi (1961), as above.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 4·2⁻²³·max(1, √n)).</param>
    /// <param name="alpha">The order α ≥ 0; <see cref="double.PositiveInfinity"/> gives the min-entropy.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>H_α(p) in <paramref name="unit"/>, in [0, log n].</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is NaN or negative, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double Renyi(ReadOnlySpan<float> p, double alpha, LogBase unit = LogBase.Nats) => RenyiOf(p, alpha, unit);

    /// <summary>The Tsallis entropy S_q(p) of index q ≥ 0, Shannon's (in nats) at q = 1.</summary>
    /// <remarks>
    /// S_q(p) = (1 − Σᵢ pᵢ^q)/(q − 1), computed as −Σᵢ pᵢ(pᵢ^(q−1) − 1)/(q − 1) (equal for Σ pᵢ = 1), whose terms all have one
    /// sign, so it is continuous at q = 1 to rounding; S₁ = −Σ pᵢ ln pᵢ and S₀ = |{i : pᵢ &gt; 0}| − 1 (zeros count as 0^q = 0).
    /// It is not a logarithm, so it takes no <see cref="LogBase"/>. For independent A and B it is pseudo-additive:
    /// S_q(A, B) = S_q(A) + S_q(B) + (1 − q)·S_q(A)·S_q(B). One fused SIMD pass (one logarithm and one exponential per element)
    /// validates p; nothing is allocated. Reference: C. Tsallis, "Possible generalization of Boltzmann–Gibbs statistics",
    /// Journal of Statistical Physics 52 (1988) 479–487.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 1e-9·√n).</param>
    /// <param name="q">The entropic index q: finite and ≥ 0.</param>
    /// <returns>S_q(p), dimensionless (nats at q = 1), ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is NaN, negative or infinite.</exception>
    // Untyped collection expressions ([] or integer literals) mean doubles, as for Shannon.
    [OverloadResolutionPriority(1)]
    public static double Tsallis(ReadOnlySpan<double> p, double q) => TsallisOf(p, q);

    /// <summary>The Tsallis entropy S_q(p) of index q ≥ 0 of a distribution held in floats.</summary>
    /// <remarks>
    /// S_q(p) = (1 − Σᵢ pᵢ^q)/(q − 1), as <see cref="Tsallis(ReadOnlySpan{double}, double)"/>, computed in double on the exactly
    /// widened values; Σ pᵢ = 1 within float's tolerance 4·2⁻²³·max(1, √n). Reference: C. Tsallis (1988), as above.
    /// </remarks>
    /// <param name="p">The probability vector p: every pᵢ finite and ≥ 0, Σ pᵢ = 1 (within 4·2⁻²³·max(1, √n)).</param>
    /// <param name="q">The entropic index q: finite and ≥ 0.</param>
    /// <returns>S_q(p), dimensionless (nats at q = 1), ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a probability vector (the message names the offending index or the sum).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is NaN, negative or infinite.</exception>
    public static double Tsallis(ReadOnlySpan<float> p, double q) => TsallisOf(p, q);

    private static double RenyiOf<T>(ReadOnlySpan<T> p, double alpha, LogBase unit)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.Order(alpha, infinityAllowed: true, nameof(alpha));
        if (alpha == 1)
        {
            return ShannonOf(p, unit);
        }

        double nats;
        if (alpha == 0)
        {
            Guard.Probabilities(p, nameof(p));
            nats = Math.Log(SupportSize(p));
        }
        else if (double.IsPositiveInfinity(alpha))
        {
            Guard.Probabilities(p, nameof(p));
            nats = -Math.Log(double.CreateTruncating(TensorPrimitives.Max(p)));
        }
        else
        {
            nats = -PowerEntropyKernel<T>.Sum(p, alpha - 1, nameof(p), SimdWidths.Best, PartitionedRun.Threads(-1)).ScaledLog;
        }

        return Math.Clamp(nats, 0.0, Math.Log(p.Length)) / natsPerUnit;
    }

    private static double TsallisOf<T>(ReadOnlySpan<T> p, double q)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Guard.Order(q, infinityAllowed: false, nameof(q));
        if (q == 1)
        {
            return ShannonOf(p, LogBase.Nats);
        }

        double t = q - 1;
        return Math.Max(-PowerEntropyKernel<T>.Sum(p, t, nameof(p), SimdWidths.Best, PartitionedRun.Threads(-1)).Excess / t, 0.0);
    }

    private static int SupportSize<T>(ReadOnlySpan<T> p)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int size = 0;
        foreach (T v in p)
        {
            size += v > T.Zero ? 1 : 0;
        }

        return size;
    }
}
