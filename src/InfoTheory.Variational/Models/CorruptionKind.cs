namespace InfoTheory.Variational.Models;

/// <summary>The corruption processes of denoising autoencoders (Vincent et al., JMLR 11, 2010, §4.2).</summary>
public enum CorruptionKind
{
    /// <summary>Each input is set to 0 with probability ν (the level), else kept.</summary>
    Masking,

    /// <summary>Each input gets independent Gaussian noise: x̃ = x + σξ, ξ ~ N(0, 1), σ the level.</summary>
    AdditiveGaussian,

    /// <summary>Each input is, with probability ν, set to the low or the high value by a fair coin flip, else kept.</summary>
    SaltAndPepper,
}
