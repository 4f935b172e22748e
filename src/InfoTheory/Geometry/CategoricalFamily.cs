using InfoTheory.Internal;

namespace InfoTheory.Geometry;

/// <summary>The categorical distributions over n outcomes as an exponential family: θᵢ = ln(pᵢ / p_n) and ηᵢ = pᵢ for i &lt; n.</summary>
/// <remarks>
/// <para>The sufficient statistic is the indicator of the first n − 1 outcomes, tᵢ(x) = [x = i]; outcome n is the reference.
/// Then ψ(θ) = ln(1 + Σᵢ e^θᵢ), η = ∇ψ(θ) = (p₁, …, p_{n−1}) with pᵢ = e^{θᵢ − ψ(θ)}, and
/// φ(η) = Σᵢ₌₁ⁿ pᵢ ln pᵢ = −H(p) with p_n = 1 − Σᵢ ηᵢ (Amari 2016, ch. 2; Amari &amp; Nagaoka 2000, ch. 2).</para>
/// <para>The Fisher metric is G(θ) = diag(η) − ηηᵀ in θ and G(η) = diag(1/pᵢ) + 1/p_n in η, the metric
/// <see cref="FisherInformation.Categorical(ReadOnlySpan{double}, Span{double})"/> gives in ξ = (p₁, …, p_{n−1}) = η.
/// The natural gradients are G(θ)⁻¹g = (gᵢ/pᵢ + Σⱼgⱼ/p_n)ᵢ and G(η)⁻¹g = (pᵢ(gᵢ − Σⱼ pⱼgⱼ))ᵢ, O(n) each.</para>
/// <para>Every finite θ is a distribution, but only where each pᵢ is representable: a θ whose pᵢ underflows to 0 in double
/// is rejected, since the metric in η and the natural gradient in θ divide by pᵢ.</para>
/// </remarks>
public sealed class CategoricalFamily : ExponentialFamily
{
    // e^x underflows to 0 in double below about −745.1; keeping θᵢ − ψ(θ) above this keeps every pᵢ a positive double.
    private const double SmallestLogProbability = -745.0;

    /// <summary>Creates the family of distributions over <paramref name="outcomes"/> outcomes, with <paramref name="outcomes"/> − 1 coordinates.</summary>
    /// <param name="outcomes">n ≥ 2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcomes"/> is less than 2.</exception>
    public CategoricalFamily(int outcomes)
        : base(Coordinates(outcomes))
    {
    }

    /// <summary>n, the number of outcomes (<see cref="ExponentialFamily.Dimension"/> + 1).</summary>
    public int Outcomes => Dimension + 1;

    /// <summary>The natural coordinates θᵢ = ln(pᵢ / p_n), i &lt; n, of the distribution <paramref name="p"/>.</summary>
    /// <param name="p">A probability vector of <see cref="Outcomes"/> entries, each &gt; 0.</param>
    /// <param name="theta">Receives θ; length <see cref="ExponentialFamily.Dimension"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a probability vector of <see cref="Outcomes"/> entries or has a zero entry; or <paramref name="theta"/> has the wrong length or overlaps <paramref name="p"/>.</exception>
    public void FromProbabilities(ReadOnlySpan<double> p, Span<double> theta)
    {
        Guard.InteriorProbabilities(p, nameof(p));
        Guard.SameLength(Outcomes, p.Length, "Outcomes", nameof(p));
        Guard.SameLength(Dimension, theta.Length, "the result", nameof(theta));
        Guard.Disjoint(p, theta, nameof(p), nameof(theta));
        double logLast = Math.Log(p[Dimension]);
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Log(p[i]) - logLast;
        }
    }

    /// <summary>The distribution p with natural coordinates <paramref name="theta"/>: pᵢ = e^{θᵢ − ψ(θ)}, p_n = e^{−ψ(θ)}.</summary>
    /// <param name="theta">θ: <see cref="ExponentialFamily.Dimension"/> finite values whose probabilities are representable.</param>
    /// <param name="p">Receives p; length <see cref="Outcomes"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="theta"/> has the wrong length, a non-finite entry, or an entry whose probability underflows; or <paramref name="p"/> has the wrong length or overlaps <paramref name="theta"/>.</exception>
    public void ToProbabilities(ReadOnlySpan<double> theta, Span<double> p)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        Guard.SameLength(Outcomes, p.Length, "Outcomes", nameof(p));
        Guard.Disjoint(theta, p, nameof(theta), nameof(p));
        p[Dimension] = Math.Exp(-Probabilities(theta, p[..Dimension], nameof(theta)));
    }

    private protected override double LogPartitionOf(ReadOnlySpan<double> theta, string paramName)
    {
        // ψ = m + ln(e^{−m} + Σ e^{θᵢ−m}) with m = max(0, θ): no term overflows, and the sum is at least 1.
        double m = 0;
        foreach (double t in theta)
        {
            m = Math.Max(m, t);
        }

        double sum = Math.Exp(-m);
        foreach (double t in theta)
        {
            sum += Math.Exp(t - m);
        }

        double psi = m + Math.Log(sum);
        if (-psi < SmallestLogProbability)
        {
            throw new ArgumentException(
                $"{paramName} gives ψ(θ) = {Guard.Format(psi)}, so p_n = e^(−ψ) underflows to 0 in double; every probability must be representable.", paramName);
        }

        for (int i = 0; i < theta.Length; i++)
        {
            if (theta[i] - psi < SmallestLogProbability)
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] is {Guard.Format(theta[i])} with ψ(θ) = {Guard.Format(psi)}, so p_{i + 1} = e^(θ−ψ) underflows to 0 in double; every probability must be representable.",
                    paramName);
            }
        }

        return psi;
    }

    private protected override void ExpectationOf(ReadOnlySpan<double> theta, Span<double> eta, string paramName)
        => Probabilities(theta, eta, paramName);

    private protected override void NaturalOf(ReadOnlySpan<double> eta, Span<double> theta, string paramName)
    {
        double logLast = Math.Log(Guard.SimplexInterior(eta, paramName));
        for (int i = 0; i < eta.Length; i++)
        {
            theta[i] = Math.Log(eta[i]) - logLast;
        }
    }

    private protected override double NegativeEntropyOf(ReadOnlySpan<double> eta, string paramName)
    {
        double last = Guard.SimplexInterior(eta, paramName);
        double sum = last * Math.Log(last);
        foreach (double p in eta)
        {
            sum += p * Math.Log(p);
        }

        return sum;
    }

    private protected override void FisherNaturalOf(ReadOnlySpan<double> theta, Span<double> destination, string paramName)
    {
        int m = Dimension;
        Span<double> p = m <= 64 ? stackalloc double[m] : new double[m];
        ExpectationOf(theta, p, paramName);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                destination[(i * m) + j] = -p[i] * p[j];
            }

            destination[(i * m) + i] += p[i];
        }
    }

    private protected override void FisherExpectationOf(ReadOnlySpan<double> eta, Span<double> destination, string paramName)
    {
        Span<double> p = Outcomes <= 64 ? stackalloc double[Outcomes] : new double[Outcomes];
        p[Dimension] = Guard.SimplexInterior(eta, paramName);
        eta.CopyTo(p);
        FisherInformation.Categorical(p, destination);
    }

    private protected override void NaturalGradientNaturalOf(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(θ)⁻¹ = G(η) = diag(1/pᵢ) + 1/p_n: destination first holds p, then the product.
        double last = Math.Exp(-Probabilities(theta, destination, paramName));
        double sum = 0;
        foreach (double g in gradient)
        {
            sum += g;
        }

        double shared = sum / last;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (gradient[i] / destination[i]) + shared;
        }
    }

    private protected override void NaturalGradientExpectationOf(ReadOnlySpan<double> eta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(η)⁻¹ = G(θ) = diag(η) − ηηᵀ.
        Guard.SimplexInterior(eta, paramName);
        double mean = 0;
        for (int i = 0; i < eta.Length; i++)
        {
            mean += eta[i] * gradient[i];
        }

        for (int i = 0; i < eta.Length; i++)
        {
            destination[i] = eta[i] * (gradient[i] - mean);
        }
    }

    // pᵢ = e^{θᵢ − ψ(θ)} for i < n into eta; returns ψ(θ), so p_n = e^{−ψ}.
    private double Probabilities(ReadOnlySpan<double> theta, Span<double> eta, string paramName)
    {
        double psi = LogPartitionOf(theta, paramName);
        for (int i = 0; i < theta.Length; i++)
        {
            eta[i] = Math.Exp(theta[i] - psi);
        }

        return psi;
    }

    private static int Coordinates(int outcomes)
    {
        Guard.InRange(outcomes, 2, int.MaxValue, nameof(outcomes));
        return outcomes - 1;
    }
}
