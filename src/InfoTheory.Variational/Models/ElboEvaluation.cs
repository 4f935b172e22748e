namespace InfoTheory.Variational.Models;

/// <summary>The evidence lower bound of a VAE on a dataset, split into its two terms, per example.</summary>
/// <param name="Reconstruction">−E_q[log p(x|z)], the expected negative log-likelihood, in nats per example.</param>
/// <param name="Kl">KL(q(z|x) ‖ N(0, I)), in nats per example.</param>
/// <remarks>ELBO = −(Reconstruction + Kl) ≤ log p(x) (Kingma and Welling, "Auto-Encoding Variational Bayes", ICLR 2014).</remarks>
public readonly record struct ElboEvaluation(double Reconstruction, double Kl)
{
    /// <summary>−ELBO = Reconstruction + Kl, in nats per example: an upper bound on −log p(x).</summary>
    public double NegativeElbo => Reconstruction + Kl;
}
