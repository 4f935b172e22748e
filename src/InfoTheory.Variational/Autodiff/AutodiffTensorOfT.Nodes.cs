namespace InfoTheory.Variational.Autodiff;

// How an operation is written (ExpNode and PowNode in AutodiffTensorOfT.Elementwise.cs for one input, MultiplyNode in
// AutodiffTensorOfT.Arithmetic.cs for two, LinearNode and ConcatNode for more, KlPenaltyNode for a loss):
//  1. A nested `internal sealed class FooNode(...) : UnaryNode(x, shape)` (or BinaryNode) in the file of its kind. The
//     base constructor decides whether the operation is recorded and keeps the inputs only then.
//  2. Its state is typed readonly fields, nothing else; its name is written once, `Operation => "foo"`.
//  3. `public static AutodiffTensor<T> Forward(...)` fills the output from the inputs' Data (read the inputs through the
//     parameters: X, A and B are null when the operation is not recorded) and returns `y.Finished()`, which runs the
//     non-finite trap.
//  4. `Propagate()` adds into `X.GradientForAccumulation()` (GradientForWrite when it writes every element), checks
//     `_requiresGrad` before touching an input of a binary node, and takes temporaries from `Scratch<T>`: no closure,
//     no allocation, no recursion; Backward walks the graph iteratively.
//  5. The public spelling follows AutodiffTensor's rule: an operation on one tensor is an instance method here that
//     validates its arguments and carries the XML docs; creation and operations on several tensors are statics on the
//     non-generic AutodiffTensor, documented there once. Tests: a GradCheck case (GradCheckTests checks every node type
//     has one) and a value test that names its source.
public partial class AutodiffTensor<T>
{
    // <summary>
    // The output of an operation on one tensor. The input is kept only when the operation is recorded, so an
    // unrecorded result (inside <see cref="Autograd.NoGrad"/>, say) does not keep its inputs alive.
    // </summary>
    internal abstract class UnaryNode : AutodiffTensor<T>
    {
        private AutodiffTensor<T>? _x;

        protected UnaryNode(AutodiffTensor<T> x, int[] shape)
            : base(shape, Records(x))
        {
            if (_requiresGrad)
            {
                _x = x;
            }
        }

        // <summary>The output of a view operation: it shares the storage of <paramref name="storage"/>, its one input, under <paramref name="shape"/>.</summary>
        protected UnaryNode(int[] shape, AutodiffTensor<T> storage)
            : base(shape, Records(storage), viewOf: storage)
        {
            if (_requiresGrad)
            {
                _x = storage;
            }
        }

        // <summary>The input of a recorded operation (backward rules run only on recorded ones).</summary>
        protected AutodiffTensor<T> X => _x!;

        private protected override int InputCount => _x is null ? 0 : 1;

        private protected override AutodiffTensor<T> Input(int index) => _x!;

        private protected override void ForgetInputs() => _x = null;
    }

    // <summary>The output of an operation on two tensors; both are kept only when the operation is recorded.</summary>
    internal abstract class BinaryNode : AutodiffTensor<T>
    {
        private AutodiffTensor<T>? _a;
        private AutodiffTensor<T>? _b;

        protected BinaryNode(AutodiffTensor<T> a, AutodiffTensor<T> b, int[] shape)
            : base(shape, Records(a, b))
        {
            if (_requiresGrad)
            {
                _a = a;
                _b = b;
            }
        }

        // <summary>The left input of a recorded operation.</summary>
        protected AutodiffTensor<T> A => _a!;

        // <summary>The right input of a recorded operation.</summary>
        protected AutodiffTensor<T> B => _b!;

        private protected override int InputCount => _a is null ? 0 : 2;

        private protected override AutodiffTensor<T> Input(int index) => index == 0 ? _a! : _b!;

        private protected override void ForgetInputs() => (_a, _b) = (null, null);

        // <summary>The broadcast shape of the operands of an elementwise operation, once neither is null.</summary>
        protected static int[] BroadcastShape(AutodiffTensor<T> left, AutodiffTensor<T> right, string operation)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            return Shapes.Broadcast(left._shape, right._shape, operation);
        }

        // <summary>Fills <paramref name="y"/> with the broadcast elementwise <typeparamref name="TKernel"/> of the operands and ends the forward pass.</summary>
        protected static AutodiffTensor<T> Broadcasted<TKernel>(BinaryNode y, AutodiffTensor<T> left, AutodiffTensor<T> right)
            where TKernel : IBinaryKernel<T>
        {
            Broadcast<T>.Apply<TKernel>(left.Data, left._shape, right.Data, right._shape, y.Data, y._shape);
            return y.Finished();
        }
    }
}
