namespace InfoTheory.Variational.Models;

// <summary>The denoising objective: the encoder sees a corrupted copy of each training batch, the error compares with the clean one (<see cref="DenoisingAutoencoder"/>).</summary>
internal sealed class DenoisingObjective(Corruption corruption) : AutoencoderObjective
{
    public Corruption Corruption { get; } = corruption;

    public override string Kind => nameof(DenoisingAutoencoder);

    public override InputCorruption CreateInputLayer() => new(Corruption);

    public override void Describe(ModelDescription description) => description.SetCorruption(Corruption);
}
