namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Zeroes the entries above a diagonal of the last two axes (the lower-triangular part, for Cholesky factors).</summary>
    /// <remarks>y[..., i, j] = x[..., i, j] if j ≤ i + d, else 0; the gradient is masked the same way.</remarks>
    /// <param name="diagonal">d: 0 keeps the main diagonal, −1 keeps only what is strictly below it.</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="InvalidOperationException">The tensor has rank below 2.</exception>
    public AutodiffTensor<T> LowerTriangular(int diagonal = 0)
    {
        RequireMatrix(LowerTriangularNode.Name);
        return LowerTriangularNode.Forward(this, diagonal);
    }

    /// <summary>The main diagonal of the last two axes, which must be square.</summary>
    /// <remarks>y[..., i] = x[..., i, i] for i &lt; n; the gradient goes back onto the diagonal.</remarks>
    /// <returns>A tensor [..., n].</returns>
    /// <exception cref="InvalidOperationException">The tensor has rank below 2, or its last two extents differ (it is not a batch of square matrices).</exception>
    public AutodiffTensor<T> Diagonal()
    {
        RequireMatrix(DiagonalNode.Name);
        int rows = _shape[^2], cols = _shape[^1];
        if (rows != cols)
        {
            throw new InvalidOperationException(
                $"diagonal needs square matrices in the last two axes; this tensor has shape {Shapes.Format(_shape)} ({rows} rows, {cols} columns).");
        }

        return DiagonalNode.Forward(this);
    }

    /// <summary>Square matrices with this tensor's last axis on the diagonal and zeros elsewhere.</summary>
    /// <remarks>y[..., i, j] = x[..., i] if i = j, else 0; the gradient is the diagonal of the incoming one.</remarks>
    /// <returns>A tensor [..., n, n].</returns>
    /// <exception cref="InvalidOperationException">The tensor has rank 0 or rank <see cref="Shapes.MaxRank"/>, or the result would have more than <see cref="int.MaxValue"/> elements.</exception>
    public AutodiffTensor<T> DiagonalMatrix()
    {
        if (Rank < 1 || Rank >= Shapes.MaxRank)
        {
            throw new InvalidOperationException(
                $"diagonal matrix needs a tensor of rank 1 to {Shapes.MaxRank - 1}; this one has shape {Shapes.Format(_shape)}.");
        }

        int n = _shape[^1];
        if ((long)_length * n > int.MaxValue)
        {
            // The receiver, not an argument, is too large, so this is not an argument error.
            throw new InvalidOperationException(
                $"diagonal matrix of a tensor of shape {Shapes.Format(_shape)} would have {(long)_length * n} elements, more than {int.MaxValue}.");
        }

        return DiagonalMatrixNode.Forward(this);
    }

    private static void CopyLowerTriangle(ReadOnlySpan<T> source, Span<T> destination, int rows, int cols, int diagonal, bool accumulate)
    {
        int matrices = rows * cols == 0 ? 0 : source.Length / (rows * cols);
        for (int m = 0, p = 0; m < matrices; m++)
        {
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++, p++)
                {
                    bool keep = j <= i + diagonal;
                    if (accumulate)
                    {
                        if (keep)
                        {
                            destination[p] += source[p];
                        }
                    }
                    else
                    {
                        destination[p] = keep ? source[p] : T.Zero;
                    }
                }
            }
        }
    }

    private void RequireMatrix(string operation)
    {
        if (Rank < 2)
        {
            throw new InvalidOperationException($"{operation} needs a tensor of rank >= 2; this one has shape {Shapes.Format(_shape)}.");
        }
    }

    internal sealed class LowerTriangularNode(AutodiffTensor<T> x, int diagonal) : UnaryNode(x, x._shape)
    {
        private readonly int _diagonal = diagonal;

        public const string Name = "lower triangular";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, int diagonal)
        {
            var y = new LowerTriangularNode(x, diagonal);
            CopyLowerTriangle(x.Data, y.Data, x._shape[^2], x._shape[^1], diagonal, accumulate: false);
            return y.Finished();
        }

        private protected override void Propagate()
            => CopyLowerTriangle(OutputGradient, X.GradientForAccumulation(), _shape[^2], _shape[^1], _diagonal, accumulate: true);
    }

    internal sealed class DiagonalNode(AutodiffTensor<T> x, int[] shape) : UnaryNode(x, shape)
    {
        public const string Name = "diagonal";

        public override string Operation => Name;

        // <summary>The diagonals of a validated batch of square matrices.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            int rows = x._shape[^2], cols = x._shape[^1], d = rows;
            var shape = x._shape[..^1];
            shape[^1] = d;
            var y = new DiagonalNode(x, shape);
            var xd = x.Data;
            var yd = y.Data;
            int batch = d == 0 ? 0 : yd.Length / d;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < d; i++)
                {
                    yd[(bI * d) + i] = xd[(bI * rows * cols) + (i * cols) + i];
                }
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            int rows = X._shape[^2], cols = X._shape[^1], d = _shape[^1];
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            int batch = d == 0 ? 0 : g.Length / d;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < d; i++)
                {
                    dx[(bI * rows * cols) + (i * cols) + i] += g[(bI * d) + i];
                }
            }
        }
    }

    internal sealed class DiagonalMatrixNode(AutodiffTensor<T> x, int[] shape) : UnaryNode(x, shape)
    {
        public override string Operation => "diagonal matrix";

        // <summary>Square matrices from a validated tensor's last axis.</summary>
        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            int n = x._shape[^1];
            var shape = new int[x.Rank + 1];
            x._shape.CopyTo(shape, 0);
            shape[^1] = n;
            var y = new DiagonalMatrixNode(x, shape);
            var xd = x.Data;
            var yd = y.Data;
            yd.Clear();
            int batch = n == 0 ? 0 : xd.Length / n;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < n; i++)
                {
                    yd[(bI * n * n) + (i * n) + i] = xd[(bI * n) + i];
                }
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            int n = _shape[^1];
            var g = OutputGradient;
            var dx = X.GradientForAccumulation();
            int batch = n == 0 ? 0 : dx.Length / n;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < n; i++)
                {
                    dx[(bI * n) + i] += g[(bI * n * n) + (i * n) + i];
                }
            }
        }
    }
}
