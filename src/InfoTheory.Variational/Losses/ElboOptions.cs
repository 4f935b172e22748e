namespace InfoTheory.Variational.Losses;

/// <summary>Settings of the <see cref="Elbo"/> loss: KL weight, number of latent samples and how the KL term is computed.</summary>
/// <remarks>The defaults give the standard VAE loss of Kingma and Welling (2014): β = 1, one sample, analytic KL.</remarks>
public sealed record ElboOptions
{
    /// <summary>β = 1, one sample, analytic KL.</summary>
    public static ElboOptions Default { get; } = new();

    /// <summary>β, the weight of the KL term; finite and ≥ 0. Values above 1 give the β-VAE of Higgins et al. (2017).</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>L, the number of reparameterised samples z ~ q(z|x) per example the expectations average; ≥ 1.</summary>
    public int Samples { get; init; } = 1;

    /// <summary>How the KL term is computed; <see cref="KlEstimator.Analytic"/> by default.</summary>
    public KlEstimator KlEstimator { get; init; } = KlEstimator.Analytic;
}
