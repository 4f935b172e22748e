using System.Buffers;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory;

/// <content>Bregman divergences D_φ(x, y) = φ(x) − φ(y) − ⟨∇φ(y), x − y⟩ of a convex potential φ.</content>
public static partial class Divergence
{
    // Up to this length a caller's gradient is written to the stack, beyond it to a pooled array: no allocation either way.
    private const int StackGradientLength = 256;

    /// <summary>The Bregman divergence D_φ(x, y) = φ(x) − φ(y) − ⟨∇φ(y), x − y⟩ of the generator φ: how far φ(x) lies above φ's tangent plane at y.</summary>
    /// <remarks>
    /// For a strictly convex φ, D_φ ≥ 0 with equality iff x = y; it is neither symmetric nor a metric in general. The
    /// vectors need not be normalised. The named generators run as one fused SIMD pass over both vectors, which also
    /// validates them, shared among the cores in 8 fixed parts from 32 768 entries on (so the result does not depend on their
    /// number), and allocate nothing: <see cref="BregmanGenerator.SquaredEuclidean"/> gives Σᵢ (xᵢ − yᵢ)² over any
    /// finite vectors; <see cref="BregmanGenerator.GeneralizedKullbackLeibler"/> gives Σᵢ xᵢ ln(xᵢ/yᵢ) − xᵢ + yᵢ (nats)
    /// over non-negative ones, with a term yᵢ where xᵢ = 0 (0·log 0 = 0) and +∞ where yᵢ = 0 &lt; xᵢ (KL(x‖y) when both sum
    /// to 1); <see cref="BregmanGenerator.ItakuraSaito"/> gives Σᵢ xᵢ/yᵢ − ln(xᵢ/yᵢ) − 1 over positive ones, +∞ only where a
    /// quotient exceeds e^709. Their terms are each ≥ 0 and formed without cancellation (ln(x/y) with the quotient never
    /// rounded, e^ℓ − 1 − ℓ in one piece), so nearly equal vectors keep their small divergence. A caller's generator is
    /// evaluated as the definition reads, φ(x) and φ(y) at full size, so the subtraction can lose digits where φ is large
    /// against D; ∇φ(y) is written to the stack or a pooled buffer, so nothing is allocated there either. The result is
    /// clamped to ≥ 0 against rounding. References: L. M. Bregman, USSR Comput. Math. and Math. Phys. 7 (1967) 200–217;
    /// A. Banerjee, S. Merugu, I. S. Dhillon and J. Ghosh, "Clustering with Bregman divergences", JMLR 6 (2005) 1705–1749.
    /// </remarks>
    /// <param name="x">The first point: finite entries in the generator's domain (any reals, non-negative, or positive for the named three).</param>
    /// <param name="y">The second point, where φ's tangent is taken: of <paramref name="x"/>'s length, in the same domain.</param>
    /// <param name="generator">The potential φ with its gradient.</param>
    /// <returns>D_φ(x, y) in [0, +∞], in φ's units (nats for the generalized KL): 0 iff x = y.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="x"/> or <paramref name="y"/> is empty, holds a non-finite entry or one outside the generator's domain
    /// (negative for the generalized KL, not positive for Itakura–Saito; for a caller's generator, where φ or ∇φ is not
    /// finite), or their lengths differ.
    /// </exception>
    public static double Bregman(ReadOnlySpan<double> x, ReadOnlySpan<double> y, BregmanGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Guard.NotEmpty(x.Length, nameof(x));
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        double divergence = generator.Generator switch
        {
            BregmanGenerator.Kind.SquaredEuclidean => Separable<SquaredDifferenceTerm>(x, y, double.NegativeInfinity, strict: false),
            BregmanGenerator.Kind.GeneralizedKullbackLeibler => Separable<GeneralizedKullbackLeiblerTerm>(x, y, 0.0, strict: false),
            BregmanGenerator.Kind.ItakuraSaito => Separable<ItakuraSaitoTerm>(x, y, 0.0, strict: true),
            _ => General(x, y, generator.Function!, generator.Gradient!),
        };
        return Math.Max(divergence, 0.0);
    }

    // <summary>Σ g(xᵢ, yᵢ) for a named generator whose domain is every entry ≥ <paramref name="lowest"/> (&gt; it when <paramref name="strict"/>).</summary>
    private static double Separable<TTerm>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double lowest, bool strict)
        where TTerm : struct, IPairTerm<TTerm>
    {
        double sum = VectorPairPass<TTerm>.Sum(x, y, SimdWidths.Best, out bool finite, out double minX, out double minY, PartitionedRun.Threads(-1));
        if (!finite)
        {
            Guard.AllFinite(x, nameof(x));
            Guard.AllFinite(y, nameof(y));
        }

        if (minX < lowest || minY < lowest || (strict && (minX == lowest || minY == lowest)))
        {
            if (strict)
            {
                Guard.AllPositive(x, nameof(x));
                Guard.AllPositive(y, nameof(y));
            }

            Guard.AllNonNegativeFinite(x, nameof(x));
            Guard.AllNonNegativeFinite(y, nameof(y));
        }

        return sum;
    }

    // <summary>φ(x) − φ(y) − ⟨∇φ(y), x − y⟩ for a caller's φ and ∇φ.</summary>
    private static double General(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, Func<ReadOnlySpan<double>, double> function, Action<ReadOnlySpan<double>, Span<double>> gradient)
    {
        Guard.AllFinite(x, nameof(x));
        Guard.AllFinite(y, nameof(y));
        double atX = function(x);
        Guard.GeneratorValue(atX, "φ(x)", nameof(x));
        double atY = function(y);
        Guard.GeneratorValue(atY, "φ(y)", nameof(y));
        double[]? rented = null;
        Span<double> slope = x.Length <= StackGradientLength
            ? stackalloc double[StackGradientLength]
            : (rented = ArrayPool<double>.Shared.Rent(x.Length));
        try
        {
            slope = slope[..x.Length];
            slope.Clear();
            gradient(y, slope);
            double inner = 0;
            for (int i = 0; i < x.Length; i++)
            {
                Guard.GeneratorValue(slope[i], $"∇φ(y)[{i}]", nameof(y));
                inner += slope[i] * (x[i] - y[i]);
            }

            return atX - atY - inner;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
