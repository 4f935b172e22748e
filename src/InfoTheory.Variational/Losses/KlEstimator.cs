namespace InfoTheory.Variational.Losses;

/// <summary>How the ELBO's KL(q(z|x)‖p(z)) term is computed.</summary>
public enum KlEstimator
{
    /// <summary>In closed form, −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²): exact and of zero variance.</summary>
    Analytic,

    /// <summary>By Monte Carlo, the average of log q(z|x) − log p(z) over the same reparameterised samples as the reconstruction term.</summary>
    MonteCarlo,
}
