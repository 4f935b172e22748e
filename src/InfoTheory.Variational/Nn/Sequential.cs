using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Nn;

/// <summary>Modules applied one after another; their parameters are named <c>"0.weight"</c>, <c>"1.bias"</c>, ….</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Sequential<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Module<T>[] _layers;

    /// <summary>Chains the given modules.</summary>
    /// <param name="layers">At least one module, applied in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layers"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="layers"/> is empty.</exception>
    public Sequential(params Module<T>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        InfoTheory.Internal.Guard.NotEmpty(layers.Length, nameof(layers));
        _layers = (Module<T>[])layers.Clone();
        for (int i = 0; i < _layers.Length; i++)
        {
            RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i] ?? throw new ArgumentNullException(nameof(layers), $"layers[{i}] is null."));
        }
    }

    /// <summary>The chained modules, in order.</summary>
    public IReadOnlyList<Module<T>> Layers => _layers;

    /// <summary>Applies every layer in turn.</summary>
    /// <param name="input">The first layer's input.</param>
    /// <returns>The last layer's output.</returns>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }
}
