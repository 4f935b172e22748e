using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    internal sealed class BinaryCrossEntropyWithLogitsNode(AutodiffTensor<T> logits, AutodiffTensor<T> targets)
        : BinaryNode(logits, targets, [])
    {
        public override string Operation => "binary cross-entropy with logits";

        /// <inheritdoc cref="AutodiffTensor.BinaryCrossEntropyWithLogits{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> logits, AutodiffTensor<T> targets)
        {
            ArgumentNullException.ThrowIfNull(logits);
            ArgumentNullException.ThrowIfNull(targets);
            if (!Shapes.Equal(logits._shape, targets._shape))
            {
                throw new ArgumentException(
                    $"binary cross-entropy: logits {Shapes.Format(logits._shape)} and targets {Shapes.Format(targets._shape)} must have the same shape.", nameof(targets));
            }

            var y = new BinaryCrossEntropyWithLogitsNode(logits, targets);
            var z = logits.Data;
            var x = targets.Data;
            using (var t = new Scratch<T>(z.Length))
            using (var u = new Scratch<T>(z.Length))
            {
                TensorPrimitives.Abs(z, t.Span);
                TensorPrimitives.Negate(t.Span, t.Span);
                TensorPrimitives.Exp(t.Span, t.Span);
                TensorPrimitives.LogP1(t.Span, t.Span);
                TensorPrimitives.Max(z, T.Zero, u.Span);
                TensorPrimitives.Add(t.Span, u.Span, t.Span);
                TensorPrimitives.Multiply(z, x, u.Span);
                TensorPrimitives.Subtract(t.Span, u.Span, t.Span);
                y.Data[0] = TensorPrimitives.Sum<T>(t.Span);
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (zt, xt) = (A, B);
            T g = OutputGradient[0];
            if (zt._requiresGrad)
            {
                using var t = new Scratch<T>(zt._length);
                SigmoidOf(zt.Data, t.Span);
                TensorPrimitives.Subtract(t.Span, xt.Data, t.Span);
                var dz = zt.GradientForAccumulation();
                TensorPrimitives.MultiplyAdd(t.Span, g, dz, dz);
            }

            if (xt._requiresGrad)
            {
                var dx = xt.GradientForAccumulation();
                TensorPrimitives.MultiplyAdd(zt.Data, -g, dx, dx);
            }
        }
    }
}
