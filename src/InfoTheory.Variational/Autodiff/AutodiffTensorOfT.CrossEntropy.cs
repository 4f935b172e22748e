using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>
    /// Multi-class cross-entropy between logits and integer class labels, summed or averaged over the examples as
    /// <paramref name="reduction"/> says: PyTorch's <c>F.cross_entropy(logits, labels)</c>, fused into one numerically
    /// stable operation through log-softmax.
    /// </summary>
    /// <remarks>
    /// ℓᵢ = −log softmax(zᵢ)[yᵢ] = LSE(zᵢ) − zᵢ,yᵢ with LSE(z) = m + ln Σⱼ exp(zⱼ − m), m = maxⱼ zⱼ, so logits of any
    /// size neither overflow nor lose the loss; L = c Σᵢ ℓᵢ with c = 1 for <see cref="LossReduction.Sum"/> and c = 1/N for
    /// <see cref="LossReduction.Mean"/> (PyTorch's default); ∂L/∂zᵢⱼ = c (softmax(zᵢ)ⱼ − [j = yᵢ]).
    /// </remarks>
    /// <param name="logits">z, shape [N, C]: one row of unnormalised log-probabilities per example.</param>
    /// <param name="labels">y, N class indices, each in [0, C).</param>
    /// <param name="reduction">Sum over the examples or mean (nats per example); no default, so the call says which.</param>
    /// <returns>A scalar tensor: the summed or mean loss in nats (the mean of N = 0 examples is NaN, their sum 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is not a matrix, or <paramref name="labels"/> does not hold one label per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, C), or <paramref name="reduction"/> is not a defined <see cref="LossReduction"/>.</exception>
    internal static AutodiffTensor<T> CrossEntropyWithLogits(AutodiffTensor<T> logits, ReadOnlySpan<int> labels, LossReduction reduction)
    {
        InfoTheory.Internal.Guard.MinimumRank(logits, 2, "[N, C] logits", nameof(logits));
        if (logits.Rank != 2)
        {
            throw new ArgumentException($"logits has shape {Shapes.Format(logits._shape)}; expected [N, C] logits, one row per example.", nameof(logits));
        }

        var (rows, classes) = (logits._shape[0], logits._shape[1]);
        if (labels.Length != rows)
        {
            throw new ArgumentException(
                $"labels has {labels.Length} entries but logits {Shapes.Format(logits._shape)} has {rows} rows; give one label per row.", nameof(labels));
        }

        InfoTheory.Internal.Guard.Indices(labels, classes, nameof(labels), $"the classes of logits {Shapes.Format(logits._shape)}");
        InfoTheory.Internal.Guard.Defined(reduction, nameof(reduction));

        var y = Result("cross-entropy with logits", [], logits);
        y._s0 = ReductionScale(reduction, rows);
        var z = logits.Data;
        using (var terms = new Scratch<T>(rows))
        {
            var t = terms.Span;
            SoftmaxKernels<T>.LogSumExp(z, rows, classes, 1, t);
            for (int i = 0; i < rows; i++)
            {
                t[i] -= z[(i * classes) + labels[i]];
            }

            y.Data[0] = TensorPrimitives.Sum<T>(t) * y._s0;
        }

        // The labels are the one piece of state the backward rule needs beyond the logits.
        int[] targets = labels.ToArray();
        return y.Recorded(y =>
        {
            var zt = y.A;
            var (rows, classes) = (zt._shape[0], zt._shape[1]);
            T g = y.OutputGradient[0] * y._s0;
            using var p = new Scratch<T>(zt._length);
            SoftmaxKernels<T>.Softmax(zt.Data, rows, classes, 1, p.Span, log: false);
            var dz = zt.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(p.Span, g, dz, dz);
            for (int i = 0; i < rows; i++)
            {
                dz[(i * classes) + targets[i]] -= g;
            }
        });
    }
}
