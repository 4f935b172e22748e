using System.Numerics;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;

namespace InfoTheory.Variational.Losses;

/// <summary>The negative evidence lower bound (ELBO), the loss of a variational autoencoder.</summary>
/// <remarks>
/// <para>
/// For each example, log p(x) ≥ E_q[log p(x|z)] − KL(q(z|x)‖p(z)) by Jensen's inequality, with
/// q(z|x) the encoder's diagonal Gaussian and p(z) = N(0, I). The loss is
/// −E_q[log p(x|z)] + β·KL(q‖p), the expectation estimated with L reparameterised samples
/// z = μ + σ·ξ so gradients reach the encoder (Kingma and Welling 2014, "Auto-Encoding
/// Variational Bayes"; β from Higgins et al. 2017).
/// </para>
/// <para>Per example the log-likelihood is summed over the features (that sum is what bounds log p(x), so it is
/// not a choice); over the batch the terms are reduced as the caller's <see cref="LossReduction"/> says: the mean
/// (nats per example, independent of the batch size) or the sum (nats for the whole batch).</para>
/// </remarks>
public static class Elbo
{
    /// <summary>Evaluates the negative ELBO of a batch and returns its terms.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="x">The batch, shape [batch, features] (or [features] for one example).</param>
    /// <param name="posterior">q(z|x), the encoder's Gaussians, shape [batch, d] (or [d]) to match <paramref name="x"/>.</param>
    /// <param name="decoder">Maps latent codes [..., d] to decoder outputs [..., features] (a module's <c>Forward</c>); leading sample axes must pass through.</param>
    /// <param name="likelihood">p(x|z), applied to the decoder output.</param>
    /// <param name="random">The source of the reparameterisation noise; the same seed gives the same bits.</param>
    /// <param name="reduction">How the per-example terms become the batch's: <see cref="LossReduction.Mean"/> (nats per example, what the models train on) or <see cref="LossReduction.Sum"/>; no default, so the call says which.</param>
    /// <param name="options">β, L and the KL estimator; <see cref="ElboOptions.Default"/> when null.</param>
    /// <returns>The loss, its reconstruction and KL terms, reduced over the batch as asked and per example, in nats.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The batch shapes of <paramref name="x"/> and <paramref name="posterior"/> differ, <paramref name="x"/> is not finite
    /// or outside the likelihood's support, or <paramref name="decoder"/> returns null or an output that does not end in the shape of <paramref name="x"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is not a defined <see cref="LossReduction"/>, or <paramref name="options"/> has L so large that L × the elements of <paramref name="x"/> or of the posterior mean exceeds <see cref="int.MaxValue"/>.</exception>
    public static ElboTerms<T> Evaluate<T>(
        AutodiffTensor<T> x, DiagonalGaussian<T> posterior, Func<AutodiffTensor<T>, AutodiffTensor<T>> decoder, Likelihood<T> likelihood, Random random, LossReduction reduction, ElboOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options = Validate(x, posterior, decoder, likelihood, random, options);
        Guard.Defined(reduction, nameof(reduction));
        AutodiffTensor<T> reconstruction;
        AutodiffTensor<T> kl;
        if (options.Samples == 1)
        {
            var z = posterior.RSample(random);
            reconstruction = -DecodedLogProb(decoder, likelihood, z, x);
            kl = options.MonteCarloKl is { } estimator
                ? MonteCarloTerm(posterior.LogProb(z) - StandardNormalPrior.LogProb(z), estimator)
                : posterior.KullbackLeiblerToStandardNormal();
        }
        else
        {
            var z = posterior.RSample(random, options.Samples);
            reconstruction = -DecodedLogProb(decoder, likelihood, z, x).Mean(0);
            kl = options.MonteCarloKl is { } estimator
                ? MonteCarloTerm(posterior.LogProb(z) - StandardNormalPrior.LogProb(z), estimator).Mean(0)
                : posterior.KullbackLeiblerToStandardNormal();
        }

        var perExample = options.Beta == 1.0 ? reconstruction + kl : reconstruction + (kl * T.CreateChecked(options.Beta));
        return new ElboTerms<T>(Reduce(perExample, reduction), Reduce(reconstruction, reduction), Reduce(kl, reduction), reconstruction, kl, reduction);
    }

    // <summary>The per-sample KL term of an estimator, from ℓ = log q(z|x) − log p(z) (see <see cref="ElboOptions.MonteCarloKl"/>).</summary>
    private static AutodiffTensor<T> MonteCarloTerm<T>(AutodiffTensor<T> l, MonteCarloEstimator estimator)
        where T : unmanaged, IFloatingPointIeee754<T>
        => estimator switch
        {
            MonteCarloEstimator.K1 => l,
            MonteCarloEstimator.K2 => l.Square() * T.CreateChecked(0.5),
            MonteCarloEstimator.K3 => l.Negate().Exp() - T.One + l,
            _ => l.Abs(),
        };

    // <summary>log p(x|z) of the decoder's output for <paramref name="z"/>, with a wrong output blamed on the decoder.</summary>
    // <exception cref="ArgumentException">The decoder returned null or an output that does not end in the shape of <paramref name="x"/>.</exception>
    internal static AutodiffTensor<T> DecodedLogProb<T>(Func<AutodiffTensor<T>, AutodiffTensor<T>> decoder, Likelihood<T> likelihood, AutodiffTensor<T> z, AutodiffTensor<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var output = decoder(z);
        var shape = output is null ? default : output.Shape;
        if (output is null || shape.Length < x.Rank || !shape[(shape.Length - x.Rank)..].SequenceEqual(x.Shape))
        {
            throw new ArgumentException(
                $"decoder returned {(output is null ? "null" : "shape " + Shapes.Format(shape))} for codes of shape {Shapes.Format(z.Shape)}; its output must end in the shape of x, {Shapes.Format(x.Shape)}.",
                nameof(decoder));
        }

        return likelihood.LogProb(output, x);
    }

    // <summary>The batch's value of per-example terms: their mean or their sum.</summary>
    private static AutodiffTensor<T> Reduce<T>(AutodiffTensor<T> perExample, LossReduction reduction)
        where T : unmanaged, IFloatingPointIeee754<T>
        => reduction == LossReduction.Sum ? perExample.Sum() : perExample.Mean();

    // <summary>Checks the shared arguments of the ELBO and importance-weighted bounds.</summary>
    internal static void ValidateBatch<T>(AutodiffTensor<T> x, DiagonalGaussian<T> posterior, Func<AutodiffTensor<T>, AutodiffTensor<T>> decoder, Likelihood<T> likelihood, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.MinimumRank(x, 1, "[batch, features] or [features]", nameof(x));
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(likelihood);
        ArgumentNullException.ThrowIfNull(random);
        var batch = x.Shape[..^1];
        var latentBatch = posterior.Mean.Shape[..^1];
        if (!batch.SequenceEqual(latentBatch))
        {
            throw new ArgumentException(
                $"posterior has mean shape {Shapes.Format(posterior.Mean.Shape)} but x has shape {Shapes.Format(x.Shape)}; their leading (batch) extents must agree.",
                nameof(posterior));
        }
    }

    private static ElboOptions Validate<T>(AutodiffTensor<T> x, DiagonalGaussian<T> posterior, Func<AutodiffTensor<T>, AutodiffTensor<T>> decoder, Likelihood<T> likelihood, Random random, ElboOptions? options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ValidateBatch(x, posterior, decoder, likelihood, random);
        options ??= ElboOptions.Default;

        // L samples stack the codes and the decoder outputs along a new axis: both must fit one tensor.
        Guard.ElementCount(nameof(options), "options.Samples × the posterior mean's elements", options.Samples, posterior.Mean.Length);
        Guard.ElementCount(nameof(options), "options.Samples × x's elements", options.Samples, x.Length);
        return options;
    }
}
