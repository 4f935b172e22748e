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
    private readonly KlEstimator _klEstimator = KlEstimator.Analytic;

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

    /// <summary>How the KL term is computed; <see cref="KlEstimator.Analytic"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Losses.KlEstimator"/>.</exception>
    public KlEstimator KlEstimator
    {
        get => _klEstimator;
        init
        {
            Guard.Defined(value, nameof(KlEstimator));
            _klEstimator = value;
        }
    }
}
