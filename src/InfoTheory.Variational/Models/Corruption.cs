using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Models;

/// <summary>A corruption process x → x̃ that a denoising autoencoder learns to undo.</summary>
/// <remarks>
/// Vincent, Larochelle, Lajoie, Bengio and Manzagol, "Stacked denoising autoencoders", JMLR 11 (2010), §4.2:
/// masking noise (a fraction ν of inputs forced to 0), additive isotropic Gaussian noise x̃ = x + σξ, and
/// salt-and-pepper noise (a fraction ν of inputs set to the minimum or maximum value with equal probability).
/// Every draw comes from the caller's generator, so the same seed corrupts the same inputs the same way.
/// </remarks>
public sealed record Corruption
{
    private Corruption(CorruptionKind kind, double level, float low, float high)
    {
        Kind = kind;
        Level = level;
        Low = low;
        High = high;
    }

    /// <summary>The process.</summary>
    public CorruptionKind Kind { get; }

    /// <summary>ν, the corrupted fraction in [0, 1], for masking and salt-and-pepper; σ &gt;= 0 for additive Gaussian noise.</summary>
    public double Level { get; }

    /// <summary>The "pepper" value of salt-and-pepper noise (0 unless given); unused by the other kinds.</summary>
    public float Low { get; }

    /// <summary>The "salt" value of salt-and-pepper noise (1 unless given); unused by the other kinds.</summary>
    public float High { get; }

    /// <summary>Masking noise: each input is set to 0 with probability <paramref name="fraction"/>.</summary>
    /// <param name="fraction">ν, the probability that an input is zeroed, in [0, 1].</param>
    /// <returns>The corruption.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside [0, 1] or NaN.</exception>
    public static Corruption Masking(double fraction)
    {
        Guard.InRange(fraction, 0.0, 1.0, nameof(fraction));
        return new Corruption(CorruptionKind.Masking, fraction, 0f, 0f);
    }

    // <summary>
    // The largest σ of <see cref="AdditiveGaussian"/>: float.MaxValue / 16, so that σξ stays a finite float for
    // every draw Box–Muller can make from doubles (|ξ| ≤ √(106 ln 2) ≈ 8.57).
    // </summary>
    private const double MaxStandardDeviation = float.MaxValue / 16.0;

    /// <summary>Additive Gaussian noise: x̃ = x + σξ with ξ ~ N(0, 1) drawn independently for every input.</summary>
    /// <param name="standardDeviation">σ, finite, &gt;= 0 and at most float.MaxValue / 16 ≈ 2.1e37, so that the noise is a finite float.</param>
    /// <returns>The corruption.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative, NaN, or above float.MaxValue / 16.</exception>
    public static Corruption AdditiveGaussian(double standardDeviation)
    {
        Guard.InRange(standardDeviation, 0.0, MaxStandardDeviation, nameof(standardDeviation));
        return new Corruption(CorruptionKind.AdditiveGaussian, standardDeviation, 0f, 0f);
    }

    /// <summary>Salt-and-pepper noise: with probability <paramref name="fraction"/> an input becomes <paramref name="low"/> or <paramref name="high"/> (fair coin).</summary>
    /// <param name="fraction">ν, the probability that an input is replaced, in [0, 1].</param>
    /// <param name="low">The minimum value of the data, finite; 0 by default.</param>
    /// <param name="high">The maximum value of the data, finite and &gt;= <paramref name="low"/>; 1 by default.</param>
    /// <returns>The corruption.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="fraction"/> is outside [0, 1], <paramref name="low"/> is not finite, or <paramref name="high"/> is not finite or below <paramref name="low"/>.
    /// </exception>
    public static Corruption SaltAndPepper(double fraction, float low = 0f, float high = 1f)
    {
        Guard.InRange(fraction, 0.0, 1.0, nameof(fraction));
        Guard.Finite(low, nameof(low));
        Guard.InRange(high, low, float.MaxValue, nameof(high));
        return new Corruption(CorruptionKind.SaltAndPepper, fraction, low, high);
    }

    /// <summary>Writes a corrupted copy of <paramref name="clean"/> into <paramref name="destination"/>, which may be <paramref name="clean"/> itself.</summary>
    /// <param name="clean">The clean inputs; not modified unless <paramref name="destination"/> is the same memory.</param>
    /// <param name="random">The generator; it advances by one or two draws per input.</param>
    /// <param name="destination">At least clean.Length values; the first clean.Length are overwritten. The same span as <paramref name="clean"/> corrupts in place, with the result that separate memory would get.</param>
    /// <remarks>Masking and salt-and-pepper draw one uniform per input (two when replaced); Gaussian noise draws normals by Box–Muller, one uniform per input.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="clean"/>, or overlaps it shifted by some elements.</exception>
    public void Apply(ReadOnlySpan<float> clean, Random random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.MinimumLength(destination.Length, clean.Length, $"{clean.Length} clean inputs", nameof(destination));
        Guard.InPlaceOrDisjoint(clean, destination, nameof(clean), nameof(destination));
        switch (Kind)
        {
            case CorruptionKind.Masking:
                for (int i = 0; i < clean.Length; i++)
                {
                    destination[i] = random.NextDouble() < Level ? 0f : clean[i];
                }

                break;
            case CorruptionKind.AdditiveGaussian:
                AddNormalNoise(clean, random, (float)Level, destination);
                break;
            default:
                for (int i = 0; i < clean.Length; i++)
                {
                    destination[i] = random.NextDouble() < Level ? (random.NextDouble() < 0.5 ? Low : High) : clean[i];
                }

                break;
        }
    }

    // <summary>
    // destination[i] = clean[i] + σξᵢ, drawing the noise a block at a time so that each input is read before its
    // output is written (in place works). Blocks have even length, so Box–Muller pairs fall as in one long fill.
    // </summary>
    private static void AddNormalNoise(ReadOnlySpan<float> clean, Random random, float standardDeviation, Span<float> destination)
    {
        Span<float> noise = stackalloc float[256];
        for (int start = 0; start < clean.Length; start += noise.Length)
        {
            int count = Math.Min(noise.Length, clean.Length - start);
            NormalSampler.Fill(random, 0.0, standardDeviation, noise[..count]);
            for (int j = 0; j < count; j++)
            {
                destination[start + j] = clean[start + j] + noise[j];
            }
        }
    }
}
