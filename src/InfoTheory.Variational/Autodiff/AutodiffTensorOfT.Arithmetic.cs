using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

public partial class AutodiffTensor<T>
{
    /// <summary>Negates every element.</summary>
    /// <remarks>y = −x; ∂y/∂x = −1.</remarks>
    /// <returns>A tensor of this shape.</returns>
    public AutodiffTensor<T> Negate() => NegateNode.Forward(this);

    /// <inheritdoc cref="AutodiffTensor.Add{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator +(AutodiffTensor<T> left, AutodiffTensor<T> right) => AutodiffTensor.Add(left, right);

    /// <inheritdoc cref="AutodiffTensor.Add{T}(AutodiffTensor{T}, T)"/>
    public static AutodiffTensor<T> operator +(AutodiffTensor<T> left, T right) => AutodiffTensor.Add(left, right);

    /// <inheritdoc cref="AutodiffTensor.Add{T}(T, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator +(T left, AutodiffTensor<T> right) => AutodiffTensor.Add(left, right);

    /// <inheritdoc cref="AutodiffTensor.Subtract{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> left, AutodiffTensor<T> right) => AutodiffTensor.Subtract(left, right);

    /// <inheritdoc cref="AutodiffTensor.Subtract{T}(AutodiffTensor{T}, T)"/>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> left, T right) => AutodiffTensor.Subtract(left, right);

    /// <inheritdoc cref="AutodiffTensor.Subtract{T}(T, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator -(T left, AutodiffTensor<T> right) => AutodiffTensor.Subtract(left, right);

    /// <inheritdoc cref="Negate()"/>
    /// <param name="x">The tensor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    public static AutodiffTensor<T> operator -(AutodiffTensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Negate();
    }

    /// <inheritdoc cref="AutodiffTensor.Multiply{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator *(AutodiffTensor<T> left, AutodiffTensor<T> right) => AutodiffTensor.Multiply(left, right);

    /// <inheritdoc cref="AutodiffTensor.Multiply{T}(AutodiffTensor{T}, T)"/>
    public static AutodiffTensor<T> operator *(AutodiffTensor<T> left, T right) => AutodiffTensor.Multiply(left, right);

    /// <inheritdoc cref="AutodiffTensor.Multiply{T}(T, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator *(T left, AutodiffTensor<T> right) => AutodiffTensor.Multiply(left, right);

    /// <inheritdoc cref="AutodiffTensor.Divide{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator /(AutodiffTensor<T> left, AutodiffTensor<T> right) => AutodiffTensor.Divide(left, right);

    /// <inheritdoc cref="AutodiffTensor.Divide{T}(AutodiffTensor{T}, T)"/>
    public static AutodiffTensor<T> operator /(AutodiffTensor<T> left, T right) => AutodiffTensor.Divide(left, right);

    /// <inheritdoc cref="AutodiffTensor.Divide{T}(T, AutodiffTensor{T})"/>
    public static AutodiffTensor<T> operator /(T left, AutodiffTensor<T> right) => AutodiffTensor.Divide(left, right);

    // <summary>The elementwise sum or difference with broadcasting: the gradient of each operand is the output's, summed over the axes it was broadcast along (negated for a subtrahend).</summary>
    internal abstract class SumOrDifferenceNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape, bool subtract) : BinaryNode(a, b, shape)
    {
        private readonly bool _subtract = subtract;

        private protected override void Propagate()
        {
            var g = OutputGradient;
            if (A._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, A.GradientForAccumulation(), A._shape);
            }

            if (B._requiresGrad)
            {
                Broadcast<T>.AccumulateReduced(g, _shape, B.GradientForAccumulation(), B._shape, negate: _subtract);
            }
        }
    }

    internal sealed class AddNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : SumOrDifferenceNode(a, b, shape, subtract: false)
    {
        private const string Name = "add";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
            => Broadcasted<AddKernel<T>>(new AddNode(left, right, BroadcastShape(left, right, Name)), left, right);
    }

    internal sealed class SubtractNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : SumOrDifferenceNode(a, b, shape, subtract: true)
    {
        private const string Name = "subtract";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
            => Broadcasted<SubtractKernel<T>>(new SubtractNode(left, right, BroadcastShape(left, right, Name)), left, right);
    }

    internal sealed class MultiplyNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape) : BinaryNode(a, b, shape)
    {
        private const string Name = "multiply";

        public override string Operation => Name;

        public static AutodiffTensor<T> Forward(AutodiffTensor<T> left, AutodiffTensor<T> right)
            => Broadcasted<MultiplyKernel<T>>(new MultiplyNode(left, right, BroadcastShape(left, right, Name)), left, right);

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

        // <summary>target.grad += Σ over broadcast axes of g·other.</summary>
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
            => Broadcasted<DivideKernel<T>>(new DivideNode(left, right, BroadcastShape(left, right, Name)), left, right);

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
