using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Losses;

/// <summary>
/// The terms of the negative ELBO for one batch, kept apart so they can be plotted: the
/// reconstruction term, the KL term and the β-weighted loss, reduced over the batch (<see cref="Reduction"/>) and per example.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// All values are in nats: per example for the per-example terms, and for the batch values per example
/// (<see cref="LossReduction.Mean"/>) or for the whole batch (<see cref="LossReduction.Sum"/>) as <see cref="Reduction"/> says. <see cref="Loss"/> is the tensor to call
/// <see cref="AutodiffTensor{T}.Backward()"/> on; the others are part of the same graph. Inside a
/// <see cref="TensorScope"/> they are released with the scope, so read them before it ends.
/// </remarks>
public sealed class ElboTerms<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    internal ElboTerms(AutodiffTensor<T> loss, AutodiffTensor<T> reconstruction, AutodiffTensor<T> kl, AutodiffTensor<T> perExampleReconstruction, AutodiffTensor<T> perExampleKl, LossReduction reduction)
    {
        Reduction = reduction;
        Loss = loss;
        Reconstruction = reconstruction;
        Kl = kl;
        PerExampleReconstruction = perExampleReconstruction;
        PerExampleKl = perExampleKl;
    }

    /// <summary>How the batch values were reduced from the per-example terms: their mean or their sum.</summary>
    public LossReduction Reduction { get; }

    /// <summary>The loss to minimise, reconstruction + β·KL reduced over the batch as <see cref="Reduction"/> says (a scalar tensor).</summary>
    public AutodiffTensor<T> Loss { get; }

    /// <summary>The reconstruction term −E_q[log p(x|z)], summed over the features and reduced over the batch as <see cref="Reduction"/> says (a scalar tensor).</summary>
    public AutodiffTensor<T> Reconstruction { get; }

    /// <summary>The KL term KL(q(z|x)‖p(z)), unweighted, reduced over the batch as <see cref="Reduction"/> says (a scalar tensor).</summary>
    public AutodiffTensor<T> Kl { get; }

    /// <summary>−E_q[log p(xᵢ|z)] for each example i, shape [batch].</summary>
    public AutodiffTensor<T> PerExampleReconstruction { get; }

    /// <summary>KL(q(z|xᵢ)‖p(z)) for each example i, shape [batch].</summary>
    public AutodiffTensor<T> PerExampleKl { get; }

    /// <summary>The evidence lower bound −(reconstruction + KL), whatever β was, reduced as <see cref="Reduction"/> says: with the mean, nats per example, the value that bounds log p(x); with the sum, the bound on log p of the whole batch.</summary>
    public double LowerBound => -(double.CreateChecked(Reconstruction.Item) + double.CreateChecked(Kl.Item));
}
