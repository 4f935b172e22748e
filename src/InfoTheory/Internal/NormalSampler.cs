using System.Numerics;

namespace InfoTheory.Internal;

// <summary>
// The one normal sampler of both packages, so a seeded <see cref="Random"/> gives the same stream of draws in the core
// estimators and in the variational models.
// </summary>
// <remarks>
// Box–Muller (Box &amp; Muller 1958, "A note on the generation of random normal deviates", Ann. Math. Statist. 29(2)):
// u₁ ∈ (0, 1], u₂ ∈ [0, 1), r = √(−2 ln u₁), θ = 2πu₂, and the pair (r cos θ, r sin θ). It is kept over Marsaglia's
// polar method because it consumes exactly one uniform per draw: a buffer filled in even-length pieces gets the same
// values as one long fill, a caller can say how far the generator advanced, and |ξ| ≤ √(106 ln 2) ≈ 8.57 since u₁ ≥ 2⁻⁵³
// (the polar method rejects a data-dependent 21% of its pairs and reaches about 12). For an odd length the last pair's
// second value is discarded, so the stream a given length consumes is fixed.
// </remarks>
internal static class NormalSampler
{
    // <summary>Fills <paramref name="destination"/> with independent N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²) draws.</summary>
    // <remarks>Each value is μ + σ·r·cos θ (or sin θ) in double, then rounded once to <typeparamref name="T"/>.</remarks>
    public static void Fill<T>(Random random, double mean, double standardDeviation, Span<T> destination)
        where T : INumberBase<T>
    {
        for (int i = 0; i < destination.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            destination[i] = T.CreateChecked(mean + (standardDeviation * r * Math.Cos(theta)));
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = T.CreateChecked(mean + (standardDeviation * r * Math.Sin(theta)));
            }
        }
    }

    // <summary>Fills <paramref name="destination"/> with independent N(0, 1) draws.</summary>
    public static void Fill(Random random, Span<double> destination) => Fill(random, 0.0, 1.0, destination);
}
