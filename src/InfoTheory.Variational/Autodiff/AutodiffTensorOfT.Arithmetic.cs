using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Elementwise sum with NumPy broadcasting.</summary>
    /// <remarks>y = a + b; ∂y/∂a = ∂y/∂b = 1, summed over the axes each operand was broadcast along.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    internal static AutodiffTensor<T> Add(AutodiffTensor<T> left, AutodiffTensor<T> right) => AddNode.Forward(left, right);

    /// <summary>Elementwise difference with NumPy broadcasting.</summary>
    /// <remarks>y = a − b; ∂y/∂a = 1, ∂y/∂b = −1, summed over broadcast axes.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    internal static AutodiffTensor<T> Subtract(AutodiffTensor<T> left, AutodiffTensor<T> right) => SubtractNode.Forward(left, right);

    /// <summary>Elementwise product with NumPy broadcasting.</summary>
    /// <remarks>y = a·b; ∂y/∂a = b, ∂y/∂b = a, summed over broadcast axes.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    internal static AutodiffTensor<T> Multiply(AutodiffTensor<T> left, AutodiffTensor<T> right) => MultiplyNode.Forward(left, right);

    /// <summary>Elementwise quotient with NumPy broadcasting.</summary>
    /// <remarks>y = a / b; ∂y/∂a = 1/b, ∂y/∂b = −a/b² = −y/b, summed over broadcast axes. Division by zero follows IEEE 754 (±∞ or NaN).</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    internal static AutodiffTensor<T> Divide(AutodiffTensor<T> left, AutodiffTensor<T> right) => DivideNode.Forward(left, right);

    /// <summary>Adds a constant to every element.</summary>
    /// <remarks>y = x + c; ∂y/∂x = 1.</remarks>
    /// <param name="x">The tensor.</param>
    /// <param name="constant">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    internal static AutodiffTensor<T> Add(AutodiffTensor<T> x, T constant) => AddConstantNode.Forward(x, constant);

    /// <summary>Multiplies every element by a constant.</summary>
    /// <remarks>y = c·x; ∂y/∂x = c.</remarks>
    /// <param name="x">The tensor.</param>
    /// <param name="constant">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    internal static AutodiffTensor<T> Multiply(AutodiffTensor<T> x, T constant) => MultiplyConstantNode.Forward(x, constant);

    /// <summary>Divides a constant by every element.</summary>
    /// <remarks>y = c / x; ∂y/∂x = −c/x² = −y/x.</remarks>
    /// <param name="constant">c.</param>
    /// <param name="x">The tensor.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    internal static AutodiffTensor<T> Divide(T constant, AutodiffTensor<T> x) => ConstantDivideNode.Forward(constant, x);

    /// <summary>Negates every element.</summary>
    /// <remarks>y = −x; ∂y/∂x = −1.</remarks>
    /// <param name="x">The tensor.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    internal static AutodiffTensor<T> Negate(AutodiffTensor<T> x) => NegateNode.Forward(x);

    /// <summary>Elementwise sum with broadcasting; see <see cref="Add(AutodiffTensor{T}, AutodiffTensor{T})"/>.</summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <returns>a + b.</returns>
    public static AutodiffTensor<T> operator +(AutodiffTensor<T> left, AutodiffTensor<T> right) => Add(left, right);

    /// <summary>Adds a constant; see <see cref="Add(AutodiffTensor{T}, T)"/>.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>x + c.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> operator +(AutodiffTensor<T> left, T right) => Add(NotNull(left), right);

    /// <summary>Adds a constant; see <see cref="Add(AutodiffTensor{T}, T)"/>.</summary>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>c + x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> operator +(T left, AutodiffTensor<T> right) => Add(NotNull(right), left);

    /// <summary>Elementwise difference with broadcasting; see <see cref="Subtract(AutodiffTensor{T}, AutodiffTensor{T})"/>.</summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <returns>a − b.</returns>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> left, AutodiffTensor<T> right) => Subtract(left, right);

    /// <summary>Subtracts a constant.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>x − c.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> left, T right) => Add(NotNull(left), -right);

    /// <summary>Subtracts from a constant.</summary>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>c − x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> operator -(T left, AutodiffTensor<T> right) => Add(Negate(NotNull(right)), left);

    /// <summary>Negation; see <see cref="Negate(AutodiffTensor{T})"/>.</summary>
    /// <param name="x">x.</param>
    /// <returns>−x.</returns>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> x) => Negate(x);

    /// <summary>Elementwise product with broadcasting; see <see cref="Multiply(AutodiffTensor{T}, AutodiffTensor{T})"/>.</summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <returns>a·b.</returns>
    public static AutodiffTensor<T> operator *(AutodiffTensor<T> left, AutodiffTensor<T> right) => Multiply(left, right);

    /// <summary>Scales by a constant; see <see cref="Multiply(AutodiffTensor{T}, T)"/>.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>c·x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> operator *(AutodiffTensor<T> left, T right) => Multiply(NotNull(left), right);

    /// <summary>Scales by a constant; see <see cref="Multiply(AutodiffTensor{T}, T)"/>.</summary>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>c·x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> operator *(T left, AutodiffTensor<T> right) => Multiply(NotNull(right), left);

    /// <summary>Elementwise quotient with broadcasting; see <see cref="Divide(AutodiffTensor{T}, AutodiffTensor{T})"/>.</summary>
    /// <param name="left">a.</param>
    /// <param name="right">b.</param>
    /// <returns>a / b.</returns>
    public static AutodiffTensor<T> operator /(AutodiffTensor<T> left, AutodiffTensor<T> right) => Divide(left, right);

    /// <summary>Divides by a constant.</summary>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>x / c.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> operator /(AutodiffTensor<T> left, T right) => Multiply(NotNull(left), T.One / right);

    /// <summary>Divides a constant by each element; see <see cref="Divide(T, AutodiffTensor{T})"/>.</summary>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>c / x.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> operator /(T left, AutodiffTensor<T> right) => Divide(left, NotNull(right));

    /// <summary>
    /// The operand of a scalar operator, checked here because the constant kernels name their tensor 'x' and an
    /// operator's caller knows only 'left' and 'right'.
    /// </summary>
    private static AutodiffTensor<T> NotNull(AutodiffTensor<T> operand, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(operand))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(operand, paramName);
        return operand;
    }

    internal sealed class AddNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        private const string Name = "add";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var shape = Shapes.Broadcast(left._shape, right._shape, Name);
            var y = new AddNode(left, right, shape);
            Broadcast<T>.Apply<AddKernel<T>>(left.Data, left._shape, right.Data, right._shape, y.Data, shape);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            if (A._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, A.GradientForAccumulation(), A._shape);
            }

            if (B._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, B.GradientForAccumulation(), B._shape);
            }
        }
    }

    internal sealed class SubtractNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        private const string Name = "subtract";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var shape = Shapes.Broadcast(left._shape, right._shape, Name);
            var y = new SubtractNode(left, right, shape);
            Broadcast<T>.Apply<SubtractKernel<T>>(left.Data, left._shape, right.Data, right._shape, y.Data, shape);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            if (A._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, A.GradientForAccumulation(), A._shape);
            }

            if (B._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, B.GradientForAccumulation(), B._shape, negate: true);
            }
        }
    }

    internal sealed class MultiplyNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        private const string Name = "multiply";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var shape = Shapes.Broadcast(left._shape, right._shape, Name);
            var y = new MultiplyNode(left, right, shape);
            Broadcast<T>.Apply<MultiplyKernel<T>>(left.Data, left._shape, right.Data, right._shape, y.Data, shape);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            if (A._requiresGrad)
            {
                AccumulateProduct(OutputGradient, _shape, B, A);
            }

            if (B._requiresGrad)
            {
                AccumulateProduct(OutputGradient, _shape, A, B);
            }
        }

        /// <summary>target.grad += Σ over broadcast axes of g·other.</summary>
        private static void AccumulateProduct(ReadOnlySpan<T> g, int[] yShape, AutodiffTensor<T> other, AutodiffTensor<T> target)
        {
            if (Shapes.Equal(other._shape, yShape) && Shapes.Equal(target._shape, yShape))
            {
                var dt = target.GradientForAccumulation();
                TensorPrimitives.FusedMultiplyAdd(g, other.Data, dt, dt);
                return;
            }

            using var tmp = new Scratch<T>(g.Length);
            Broadcast<T>.Apply<MultiplyKernel<T>>(g, yShape, other.Data, other._shape, tmp.Span, yShape);
            Broadcast<T>.AccumulateReduced(tmp.Span, yShape, target.GradientForAccumulation(), target._shape);
        }
    }

    internal sealed class DivideNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        private const string Name = "divide";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            var shape = Shapes.Broadcast(left._shape, right._shape, Name);
            var y = new DivideNode(left, right, shape);
            Broadcast<T>.Apply<DivideKernel<T>>(left.Data, left._shape, right.Data, right._shape, y.Data, shape);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var g = OutputGradient;
            var (a, b) = (A, B);
            using var tmp = new Scratch<T>(g.Length);
            if (a._requiresGrad)
            {
                Broadcast<T>.Apply<DivideKernel<T>>(g, _shape, b.Data, b._shape, tmp.Span, _shape);
                Broadcast<T>.AccumulateReduced(tmp.Span, _shape, a.GradientForAccumulation(), a._shape);
            }

            if (b._requiresGrad)
            {
                TensorPrimitives.Multiply(g, Data, tmp.Span);
                Broadcast<T>.Apply<DivideKernel<T>>(tmp.Span, _shape, b.Data, b._shape, tmp.Span, _shape);
                Broadcast<T>.AccumulateReduced(tmp.Span, _shape, b.GradientForAccumulation(), b._shape, negate: true);
            }
        }
    }

    internal sealed class AddConstantNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "add constant";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, T constant)
        {
            ArgumentNullException.ThrowIfNull(x);
            var y = new AddConstantNode(x);
            TensorPrimitives.Add(x.Data, constant, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Add(dx, OutputGradient, dx);
        }
    }

    internal sealed class MultiplyConstantNode(AutodiffTensor<T> x, T constant) : UnaryNode(x, x._shape)
    {
        private readonly T _constant = constant;

        public override string Operation => "multiply constant";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x, T constant)
        {
            ArgumentNullException.ThrowIfNull(x);
            var y = new MultiplyConstantNode(x, constant);
            TensorPrimitives.Multiply(x.Data, constant, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.MultiplyAdd(OutputGradient, _constant, dx, dx);
        }
    }

    internal sealed class ConstantDivideNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "constant divide";

        public static AutodiffTensor<T> Forward(T constant, AutodiffTensor<T> x)
        {
            ArgumentNullException.ThrowIfNull(x);
            var y = new ConstantDivideNode(x);
            TensorPrimitives.Divide(constant, x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            using var tmp = new Scratch<T>(_length);
            TensorPrimitives.Multiply(OutputGradient, Data, tmp.Span);
            TensorPrimitives.Divide(tmp.Span, X.Data, tmp.Span);
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Subtract(dx, tmp.Span, dx);
        }
    }

    internal sealed class NegateNode(AutodiffTensor<T> x) : UnaryNode(x, x._shape)
    {
        public override string Operation => "negate";

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> x)
        {
            ArgumentNullException.ThrowIfNull(x);
            var y = new NegateNode(x);
            TensorPrimitives.Negate(x.Data, y.Data);
            return y.Finished();
        }

        private protected override void Propagate()
        {
            var dx = X.GradientForAccumulation();
            TensorPrimitives.Subtract(dx, OutputGradient, dx);
        }
    }
}
