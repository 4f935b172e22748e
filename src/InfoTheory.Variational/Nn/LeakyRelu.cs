using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Nn;

/// <summary>The leaky ReLU, y = x for x &gt; 0 and αx otherwise, as a module for <see cref="Sequential{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class LeakyRelu<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the activation.</summary>
    /// <param name="negativeSlope">α, finite; 0.01 is customary.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public LeakyRelu(T negativeSlope)
    {
        InfoTheory.Internal.Guard.Finite(double.CreateChecked(negativeSlope), nameof(negativeSlope));
        NegativeSlope = negativeSlope;
    }

    /// <summary>α, the slope for negative inputs.</summary>
    public T NegativeSlope { get; }

    /// <summary>Applies the activation elementwise.</summary>
    /// <param name="input">x, any shape.</param>
    /// <returns>y, the shape of x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.LeakyRelu(NegativeSlope);
    }
}
