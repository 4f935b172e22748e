using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using InfoTheory.Variational.Kernels;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Matrix product over the last two axes, batched over the leading ones.</summary>
    /// <remarks>
    /// <para>Y = A·B with A [..., m, k] and B [..., k, n]; ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G, accumulated
    /// straight into the gradients by the GEMM kernel. A 2-D right operand is shared by every batch
    /// (then the batch is folded into the rows of one large product); a 2-D left operand is shared
    /// likewise; otherwise the batch extents must be equal.</para>
    /// <para>Supported element types: <see cref="float"/> and <see cref="double"/>.</para>
    /// </remarks>
    /// <param name="other">B, rank ≥ 2, with B's second-to-last extent equal to this tensor's last.</param>
    /// <returns>A tensor [..., m, n].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">An operand has rank below 2, the inner extents differ, or the batch extents differ; the message shows both shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result [..., m, n] would have more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public AutodiffTensor<T> MatMul(AutodiffTensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (this, other);
        if (a.Rank < 2 || b.Rank < 2 || a._shape[^1] != b._shape[^2]
            || (a.Rank > 2 && b.Rank > 2 && !a._shape.AsSpan(0, a.Rank - 2).SequenceEqual(b._shape.AsSpan(0, b.Rank - 2))))
        {
            throw new ArgumentException(
                $"matmul: shapes {Shapes.Format(a._shape)} and {Shapes.Format(b._shape)} do not multiply; need [..., m, k] and [..., k, n] with equal (or one 2-D) batch extents.",
                nameof(other));
        }

        int[] shape;
        if (b.Rank == 2)
        {
            shape = (int[])a._shape.Clone();
            shape[^1] = b._shape[1];
        }
        else
        {
            shape = (int[])b._shape.Clone();
            shape[^2] = a._shape[^2];
        }

        Shapes.Size(shape, nameof(other), "the matmul result shape");
        return MatMulNode.Forward(a, b, shape);
    }

    /// <summary>The affine map of a dense layer, fused into one operation: Y = X·W + b.</summary>
    /// <remarks>
    /// X [..., in], W [in, out], b [out]; ∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G, ∂L/∂b = Σ over rows of G.
    /// One node instead of a matmul and a broadcast add saves a pass and a buffer per layer.
    /// </remarks>
    /// <param name="input">X, rank ≥ 1, last extent = in.</param>
    /// <param name="weight">W, shape [in, out].</param>
    /// <param name="bias">b, shape [out], or null for no bias.</param>
    /// <returns>Y [..., out].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not fit; the message shows them.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result [..., out] would have more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    internal static AutodiffTensor<T> Linear(AutodiffTensor<T> input, AutodiffTensor<T> weight, AutodiffTensor<T>? bias)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank < 1 || weight.Rank != 2 || input._shape[^1] != weight._shape[0])
        {
            throw new ArgumentException(
                $"linear: input {Shapes.Format(input._shape)} and weight {Shapes.Format(weight._shape)} do not fit; need [..., in] and [in, out].", nameof(weight));
        }

        int inFeatures = weight._shape[0], outFeatures = weight._shape[1];
        if (bias is not null && (bias.Rank != 1 || bias._shape[0] != outFeatures))
        {
            throw new ArgumentException(
                $"linear: bias {Shapes.Format(bias._shape)} does not fit weight {Shapes.Format(weight._shape)}; need [{outFeatures}].", nameof(bias));
        }

        var shape = (int[])input._shape.Clone();
        shape[^1] = outFeatures;
        Shapes.Size(shape, nameof(weight), "the linear result shape");
        return LinearNode.Forward(input, weight, bias, shape);
    }

    /// <summary>Which GEMM path products use; benchmarks force the portable scalar loops to show the kernel's share.</summary>
    internal static GemmOptions KernelOptions { get; set; } = GemmOptions.Default;

    /// <summary>C (+)= op(A)·op(B) through the GEMM kernel for the element type.</summary>
    internal static void Multiply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, bool transposeA, bool transposeB, bool accumulate)
    {
        if (typeof(T) == typeof(float))
        {
            Gemm.Multiply(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(c), m, k, n, transposeA, transposeB, accumulate, KernelOptions);
        }
        else if (typeof(T) == typeof(double))
        {
            Gemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n, transposeA, transposeB, accumulate, KernelOptions);
        }
        else
        {
            throw new NotSupportedException($"Matrix products support float and double elements, not {typeof(T).Name}.");
        }
    }

    internal sealed class MatMulNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        public override string Operation => "matmul";

        /// <summary>A·B for operands whose shapes were checked, into a result of the checked shape.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape)
        {
            var y = new MatMulNode(a, b, shape);
            var (batch, m, k, n) = MatMulDims(a, b);
            var ad = a.Data;
            var bd = b.Data;
            var yd = y.Data;
            int aStep = a.Rank == 2 ? 0 : m * k, bStep = b.Rank == 2 ? 0 : k * n;
            for (int i = 0; i < batch; i++)
            {
                Multiply(ad.Slice(i * aStep, m * k), bd.Slice(i * bStep, k * n), yd.Slice(i * m * n, m * n), m, k, n, false, false, false);
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var (a, b) = (A, B);
            var (batch, m, k, n) = MatMulDims(a, b);
            int aStep = a.Rank == 2 ? 0 : m * k, bStep = b.Rank == 2 ? 0 : k * n;
            var g = OutputGradient;
            for (int i = 0; i < batch; i++)
            {
                var gi = g.Slice(i * m * n, m * n);
                if (a._requiresGrad)
                {
                    Multiply(gi, b.Data.Slice(i * bStep, k * n), a.GradientForAccumulation().Slice(i * aStep, m * k), m, n, k, false, true, true);
                }

                if (b._requiresGrad)
                {
                    Multiply(a.Data.Slice(i * aStep, m * k), gi, b.GradientForAccumulation().Slice(i * bStep, k * n), k, m, n, true, false, true);
                }
            }
        }

        /// <summary>(batch count, m, k, n) of a validated product; a 2-D right operand folds the left batch into m.</summary>
        private static (int Batch, int M, int K, int N) MatMulDims(AutodiffTensor<T> a, AutodiffTensor<T> b)
        {
            int k = a._shape[^1], n = b._shape[^1];
            if (b.Rank == 2)
            {
                return (1, k == 0 ? 0 : a._length / k, k, n);
            }

            int m = a._shape[^2];
            int batch = 1;
            for (int i = 0; i < b.Rank - 2; i++)
            {
                batch *= b._shape[i];
            }

            return (batch, m, k, n);
        }
    }

    /// <summary>Y = X·W (+ b); the inputs (two, or three with a bias) are kept only when the operation is recorded.</summary>
    internal sealed class LinearNode : AutodiffTensor<T>
    {
        private AutodiffTensor<T>? _x;
        private AutodiffTensor<T>? _w;
        private AutodiffTensor<T>? _bias;

        private LinearNode(AutodiffTensor<T> x, AutodiffTensor<T> w, AutodiffTensor<T>? bias, int[] shape)
            : base(shape, Autograd.IsGradEnabled && (x._requiresGrad || w._requiresGrad || (bias is not null && bias._requiresGrad)))
        {
            if (_requiresGrad)
            {
                (_x, _w, _bias) = (x, w, bias);
            }
        }

        public override string Operation => "linear";

        private protected override int InputCount => _x is null ? 0 : _bias is null ? 2 : 3;

        /// <summary>X·W + b for operands whose shapes were checked, into a result of the checked shape.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> input, AutodiffTensor<T> weight, AutodiffTensor<T>? bias, int[] shape)
        {
            var y = new LinearNode(input, weight, bias, shape);
            int inFeatures = weight._shape[0], outFeatures = weight._shape[1];
            int rows = inFeatures == 0 ? input._length : input._length / inFeatures;
            var yd = y.Data;
            if (bias is not null)
            {
                var bd = bias.Data;
                for (int r = 0; r < rows; r++)
                {
                    bd.CopyTo(yd.Slice(r * outFeatures, outFeatures));
                }
            }

            Multiply(input.Data, weight.Data, yd, rows, inFeatures, outFeatures, false, false, bias is not null);
            return y.Finished();
        }

        private protected override AutodiffTensor<T> Input(int index) => index switch { 0 => _x!, 1 => _w!, _ => _bias! };

        private protected override void ForgetInputs() => (_x, _w, _bias) = (null, null, null);

        private protected override void Propagate()
        {
            var (x, w, b) = (_x!, _w!, _bias);
            int inFeatures = w._shape[0], outFeatures = w._shape[1];
            int rows = inFeatures == 0 ? x._length : x._length / inFeatures;
            var g = OutputGradient;
            if (x._requiresGrad)
            {
                var dx = x.GradientForWrite(out bool accumulate);
                Multiply(g, w.Data, dx, rows, outFeatures, inFeatures, false, true, accumulate);
            }

            if (w._requiresGrad)
            {
                var dw = w.GradientForWrite(out bool accumulate);
                Multiply(x.Data, g, dw, inFeatures, rows, outFeatures, true, false, accumulate);
            }

            if (b is not null && b._requiresGrad)
            {
                var db = b.GradientForAccumulation();
                for (int r = 0; r < rows; r++)
                {
                    TensorPrimitives.Add(db, g.Slice(r * outFeatures, outFeatures), db);
                }
            }
        }
    }
}
