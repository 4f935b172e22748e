using System.Globalization;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// Spots posterior collapse, where a VAE's encoder learns to ignore its input (q(z|x) ≈ p(z) for every x, so KL ≈ 0) and
/// the decoder models the data without the latent code, and says what to try.
/// </summary>
internal static class PosteriorCollapse
{
    /// <summary>KL(q(z|x) ‖ p(z)) below this, in nats per example for the whole code (0.07 bits), counts as ≈ 0.</summary>
    public const double KlThreshold = 0.05;

    /// <summary>A latent unit is active when its posterior mean varies across examples by more than this (Burda, Grosse and Salakhutdinov, 2016).</summary>
    public const double ActivityThreshold = 0.01;

    /// <summary>
    /// The number of active latent units: those whose posterior mean E_q[z_u | x] has a variance over the examples above
    /// <see cref="ActivityThreshold"/>. Burda, Grosse and Salakhutdinov (2016), "Importance weighted autoencoders", ICLR.
    /// </summary>
    /// <param name="means">The encoder's posterior means, one row per example, one column per latent unit; at least one row.</param>
    public static int ActiveUnits(float[,] means)
    {
        int n = means.GetLength(0), units = means.GetLength(1);
        if (n == 0)
        {
            throw new ArgumentException("means has no rows; the activity of a unit needs at least one example.", nameof(means));
        }

        int active = 0;
        for (int u = 0; u < units; u++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += means[i, u];
            }

            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++)
            {
                double d = means[i, u] - mean;
                variance += d * d;
            }

            if (variance / n > ActivityThreshold)
            {
                active++;
            }
        }

        return active;
    }

    /// <summary>The summary's warning when the KL term has collapsed to ≈ 0 (below <see cref="KlThreshold"/>), or null otherwise.</summary>
    /// <param name="kl">KL(q(z|x) ‖ p(z)) on the training data, nats per example.</param>
    /// <param name="activeUnits">The active latent units, from <see cref="ActiveUnits"/>.</param>
    /// <param name="latentUnits">The latent units the model has.</param>
    /// <param name="klWeight">The β the model was trained with.</param>
    public static string? Warning(double kl, int activeUnits, int latentUnits, double klWeight)
    {
        // The KL term alone decides: early in training every unit can still sit below the activity threshold while the
        // KL term is well above 0 and rising, and that is a model still learning, not a collapsed one.
        if (kl >= KlThreshold)
        {
            return null;
        }

        // β < 1 is the one knob the library has for this: it trains with a fixed weight, not a warm-up schedule or free bits.
        double suggested = Math.Min(0.5, klWeight / 2);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"posterior collapse: KL(q(z|x) ‖ p(z)) is {kl:0.000} nats and {activeUnits} of {latentUnits} latent units are active, so the code carries almost nothing about the input and samples look alike. Try: --kl-weight {suggested:0.##} (β < 1 weights the KL term down, a fixed stand-in for KL warm-up or free bits, which the library does not schedule); more --epochs; in your own code, a narrower decoder (hiddenSizes) or, for real-valued columns, a GaussianLikelihood with a small or learned variance instead of the Bernoulli one.");
    }
}
