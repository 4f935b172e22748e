using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// Dense codes 0, 1, 2, … in order of first appearance for labels of a type whose default equality is equality of its
// bits and which is 1, 2, 4, 8 or 16 bytes wide: the integer types, char, bool, enums and Guid (<see cref="Supports"/>).
// </summary>
// <remarks>
// The table of <see cref="StringCodes"/> without the strings: linear probing over slots holding a label's 32-bit hash next
// to its code, with the label's bits (two 64-bit words) kept per code, so a probe compares registers with one cache line
// and nothing else. The hash is <see cref="StringCodes.Mix"/> under the process's random seed; a probe longer than
// <see cref="MaxProbe"/> (a collision attack, not chance) moves the labels seen so far into a
// <see cref="Dictionary{TKey, TValue}"/> with the default comparer, the codes the same either way. Against that
// dictionary alone (what any other type gets) it saves the comparer's interface call, the bucket indirection and the
// entry's separate cache line on every label. A long column is coded in pieces on all cores, merged into the codes one
// pass gives (<see cref="PieceCoding"/>).
// </remarks>
internal sealed class BitwiseCodes<T> : CodeTable<T, BitwiseCodes<T>.Words>
    where T : notnull
{
    private readonly ulong _seed;

    // <summary>A table hashing with this process's random seed.</summary>
    public BitwiseCodes()
        : this(StringCodes.ProcessSeed)
    {
    }

    // <summary>A table hashing with <paramref name="seed"/> (tests fix it).</summary>
    public BitwiseCodes(ulong seed)
    {
        if (!Supports)
        {
            throw new NotSupportedException($"{typeof(T)} labels are not compared by their bits.");
        }

        _seed = seed;
    }

    // <summary>
    // Whether <typeparamref name="T"/>'s default equality is the equality of its bits, 1, 2, 4, 8 or 16 bytes of them.
    // Not float, double or Half (0.0 = −0.0, NaN ≠ NaN) nor decimal (1.0m = 1.00m), nor structs in general (padding,
    // overridden Equals).
    // </summary>
    public static bool Supports =>
        typeof(T) == typeof(long) || typeof(T) == typeof(ulong) || typeof(T) == typeof(int) || typeof(T) == typeof(uint)
        || typeof(T) == typeof(short) || typeof(T) == typeof(ushort) || typeof(T) == typeof(byte) || typeof(T) == typeof(sbyte)
        || typeof(T) == typeof(char) || typeof(T) == typeof(bool) || typeof(T) == typeof(nint) || typeof(T) == typeof(nuint)
        || typeof(T) == typeof(Guid) || typeof(T) == typeof(Int128) || typeof(T) == typeof(UInt128) || typeof(T).IsEnum;

    // <summary>Writes the first-appearance code of every label into <paramref name="codes"/> and returns how many distinct labels there are.</summary>
    public static int Encode(ReadOnlySpan<T> labels, Span<int> codes) => Encode(labels, codes, PieceCoding.Pieces(labels.Length));

    // <summary>As <see cref="Encode(ReadOnlySpan{T}, Span{int})"/> in <paramref name="pieces"/> consecutive pieces coded side by side.</summary>
    internal static int Encode(ReadOnlySpan<T> labels, Span<int> codes, int pieces)
        => PieceCoding.Encode<T, Words, BitwiseCodes<T>>(labels, codes, pieces, static () => new BitwiseCodes<T>(), EncodePiece, out _).Count;

    // Codes one piece through `table`; no label is refused.
    private static int EncodePiece(ReadOnlySpan<T> labels, Span<int> codes, BitwiseCodes<T> table)
    {
        ref T label = ref MemoryMarshal.GetReference(labels);
        ref int code = ref MemoryMarshal.GetReference(codes);
        for (int i = 0; i < labels.Length; i++)
        {
            Unsafe.Add(ref code, i) = table.CodeOf(in Unsafe.Add(ref label, i));
        }

        return -1;
    }

    // <summary>The code of <paramref name="label"/>, the next unused one when it is new.</summary>
    // <remarks>
    // Inlined, and only the common case: the label is in its home slot; the rest is in <see cref="Probe"/>. The label is
    // taken by reference so its bits are read where it lies: reading them from a copy would put the copy on the stack.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CodeOf(in T label)
    {
        Words words = Bits(in label);
        uint hash = StringCodes.Mix(words.A, words.B, Unsafe.SizeOf<T>(), _seed);
        CodeSlot[] slots = Slots;
        ref CodeSlot home = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), (int)hash & (slots.Length - 1));
        int code = home.CodePlusOne - 1;
        if (home.Hash == hash && code >= 0)
        {
            ref Words key = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(KeyWords), code);
            if (((key.A ^ words.A) | (key.B ^ words.B)) == 0)
            {
                return code;
            }
        }

        return Probe(label);
    }

    // <inheritdoc/>
    protected override int CodeOfKey(T label) => CodeOf(in label);

    // The label's bits, zero-extended to two words.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Words Bits(in T label)
    {
        ref byte p = ref Unsafe.As<T, byte>(ref Unsafe.AsRef(in label));
        return Unsafe.SizeOf<T>() switch
        {
            1 => new Words(p, 0),
            2 => new Words(Unsafe.ReadUnaligned<ushort>(ref p), 0),
            4 => new Words(Unsafe.ReadUnaligned<uint>(ref p), 0),
            8 => new Words(Unsafe.ReadUnaligned<ulong>(ref p), 0),
            _ => new Words(Unsafe.ReadUnaligned<ulong>(ref p), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, 8))),
        };
    }

    // The rest of CodeOf: the probe from the home slot on, adding the label when it is new (in fallback mode the table
    // is a single empty slot, so every label comes here).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Probe(T label)
    {
        if (UsesFallback)
        {
            return FallbackCode(label);
        }

        Words words = Bits(in label);
        return ProbeFrom(label, StringCodes.Mix(words.A, words.B, Unsafe.SizeOf<T>(), _seed), words);
    }

    // <inheritdoc/>
    protected override bool IsKey(int code, T label, in Words words)
    {
        ref Words key = ref KeyWords[code];
        return key.A == words.A && key.B == words.B;
    }

    // A label's bits, zero-extended to two words.
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Words(ulong a, ulong b)
    {
        public readonly ulong A = a;
        public readonly ulong B = b;
    }
}
