namespace InfoTheory.Variational.Nn;

/// <summary>How a <see cref="Linear{T}"/> layer draws its initial weights.</summary>
public enum WeightInitialization
{
    /// <summary>
    /// Glorot–Xavier uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)), which keeps activation
    /// and gradient variances steady through tanh/sigmoid layers (Glorot and Bengio, AISTATS 2010).
    /// </summary>
    XavierUniform,

    /// <summary>
    /// He (Kaiming) normal: N(0, 2 / fan_in), which keeps activation variance steady through ReLU
    /// layers (He et al., "Delving Deep into Rectifiers", ICCV 2015).
    /// </summary>
    HeNormal,

    /// <summary>
    /// Uniform on ±1/√fan_in for the weights and the bias alike: PyTorch's <c>nn.Linear</c> default
    /// (He et al. 2015's Kaiming-uniform with a = √5), used where results are compared with PyTorch.
    /// </summary>
    UniformFanIn,
}
