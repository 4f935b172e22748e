using System.Numerics;
using System.Numerics.Tensors;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>Rescales gradients so that their joint Euclidean norm does not exceed a limit.</summary>
public static class GradientClipping
{
    /// <summary>Clips the global gradient norm of a set of parameters in place.</summary>
    /// <remarks>
    /// ‖g‖ = √(Σ over all parameters and elements of g²); if ‖g‖ &gt; c every gradient is multiplied
    /// by c/‖g‖, so the direction is kept and the norm becomes c (Pascanu, Mikolov and Bengio,
    /// "On the difficulty of training recurrent neural networks", ICML 2013). The sum is taken in
    /// double. Parameters without a gradient are ignored.
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="parameters">The parameters whose gradients are clipped.</param>
    /// <param name="maxNorm">c, finite and &gt; 0.</param>
    /// <returns>The norm before clipping (unitless, in gradient units); +∞ or NaN if a gradient is, in which case nothing is scaled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not finite and positive.</exception>
    public static double ClipByNorm<T>(IEnumerable<AutodiffTensor<T>> parameters, double maxNorm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        InfoTheory.Internal.Guard.Positive(maxNorm, nameof(maxNorm));
        var list = parameters.ToList();
        double sumOfSquares = 0;
        foreach (var p in list)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parameters));
            if (p.HasGradient)
            {
                foreach (var g in p.Gradient)
                {
                    double d = double.CreateChecked(g);
                    sumOfSquares += d * d;
                }
            }
        }

        double norm = Math.Sqrt(sumOfSquares);
        if (norm > maxNorm && double.IsFinite(norm))
        {
            T scale = T.CreateChecked(maxNorm / norm);
            foreach (var p in list)
            {
                if (p.HasGradient)
                {
                    var g = p.GradientSpan;
                    TensorPrimitives.Multiply(g, scale, g);
                }
            }
        }

        return norm;
    }
}
