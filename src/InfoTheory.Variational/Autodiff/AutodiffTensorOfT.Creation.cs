using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    // <inheritdoc cref="AutodiffTensor.Zeros{T}(ReadOnlySpan{int})"/>
    internal static AutodiffTensor<T> Zeros(params ReadOnlySpan<int> shape) => Full(T.Zero, shape);

    // <inheritdoc cref="AutodiffTensor.Ones{T}(ReadOnlySpan{int})"/>
    internal static AutodiffTensor<T> Ones(params ReadOnlySpan<int> shape) => Full(T.One, shape);

    // <inheritdoc cref="AutodiffTensor.Full{T}(T, ReadOnlySpan{int})"/>
    internal static AutodiffTensor<T> Full(T value, params ReadOnlySpan<int> shape)
    {
        var t = Uninitialized(shape.ToArray());
        t.Data.Fill(value);
        return t;
    }

    // <inheritdoc cref="AutodiffTensor.Scalar{T}(T)"/>
    internal static AutodiffTensor<T> Scalar(T value) => Full(value);

    // <inheritdoc cref="AutodiffTensor.FromValues{T}(ReadOnlySpan{T}, ReadOnlySpan{int})"/>
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

    // <inheritdoc cref="AutodiffTensor.FromValues{T}(T[,])"/>
    internal static AutodiffTensor<T> FromValues(T[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var t = Uninitialized([values.GetLength(0), values.GetLength(1)]);
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(values)), values.Length).CopyTo(t.Data);
        return t;
    }

    // <inheritdoc cref="AutodiffTensor.RandomNormal{T}(Random, T, T, ReadOnlySpan{int})"/>
    internal static AutodiffTensor<T> RandomNormal(Random random, T mean, T standardDeviation, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        InfoTheory.Internal.Guard.Finite(double.CreateChecked(mean), nameof(mean));
        InfoTheory.Internal.Guard.InRange(double.CreateChecked(standardDeviation), 0, double.MaxValue, nameof(standardDeviation));
        var t = Uninitialized(shape.ToArray());
        InfoTheory.Internal.NormalSampler.Fill(random, double.CreateChecked(mean), double.CreateChecked(standardDeviation), t.Data);
        return t;
    }

    // <inheritdoc cref="AutodiffTensor.RandomUniform{T}(Random, T, T, ReadOnlySpan{int})"/>
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

    // <inheritdoc cref="AutodiffTensor.LowerTriangularMask{T}(int, int)"/>
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

    // <summary>Fills a span with uniform draws on [low, high).</summary>
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
