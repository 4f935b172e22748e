using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Kernels;

// <summary>The one load of a kernel whose input is float or double: double as it is, float widened exactly.</summary>
// <remarks>
// Every lane computes in double, so a float span and a double span holding the same values give the same bits, and a
// kernel is written once for both element types. The type test is a JIT-time constant: each instantiation keeps one load.
// </remarks>
internal static class Elements
{
    // <summary>Loads <c>T.Count</c> elements starting at <paramref name="source"/> + <paramref name="index"/> as doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load<TElement, T>(ref TElement source, int index)
        where TElement : unmanaged
        where T : struct, IVectorLanes<T>
        => typeof(TElement) == typeof(double)
            ? T.Load(ref Unsafe.As<TElement, double>(ref source), index)
            : T.LoadWidening(ref Unsafe.As<TElement, float>(ref source), index);

    // <summary>Element <paramref name="index"/> of <paramref name="values"/> as a double, by the same load.</summary>
    public static double Value<TElement>(ReadOnlySpan<TElement> values, int index)
        where TElement : unmanaged
        => ScalarLanes.SumLanes(Load<TElement, ScalarLanes>(ref MemoryMarshal.GetReference(values), index));
}
