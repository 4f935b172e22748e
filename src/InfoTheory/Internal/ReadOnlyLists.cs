using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>The one bridge from the list overloads of the label measures to their span implementations.</summary>
// <remarks>
// C# infers a span method's type arguments from an array but not from a <see cref="List{T}"/>, so the label measures
// have overloads over <see cref="IReadOnlyList{T}"/> that forward here and then to the span overload: arrays and lists
// are viewed in place, any other list is copied once.
// </remarks>
internal static class ReadOnlyLists
{
    // <summary>The elements of <paramref name="list"/> as a span, without copying an array or a <see cref="List{T}"/>.</summary>
    // <exception cref="ArgumentNullException"><paramref name="list"/> is null.</exception>
    public static ReadOnlySpan<T> AsSpan<T>(IReadOnlyList<T>? list, string paramName)
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        return list switch
        {
            T[] array => array,
            List<T> items => CollectionsMarshal.AsSpan(items),
            _ => list.ToArray(),
        };
    }
}
