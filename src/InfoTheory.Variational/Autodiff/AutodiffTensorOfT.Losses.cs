using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>
    /// Binary cross-entropy between Bernoulli logits and targets, summed or averaged over all elements as
    /// <paramref name="reduction"/> says, fused into one numerically stable operation: the Bernoulli negative
    /// log-likelihood of a VAE decoder (PyTorch's <c>F.binary_cross_entropy_with_logits</c>).
    /// </summary>
    /// <remarks>
    /// ℓᵢ = max(zᵢ, 0) − zᵢxᵢ + ln(1 + e^−|zᵢ|) = −[xᵢ ln σ(zᵢ) + (1 − xᵢ) ln(1 − σ(zᵢ))]; L = c Σᵢ ℓᵢ with
    /// c = 1 for <see cref="LossReduction.Sum"/> and c = 1/n (n elements) for <see cref="LossReduction.Mean"/>;
    /// ∂L/∂zᵢ = c (σ(zᵢ) − xᵢ) and ∂L/∂xᵢ = −c zᵢ. Never overflows for large |z|; targets may be any
    /// values in [0, 1] (grey levels), not just 0 and 1. The ln(1 + e^−|z|) term is evaluated with
    /// SIMD, accurate to about one unit of the element type per element in absolute terms.
    /// </remarks>
    /// <param name="logits">z, any shape.</param>
    /// <param name="targets">x, the same shape as <paramref name="logits"/>.</param>
    /// <param name="reduction">Sum over the elements (the log-likelihood of the whole tensor, in nats) or mean (nats per element); no default, so the call says which.</param>
    /// <returns>A scalar tensor: the summed or mean loss in nats.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ; the message shows both.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is not a defined <see cref="LossReduction"/>.</exception>
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

    /// <summary>The factor c that turns a sum of <paramref name="terms"/> terms into the reduced loss: 1 for a sum, 1/terms for a mean (NaN for none, as the mean of nothing is).</summary>
    internal static T ReductionScale(LossReduction reduction, int terms) =>
        reduction == LossReduction.Sum ? T.One : T.One / T.CreateChecked(terms);

    internal sealed class BinaryCrossEntropyWithLogitsNode(AutodiffTensor<T> logits, AutodiffTensor<T> targets, T scale)
        : BinaryNode(logits, targets, [])
    {
        private readonly T _scale = scale;

        public override string Operation => "binary cross-entropy with logits";

        /// <summary>The loss, c Σᵢ ℓᵢ with c = <paramref name="scale"/>, of logits and targets whose shapes were checked to agree.</summary>
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
