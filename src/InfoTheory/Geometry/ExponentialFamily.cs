using InfoTheory.Internal;

namespace InfoTheory.Geometry;

/// <summary>
/// An exponential family p_θ(x) = exp(θ·t(x) − ψ(θ)) seen as a dually flat manifold: natural coordinates θ,
/// expectation coordinates η = E_θ[t(x)], the convex potentials ψ (log-partition) and φ (negative entropy), the Fisher metric
/// in both coordinate systems, the Kullback–Leibler divergence as a Bregman divergence, and the natural gradient.
/// </summary>
/// <remarks>
/// <para>The two coordinate systems are Legendre duals (Amari 2016, Information Geometry and its Applications, ch. 1–2;
/// Amari &amp; Nagaoka 2000, Methods of Information Geometry, ch. 3): η = ∇ψ(θ), θ = ∇φ(η), and ψ(θ) + φ(η) = θ·η. The Fisher
/// metric is G(θ) = ∇²ψ(θ) = Cov_θ[t(x)] in θ and G(η) = ∇²φ(η) = G(θ)⁻¹ in η.</para>
/// <para>KL(p_θ ‖ p_θ′) = B_ψ(θ′ : θ) = ψ(θ′) − ψ(θ) − (θ′ − θ)·∇ψ(θ): the Bregman divergence of ψ with the arguments
/// swapped, equal to B_φ(η : η′) (Amari 2016, ch. 1 on the Bregman divergence of a dually flat manifold, ch. 2 for exponential families).</para>
/// <para>The natural gradient of a function f is G⁻¹∇f (Amari 1998, "Natural gradient works efficiently in learning");
/// in θ coordinates it is the gradient of f with respect to η, and in η coordinates the gradient with respect to θ, so every
/// family here computes it in closed form without inverting a matrix.</para>
/// <para>Every coordinate vector has <see cref="Dimension"/> entries; matrices are <see cref="Dimension"/>² entries, row-major.
/// Potentials and divergences are in nats (the potentials are log-densities' terms, so they take no unit). Results never share
/// memory with inputs: a destination that overlaps an input is rejected. Instances are immutable and thread-safe.</para>
/// </remarks>
public abstract class ExponentialFamily
{
    // <summary>Sets the number of coordinates.</summary>
    private protected ExponentialFamily(int dimension) => Dimension = dimension;

    /// <summary>k, the number of coordinates of θ and of η (the dimension of the manifold).</summary>
    public int Dimension { get; }

    /// <summary>The expectation coordinates η = ∇ψ(θ) = E_θ[t(x)] of the distribution with natural coordinates <paramref name="theta"/>.</summary>
    /// <param name="theta">θ: <see cref="Dimension"/> finite values in the family's natural domain.</param>
    /// <param name="eta">Receives η; length <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="theta"/> has the wrong length, a non-finite entry, or lies outside the natural domain; or <paramref name="eta"/> has the wrong length or overlaps <paramref name="theta"/>.</exception>
    public void ToExpectation(ReadOnlySpan<double> theta, Span<double> eta)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        Destination(theta, eta, Dimension, nameof(theta), nameof(eta));
        ExpectationOf(theta, eta, nameof(theta));
    }

    /// <summary>The natural coordinates θ = ∇φ(η) of the distribution with expectation coordinates <paramref name="eta"/>.</summary>
    /// <param name="eta">η: <see cref="Dimension"/> finite values in the family's expectation domain.</param>
    /// <param name="theta">Receives θ; length <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="eta"/> has the wrong length, a non-finite entry, or lies outside the expectation domain; or <paramref name="theta"/> has the wrong length or overlaps <paramref name="eta"/>.</exception>
    public void ToNatural(ReadOnlySpan<double> eta, Span<double> theta)
    {
        Guard.FamilyCoordinates(eta, Dimension, nameof(eta));
        Destination(eta, theta, Dimension, nameof(eta), nameof(theta));
        NaturalOf(eta, theta, nameof(eta));
    }

    /// <summary>The log-partition function ψ(θ) = ln ∫ exp(θ·t(x)) dx, the convex potential of the natural coordinates.</summary>
    /// <param name="theta">θ: <see cref="Dimension"/> finite values in the family's natural domain.</param>
    /// <returns>ψ(θ) in nats.</returns>
    /// <exception cref="ArgumentException"><paramref name="theta"/> has the wrong length, a non-finite entry, or lies outside the natural domain.</exception>
    public double LogPartition(ReadOnlySpan<double> theta)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        return LogPartitionOf(theta, nameof(theta));
    }

    /// <summary>The convex dual φ(η) = sup_θ (θ·η − ψ(θ)) of the log-partition, which is the negative entropy of the distribution at η.</summary>
    /// <remarks>φ(η) = E[ln p(x)] = −H: Shannon's for the categorical family, the differential entropy's for the Gaussians.</remarks>
    /// <param name="eta">η: <see cref="Dimension"/> finite values in the family's expectation domain.</param>
    /// <returns>φ(η) in nats.</returns>
    /// <exception cref="ArgumentException"><paramref name="eta"/> has the wrong length, a non-finite entry, or lies outside the expectation domain.</exception>
    public double NegativeEntropy(ReadOnlySpan<double> eta)
    {
        Guard.FamilyCoordinates(eta, Dimension, nameof(eta));
        return NegativeEntropyOf(eta, nameof(eta));
    }

    /// <summary>The Fisher metric in natural coordinates, G(θ) = ∇²ψ(θ) = Cov_θ[t(x)], written row-major into <paramref name="destination"/>.</summary>
    /// <param name="theta">θ: <see cref="Dimension"/> finite values in the family's natural domain.</param>
    /// <param name="destination">Receives G(θ); length <see cref="Dimension"/>².</param>
    /// <exception cref="ArgumentException"><paramref name="theta"/> has the wrong length, a non-finite entry, or lies outside the natural domain; or <paramref name="destination"/> has the wrong length or overlaps <paramref name="theta"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Dimension"/>² exceeds <see cref="int.MaxValue"/>, so no span can hold the matrix.</exception>
    public void FisherMetricNatural(ReadOnlySpan<double> theta, Span<double> destination)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        Destination(theta, destination, Guard.ElementCount(nameof(destination), "the Dimension × Dimension metric", Dimension, Dimension), nameof(theta), nameof(destination));
        FisherNaturalOf(theta, destination, nameof(theta));
    }

    /// <summary>The Fisher metric in expectation coordinates, G(η) = ∇²φ(η) = G(θ)⁻¹, written row-major into <paramref name="destination"/>.</summary>
    /// <param name="eta">η: <see cref="Dimension"/> finite values in the family's expectation domain.</param>
    /// <param name="destination">Receives G(η); length <see cref="Dimension"/>².</param>
    /// <exception cref="ArgumentException"><paramref name="eta"/> has the wrong length, a non-finite entry, or lies outside the expectation domain; or <paramref name="destination"/> has the wrong length or overlaps <paramref name="eta"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Dimension"/>² exceeds <see cref="int.MaxValue"/>, so no span can hold the matrix.</exception>
    public void FisherMetricExpectation(ReadOnlySpan<double> eta, Span<double> destination)
    {
        Guard.FamilyCoordinates(eta, Dimension, nameof(eta));
        Destination(eta, destination, Guard.ElementCount(nameof(destination), "the Dimension × Dimension metric", Dimension, Dimension), nameof(eta), nameof(destination));
        FisherExpectationOf(eta, destination, nameof(eta));
    }

    /// <summary>The natural gradient G(θ)⁻¹ g in natural coordinates, for the Euclidean gradient g = ∂f/∂θ at <paramref name="theta"/>.</summary>
    /// <remarks>G(θ)⁻¹ = G(η), so G(θ)⁻¹ ∂f/∂θ = (∂θ/∂η)ᵀ ∂f/∂θ = ∂f/∂η: the gradient with respect to the expectation coordinates, in closed form.</remarks>
    /// <param name="theta">θ: <see cref="Dimension"/> finite values in the family's natural domain.</param>
    /// <param name="gradient">g = ∂f/∂θ: <see cref="Dimension"/> finite values.</param>
    /// <param name="destination">Receives G(θ)⁻¹ g; length <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="theta"/> or <paramref name="gradient"/> has the wrong length or a non-finite entry, or <paramref name="theta"/> lies outside the natural domain; or <paramref name="destination"/> has the wrong length or overlaps an input.</exception>
    public void NaturalGradientNatural(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, Span<double> destination)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        Guard.FamilyCoordinates(gradient, Dimension, nameof(gradient));
        Destination(theta, destination, Dimension, nameof(theta), nameof(destination));
        Guard.Disjoint(gradient, destination, nameof(gradient), nameof(destination));
        NaturalGradientNaturalOf(theta, gradient, destination, nameof(theta));
    }

    /// <summary>The natural gradient G(η)⁻¹ g in expectation coordinates, for the Euclidean gradient g = ∂f/∂η at <paramref name="eta"/>.</summary>
    /// <remarks>G(η)⁻¹ = G(θ), so G(η)⁻¹ ∂f/∂η = ∂f/∂θ: the gradient with respect to the natural coordinates, in closed form.</remarks>
    /// <param name="eta">η: <see cref="Dimension"/> finite values in the family's expectation domain.</param>
    /// <param name="gradient">g = ∂f/∂η: <see cref="Dimension"/> finite values.</param>
    /// <param name="destination">Receives G(η)⁻¹ g; length <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="eta"/> or <paramref name="gradient"/> has the wrong length or a non-finite entry, or <paramref name="eta"/> lies outside the expectation domain; or <paramref name="destination"/> has the wrong length or overlaps an input.</exception>
    public void NaturalGradientExpectation(ReadOnlySpan<double> eta, ReadOnlySpan<double> gradient, Span<double> destination)
    {
        Guard.FamilyCoordinates(eta, Dimension, nameof(eta));
        Guard.FamilyCoordinates(gradient, Dimension, nameof(gradient));
        Destination(eta, destination, Dimension, nameof(eta), nameof(destination));
        Guard.Disjoint(gradient, destination, nameof(gradient), nameof(destination));
        NaturalGradientExpectationOf(eta, gradient, destination, nameof(eta));
    }

    /// <summary>The Kullback–Leibler divergence KL(p_θ ‖ p_θ′) between two members of the family, as the Bregman divergence of the log-partition.</summary>
    /// <remarks>
    /// KL(p_θ ‖ p_θ′) = B_ψ(θ′ : θ) = ψ(θ′) − ψ(θ) − (θ′ − θ)·η(θ), with η(θ) = ∇ψ(θ): note the order, the expectation is
    /// taken under the first argument <paramref name="theta"/>, whose gradient ∇ψ(θ) is the one the Bregman divergence uses
    /// (Amari 2016, ch. 1–2). Rounding below 0 is returned as 0.
    /// </remarks>
    /// <param name="theta">θ of p, the distribution the expectation is taken under.</param>
    /// <param name="thetaPrime">θ′ of the reference distribution.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p_θ ‖ p_θ′) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="theta"/> or <paramref name="thetaPrime"/> has the wrong length, a non-finite entry, or lies outside the natural domain; or ψ or the inner product overflows in double.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public double KullbackLeibler(ReadOnlySpan<double> theta, ReadOnlySpan<double> thetaPrime, LogBase unit = LogBase.Nats)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        Guard.FamilyCoordinates(thetaPrime, Dimension, nameof(thetaPrime));
        Guard.Defined(unit, nameof(unit));
        Span<double> eta = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        ExpectationOf(theta, eta, nameof(theta));
        double inner = 0;
        for (int i = 0; i < Dimension; i++)
        {
            inner += (thetaPrime[i] - theta[i]) * eta[i];
        }

        double psi = LogPartitionOf(theta, nameof(theta)), psiPrime = LogPartitionOf(thetaPrime, nameof(thetaPrime));

        // Finite θ can still overflow ψ or the inner product (a Gaussian mean near double.MaxValue); ∞ − ∞ would be NaN and
        // the true divergence may be finite, so the overflow is reported instead of guessed at.
        if (!double.IsFinite(psiPrime) || !double.IsFinite(psi) || !double.IsFinite(inner))
        {
            string culprit = double.IsFinite(psiPrime) ? nameof(theta) : nameof(thetaPrime);
            throw new ArgumentException(
                $"{culprit} is too far out for double: ψ(θ) = {Guard.Format(psi)}, ψ(θ′) = {Guard.Format(psiPrime)} and (θ′ − θ)·η(θ) = {Guard.Format(inner)} must all be finite.",
                culprit);
        }

        return Units.FromNats(Math.Max(psiPrime - psi - inner, 0.0), unit);
    }

    // <summary>η from a validated-length, finite θ; throws naming <paramref name="paramName"/> when θ is outside the natural domain.</summary>
    private protected abstract void ExpectationOf(ReadOnlySpan<double> theta, Span<double> eta, string paramName);

    // <summary>θ from a validated-length, finite η; throws naming <paramref name="paramName"/> when η is outside the expectation domain.</summary>
    private protected abstract void NaturalOf(ReadOnlySpan<double> eta, Span<double> theta, string paramName);

    // <summary>ψ(θ); throws naming <paramref name="paramName"/> when θ is outside the natural domain.</summary>
    private protected abstract double LogPartitionOf(ReadOnlySpan<double> theta, string paramName);

    // <summary>φ(η); throws naming <paramref name="paramName"/> when η is outside the expectation domain.</summary>
    private protected abstract double NegativeEntropyOf(ReadOnlySpan<double> eta, string paramName);

    // <summary>G(θ) into a k² destination.</summary>
    private protected abstract void FisherNaturalOf(ReadOnlySpan<double> theta, Span<double> destination, string paramName);

    // <summary>G(η) into a k² destination.</summary>
    private protected abstract void FisherExpectationOf(ReadOnlySpan<double> eta, Span<double> destination, string paramName);

    // <summary>G(θ)⁻¹ g = ∂f/∂η.</summary>
    private protected abstract void NaturalGradientNaturalOf(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName);

    // <summary>G(η)⁻¹ g = ∂f/∂θ.</summary>
    private protected abstract void NaturalGradientExpectationOf(ReadOnlySpan<double> eta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName);

    private static void Destination(ReadOnlySpan<double> source, Span<double> destination, int length, string sourceName, string destinationName)
    {
        Guard.SameLength(length, destination.Length, "the result", destinationName);
        Guard.Disjoint(source, destination, sourceName, destinationName);
    }
}
