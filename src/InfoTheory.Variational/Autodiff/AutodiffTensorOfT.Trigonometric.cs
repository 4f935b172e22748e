using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Elementwise sine (radians).</summary>
    /// <remarks>y = sin x; ∂y/∂x = cos x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sin() => SinNode.Forward(this);

    /// <summary>Elementwise cosine (radians).</summary>
    /// <remarks>y = cos x; ∂y/∂x = −sin x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Cos() => CosNode.Forward(this);

    internal sealed class SinNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "sin";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new SinNode(x);
            TensorPrimitives.Sin(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Cos(X.Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }

    internal sealed class CosNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "cos";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new CosNode(x);
            TensorPrimitives.Cos(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Sin(X.Data, tmp.Span);
            TensorPrimitives.Negate(tmp.Span, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }
}
