using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    // <inheritdoc cref="AutodiffTensor.BinaryCrossEntropyWithLogits{T}(AutodiffTensor{T}, AutodiffTensor{T}, LossReduction)"/>
    internal static AutodiffTensor<T> BinaryCrossEntropyWithLogits(AutodiffTensor<T> logits, AutodiffTensor<T> targets, LossReduction reduction)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        InfoTheory.Internal.Guard.Defined(reduction, nameof(reduction));
        if (!Shapes.Equal(logits._shape, targets._shape))
        {
            throw new ArgumentException(
                $"binary cross-entropy: logits {Shapes.Format(logits._shape)} and targets {Shapes.Format(targets._shape)} must have the same shape.", nameof(targets));
        }

        return BinaryCrossEntropyWithLogitsNode.Forward(logits, targets, ReductionScale(reduction, logits._length));
    }

    // <summary>The factor c that turns a sum of <paramref name="terms"/> terms into the reduced loss: 1 for a sum, 1/terms for a mean (NaN for none, as the mean of nothing is).</summary>
    internal static T ReductionScale(LossReduction reduction, int terms) =>
        reduction == LossReduction.Sum ? T.One : T.One / T.CreateChecked(terms);

    internal sealed class BinaryCrossEntropyWithLogitsNode(AutodiffTensor<T> logits, AutodiffTensor<T> targets, T scale)
        : BinaryNode(logits, targets, [])
    {
        private readonly T _scale = scale;

        public override string Operation => "binary cross-entropy with logits";

        // <summary>The loss, c Σᵢ ℓᵢ with c = <paramref name="scale"/>, of logits and targets whose shapes were checked to agree.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> logits, AutodiffTensor<T> targets, T scale)
        {
            var y = new BinaryCrossEntropyWithLogitsNode(logits, targets, scale);
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
                y.Data[0] = TensorPrimitives.Sum<T>(t.Span) * scale;
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (zt, xt) = (A, B);
            T g = OutputGradient[0] * _scale;
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
