using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Models;

/// <summary>The sparse-autoencoder penalty Σ_j KL(ρ ‖ ρ̂_j) as a differentiable tensor.</summary>
/// <remarks>
/// <para>ρ̂_j = (1/n) Σ_i a_ij is the mean activation of hidden unit j over a batch of n examples and
/// KL(ρ ‖ ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)) is the Bernoulli divergence of the core library
/// (<see cref="Divergence.Bernoulli"/>): the same definition, here built from tensor operations so that
/// gradients reach the activations (A. Ng, "Sparse autoencoder", CS294A lecture notes, 2011).</para>
/// <para>ρ̂ is clamped to [10⁻⁶, 1 − 10⁻⁶] before the logarithms: where the core function returns +∞ for a
/// unit that is always off or always on, the penalty stays large and finite and its gradient defined.</para>
/// </remarks>
public static class SparsityPenalty
{
    /// <summary>The clamp applied to the mean activations ρ̂.</summary>
    public const double ActivationFloor = 1e-6;

    /// <summary>Σ_j KL(ρ ‖ ρ̂_j) over the columns of <paramref name="activations"/>, in nats.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="activations">a, shape [n, units] with n &gt;= 1, entries in [0, 1] (sigmoid outputs).</param>
    /// <param name="targetActivation">ρ, the target mean activation, strictly between 0 and 1 (0.05 is typical).</param>
    /// <returns>A rank-0 tensor, the penalty in nats (&gt;= 0), differentiable with respect to <paramref name="activations"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activations"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="activations"/> is not a non-empty matrix, or an entry is NaN or outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetActivation"/> is not strictly between 0 and 1.</exception>
    public static AutodiffTensor<T> Evaluate<T>(AutodiffTensor<T> activations, double targetActivation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(activations);
        if (activations.Rank != 2 || activations.Length == 0)
        {
            throw new ArgumentException(
                $"{nameof(activations)} has shape [{string.Join(", ", activations.Shape.ToArray())}]; it must be a non-empty [examples, units] matrix.",
                nameof(activations));
        }

        CheckTarget(targetActivation, nameof(targetActivation));
        InfoTheory.Internal.Guard.AllInRange(activations, T.Zero, T.One, nameof(activations));
        return EvaluateUnchecked(activations, targetActivation);
    }

    // <summary>Checks ρ, the target mean activation: strictly between 0 and 1, where both logarithms of the divergence are finite.</summary>
    // <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    internal static void CheckTarget(double targetActivation, string paramName)
    {
        if (!(targetActivation > 0 && targetActivation < 1))
        {
            throw new ArgumentOutOfRangeException(
                paramName, targetActivation, $"{paramName} is {InfoTheory.Internal.Guard.Format(targetActivation)}; it must lie strictly between 0 and 1.");
        }
    }

    // <summary>The penalty of validated arguments; a training step calls it directly, so that a NaN code from diverging weights reaches the divergence guard as a NaN loss.</summary>
    internal static AutodiffTensor<T> EvaluateUnchecked<T>(AutodiffTensor<T> activations, double targetActivation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double rho = targetActivation;
        int units = activations.Shape[1];

        // ρ log ρ + (1−ρ) log(1−ρ) per unit is a constant; only the cross-entropy part depends on ρ̂.
        double negativeEntropy = (rho * Math.Log(rho)) + ((1 - rho) * Math.Log(1 - rho));
        var meanActivation = activations.Mean(0).Clamp(T.CreateChecked(ActivationFloor), T.CreateChecked(1 - ActivationFloor));
        var crossEntropy = (meanActivation.Log() * T.CreateChecked(-rho)) + ((T.One - meanActivation).Log() * T.CreateChecked(rho - 1));
        return crossEntropy.Sum() + T.CreateChecked(units * negativeEntropy);
    }
}
