namespace InfoTheory.Variational.Autodiff;

// <summary>A pooled temporary buffer for one kernel call; <c>using</c> gives it back.</summary>
internal ref struct Scratch<T>
{
    private T[]? _array;

    // <summary>Rents <paramref name="length"/> elements, zeroed if <paramref name="clear"/>.</summary>
    public Scratch(int length, bool clear = false)
    {
        _array = BufferPool<T>.Rent(length, clear);
    }

    // <summary>The rented elements.</summary>
    public readonly Span<T> Span => _array;

    // <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_array is not null)
        {
            BufferPool<T>.Return(_array);
            _array = null;
        }
    }
}
