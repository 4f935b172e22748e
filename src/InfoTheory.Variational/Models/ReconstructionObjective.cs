namespace InfoTheory.Variational.Models;

// <summary>The plain objective: the squared error alone (<see cref="Autoencoder"/>).</summary>
internal sealed class ReconstructionObjective : AutoencoderObjective
{
    public static ReconstructionObjective Instance { get; } = new();

    public override string Kind => nameof(Autoencoder);
}
