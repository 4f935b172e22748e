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
/// <para>Every operation is a node type of its own (micrograd's closure made a class): the result of
/// <c>x.Exp()</c> is an <c>ExpNode</c>, which holds its inputs and typed state, fills its values in a
/// static <c>Forward</c> and adds ∂loss/∂input into each input's gradient in <c>Propagate</c>, side by
/// side, so one object per result is all an operation allocates. No type outside this assembly can
/// derive from this class. <see cref="Backward()"/> walks the graph in reverse topological order found
/// iteratively, so chains of any depth work. Operations on this one tensor are its instance methods; creating tensors
/// and combining several (<c>Add</c>, <c>MatMul</c>, <c>Concat</c>, …) are the statics of <see cref="AutodiffTensor"/>,
/// whose remarks give the rule; the operators are the symbolic spellings of the arithmetic there.
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
public partial class AutodiffTensor<T> : IReleasable
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
    private bool _recorded;

    // Whether _data belongs to another tensor (StorageOwner) of which this one is a view. A flag, not a reference,
    // so a node stays the size it was: the owner is kept only by view nodes.
    private bool _sharesStorage;
    private int _visit;

    // <summary>Creates a leaf: storage of <paramref name="length"/> elements, pooled inside a <see cref="TensorScope"/>.</summary>
    private protected AutodiffTensor(int[] shape, int length, bool clear)
    {
        _shape = shape;
        _length = length;
        _pooled = TensorScope.IsActive;
        _data = NewStorage(length, clear, _pooled);
        if (_pooled)
        {
            TensorScope.Register(this);
        }
    }

    // <summary>
    // Creates the output of an operation, uninitialised, for its forward pass to fill; <paramref name="recorded"/>
    // says whether it enters the graph (see <see cref="Records"/>), in which case the node keeps its inputs. With
    // <paramref name="viewOf"/> the output is a view instead: a tensor of another shape over that tensor's storage
    // (no copy), which it never gives back to the pool (only its own gradient buffer); the owner does, once.
    // </summary>
    private protected AutodiffTensor(int[] shape, bool recorded, AutodiffTensor<T>? viewOf = null)
    {
        _shape = shape;
        _pooled = TensorScope.IsActive;
        if (viewOf is null)
        {
            _length = ElementCount(shape);
            _data = NewStorage(_length, clear: false, _pooled);
        }
        else
        {
            _length = viewOf._length;
            _ = viewOf.Data; // throws if that storage is already released
            _data = viewOf._data;
            _sharesStorage = true;
        }

        if (_pooled)
        {
            TensorScope.Register(this);
        }

        _requiresGrad = recorded;
        _recorded = recorded;
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
    public virtual string Operation => "leaf";

    /// <summary>Whether this tensor was created directly rather than computed by a recorded operation.</summary>
    public bool IsLeaf => !_recorded;

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
                    $"RequiresGrad can only be set on leaf tensors; this one was computed by '{Operation}'. Use Detach() to get a leaf copy.");
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
            if (_sharesStorage && StorageOwner._released)
            {
                // Only a view made on another thread, outside any scope, can outlive the storage it shares.
                throw new ObjectDisposedException(
                    nameof(AutodiffTensor<T>), $"This {Shapes.Format(_shape)} tensor ('{Operation}') is a view of a tensor that was released when its TensorScope ended.");
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
            if (node._recorded)
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
                if (node._recorded && node._grad is not null && !node._gradStale)
                {
                    node.Propagate();
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
    public override string ToString() => $"AutodiffTensor<{typeof(T).Name}>{Shapes.Format(_shape)} ({Operation})";

    void IReleasable.Release()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_data is not null && !_sharesStorage)
        {
            BufferPool<T>.Return(_data);
        }

        if (_grad is not null && _pooled)
        {
            BufferPool<T>.Return(_grad);
        }

        _data = null;
        _grad = null;
        _recorded = false;
        ForgetInputs();
    }

    // <summary>The gradient buffer, created zeroed on first use, for backward rules to add into.</summary>
    internal Span<T> GradientForAccumulation()
    {
        ThrowIfReleased();
        if (_grad is null)
        {
            _grad = NewStorage(_length, clear: true, _pooled);
        }
        else if (_gradStale)
        {
            Array.Clear(_grad);
        }

        _gradStale = false;
        return _grad;
    }

    // <summary>
    // The gradient buffer for a rule that writes every element: <paramref name="accumulate"/> says
    // whether to add (a gradient is already there) or may overwrite (fresh or stale buffer).
    // </summary>
    internal Span<T> GradientForWrite(out bool accumulate)
    {
        ThrowIfReleased();
        if (_grad is null)
        {
            _grad = NewStorage(_length, clear: false, _pooled);
            accumulate = false;
        }
        else
        {
            accumulate = !_gradStale;
        }

        _gradStale = false;
        return _grad;
    }

    // <summary>The gradient of a tensor reached by backward (the output side of a rule).</summary>
    internal ReadOnlySpan<T> OutputGradient => _grad;

    // <summary>The gradient buffer (cleared first if stale), or an empty span when none exists; optimizers read and clip it in place.</summary>
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

    // <summary>Creates an uninitialised leaf tensor of a validated shape (pooled inside a scope).</summary>
    internal static AutodiffTensor<T> Uninitialized(int[] shape) => new(shape, Shapes.Size(shape, nameof(shape)), clear: false);

    // <summary>The tensor whose storage this one's values are: itself, or for a view the tensor that owns the storage.</summary>
    private protected virtual AutodiffTensor<T> StorageOwner => this;

    // <summary>Whether an operation on these inputs is recorded: gradients are enabled and some input requires them.</summary>
    private protected static bool Records(AutodiffTensor<T> a, AutodiffTensor<T>? b = null)
        => Autograd.IsGradEnabled && (a._requiresGrad || (b is not null && b._requiresGrad));

    // <summary>The number of inputs the backward walk visits: 0 for leaves and for operations that were not recorded.</summary>
    private protected virtual int InputCount => 0;

    // <summary>Input <paramref name="index"/> (in [0, <see cref="InputCount"/>)) of a recorded operation.</summary>
    private protected virtual AutodiffTensor<T> Input(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    // <summary>The backward rule of a recorded operation: adds ∂loss/∂input into each input's gradient from <see cref="OutputGradient"/>.</summary>
    private protected virtual void Propagate()
    {
    }

    // <summary>Drops the references to the inputs when the scope releases this tensor, so the graph can be collected.</summary>
    private protected virtual void ForgetInputs()
    {
    }

    // <summary>Ends a forward pass: runs the non-finite trap on the output and returns it.</summary>
    private protected AutodiffTensor<T> Finished()
    {
        if (Autograd.TrapNonFinite && !TensorPrimitives.IsFiniteAll<T>(_data))
        {
            int bad = IndexOfNonFinite(_data);
            throw new NonFiniteValueException(
                Operation,
                $"Operation '{Operation}' produced {_data![bad]} at flat index {bad} of its output {Shapes.Format(_shape)}.",
                true);
        }

        return this;
    }

    // <summary>A zeroed or uninitialised buffer of <paramref name="length"/> elements, from the pool inside a scope.</summary>
    private static T[] NewStorage(int length, bool clear, bool pooled) =>
        pooled ? BufferPool<T>.Rent(length, clear) : (length == 0 ? [] : new T[length]);

    // The product of the extents of a shape an operation derived from validated inputs.
    private static int ElementCount(int[] shape)
    {
        int length = 1;
        foreach (int d in shape)
        {
            length *= d;
        }

        return length;
    }

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
                    $"backward of {Operation}",
                    $"The backward rule of '{Operation}' produced {input._grad[bad]} at flat index {bad} of the gradient of its input {i} {Shapes.Format(input._shape)}.",
                    true);
            }
        }
    }

    // <summary>Post-order of the recorded graph below this tensor, found with an explicit stack (no recursion).</summary>
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
                nameof(AutodiffTensor<T>), $"This {Shapes.Format(_shape)} tensor ('{Operation}') was released when its TensorScope ended.");
        }
    }
}
