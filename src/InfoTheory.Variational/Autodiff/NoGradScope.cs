namespace InfoTheory.Variational.Autodiff;

/// <summary>The region opened by <see cref="Autograd.NoGrad"/>; disposing it restores graph recording.</summary>
public struct NoGradScope : IDisposable, IEquatable<NoGradScope>
{
    private bool _open;

    internal NoGradScope(bool open)
    {
        _open = open;
    }

    /// <summary>Ends the region (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (_open)
        {
            _open = false;
            Autograd.EndNoGrad();
        }
    }

    /// <inheritdoc/>
    public readonly bool Equals(NoGradScope other) => _open == other._open;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is NoGradScope other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => _open.GetHashCode();

    /// <summary>Whether two handles are in the same state.</summary>
    public static bool operator ==(NoGradScope left, NoGradScope right) => left.Equals(right);

    /// <summary>Whether two handles are in different states.</summary>
    public static bool operator !=(NoGradScope left, NoGradScope right) => !left.Equals(right);
}
