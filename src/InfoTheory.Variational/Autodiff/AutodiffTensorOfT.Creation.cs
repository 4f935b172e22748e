using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>A tensor of zeros.</summary>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    internal static AutodiffTensor<T> Zeros(params ReadOnlySpan<int> shape) => Full(T.Zero, shape);

    /// <summary>A tensor of ones.</summary>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    internal static AutodiffTensor<T> Ones(params ReadOnlySpan<int> shape) => Full(T.One, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    /// <param name="value">The fill value.</param>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    internal static AutodiffTensor<T> Full(T value, params ReadOnlySpan<int> shape)
    {
        var t = Uninitialized(shape.ToArray());
        t.Data.Fill(value);
        return t;
    }

    /// <summary>A rank-0 tensor holding one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A new leaf tensor of shape [] that does not require gradients.</returns>
    internal static AutodiffTensor<T> Scalar(T value) => Full(value);

    /// <summary>A tensor holding a copy of <paramref name="values"/> in row-major order.</summary>
    /// <param name="values">The elements; their count must equal the product of the extents.</param>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">The shape is invalid or its element count differs from the number of values.</exception>
    internal static AutodiffTensor<T> FromValues(ReadOnlySpan<T> values, params ReadOnlySpan<int> shape)
    {
        var t = Uninitialized(shape.ToArray());
        if (t.Length != values.Length)
        {
            throw new ArgumentException(
                $"values has {values.Length} elements but shape {Shapes.Format(shape)} needs {t.Length}.", nameof(values));
        }

        values.CopyTo(t.Data);
        return t;
    }

    /// <inheritdoc cref="AutodiffTensor.FromValues{T}(T[,])"/>
    internal static AutodiffTensor<T> FromValues(T[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var t = Uninitialized([values.GetLength(0), values.GetLength(1)]);
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length).CopyTo(t.Data);
        return t;
    }

    /// <summary>A tensor of independent normal draws N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    /// <remarks>Box–Muller on <see cref="Random.NextDouble"/>, so the same seeded generator gives the same bits.</remarks>
    /// <param name="random">The source of randomness.</param>
    /// <param name="mean">μ, finite.</param>
    /// <param name="standardDeviation">σ, finite and &gt;= 0.</param>
    /// <param name="shape">Extents, each &gt;= 0.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite or <paramref name="standardDeviation"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    internal static AutodiffTensor<T> RandomNormal(Random random, T mean, T standardDeviation, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        InfoTheory.Internal.Guard.Finite(double.CreateChecked(mean), nameof(mean));
        InfoTheory.Internal.Guard.InRange(double.CreateChecked(standardDeviation), 0, double.MaxValue, nameof(standardDeviation));
        var t = Uninitialized(shape.ToArray());
        FillNormal(random, mean, standardDeviation, t.Data);
        return t;
    }

    /// <summary>A tensor of independent uniform draws on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="low">Lower bound, finite.</param>
    /// <param name="high">Upper bound, finite and &gt;= <paramref name="low"/>.</param>
    /// <param name="shape">Extents, each &gt;= 0.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite or <paramref name="high"/> &lt; <paramref name="low"/>.</exception>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    internal static AutodiffTensor<T> RandomUniform(Random random, T low, T high, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        double lo = double.CreateChecked(low);
        InfoTheory.Internal.Guard.Finite(lo, nameof(low));
        InfoTheory.Internal.Guard.InRange(double.CreateChecked(high), lo, double.MaxValue, nameof(high));
        var t = Uninitialized(shape.ToArray());
        FillUniform(random, low, high, t.Data);
        return t;
    }

    /// <summary>The constant 0/1 mask of a lower-triangular n×n matrix: 1 where column ≤ row + <paramref name="diagonal"/>.</summary>
    /// <param name="n">Rows and columns, &gt;= 0.</param>
    /// <param name="diagonal">Which diagonal is the last one kept: 0 the main one, −1 strictly below it, 1 one above.</param>
    /// <returns>A new n×n leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or n × n exceeds <see cref="int.MaxValue"/>.</exception>
    internal static AutodiffTensor<T> LowerTriangularMask(int n, int diagonal = 0)
    {
        InfoTheory.Internal.Guard.ElementCount(nameof(n), "n × n", n, n);
        var t = Zeros(n, n);
        var d = t.Data;
        for (int i = 0; i < n; i++)
        {
            // In long: i + diagonal wraps for a diagonal near int.MaxValue.
            int ones = (int)Math.Clamp((long)i + diagonal + 1, 0, n);
            d.Slice(i * n, ones).Fill(T.One);
        }

        return t;
    }

    /// <summary>Fills a span with N(mean, sd²) draws by Box–Muller, two per pair of uniforms.</summary>
    internal static void FillNormal(Random random, T mean, T standardDeviation, Span<T> destination)
    {
        double mu = double.CreateChecked(mean), sigma = double.CreateChecked(standardDeviation);
        for (int i = 0; i < destination.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            destination[i] = T.CreateChecked(mu + (sigma * r * Math.Cos(theta)));
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = T.CreateChecked(mu + (sigma * r * Math.Sin(theta)));
            }
        }
    }

    /// <summary>Fills a span with uniform draws on [low, high).</summary>
    internal static void FillUniform(Random random, T low, T high, Span<T> destination)
    {
        double lo = double.CreateChecked(low), hi = double.CreateChecked(high), width = hi - lo;
        if (double.IsFinite(width))
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = T.CreateChecked(lo + (width * random.NextDouble()));
            }

            return;
        }

        // A width past double.MaxValue (e.g. [−MaxValue, MaxValue]) is stepped in two halves, each finite.
        double half = (hi / 2) - (lo / 2);
        for (int i = 0; i < destination.Length; i++)
        {
            double step = half * random.NextDouble();
            destination[i] = T.CreateChecked(lo + step + step);
        }
    }
}
