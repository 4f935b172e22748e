using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Internal;

// <summary>
// The two ways a string column's labels are coded through its <see cref="StringCodes"/>: behind the identity cache, when
// most elements are references to a few shared instances, or straight, when they are distinct instances. The coding loops
// are generic over these structs, so each way is compiled into its own loop with nothing to decide per label.
// </summary>
// <remarks>
// A loop starts every column cached (<see cref="CachedStringCoder"/>) for <see cref="LabelCounting.ReferenceCacheTrial"/> labels
// and goes on straight when the cache missed more than half of them (<see cref="LabelCounting.KeepsCache"/>). Either way a label gets the
// code the table alone gives it: the cache only answers for an instance whose code it has seen.
// </remarks>
internal interface IStringCoder
{
    // <summary>The code of non-null <paramref name="label"/>; a miss of the identity cache adds 1 to <paramref name="misses"/>.</summary>
    int Code(string label, ref int misses);

    // <summary>Asks for the cache line of a label the loop will code a little later (<see cref="StringCoding.PrefetchAhead"/>).</summary>
    void Prefetch(string? label);
}

// <summary>A direct-mapped cache keyed by the instance's address (<see cref="LabelCounting.CacheSlot"/>) in front of the table.</summary>
internal readonly struct CachedStringCoder(StringCodes table) : IStringCoder
{
    private readonly string?[] _cached = new string?[LabelCounting.ReferenceCacheSize];
    private readonly int[] _codes = new int[LabelCounting.ReferenceCacheSize];

    public StringCodes Table => table;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Code(string label, ref int misses)
    {
        int at = LabelCounting.CacheSlot(label);
        ref string? cached = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cached), at);
        ref int code = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), at);
        if (!ReferenceEquals(cached, label))
        {
            misses++;
            (cached, code) = (label, table.CodeOf(label));
        }

        return code;
    }

    // Shared instances stay in the cache; there is nothing to fetch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(string? label)
    {
    }
}

// <summary>Every label hashed and looked up in the table, its instance fetched ahead.</summary>
internal readonly struct DirectStringCoder(StringCodes table) : IStringCoder
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Code(string label, ref int misses) => table.CodeOf(label);

    // A prefetch never faults, so an address the collector has since moved (or null) costs nothing but the hint.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(string? label)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0((void*)Unsafe.As<string?, nint>(ref label));
        }
    }
}
