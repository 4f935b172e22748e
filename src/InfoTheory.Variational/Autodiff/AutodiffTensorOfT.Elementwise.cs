using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Autodiff;

public sealed partial class AutodiffTensor<T>
{
    /// <summary>Elementwise exponential.</summary>
    /// <remarks>y = eˣ; ∂y/∂x = y.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Exp()
    {
        var y = Result("exp", _shape, this);
        TensorPrimitives.Exp(Data, y.Data);
        return y.Recorded(static y =>
        {
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, y.Data, dx, dx);
        });
    }

    /// <summary>Elementwise natural logarithm.</summary>
    /// <remarks>y = ln x; ∂y/∂x = 1/x. ln 0 = −∞ and ln of a negative number is NaN, as in IEEE 754 (trap them with <see cref="Autograd.TrapNonFinite"/>).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Log()
    {
        var y = Result("log", _shape, this);
        TensorPrimitives.Log(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Divide(y.OutputGradient, y.A.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.Add(dx, tmp.Span, dx);
        });
    }

    /// <summary>Elementwise square root.</summary>
    /// <remarks>y = √x; ∂y/∂x = 1/(2y) (infinite at 0).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sqrt()
    {
        var y = Result("sqrt", _shape, this);
        TensorPrimitives.Sqrt(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Divide(y.OutputGradient, y.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, T.CreateChecked(0.5), dx, dx);
        });
    }

    /// <summary>Elementwise square.</summary>
    /// <remarks>y = x²; ∂y/∂x = 2x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Square()
    {
        var y = Result("square", _shape, this);
        TensorPrimitives.Multiply(Data, Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Multiply(y.OutputGradient, y.A.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, T.CreateChecked(2), dx, dx);
        });
    }

    /// <summary>Raises every element to a constant power.</summary>
    /// <remarks>y = xᵖ; ∂y/∂x = p·xᵖ⁻¹. Non-integer powers of negative numbers are NaN, as in IEEE 754.</remarks>
    /// <param name="exponent">p.</param>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Pow(T exponent)
    {
        var y = Result("pow", _shape, this);
        y._s0 = exponent;
        TensorPrimitives.Pow(Data, exponent, y.Data);
        return y.Recorded(static y =>
        {
            T p = y._s0;
            if (p == T.Zero)
            {
                return;
            }

            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Pow(y.A.Data, p - T.One, tmp.Span);
            TensorPrimitives.Multiply(tmp.Span, y.OutputGradient, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, p, dx, dx);
        });
    }

    /// <summary>Elementwise absolute value.</summary>
    /// <remarks>y = |x|; ∂y/∂x = sign x, taken as 0 at x = 0 (the subgradient PyTorch uses).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Abs()
    {
        var y = Result("abs", _shape, this);
        TensorPrimitives.Abs(Data, y.Data);
        return y.Recorded(static y =>
        {
            var g = y.OutputGradient;
            var x = y.A.Data;
            var dx = y.A.GradientForAccumulation();
            for (int i = 0; i < dx.Length; i++)
            {
                T xi = x[i];
                dx[i] += xi > T.Zero ? g[i] : xi < T.Zero ? -g[i] : T.Zero;
            }
        });
    }

    /// <summary>Elementwise hyperbolic tangent.</summary>
    /// <remarks>y = tanh x; ∂y/∂x = 1 − y².</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Tanh()
    {
        var y = Result("tanh", _shape, this);
        TensorPrimitives.Tanh(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Multiply(y.Data, y.Data, tmp.Span);
            TensorPrimitives.Subtract(T.One, tmp.Span, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }

    /// <summary>σ of each element of <paramref name="x"/>: TensorPrimitives.Sigmoid rejects empty spans, but a 0-element tensor is a valid operand.</summary>
    private static void SigmoidOf(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (!x.IsEmpty)
        {
            TensorPrimitives.Sigmoid(x, destination);
        }
    }

    /// <summary>Elementwise logistic sigmoid.</summary>
    /// <remarks>y = σ(x) = 1/(1 + e⁻ˣ); ∂y/∂x = y(1 − y).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sigmoid()
    {
        var y = Result("sigmoid", _shape, this);
        SigmoidOf(Data, y.Data);
        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Subtract(T.One, y.Data, tmp.Span);
            TensorPrimitives.Multiply(tmp.Span, y.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }

    /// <summary>Elementwise rectified linear unit.</summary>
    /// <remarks>y = max(x, 0); ∂y/∂x = 1 for x &gt; 0 and 0 otherwise (0 at the kink, like PyTorch).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Relu()
    {
        var y = Result("relu", _shape, this);
        TensorPrimitives.Max(Data, T.Zero, y.Data);
        return y.Recorded(static y =>
        {
            var g = y.OutputGradient;
            var x = y.A.Data;
            var dx = y.A.GradientForAccumulation();
            int i = 0;
            if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            {
                for (; i <= dx.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                {
                    var pass = Vector256.GreaterThan(Vector256.Create<T>(x[i..]), Vector256<T>.Zero);
                    var sum = Vector256.Create<T>(dx[i..]) + (Vector256.Create<T>(g[i..]) & pass);
                    sum.CopyTo(dx[i..]);
                }
            }

            for (; i < dx.Length; i++)
            {
                if (x[i] > T.Zero)
                {
                    dx[i] += g[i];
                }
            }
        });
    }

    /// <summary>Elementwise leaky rectified linear unit.</summary>
    /// <remarks>y = x for x &gt; 0, αx otherwise; ∂y/∂x = 1 for x &gt; 0 and α otherwise.</remarks>
    /// <param name="negativeSlope">α, finite (commonly 0.01).</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public AutodiffTensor<T> LeakyRelu(T negativeSlope)
    {
        InfoTheory.Internal.Guard.Finite(double.CreateChecked(negativeSlope), nameof(negativeSlope));
        var y = Result("leaky relu", _shape, this);
        y._s0 = negativeSlope;
        var x = Data;
        var yd = y.Data;
        for (int i = 0; i < yd.Length; i++)
        {
            yd[i] = x[i] > T.Zero ? x[i] : negativeSlope * x[i];
        }

        return y.Recorded(static y =>
        {
            var g = y.OutputGradient;
            var x = y.A.Data;
            var dx = y.A.GradientForAccumulation();
            for (int i = 0; i < dx.Length; i++)
            {
                dx[i] += x[i] > T.Zero ? g[i] : y._s0 * g[i];
            }
        });
    }

    /// <summary>Elementwise softplus, the smooth ReLU.</summary>
    /// <remarks>y = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|) so it neither overflows nor loses small values; ∂y/∂x = σ(x).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Softplus()
    {
        var y = Result("softplus", _shape, this);
        var x = Data;
        var yd = y.Data;
        for (int i = 0; i < yd.Length; i++)
        {
            T xi = x[i];
            yd[i] = T.Max(xi, T.Zero) + Numerics.Log1P(T.Exp(-T.Abs(xi)));
        }

        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            SigmoidOf(y.A.Data, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }

    /// <summary>Elementwise log-sigmoid, the log-probability of a Bernoulli logit.</summary>
    /// <remarks>y = ln σ(x) = −softplus(−x), computed as min(x, 0) − ln(1 + e^−|x|); ∂y/∂x = 1 − σ(x) = σ(−x).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> LogSigmoid()
    {
        var y = Result("log sigmoid", _shape, this);
        var x = Data;
        var yd = y.Data;
        for (int i = 0; i < yd.Length; i++)
        {
            T xi = x[i];
            yd[i] = T.Min(xi, T.Zero) - Numerics.Log1P(T.Exp(-T.Abs(xi)));
        }

        return y.Recorded(static y =>
        {
            using var tmp = new Scratch<T>(y._length);
            TensorPrimitives.Negate(y.A.Data, tmp.Span);
            SigmoidOf(tmp.Span, tmp.Span);
            var dx = y.A.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(y.OutputGradient, tmp.Span, dx, dx);
        });
    }

    /// <summary>Limits every element to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <remarks>
    /// y = min(max(x, min), max); ∂y/∂x = 1 where min ≤ x ≤ max and 0 strictly outside. At a bound
    /// the gradient is 1 (it passes through, as in PyTorch), so a parameter sitting exactly on a
    /// bound can still be pulled back inside.
    /// </remarks>
    /// <param name="min">Lower bound, not NaN.</param>
    /// <param name="max">Upper bound, &gt;= <paramref name="min"/>.</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="min"/> is NaN, or <paramref name="max"/> is NaN or below <paramref name="min"/>.</exception>
    public AutodiffTensor<T> Clamp(T min, T max)
    {
        if (T.IsNaN(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "min is NaN; it must be a number.");
        }

        if (!(max >= min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max is {max}; it must be >= min ({min}).");
        }

        var y = Result("clamp", _shape, this);
        y._s0 = min;
        y._s1 = max;
        var x = Data;
        var yd = y.Data;
        for (int i = 0; i < yd.Length; i++)
        {
            yd[i] = T.Clamp(x[i], min, max);
        }

        return y.Recorded(static y =>
        {
            var g = y.OutputGradient;
            var x = y.A.Data;
            var dx = y.A.GradientForAccumulation();
            T lo = y._s0, hi = y._s1;
            for (int i = 0; i < dx.Length; i++)
            {
                if (x[i] >= lo && x[i] <= hi)
                {
                    dx[i] += g[i];
                }
            }
        });
    }
}
