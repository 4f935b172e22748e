using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Losses;

/// <summary>Settings of the <see cref="Elbo"/> loss: KL weight, number of latent samples and how the KL term is computed.</summary>
/// <remarks>
/// The defaults give the standard VAE loss of Kingma and Welling (2014): β = 1, one sample, analytic KL. Each property is
/// checked when it is set, so an options object is always valid.
/// </remarks>
public sealed record ElboOptions
{
    private readonly double _beta = 1.0;
    private readonly int _samples = 1;
    private readonly MonteCarloEstimator? _monteCarloKl;

    /// <summary>β = 1, one sample, analytic KL.</summary>
    public static ElboOptions Default { get; } = new();

    /// <summary>β, the weight of the KL term; finite and ≥ 0. Values above 1 give the β-VAE of Higgins et al. (2017).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double Beta
    {
        get => _beta;
        init
        {
            Guard.InRange(value, 0.0, double.MaxValue, nameof(Beta));
            _beta = value;
        }
    }

    /// <summary>L, the number of reparameterised samples z ~ q(z|x) per example the expectations average; ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is &lt; 1.</exception>
    public int Samples
    {
        get => _samples;
        init
        {
            Guard.InRange(value, 1, int.MaxValue, nameof(Samples));
            _samples = value;
        }
    }

    /// <summary>
    /// How the KL term is computed: null (the default) for the closed form, exact and of zero variance; otherwise the
    /// Monte Carlo estimator averaged over the same reparameterised samples z ~ q(z|x) as the reconstruction term.
    /// </summary>
    /// <remarks>
    /// With ℓ = log q(z|x) − log p(z), the term is k1 = ℓ (<see cref="MonteCarloEstimator.K1"/>, the estimate of Kingma
    /// and Welling), k2 = ½ℓ², k3 = e^(−ℓ) − 1 + ℓ or |ℓ| (see <see cref="MonteCarloEstimator"/>, the same enum the core
    /// library's estimators take). k1 and k3 are unbiased and, the samples being reparameterised, so are their
    /// gradients. k3's variance is infinite when the posterior is narrower than 1/√2 of the prior in some coordinate,
    /// which trained posteriors usually are: prefer k1 or the closed form.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not null and not a defined <see cref="MonteCarloEstimator"/>.</exception>
    public MonteCarloEstimator? MonteCarloKl
    {
        get => _monteCarloKl;
        init
        {
            if (value is { } estimator)
            {
                Guard.Defined(estimator, nameof(MonteCarloKl));
            }

            _monteCarloKl = value;
        }
    }
}
