using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Internal;

// <summary>
// The Cholesky factor A = L Lᵀ of a symmetric positive-definite d × d matrix, flat and row-major, with the solves,
// inverse and log-determinant the Gaussian and the Gaussian exponential families need, and an allocation-free in-place
// factorisation for the channel capacity's Newton steps, which solve with a fresh Hessian every iteration.
// </summary>
internal static class Cholesky
{
    // A Cholesky pivot this small relative to its diagonal entry has lost every significant digit:
    // the matrix is singular to working precision even if rounding left it barely positive.
    private const double SingularPivotRatio = 16 * 2.220446049250313e-16;

    // <summary>Factors the flat, symmetric <paramref name="matrix"/> (via MathNet.Numerics) into a flat lower-triangular L.</summary>
    // <param name="matrix">d × d, row-major, symmetric.</param>
    // <param name="d">The size.</param>
    // <param name="paramName">The public parameter the exception names.</param>
    // <param name="what">How messages spell the matrix, e.g. <c>covariance</c>.</param>
    // <param name="requirement">The sentence that follows, saying why it must be positive definite.</param>
    // <exception cref="ArgumentException">The matrix is not positive definite, or singular to working precision.</exception>
    public static double[] Factor(double[] matrix, int d, string paramName, string what, string requirement)
    {
        Matrix<double> lower;
        try
        {
            lower = Matrix<double>.Build.Dense(d, d, (i, j) => matrix[(i * d) + j]).Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            throw new ArgumentException(
                $"{what} is not positive definite (it is singular or has a negative eigenvalue); {requirement}.", paramName);
        }

        var flat = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            double pivot = lower[i, i];
            if (!(pivot * pivot > SingularPivotRatio * matrix[(i * d) + i]))
            {
                throw new ArgumentException(
                    $"{what} is singular to working precision: the Cholesky pivot of row {i} is {Guard.Format(pivot)} against a diagonal entry of {Guard.Format(matrix[(i * d) + i])}.",
                    paramName);
            }

            for (int j = 0; j <= i; j++)
            {
                flat[(i * d) + j] = lower[i, j];
            }
        }

        return flat;
    }

    // <summary>Overwrites the lower triangle of the n × n matrix <paramref name="a"/> with L; false when a pivot is not finite and positive (A is not positive definite to working precision).</summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            Span<double> rowJ = a.Slice(j * n, n);
            double pivot = rowJ[j] - TensorPrimitives.Dot(rowJ[..j], rowJ[..j]);
            if (!(pivot > 0) || !double.IsFinite(pivot))
            {
                return false;
            }

            double diagonal = Math.Sqrt(pivot);
            rowJ[j] = diagonal;
            for (int i = j + 1; i < n; i++)
            {
                Span<double> rowI = a.Slice(i * n, n);
                rowI[j] = (rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j])) / diagonal;
            }
        }

        return true;
    }

    // <summary>Solves L v = b in place (forward substitution); L from <see cref="Factor"/> or <see cref="TryFactor"/>, only its lower triangle read.</summary>
    public static void SolveLower(ReadOnlySpan<double> lower, int d, Span<double> b)
    {
        for (int i = 0; i < d; i++)
        {
            double sum = b[i];
            int row = i * d;
            for (int j = 0; j < i; j++)
            {
                sum -= lower[row + j] * b[j];
            }

            b[i] = sum / lower[row + i];
        }
    }

    // <summary>Solves A x = b in place: L y = b, then Lᵀ x = y (back substitution).</summary>
    public static void Solve(ReadOnlySpan<double> lower, int d, Span<double> b)
    {
        SolveLower(lower, d, b);
        for (int i = d - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int j = i + 1; j < d; j++)
            {
                sum -= lower[(j * d) + i] * b[j];
            }

            b[i] = sum / lower[(i * d) + i];
        }
    }

    // <summary>ln det A = 2 Σ ln Lᵢᵢ.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> lower, int d)
    {
        double sum = 0;
        for (int i = 0; i < d; i++)
        {
            sum += Math.Log(lower[(i * d) + i]);
        }

        return 2 * sum;
    }

    // <summary>A⁻¹, flat and row-major, column by column from A x = eⱼ, and exactly symmetric.</summary>
    public static double[] Inverse(ReadOnlySpan<double> lower, int d)
    {
        var inverse = new double[d * d];
        var column = new double[d];
        for (int j = 0; j < d; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(lower, d, column);
            for (int i = j; i < d; i++)
            {
                inverse[(i * d) + j] = column[i];
                inverse[(j * d) + i] = column[i];
            }
        }

        return inverse;
    }
}
