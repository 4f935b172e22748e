using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Distributions;

/// <summary>
/// The observation model p(x|z) of a decoder: turns the decoder's raw output into a per-example
/// log-likelihood. A module, so learned likelihood parameters (a learned variance) are saved,
/// loaded and optimised with the model that registers it.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// <para>A likelihood without parameters is stateless: one instance may serve several models and threads. One with
/// learned parameters belongs to the first model built with it; a second model rejects it.</para>
/// <para>Derive from it for another observation model: implement <see cref="LogProbCore"/> (validated
/// inputs) and <see cref="Module{T}.Forward"/> (the mean reconstruction E[x|z]).</para>
/// </remarks>
public abstract class Likelihood<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private object? _owner;

    // <summary>
    // Makes <paramref name="owner"/> the one model that trains this likelihood's parameters. A likelihood without
    // parameters (Bernoulli, a fixed-variance Gaussian) is stateless and may serve any number of models.
    // </summary>
    // <exception cref="ArgumentException">The likelihood has parameters and already belongs to another model.</exception>
    internal void Claim(object owner, string paramName)
    {
        if (Parameters().Count == 0)
        {
            return;
        }

        object? previous = Interlocked.CompareExchange(ref _owner, owner, null);
        if (previous is not null && !ReferenceEquals(previous, owner))
        {
            throw new ArgumentException(
                $"{paramName} has learned parameters ({string.Join(", ", NamedParameters().Select(p => p.Key))}) and already belongs to another model; "
                + "two models would train and overwrite the same tensors, so give each model its own instance.",
                paramName);
        }
    }

    /// <summary>The log-likelihood log p(x|z) of each example, summed over its features.</summary>
    /// <param name="output">The decoder output for z, shape [S..., batch, features]: optional leading sample axes, then the shape of <paramref name="x"/>.</param>
    /// <param name="x">The observations, shape [batch, features] (or [features]); finite and inside the support of the model.</param>
    /// <returns>log p(x|z) in nats, shape [S..., batch] (the feature axis summed away).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="x"/> is a scalar or not finite or outside the support, or <paramref name="output"/> does not end in the shape of <paramref name="x"/>.
    /// </exception>
    public AutodiffTensor<T> LogProb(AutodiffTensor<T> output, AutodiffTensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(output);
        Guard.MinimumRank(x, 1, "[batch, features] or [features]", nameof(x));
        Guard.TrailingShape(output, x.Shape, nameof(output), "x");
        ValidateObservations(x, nameof(x));
        return LogProbCore(output, x);
    }

    /// <summary>Computes log p(x|z) per example on validated inputs.</summary>
    /// <param name="output">The decoder output, shape [S..., batch, features].</param>
    /// <param name="x">The observations, shape [batch, features], already validated.</param>
    /// <returns>log p(x|z) in nats, shape [S..., batch].</returns>
    protected abstract AutodiffTensor<T> LogProbCore(AutodiffTensor<T> output, AutodiffTensor<T> x);

    /// <summary>Checks that the observations lie in the support of this model; every element must be finite at least.</summary>
    /// <param name="x">The observations.</param>
    /// <param name="paramName">The parameter name to report.</param>
    /// <exception cref="ArgumentException">An element is outside the support.</exception>
    protected virtual void ValidateObservations(AutodiffTensor<T> x, string paramName) => Guard.AllFinite(x, paramName);
}
