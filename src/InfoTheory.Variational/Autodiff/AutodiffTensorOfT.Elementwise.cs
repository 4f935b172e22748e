using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Elementwise exponential.</summary>
    /// <remarks>y = eˣ; ∂y/∂x = y.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Exp() => ExpNode.Forward(this);

    /// <summary>Elementwise natural logarithm.</summary>
    /// <remarks>y = ln x; ∂y/∂x = 1/x. ln 0 = −∞ and ln of a negative number is NaN, as in IEEE 754 (trap them with <see cref="Autograd.TrapNonFinite"/>).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Log() => LogNode.Forward(this);

    /// <summary>Elementwise square root.</summary>
    /// <remarks>y = √x; ∂y/∂x = 1/(2y) (infinite at 0).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sqrt() => SqrtNode.Forward(this);

    /// <summary>Elementwise square.</summary>
    /// <remarks>y = x²; ∂y/∂x = 2x.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Square() => SquareNode.Forward(this);

    /// <summary>Raises every element to a constant power.</summary>
    /// <remarks>y = xᵖ; ∂y/∂x = p·xᵖ⁻¹. Non-integer powers of negative numbers are NaN, as in IEEE 754.</remarks>
    /// <param name="exponent">p.</param>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Pow(T exponent) => PowNode.Forward(this, exponent);

    /// <summary>Elementwise absolute value.</summary>
    /// <remarks>y = |x|; ∂y/∂x = sign x, taken as 0 at x = 0 (the subgradient PyTorch uses).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Abs() => AbsNode.Forward(this);

    /// <summary>Elementwise hyperbolic tangent.</summary>
    /// <remarks>y = tanh x; ∂y/∂x = 1 − y².</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Tanh() => TanhNode.Forward(this);

    /// <summary>Elementwise logistic sigmoid.</summary>
    /// <remarks>y = σ(x) = 1/(1 + e⁻ˣ); ∂y/∂x = y(1 − y).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Sigmoid() => SigmoidNode.Forward(this);

    /// <summary>Elementwise rectified linear unit.</summary>
    /// <remarks>y = max(x, 0); ∂y/∂x = 1 for x &gt; 0 and 0 otherwise (0 at the kink, like PyTorch).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Relu() => ReluNode.Forward(this);

    /// <summary>Elementwise leaky rectified linear unit.</summary>
    /// <remarks>y = x for x &gt; 0, αx otherwise; ∂y/∂x = 1 for x &gt; 0 and α otherwise.</remarks>
    /// <param name="negativeSlope">α, finite (commonly 0.01).</param>
    /// <returns>A tensor of this shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is not finite.</exception>
    public AutodiffTensor<T> LeakyRelu(T negativeSlope)
    {
        InfoTheory.Internal.Guard.Finite(double.CreateChecked(negativeSlope), nameof(negativeSlope));
        return LeakyReluNode.Forward(this, negativeSlope);
    }

    /// <summary>Elementwise softplus, the smooth ReLU.</summary>
    /// <remarks>y = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|) so it neither overflows nor loses small values; ∂y/∂x = σ(x).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Softplus() => SoftplusNode.Forward(this);

    /// <summary>Elementwise log-sigmoid, the log-probability of a Bernoulli logit.</summary>
    /// <remarks>y = ln σ(x) = −softplus(−x), computed as min(x, 0) − ln(1 + e^−|x|); ∂y/∂x = 1 − σ(x) = σ(−x).</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> LogSigmoid() => LogSigmoidNode.Forward(this);

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

        return ClampNode.Forward(this, min, max);
    }

    // <summary>σ of each element of <paramref name="x"/>: TensorPrimitives.Sigmoid rejects empty spans, but a 0-element tensor is a valid operand.</summary>
    private static void SigmoidOf(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (!x.IsEmpty)
        {
            TensorPrimitives.Sigmoid(x, destination);
        }
    }

    internal sealed class ExpNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "exp";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new ExpNode(x);
            TensorPrimitives.Exp(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, Data, dx, dx);
        }
    }

    internal sealed class LogNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "log";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new LogNode(x);
            TensorPrimitives.Log(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Divide(OutputGradient, X.Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Add(dx, tmp.Span, dx);
        }
    }

    internal sealed class SqrtNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "sqrt";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new SqrtNode(x);
            TensorPrimitives.Sqrt(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Divide(OutputGradient, Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, T.CreateChecked(0.5), dx, dx);
        }
    }

    internal sealed class SquareNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "square";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new SquareNode(x);
            TensorPrimitives.Multiply(x.Data, x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Multiply(OutputGradient, X.Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, T.CreateChecked(2), dx, dx);
        }
    }

    internal sealed class PowNode(AutodiffTensor<T> x, T exponent) : UnaryNode(x, x._shape)
    {
        private readonly T _exponent = exponent;

        public override string Operation => "pow";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, T exponent)
        {
            var y = new PowNode(x, exponent);
            TensorPrimitives.Pow(x.Data, exponent, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            T p = _exponent;
            if (p == T.Zero)
            {
                return;
            }

            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Pow(X.Data, p - T.One, tmp.Span);
            TensorPrimitives.Multiply(tmp.Span, OutputGradient, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(tmp.Span, p, dx, dx);
        }
    }

    internal sealed class AbsNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "abs";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new AbsNode(x);
            TensorPrimitives.Abs(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            var x = X.Data;
            var dx = X.GradientForAccumulation();
            for (int i = 0; i < dx.Length; i++)
            {
                T xi = x[i];
                dx[i] += xi > T.Zero ? g[i] : xi < T.Zero ? -g[i] : T.Zero;
            }
        }
    }

    internal sealed class TanhNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "tanh";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new TanhNode(x);
            TensorPrimitives.Tanh(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Multiply(Data, Data, tmp.Span);
            TensorPrimitives.Subtract(T.One, tmp.Span, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }

    internal sealed class SigmoidNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "sigmoid";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new SigmoidNode(x);
            SigmoidOf(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Subtract(T.One, Data, tmp.Span);
            TensorPrimitives.Multiply(tmp.Span, Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }

    internal sealed class ReluNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "relu";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new ReluNode(x);
            TensorPrimitives.Max(x.Data, T.Zero, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            var x = X.Data;
            var dx = X.GradientForAccumulation();
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
        }
    }

    internal sealed class LeakyReluNode(AutodiffTensor<T> x, T negativeSlope) : UnaryNode(x, x._shape)
    {
        private readonly T _negativeSlope = negativeSlope;

        public override string Operation => "leaky relu";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, T negativeSlope)
        {
            var y = new LeakyReluNode(x, negativeSlope);
            var xd = x.Data;
            var yd = y.Data;
            for (int i = 0; i < yd.Length; i++)
            {
                yd[i] = xd[i] > T.Zero ? xd[i] : negativeSlope * xd[i];
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            var x = X.Data;
            var dx = X.GradientForAccumulation();
            for (int i = 0; i < dx.Length; i++)
            {
                dx[i] += x[i] > T.Zero ? g[i] : _negativeSlope * g[i];
            }
        }
    }

    internal sealed class SoftplusNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "softplus";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new SoftplusNode(x);
            var xd = x.Data;
            var yd = y.Data;
            for (int i = 0; i < yd.Length; i++)
            {
                T xi = xd[i];
                yd[i] = T.Max(xi, T.Zero) + Numerics.Log1P(T.Exp(-T.Abs(xi)));
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            SigmoidOf(X.Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }

    internal sealed class LogSigmoidNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "log sigmoid";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            var y = new LogSigmoidNode(x);
            var xd = x.Data;
            var yd = y.Data;
            for (int i = 0; i < yd.Length; i++)
            {
                T xi = xd[i];
                yd[i] = T.Min(xi, T.Zero) - Numerics.Log1P(T.Exp(-T.Abs(xi)));
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Negate(X.Data, tmp.Span);
            SigmoidOf(tmp.Span, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.FusedMultiplyAdd(OutputGradient, tmp.Span, dx, dx);
        }
    }

    internal sealed class ClampNode(AutodiffTensor<T> x, T min, T max) : UnaryNode(x, x._shape)
    {
        private readonly T _min = min;
        private readonly T _max = max;

        public override string Operation => "clamp";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, T min, T max)
        {
            var y = new ClampNode(x, min, max);
            var xd = x.Data;
            var yd = y.Data;
            for (int i = 0; i < yd.Length; i++)
            {
                yd[i] = T.Clamp(xd[i], min, max);
            }

            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            var x = X.Data;
            var dx = X.GradientForAccumulation();
            T lo = _min, hi = _max;
            for (int i = 0; i < dx.Length; i++)
            {
                if (x[i] >= lo && x[i] <= hi)
                {
                    dx[i] += g[i];
                }
            }
        }
    }
}
