using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Nn;

/// <summary>The softplus, y = ln(1 + eˣ), as a module for <see cref="Sequential{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Softplus<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Applies the activation elementwise.</summary>
    /// <param name="input">x, any shape.</param>
    /// <returns>y, the shape of x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Softplus();
    }
}
