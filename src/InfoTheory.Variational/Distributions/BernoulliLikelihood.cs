using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>
/// Independent Bernoulli observations with the decoder output as logits: the usual likelihood
/// for binary or grey-level images.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// log p(x|z) = Σⱼ [xⱼ ln σ(ℓⱼ) + (1 − xⱼ) ln(1 − σ(ℓⱼ))] = Σⱼ [xⱼℓⱼ − softplus(ℓⱼ)], the negative
/// of binary cross-entropy with logits, evaluated without overflow for any |ℓ|. Observations may
/// be any values in [0, 1] (grey levels), as in Kingma and Welling (2014).
/// </remarks>
public sealed class BernoulliLikelihood<T> : Likelihood<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The mean reconstruction E[x|z] = σ(ℓ), the success probabilities.</summary>
    /// <param name="input">The logits ℓ, any shape.</param>
    /// <returns>σ(ℓ), the shape of the logits, in (0, 1).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Sigmoid();
    }

    /// <inheritdoc/>
    /// <remarks>Σⱼ [xⱼℓⱼ − softplus(ℓⱼ)] over the feature axis.</remarks>
    protected override AutodiffTensor<T> LogProbCore(AutodiffTensor<T> output, AutodiffTensor<T> x) => ((output * x) - output.Softplus()).Sum(-1);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An element is NaN or outside [0, 1].</exception>
    protected override void ValidateObservations(AutodiffTensor<T> x, string paramName) => Guard.AllInRange(x, T.Zero, T.One, paramName);
}
