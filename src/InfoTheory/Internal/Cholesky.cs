using System.Numerics.Tensors;

namespace InfoTheory.Internal;

/// <summary>An in-place Cholesky factorisation A = L Lᵀ of a small dense symmetric positive definite matrix, and the solve with it, allocation-free.</summary>
/// <remarks>
/// The Newton steps of the channel capacity solve with a fresh Hessian of a few hundred rows every iteration; MathNet's
/// factorisation would allocate its matrices each time. Row-major, only the lower triangle is read and written.
/// </remarks>
internal static class Cholesky
{
    /// <summary>Overwrites the lower triangle of the n × n matrix <paramref name="a"/> with L; false when a pivot is not finite and positive (A is not positive definite to working precision).</summary>
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

    /// <summary>Overwrites <paramref name="b"/> with the solution of L Lᵀ x = b, L the factor <see cref="TryFactor"/> left in <paramref name="l"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(l.Slice(i * n, i), b[..i])) / l[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }
    }
}
