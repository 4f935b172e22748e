using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;

namespace InfoTheory.Variational.Losses;

/// <summary>The importance-weighted lower bound on log p(x) (IWAE), an estimate of the evidence that tightens as k grows.</summary>
/// <remarks>
/// L_k = E[log (1/k) Σᵢ wᵢ] with wᵢ = p(x|zᵢ) p(zᵢ) / q(zᵢ|x) and z₁…z_k ~ q(z|x) independent
/// (Burda, Grosse and Salakhutdinov 2016, "Importance Weighted Autoencoders"). L₁ is the ELBO,
/// L_k ≤ L_{k+1} ≤ log p(x), and L_k → log p(x) as k → ∞ when the weights are bounded. Computed
/// with log-sum-exp, so the weights never overflow; differentiable, so it can also be trained on.
/// </remarks>
public static class ImportanceWeightedBound
{
    /// <summary>Evaluates one draw of the k-sample bound for each example.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="x">The batch, shape [batch, features] (or [features] for one example).</param>
    /// <param name="posterior">The proposal q(z|x), shape [batch, d] (or [d]) to match <paramref name="x"/>.</param>
    /// <param name="decoder">Maps latent codes [k, batch, d] to decoder outputs [k, batch, features]; the sample axis must pass through.</param>
    /// <param name="likelihood">p(x|z), applied to the decoder output.</param>
    /// <param name="samples">k ≥ 1; all k samples are decoded in one batch.</param>
    /// <param name="random">The source of the samples; the same seed gives the same bits.</param>
    /// <returns>log (1/k) Σᵢ wᵢ for each example, in nats, shape [batch] (or [] for one example).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The batch shapes of <paramref name="x"/> and <paramref name="posterior"/> differ, <paramref name="x"/> is not finite
    /// or outside the likelihood's support, or the decoder output does not have the shape of <paramref name="x"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1.</exception>
    public static AutodiffTensor<T> Evaluate<T>(
        AutodiffTensor<T> x, DiagonalGaussian<T> posterior, Func<AutodiffTensor<T>, AutodiffTensor<T>> decoder, Likelihood<T> likelihood, int samples, Random random)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Elbo.ValidateBatch(x, posterior, decoder, likelihood, random);
        Guard.InRange(samples, 1, int.MaxValue, nameof(samples));
        var z = posterior.RSample(random, samples);
        var logWeights = Elbo.DecodedLogProb(decoder, likelihood, z, x) + StandardNormalPrior.LogProb(z) - posterior.LogProb(z);
        return logWeights.LogSumExp(0) - T.CreateChecked(Math.Log(samples));
    }
}
