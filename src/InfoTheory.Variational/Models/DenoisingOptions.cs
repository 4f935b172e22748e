namespace InfoTheory.Variational.Models;

/// <summary>Training options of a <see cref="DenoisingAutoencoder"/>: the common options plus the corruption process.</summary>
/// <remarks>Each minibatch is corrupted afresh with draws from the training generator (seeded by <see cref="TrainingOptions.Seed"/>); the loss compares the reconstruction with the clean batch.</remarks>
public sealed record DenoisingOptions : TrainingOptions
{
    private readonly Corruption _corruption = Corruption.Masking(0.25);

    /// <summary>How inputs are corrupted; masking noise with ν = 0.25 by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Corruption Corruption
    {
        get => _corruption;
        init => _corruption = value ?? throw new ArgumentNullException(nameof(Corruption));
    }
}
