namespace InfoTheory.Variational.Models;

/// <summary>The training losses of one epoch, averaged over its examples.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="Loss">The minimized objective per example: <paramref name="Reconstruction"/> + weight × <paramref name="Regularization"/>.</param>
/// <param name="Reconstruction">The reconstruction term per example: squared error for autoencoders, −E_q[log p(x|z)] in nats for a VAE.</param>
/// <param name="Regularization">The unweighted regularizer: Σ_j KL(ρ ‖ ρ̂_j) in nats for a sparse autoencoder (per minibatch), KL(q(z|x) ‖ p(z)) in nats per example for a VAE, 0 otherwise.</param>
/// <remarks>Each value is the mean over the epoch's minibatches weighted by their sizes, measured during the epoch (so on parameters that were still moving).</remarks>
public readonly record struct TrainingEpoch(int Epoch, double Loss, double Reconstruction, double Regularization);
