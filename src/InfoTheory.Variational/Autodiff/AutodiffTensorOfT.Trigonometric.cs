using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>Elementwise sine (radians).</summary>
    /// <remarks>y = sin x; ∂y/∂x = cos x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sin()
    {
        var y = Result("sin", _shape, this);
        TensorPrimitives.Sin(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Cos(y.A.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }

    /// <summary>Elementwise cosine (radians).</summary>
    /// <remarks>y = cos x; ∂y/∂x = −sin x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Cos()
    {
        var y = Result("cos", _shape, this);
        TensorPrimitives.Cos(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Sin(y.A.Data, tmp.Span);
            TensorPrimitives.Negate(tmp.Span, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }
}
