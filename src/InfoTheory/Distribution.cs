using System.Numerics.Tensors;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>Helpers for probability vectors: the explicit normalisation every measure's strict validation asks for.</summary>
/// <remarks>
/// Measures never renormalise their input silently (scipy's <c>entropy</c> does, which hides data
/// errors: scipy #12553); a caller holding unnormalised weights calls <see cref="Normalize(ReadOnlySpan{double})"/> first.
/// </remarks>
public static class Distribution
{
    /// <summary>Scales non-negative weights into a probability vector, writing it to <paramref name="destination"/>.</summary>
    /// <remarks>
    /// pᵢ = wᵢ / Σⱼ wⱼ. When the sum of finite weights overflows, the weights are first scaled by
    /// 1/max wⱼ, so every finite input normalises. <paramref name="destination"/> may be the same
    /// span as <paramref name="weights"/> (in-place normalisation); only its first
    /// <c>weights.Length</c> elements are written. Nothing is allocated.
    /// </remarks>
    /// <param name="weights">The weights wᵢ: every entry finite and ≥ 0, at least one &gt; 0.</param>
    /// <param name="destination">Receives pᵢ; at least as long as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="weights"/> is empty, has a negative, NaN or infinite entry, or sums to 0; or
    /// <paramref name="destination"/> is too short or partially overlaps <paramref name="weights"/>.
    /// </exception>
    public static void Normalize(ReadOnlySpan<double> weights, Span<double> destination)
    {
        if (destination.Length < weights.Length)
        {
            throw new ArgumentException(
                $"destination has length {destination.Length} but weights has length {weights.Length}; it must be at least as long.",
                nameof(destination));
        }

        Guard.InPlaceOrDisjoint(weights, destination, nameof(weights), nameof(destination));

        double sum = Guard.Weights(weights, nameof(weights));
        Span<double> target = destination[..weights.Length];
        if (double.IsPositiveInfinity(sum))
        {
            TensorPrimitives.Divide(weights, TensorPrimitives.Max(weights), target);
            TensorPrimitives.Divide(target, TensorPrimitives.Sum<double>(target), target);
            return;
        }

        TensorPrimitives.Divide(weights, sum, target);
    }

    /// <summary>Scales non-negative weights into a new probability vector.</summary>
    /// <remarks>pᵢ = wᵢ / Σⱼ wⱼ, as <see cref="Normalize(ReadOnlySpan{double}, Span{double})"/>.</remarks>
    /// <param name="weights">The weights wᵢ: every entry finite and ≥ 0, at least one &gt; 0.</param>
    /// <returns>A new array p with pᵢ = wᵢ / Σ w, which sums to 1 up to rounding.</returns>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty, has a negative, NaN or infinite entry, or sums to 0.</exception>
    public static double[] Normalize(ReadOnlySpan<double> weights)
    {
        var result = new double[weights.Length];
        Normalize(weights, result);
        return result;
    }
}
