using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using InfoTheory.Variational.Kernels;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    // <summary>C (+)= op(A)·op(B) through the GEMM kernel for the element type.</summary>
    private static void MatrixProduct(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmMode mode, MatrixProductOptions options)
    {
        if (typeof(T) == typeof(float))
        {
            Gemm.Compute(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(c), m, k, n, mode, options);
        }
        else if (typeof(T) == typeof(double))
        {
            Gemm.Compute(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c), m, k, n, mode, options);
        }
        else
        {
            throw new NotSupportedException($"Matrix products support float and double elements, not {typeof(T).Name}.");
        }
    }

    internal sealed class MatMulNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape, MatrixProductOptions options) : BinaryNode(a, b, shape)
    {
        private readonly MatrixProductOptions _options = options;

        public override string Operation => "matmul";

        // <inheritdoc cref="AutodiffTensor.MatMul{T}(AutodiffTensor{T}, AutodiffTensor{T}, MatrixProductOptions?)"/>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right, MatrixProductOptions? options)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var (a, b) = (left, right);
            if (a.Rank < 2 || b.Rank < 2 || a._shape[^1] != b._shape[^2]
                || (a.Rank > 2 && b.Rank > 2 && !a._shape.AsSpan(0, a.Rank - 2).SequenceEqual(b._shape.AsSpan(0, b.Rank - 2))))
            {
                throw new ArgumentException(
                    $"matmul: shapes {Shapes.Format(a._shape)} and {Shapes.Format(b._shape)} do not multiply; need [..., m, k] and [..., k, n] with equal (or one 2-D) batch extents.",
                    nameof(right));
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

            Shapes.Size(shape, nameof(right), "the matmul result shape");

            var y = new MatMulNode(a, b, shape, options ?? MatrixProductOptions.Default);
            var (batch, m, k, n) = MatMulDims(a, b);
            var ad = a.Data;
            var bd = b.Data;
            var yd = y.Data;
            int aStep = a.Rank == 2 ? 0 : m * k, bStep = b.Rank == 2 ? 0 : k * n;
            for (int i = 0; i < batch; i++)
            {
                MatrixProduct(ad.Slice(i * aStep, m * k), bd.Slice(i * bStep, k * n), yd.Slice(i * m * n, m * n), m, k, n, GemmMode.None, y._options);
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
                    MatrixProduct(gi, b.Data.Slice(i * bStep, k * n), a.GradientForAccumulation().Slice(i * aStep, m * k), m, n, k, GemmMode.TransposeB | GemmMode.Accumulate, _options);
                }

                if (b._requiresGrad)
                {
                    MatrixProduct(a.Data.Slice(i * aStep, m * k), gi, b.GradientForAccumulation().Slice(i * bStep, k * n), k, m, n, GemmMode.TransposeA | GemmMode.Accumulate, _options);
                }
            }
        }

        // <summary>(batch count, m, k, n) of a validated product; a 2-D right operand folds the left batch into m.</summary>
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

    // <summary>Y = X·W (+ b); the inputs (two, or three with a bias) are kept only when the operation is recorded.</summary>
    internal sealed class LinearNode : AutodiffTensor<T>
    {
        private AutodiffTensor<T>? _x;
        private AutodiffTensor<T>? _w;
        private AutodiffTensor<T>? _bias;
        private readonly MatrixProductOptions _options;

        private LinearNode(AutodiffTensor<T> x, AutodiffTensor<T> w, AutodiffTensor<T>? bias, int[] shape, MatrixProductOptions options)
            : base(shape, Autograd.IsGradEnabled && (x._requiresGrad || w._requiresGrad || (bias is not null && bias._requiresGrad)))
        {
            _options = options;
            if (_requiresGrad)
            {
                (_x, _w, _bias) = (x, w, bias);
            }
        }

        public override string Operation => "linear";

        private protected override int InputCount => _x is null ? 0 : _bias is null ? 2 : 3;

        // <inheritdoc cref="AutodiffTensor.Linear{T}(AutodiffTensor{T}, AutodiffTensor{T}, AutodiffTensor{T}?, MatrixProductOptions?)"/>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> input, AutodiffTensor<T> weight, AutodiffTensor<T>? bias, MatrixProductOptions? options)
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

            var y = new LinearNode(input, weight, bias, shape, options ?? MatrixProductOptions.Default);
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

            MatrixProduct(input.Data, weight.Data, yd, rows, inFeatures, outFeatures, bias is null ? GemmMode.None : GemmMode.Accumulate, y._options);
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
                MatrixProduct(g, w.Data, dx, rows, outFeatures, inFeatures, accumulate ? GemmMode.TransposeB | GemmMode.Accumulate : GemmMode.TransposeB, _options);
            }

            if (w._requiresGrad)
            {
                var dw = w.GradientForWrite(out bool accumulate);
                MatrixProduct(x.Data, g, dw, inFeatures, rows, outFeatures, accumulate ? GemmMode.TransposeA | GemmMode.Accumulate : GemmMode.TransposeA, _options);
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
