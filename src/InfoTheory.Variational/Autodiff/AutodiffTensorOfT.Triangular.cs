namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>Zeroes the entries above a diagonal of the last two axes (the lower-triangular part, for Cholesky factors).</summary>
    /// <remarks>y[..., i, j] = x[..., i, j] if j ≤ i + d, else 0; the gradient is masked the same way.</remarks>
    /// <param name="diagonal">d: 0 keeps the main diagonal, −1 keeps only what is strictly below it.</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="InvalidOperationException">The tensor has rank below 2.</exception>
    public AutodiffTensor<T> LowerTriangular(int diagonal = 0)
    {
        RequireMatrix("lower triangular");
        var y = Result("lower triangular", _shape, this);
        y._i0 = diagonal;
        CopyLowerTriangle(Data, y.Data, _shape[^2], _shape[^1], diagonal, accumulate: false);
        return y.Recorded(static y =>
            CopyLowerTriangle(y.OutputGradient, y.A.GradientForAccumulation(), y._shape[^2], y._shape[^1], y._i0, accumulate: true));
    }

    /// <summary>The main diagonal of the last two axes, which must be square.</summary>
    /// <remarks>y[..., i] = x[..., i, i] for i &lt; n; the gradient goes back onto the diagonal.</remarks>
    /// <returns>A tensor [..., n].</returns>
    /// <exception cref="InvalidOperationException">The tensor has rank below 2, or its last two extents differ (it is not a batch of square matrices).</exception>
    public AutodiffTensor<T> Diagonal()
    {
        RequireMatrix("diagonal");
        int rows = _shape[^2], cols = _shape[^1], d = rows;
        if (rows != cols)
        {
            throw new InvalidOperationException(
                $"diagonal needs square matrices in the last two axes; this tensor has shape {Shapes.Format(_shape)} ({rows} rows, {cols} columns).");
        }

        var shape = _shape[..^1];
        shape[^1] = d;
        var y = Result("diagonal", shape, this);
        var x = Data;
        var yd = y.Data;
        int batch = d == 0 ? 0 : yd.Length / d;
        for (int bI = 0; bI < batch; bI++)
        {
            for (int i = 0; i < d; i++)
            {
                yd[(bI * d) + i] = x[(bI * rows * cols) + (i * cols) + i];
            }
        }

        return y.Recorded(static y =>
        {
            int rows = y.A._shape[^2], cols = y.A._shape[^1], d = y._shape[^1];
            var g = y.OutputGradient;
            var dx = y.A.GradientForAccumulation();
            int batch = d == 0 ? 0 : g.Length / d;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < d; i++)
                {
                    dx[(bI * rows * cols) + (i * cols) + i] += g[(bI * d) + i];
                }
            }
        });
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

        var shape = new int[Rank + 1];
        _shape.CopyTo(shape, 0);
        shape[^1] = n;
        var y = Result("diagonal matrix", shape, this);
        var x = Data;
        var yd = y.Data;
        yd.Clear();
        int batch = n == 0 ? 0 : x.Length / n;
        for (int bI = 0; bI < batch; bI++)
        {
            for (int i = 0; i < n; i++)
            {
                yd[(bI * n * n) + (i * n) + i] = x[(bI * n) + i];
            }
        }

        return y.Recorded(static y =>
        {
            int n = y._shape[^1];
            var g = y.OutputGradient;
            var dx = y.A.GradientForAccumulation();
            int batch = n == 0 ? 0 : dx.Length / n;
            for (int bI = 0; bI < batch; bI++)
            {
                for (int i = 0; i < n; i++)
                {
                    dx[(bI * n) + i] += g[(bI * n * n) + (i * n) + i];
                }
            }
        });
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
}
