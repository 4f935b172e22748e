using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Models;

// <summary>
// What a deterministic autoencoder optimises beyond the squared error ‖x − d(e(x))‖²: the strategy its public type
// gives the shared network at construction (plain, denoising, sparse), so no training step inspects options to decide.
// </summary>
internal abstract class AutoencoderObjective
{
    // <summary>The model kind written to, and required from, a saved file's description.</summary>
    public abstract string Kind { get; }

    // <summary>A layer in front of the encoder that is active in training mode only (input corruption), or null.</summary>
    public virtual InputCorruption? CreateInputLayer() => null;

    // <summary>The penalty added to the squared error for a minibatch's codes, already weighted, or null for none.</summary>
    // <param name="code">The sigmoid codes, [rows, codeSize].</param>
    // <returns>The weighted penalty and its unweighted value as a rank-0 tensor, or null.</returns>
    public virtual (AutodiffTensor<float> Weighted, AutodiffTensor<float> Value)? Penalty(AutodiffTensor<float> code) => null;

    // <summary>Writes the objective's settings into a saved file's description.</summary>
    public virtual void Describe(ModelDescription description)
    {
    }
}
