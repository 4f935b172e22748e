using InfoTheory.Internal;

namespace InfoTheory.Variational.Models;

/// <summary>Training options of a <see cref="VariationalAutoencoder"/>: the common options plus β, the weight of the KL term.</summary>
/// <remarks>The loss per example is −E_q[log p(x|z)] + β KL(q(z|x) ‖ N(0, I)); β = 1 is the negative ELBO (Kingma and Welling, 2014), β &gt; 1 the β-VAE (Higgins et al., 2017).</remarks>
public sealed record VaeOptions : TrainingOptions
{
    private readonly double _klWeight = 1.0;

    /// <summary>β, the weight of the KL term, finite and &gt;= 0; 1 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double KlWeight
    {
        get => _klWeight;
        init
        {
            Guard.InRange(value, 0.0, double.MaxValue, nameof(KlWeight));
            _klWeight = value;
        }
    }
}
