using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// An n-dimensional array (rank 0 to <c>8</c>, row-major) that records the operations applied to
/// it so <see cref="Backward()"/> can compute gradients by reverse-mode automatic differentiation.
/// </summary>
/// <typeparam name="T">
/// The element type. Models use <see cref="float"/>: half the memory traffic of
/// <see cref="double"/> and twice the SIMD lanes, which is what makes training fast, and its ~7
/// significant digits are far finer than the noise of stochastic gradients. Gradient checks use
/// <see cref="double"/> (see <see cref="GradCheck"/>), because central finite differences in
/// float lose most of their digits to rounding. The same code serves both types.
/// </typeparam>
/// <remarks>
/// <para>Every operation is written like micrograd: it computes its output and, beside it, a
/// backward rule that adds ∂loss/∂input into each input's gradient. <see cref="Backward()"/> walks
/// the graph in reverse topological order found iteratively, so chains of any depth work.
/// Gradients accumulate (+=) until <see cref="ZeroGrad"/>; a tensor used twice receives both
/// contributions.</para>
/// <para>Results of operations on tensors that require gradients record their inputs; inside
/// <see cref="Autograd.NoGrad"/> nothing is recorded. Tensors created inside a
/// <see cref="TensorScope"/> use pooled storage that the scope reclaims.</para>
/// <para>Thread safety: a tensor is not synchronised. Any number of threads may read one at once (its values, or
/// as the input of operations, recorded or not, since a graph only references its inputs) while no thread writes
/// it. Writing <see cref="Values"/>, <see cref="Backward()"/> (which adds into the gradient of every leaf it reaches
/// and marks the nodes it visits) and <see cref="ZeroGrad"/> need the tensors involved to themselves: two threads
/// running <see cref="Backward()"/> on graphs that share a leaf, such as a parameter, lose gradient
/// contributions. Run such backward passes one at a time, or give each thread its own copy of the parameters.
/// <see cref="TensorScope"/>, <see cref="Autograd.NoGrad"/> and the buffer pool are per thread.</para>
/// </remarks>
public sealed partial class AutodiffTensor<T> : IReleasable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic]
    private static List<AutodiffTensor<T>>? s_order;

    [ThreadStatic]
    private static Stack<(AutodiffTensor<T> Node, int Next)>? s_stack;

    [ThreadStatic]
    private static int s_stamp;

    private readonly int[] _shape;
    private readonly int _length;
    private readonly bool _pooled;
    private T[]? _data;
    private T[]? _grad;
    private bool _requiresGrad;
    private bool _released;
    private bool _gradStale;

    // The tensor that owns _data when this one is a view of its storage (a reshape); null when this one owns it.
    private AutodiffTensor<T>? _storageOwner;

    private AutodiffTensor<T>? _a;
    private AutodiffTensor<T>? _b;
    private AutodiffTensor<T>[]? _inputs;
    private Action<AutodiffTensor<T>>? _backward;
    private string _operation = "leaf";
    private T _s0;
    private T _s1;
    private int _i0;
    private int _i1;
    private int _visit;

    private AutodiffTensor(int[] shape, int length, bool clear)
    {
        _shape = shape;
        _length = length;
        _pooled = TensorScope.IsActive;
        if (_pooled)
        {
            _data = BufferPool<T>.Rent(length, clear);
            TensorScope.Register(this);
        }
        else
        {
            _data = length == 0 ? [] : new T[length];
        }
    }

    /// <summary>
    /// Creates a view: a tensor of another shape over the storage of <paramref name="storage"/> (no copy). It
    /// never gives that storage back to the pool, only its own gradient buffer; its owner does, once.
    /// </summary>
    private AutodiffTensor(int[] shape, AutodiffTensor<T> storage)
    {
        _shape = shape;
        _length = storage._length;
        _ = storage.Data; // throws if that storage is already released
        _data = storage._data;
        _storageOwner = storage._storageOwner ?? storage;
        _pooled = TensorScope.IsActive;
        if (_pooled)
        {
            TensorScope.Register(this);
        }
    }

    /// <summary>The extent of each axis; empty for a scalar.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of the extents; 1 for a scalar).</summary>
    public int Length => _length;

    /// <summary>The elements in row-major order; writable, but writing into a tensor that a recorded graph still needs changes what <see cref="Backward()"/> computes.</summary>
    /// <exception cref="ObjectDisposedException">The tensor was released by its <see cref="TensorScope"/>.</exception>
    public Span<T> Values => Data;

    /// <summary>∂loss/∂this accumulated by <see cref="Backward()"/>; empty until some backward pass reaches this tensor.</summary>
    /// <exception cref="ObjectDisposedException">The tensor was released by its <see cref="TensorScope"/>.</exception>
    public ReadOnlySpan<T> Gradient
    {
        get
        {
            ThrowIfReleased();
            return GradientSpan;
        }
    }

    /// <summary>Whether a gradient buffer exists (some backward pass reached this tensor).</summary>
    public bool HasGradient => _grad is not null;

    /// <summary>The single element of a one-element tensor (a loss, say).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    /// <exception cref="ObjectDisposedException">The tensor was released by its <see cref="TensorScope"/>.</exception>
    public T Item
    {
        get
        {
            if (_length != 1)
            {
                throw new InvalidOperationException($"Item needs a one-element tensor; this one has shape {Shapes.Format(_shape)}.");
            }

            return Data[0];
        }
    }

    /// <summary>The name of the operation that produced this tensor (<c>"leaf"</c> for created ones).</summary>
    public string Operation => _operation;

    /// <summary>Whether this tensor was created directly rather than computed by a recorded operation.</summary>
    public bool IsLeaf => _backward is null;

    /// <summary>Whether gradients flow to (and, for leaves, accumulate in) this tensor.</summary>
    /// <remarks>Only leaves may be switched; a computed tensor requires gradients exactly when one of its inputs does.</remarks>
    /// <exception cref="InvalidOperationException">Set on a computed (non-leaf) tensor.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (!IsLeaf)
            {
                throw new InvalidOperationException(
                    $"RequiresGrad can only be set on leaf tensors; this one was computed by '{_operation}'. Use Detach() to get a leaf copy.");
            }

            _requiresGrad = value;
        }
    }

    /// <summary>The element at a multi-index.</summary>
    /// <param name="index">One index per axis, each in [0, extent).</param>
    /// <exception cref="ArgumentException">The number of indices differs from the rank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside its axis.</exception>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public T this[params ReadOnlySpan<int> index]
    {
        get => Data[FlatIndex(index)];
        set => Data[FlatIndex(index)] = value;
    }

    internal Span<T> Data
    {
        get
        {
            ThrowIfReleased();
            if (_storageOwner is { _released: true })
            {
                // Only a view made on another thread, outside any scope, can outlive the storage it shares.
                throw new ObjectDisposedException(
                    nameof(AutodiffTensor<T>), $"This {Shapes.Format(_shape)} tensor ('{_operation}') is a view of a tensor that was released when its TensorScope ended.");
            }

            return _data;
        }
    }

    internal int[] ShapeArray => _shape;

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for fluent creation of parameters.</summary>
    /// <returns>This tensor.</returns>
    /// <exception cref="InvalidOperationException">This is a computed (non-leaf) tensor.</exception>
    public AutodiffTensor<T> RequiringGrad()
    {
        RequiresGrad = true;
        return this;
    }

    /// <summary>A leaf copy of the values that is cut off from the graph (gradients do not flow through it).</summary>
    /// <returns>A new tensor with the same shape and values that does not require gradients.</returns>
    public AutodiffTensor<T> Detach()
    {
        var copy = new AutodiffTensor<T>(_shape, _length, clear: false);
        Data.CopyTo(copy.Data);
        return copy;
    }

    /// <summary>A copy of the elements in row-major order.</summary>
    /// <returns>A new array of <see cref="Length"/> elements.</returns>
    public T[] ToArray() => Data.ToArray();

    /// <summary>Sets the accumulated gradient to zero (keeping its buffer).</summary>
    /// <remarks>
    /// The buffer is only marked stale; the next reader clears it, and a matrix product that
    /// writes the whole gradient simply overwrites it, which saves a pass over large weights.
    /// </remarks>
    public void ZeroGrad()
    {
        ThrowIfReleased();
        _gradStale = _grad is not null;
    }

    /// <summary>
    /// Back-propagates from this one-element tensor: adds ∂this/∂x to the gradient of every
    /// tensor x that requires gradients and that this was computed from.
    /// </summary>
    /// <remarks>
    /// The graph is kept, so calling it again adds the same gradients to the leaves again; the
    /// gradients of computed tensors are recomputed from zero on every pass.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This tensor has more than one element, or it does not require gradients.</exception>
    public void Backward()
    {
        ThrowIfReleased();
        if (_length != 1)
        {
            throw new InvalidOperationException(
                $"Backward needs a one-element tensor (a loss); this one has shape {Shapes.Format(_shape)}. Reduce it with Sum() or Mean() first.");
        }

        if (!_requiresGrad)
        {
            throw new InvalidOperationException(
                "Backward was called on a tensor that does not require gradients: no input required them, or it was computed inside Autograd.NoGrad().");
        }

        var order = TopologicalOrder();

        // Leaves accumulate across passes; computed tensors hold only this pass's gradient.
        foreach (var node in order)
        {
            if (node._backward is not null)
            {
                node._gradStale = node._grad is not null;
            }
        }

        GradientForAccumulation()[0] += T.One;
        bool trap = Autograd.TrapNonFinite;
        try
        {
            for (int i = order.Count - 1; i >= 0; i--)
            {
                var node = order[i];
                if (node._backward is not null && node._grad is not null && !node._gradStale)
                {
                    node._backward(node);
                    if (trap)
                    {
                        node.CheckInputGradients();
                    }
                }
            }
        }
        finally
        {
            order.Clear();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"AutodiffTensor<{typeof(T).Name}>{Shapes.Format(_shape)} ({_operation})";

    void IReleasable.Release()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_data is not null && _storageOwner is null)
        {
            BufferPool<T>.Return(_data);
        }

        if (_grad is not null && _pooled)
        {
            BufferPool<T>.Return(_grad);
        }

        _data = null;
        _grad = null;
        _storageOwner = null;
        _a = null;
        _b = null;
        _inputs = null;
        _backward = null;
    }

    /// <summary>The gradient buffer, created zeroed on first use, for backward rules to add into.</summary>
    internal Span<T> GradientForAccumulation()
    {
        ThrowIfReleased();
        if (_grad is null)
        {
            _grad = _pooled ? BufferPool<T>.Rent(_length, clear: true) : (_length == 0 ? [] : new T[_length]);
        }
        else if (_gradStale)
        {
            Array.Clear(_grad);
        }

        _gradStale = false;
        return _grad;
    }

    /// <summary>
    /// The gradient buffer for a rule that writes every element: <paramref name="accumulate"/> says
    /// whether to add (a gradient is already there) or may overwrite (fresh or stale buffer).
    /// </summary>
    internal Span<T> GradientForWrite(out bool accumulate)
    {
        ThrowIfReleased();
        if (_grad is null)
        {
            _grad = _pooled ? BufferPool<T>.Rent(_length, clear: false) : (_length == 0 ? [] : new T[_length]);
            accumulate = false;
        }
        else
        {
            accumulate = !_gradStale;
        }

        _gradStale = false;
        return _grad;
    }

    /// <summary>The gradient of a tensor reached by backward (the output side of a rule).</summary>
    internal ReadOnlySpan<T> OutputGradient => _grad;

    /// <summary>The gradient buffer (cleared first if stale), or an empty span when none exists; optimizers read and clip it in place.</summary>
    internal Span<T> GradientSpan
    {
        get
        {
            if (_gradStale)
            {
                Array.Clear(_grad!);
                _gradStale = false;
            }

            return _grad;
        }
    }

    /// <summary>Creates an uninitialised leaf tensor of a validated shape (pooled inside a scope).</summary>
    internal static AutodiffTensor<T> Uninitialized(int[] shape) => new(shape, Shapes.Size(shape, nameof(shape)), clear: false);

    /// <summary>Creates a result tensor for an operation and records its inputs if any requires gradients.</summary>
    internal static AutodiffTensor<T> Result(string operation, int[] shape, AutodiffTensor<T> a, AutodiffTensor<T>? b = null)
    {
        int length = 1;
        foreach (int d in shape)
        {
            length *= d;
        }

        var y = new AutodiffTensor<T>(shape, length, clear: false) { _operation = operation };
        if (Autograd.IsGradEnabled && (a._requiresGrad || (b is not null && b._requiresGrad)))
        {
            y._requiresGrad = true;
            y._a = a;
            y._b = b;
        }

        return y;
    }

    /// <summary>Creates a result tensor of an operation with many inputs.</summary>
    internal static AutodiffTensor<T> Result(string operation, int[] shape, AutodiffTensor<T>[] inputs)
    {
        int length = 1;
        foreach (int d in shape)
        {
            length *= d;
        }

        var y = new AutodiffTensor<T>(shape, length, clear: false) { _operation = operation };
        if (Autograd.IsGradEnabled && Array.Exists(inputs, t => t._requiresGrad))
        {
            y._requiresGrad = true;
            y._inputs = inputs;
        }

        return y;
    }

    /// <summary>Creates the result of an operation that views the storage of <paramref name="a"/> under another shape of as many elements (no copy).</summary>
    internal static AutodiffTensor<T> View(string operation, int[] shape, AutodiffTensor<T> a)
    {
        var y = new AutodiffTensor<T>(shape, a) { _operation = operation };
        if (Autograd.IsGradEnabled && a._requiresGrad)
        {
            y._requiresGrad = true;
            y._a = a;
        }

        return y;
    }

    /// <summary>Attaches the backward rule (if the result is recorded) and runs the non-finite trap.</summary>
    internal AutodiffTensor<T> Recorded(Action<AutodiffTensor<T>> backward)
    {
        if (_requiresGrad)
        {
            _backward = backward;
        }

        if (Autograd.TrapNonFinite && !TensorPrimitives.IsFiniteAll<T>(_data))
        {
            int bad = IndexOfNonFinite(_data);
            throw new NonFiniteValueException(
                _operation,
                $"Operation '{_operation}' produced {_data![bad]} at flat index {bad} of its output {Shapes.Format(_shape)}.",
                true);
        }

        return this;
    }

    internal AutodiffTensor<T> A => _a!;

    internal AutodiffTensor<T> B => _b!;

    internal AutodiffTensor<T>[] Inputs => _inputs!;

    private int InputCount => _inputs?.Length ?? (_b is not null ? 2 : _a is not null ? 1 : 0);

    private AutodiffTensor<T> Input(int i) => _inputs is not null ? _inputs[i] : i == 0 ? _a! : _b!;

    private static int IndexOfNonFinite(ReadOnlySpan<T> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void CheckInputGradients()
    {
        for (int i = 0; i < InputCount; i++)
        {
            var input = Input(i);
            if (input._grad is not null && !input._gradStale && !TensorPrimitives.IsFiniteAll<T>(input._grad))
            {
                int bad = IndexOfNonFinite(input._grad);
                throw new NonFiniteValueException(
                    $"backward of {_operation}",
                    $"The backward rule of '{_operation}' produced {input._grad[bad]} at flat index {bad} of the gradient of its input {i} {Shapes.Format(input._shape)}.",
                    true);
            }
        }
    }

    /// <summary>Post-order of the recorded graph below this tensor, found with an explicit stack (no recursion).</summary>
    private List<AutodiffTensor<T>> TopologicalOrder()
    {
        var order = s_order ??= [];
        var stack = s_stack ??= new Stack<(AutodiffTensor<T>, int)>();
        int stamp = ++s_stamp;
        _visit = stamp;
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.InputCount)
            {
                stack.Push((node, next + 1));
                var child = node.Input(next);
                if (child._requiresGrad && child._visit != stamp)
                {
                    child._visit = stamp;
                    stack.Push((child, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }

        return order;
    }

    private int FlatIndex(ReadOnlySpan<int> index)
    {
        if (index.Length != _shape.Length)
        {
            throw new ArgumentException(
                $"index has {index.Length} entries but the tensor {Shapes.Format(_shape)} has rank {_shape.Length}.", nameof(index));
        }

        int flat = 0;
        for (int i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(index), index[i], $"index[{i}] is {index[i]}; it must lie in [0, {_shape[i] - 1}] for shape {Shapes.Format(_shape)}.");
            }

            flat = (flat * _shape[i]) + index[i];
        }

        return flat;
    }

    private void ThrowIfReleased()
    {
        if (_released)
        {
            throw new ObjectDisposedException(
                nameof(AutodiffTensor<T>), $"This {Shapes.Format(_shape)} tensor ('{_operation}') was released when its TensorScope ended.");
        }
    }
}
