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

    [ThreadStatic]
    private static int s_depth;

    private readonly int _start;
    private readonly int _depth;

    private TensorScope(int start, int depth)
    {
        _start = start;
        _depth = depth;
    }

    /// <summary>Whether a scope is open on this thread.</summary>
    internal static bool IsActive => s_depth > 0;

    /// <summary>Opens a scope on the current thread.</summary>
    /// <returns>The scope; dispose it (with <c>using</c>) on the same thread to release its tensors.</returns>
    public static TensorScope Begin()
    {
        var live = s_live ??= [];
        s_depth++;
        return new TensorScope(live.Count, s_depth);
    }

    /// <summary>Releases every tensor created since this scope began.</summary>
    /// <exception cref="InvalidOperationException">Scopes are disposed out of order or on another thread.</exception>
    public void Dispose()
    {
        if (_depth == 0)
        {
            return;
        }

        if (s_depth != _depth || s_live is null)
        {
            throw new InvalidOperationException(
                $"TensorScope disposed out of order: this scope is at depth {_depth} but the innermost open scope on this thread is at depth {s_depth}.");
        }

        var live = s_live;
        for (int i = live.Count - 1; i >= _start; i--)
        {
            live[i].Release();
        }

        live.RemoveRange(_start, live.Count - _start);
        s_depth--;
    }

    /// <summary>Records a tensor whose storage the innermost open scope must release.</summary>
    internal static void Register(IReleasable item) => s_live!.Add(item);

    /// <inheritdoc/>
    public bool Equals(TensorScope other) => _start == other._start && _depth == other._depth;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorScope other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_start, _depth);

    /// <summary>Whether two scope handles are the same scope.</summary>
    public static bool operator ==(TensorScope left, TensorScope right) => left.Equals(right);

    /// <summary>Whether two scope handles are different scopes.</summary>
    public static bool operator !=(TensorScope left, TensorScope right) => !left.Equals(right);
}
