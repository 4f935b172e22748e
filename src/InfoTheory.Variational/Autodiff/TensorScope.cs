namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// A region of code whose tensors borrow pooled storage and give it back when the scope is
/// disposed: the way to train without allocating per step.
/// </summary>
/// <remarks>
/// <para>Every tensor created on this thread while a scope is open (operation results, their
/// gradients, factory calls) takes its buffers from a per-thread pool; disposing the scope returns
/// them and makes those tensors unusable (<see cref="ObjectDisposedException"/>). Tensors created
/// outside any scope, such as model parameters, are ordinary garbage-collected objects and are
/// never touched by a scope, even when their gradients are first written inside one.</para>
/// <para>Scopes nest: disposing an inner scope releases only what was created since it began.
/// Read what you need (for example <c>loss.Item</c>) before the scope ends.</para>
/// <code>
/// using (TensorScope.Begin())
/// {
///     var loss = model.Forward(x).Square().Mean();
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
///     lastLoss = loss.Item;
/// }
/// </code>
/// </remarks>
public readonly struct TensorScope : IDisposable, IEquatable<TensorScope>
{
    [ThreadStatic]
    private static List<IReleasable>? s_live;

    // The identities of the scopes open on this thread, innermost last. A handle is a copyable
    // struct that cannot remember its own disposal, so "already disposed" means "no longer open".
    [ThreadStatic]
    private static List<long>? s_open;

    private static long s_lastId;

    private readonly int _start;
    private readonly long _id;
    private readonly int _threadId;

    private TensorScope(int start, long id, int threadId)
    {
        _start = start;
        _id = id;
        _threadId = threadId;
    }

    // <summary>Whether a scope is open on this thread.</summary>
    internal static bool IsActive => s_open is { Count: > 0 };

    /// <summary>Opens a scope on the current thread.</summary>
    /// <returns>The scope; dispose it (with <c>using</c>) on the same thread to release its tensors.</returns>
    public static TensorScope Begin()
    {
        var live = s_live ??= [];
        var open = s_open ??= [];
        long id = Interlocked.Increment(ref s_lastId);
        open.Add(id);
        return new TensorScope(live.Count, id, Environment.CurrentManagedThreadId);
    }

    /// <summary>Releases every tensor created since this scope began; disposing a scope again does nothing.</summary>
    /// <exception cref="InvalidOperationException">Scopes are disposed out of order or on another thread.</exception>
    public void Dispose()
    {
        if (_id == 0)
        {
            return;
        }

        if (_threadId != Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException(
                $"TensorScope disposed on thread {Environment.CurrentManagedThreadId} but opened on thread {_threadId}; dispose it on the thread that began it.");
        }

        var open = s_open;
        int position = open?.LastIndexOf(_id) ?? -1;
        if (position < 0)
        {
            return;
        }

        if (position != open!.Count - 1)
        {
            throw new InvalidOperationException(
                $"TensorScope disposed out of order: this scope is at depth {position + 1} but the innermost open scope on this thread is at depth {open.Count}.");
        }

        var live = s_live!;
        for (int i = live.Count - 1; i >= _start; i--)
        {
            live[i].Release();
        }

        live.RemoveRange(_start, live.Count - _start);
        open.RemoveAt(position);
    }

    // <summary>Records a tensor whose storage the innermost open scope must release.</summary>
    internal static void Register(IReleasable item) => s_live!.Add(item);

    /// <inheritdoc/>
    public bool Equals(TensorScope other) => _id == other._id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _id.GetHashCode();

    /// <summary>Whether two scope handles are the same scope.</summary>
    public static bool operator ==(TensorScope left, TensorScope right) => left.Equals(right);

    /// <summary>Whether two scope handles are different scopes.</summary>
    public static bool operator !=(TensorScope left, TensorScope right) => !left.Equals(right);
}
