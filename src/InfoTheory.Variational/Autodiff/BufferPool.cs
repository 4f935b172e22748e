namespace InfoTheory.Variational.Autodiff;

// <summary>
// Per-thread pool of exact-length arrays: the storage behind tensors created inside a
// <see cref="TensorScope"/> and behind backward scratch space.
// </summary>
// <remarks>
// Exact lengths (not powers of two) because a training step asks for the same few sizes every
// time; thread-local so renting never takes a lock. An array returned on another thread simply
// joins that thread's pool.
// </remarks>
internal static class BufferPool<T>
{
    private const int MaxPerLength = 32;

    [ThreadStatic]
    private static Dictionary<int, Stack<T[]>>? s_free;

    // <summary>Rents an array of exactly <paramref name="length"/> elements, zeroed if <paramref name="clear"/>.</summary>
    public static T[] Rent(int length, bool clear)
    {
        if (length == 0)
        {
            return [];
        }

        var free = s_free ??= [];
        if (free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
        {
            if (clear)
            {
                Array.Clear(array);
            }

            return array;
        }

        return new T[length];
    }

    // <summary>Gives an array back; beyond a small number per length it is left to the garbage collector.</summary>
    public static void Return(T[] array)
    {
        if (array.Length == 0)
        {
            return;
        }

        var free = s_free ??= [];
        if (!free.TryGetValue(array.Length, out var stack))
        {
            stack = new Stack<T[]>();
            free.Add(array.Length, stack);
        }

        if (stack.Count < MaxPerLength)
        {
            stack.Push(array);
        }
    }
}
