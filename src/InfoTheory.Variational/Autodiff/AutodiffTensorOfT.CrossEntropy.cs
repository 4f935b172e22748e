using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    // <inheritdoc cref="AutodiffTensor.CrossEntropyWithLogits{T}(AutodiffTensor{T}, ReadOnlySpan{int}, LossReduction)"/>
    internal static AutodiffTensor<T> CrossEntropyWithLogits(AutodiffTensor<T> logits, ReadOnlySpan<int> labels, LossReduction reduction)
    {
        InfoTheory.Internal.Guard.MinimumRank(logits, 2, "[N, C] logits", nameof(logits));
        if (logits.Rank != 2)
        {
            throw new ArgumentException($"logits has shape {Shapes.Format(logits._shape)}; expected [N, C] logits, one row per example.", nameof(logits));
        }

        int rows = logits._shape[0];
        if (labels.Length != rows)
        {
            throw new ArgumentException(
                $"labels has {labels.Length} entries but logits {Shapes.Format(logits._shape)} has {rows} rows; give one label per row.", nameof(labels));
        }

        InfoTheory.Internal.Guard.Indices(labels, logits._shape[1], nameof(labels), $"the classes of logits {Shapes.Format(logits._shape)}");
        InfoTheory.Internal.Guard.Defined(reduction, nameof(reduction));
        return CrossEntropyWithLogitsNode.Forward(logits, labels.ToArray(), ReductionScale(reduction, rows));
    }

    internal sealed class CrossEntropyWithLogitsNode(AutodiffTensor<T> logits, int[] labels, T scale) : UnaryNode(logits, [])
    {
        private readonly int[] _labels = labels;
        private readonly T _scale = scale;

        public override string Operation => "cross-entropy with logits";

        // <summary>c Σᵢ (LSE(zᵢ) − zᵢ,yᵢ) of [N, C] logits and validated labels, c = <paramref name="scale"/>.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> logits, int[] labels, T scale)
        {
            var y = new CrossEntropyWithLogitsNode(logits, labels, scale);
            var (rows, classes) = (logits._shape[0], logits._shape[1]);
            var z = logits.Data;
            using (var terms = new Scratch<T>(rows))
            {
                var t = terms.Span;
                SoftmaxKernels<T>.LogSumExp(z, rows, classes, 1, t);
                for (int i = 0; i < rows; i++)
                {
                    t[i] -= z[(i * classes) + labels[i]];
                }

                y.Data[0] = TensorPrimitives.Sum<T>(t) * scale;
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (rows, classes) = (X._shape[0], X._shape[1]);
            T g = OutputGradient[0] * _scale;
            using var p = new Scratch<T>(X._length);
            SoftmaxKernels<T>.Softmax(X.Data, rows, classes, 1, p.Span, log: false);
            var dz = X.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(p.Span, g, dz, dz);
            for (int i = 0; i < rows; i++)
            {
                dz[(i * classes) + _labels[i]] -= g;
            }
        }
    }
}
