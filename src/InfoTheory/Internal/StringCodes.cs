using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Internal;

// <summary>
// Dense codes 0, 1, 2, … for string labels in order of first appearance, labels compared by content (ordinal, as
// <see cref="EqualityComparer{T}.Default"/> compares strings).
// </summary>
// <remarks>
// An open-addressing table (linear probing, at most a quarter full while small and half full when large) whose slots
// hold the label's 32-bit hash next to its code, so a probe that lands on another label is rejected by the hash in the
// slot it already read. Per code the table keeps what the hash was made of (the length and two 64-bit words, which for
// a label of up to 8 characters are all of it), so a hash match is confirmed without touching the stored string, and
// only a longer label has its characters compared, once its hash, length and last 16 bytes agree. Each label's
// characters are read once, by the hash, which has a per-process random seed (see Hash). Growing rehashes from the
// stored hashes and never touches a string. The hash is not keyed strongly enough to stop a determined collision
// attack, so a probe longer than <see cref="MaxProbe"/> (which a random hash essentially never makes at this load)
// moves the labels seen so far into a <see cref="Dictionary{TKey, TValue}"/> with the default comparer (which switches
// to randomised hashing under collisions) and carries on there; the codes are the same either way.
// </remarks>
internal sealed class StringCodes : CodeTable<string, StringCodes.Words>
{
    // <summary>This process's random hash seed (also <see cref="BitwiseCodes{T}"/>'s).</summary>
    internal static readonly ulong ProcessSeed = (ulong)Random.Shared.NextInt64();

    private readonly ulong _seed;

    // <summary>A table hashing with this process's random seed.</summary>
    public StringCodes()
        : this(ProcessSeed)
    {
    }

    // <summary>A table hashing with <paramref name="seed"/> (tests fix it to build colliding labels).</summary>
    public StringCodes(ulong seed) => _seed = seed;

    private StringCodes(StringCodes source)
        : base(source) => _seed = source._seed;

    // <inheritdoc/>
    public override StringCodes Copy() => new(this);

    // <summary>The code of <paramref name="label"/>, the next unused one when it is new.</summary>
    // <remarks>
    // Inlined into the coding loops, and only the common case: the label is already in its home slot. Everything else
    // (a probe past the home slot, a new label, the fallback) is in <see cref="Probe"/>, which hashes the label again
    // rather than be handed the hash and words: values live into a call are spilled to the stack on every label.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CodeOf(string label)
    {
        int bytes = 2 * label.Length;
        uint hash = Hash(label, bytes, _seed, out ulong a, out ulong b);
        CodeSlot[] slots = Slots;
        ref CodeSlot home = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), (int)hash & (slots.Length - 1));
        int code = home.CodePlusOne - 1;
        if (home.Hash == hash && code >= 0)
        {
            // Equal hashes, lengths and hashed words (the whole label up to 8 characters, its last 8 otherwise): only
            // a longer label still needs its characters compared.
            ref Words key = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(KeyWords), code);
            if (((key.A ^ a) | (key.B ^ b)) == 0 && key.Bytes == bytes
                && (bytes <= 16 || string.Equals(Key(code), label, StringComparison.Ordinal)))
            {
                return code;
            }
        }

        return Probe(label);
    }

    // <inheritdoc/>
    protected override int CodeOfKey(string label) => CodeOf(label);

    // The rest of CodeOf: the probe from the home slot on, adding the label when it is new (in fallback mode the table
    // is a single empty slot, so every label comes here).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Probe(string label)
    {
        if (UsesFallback)
        {
            return FallbackCode(label);
        }

        int bytes = 2 * label.Length;
        uint hash = Hash(label, bytes, _seed, out ulong a, out ulong b);
        return ProbeFrom(label, hash, new Words(a, b, bytes));
    }

    // <inheritdoc/>
    // Equal lengths and hashed words are the whole label up to 8 characters; a longer one has its characters compared.
    protected override bool IsKey(int code, string label, in Words words)
    {
        ref Words key = ref KeyWords[code];
        return key.Bytes == words.Bytes && key.A == words.A && key.B == words.B
            && (words.Bytes <= 16 || string.Equals(Key(code), label, StringComparison.Ordinal));
    }

    // <summary>The 32-bit hash of <paramref name="label"/>'s characters under <paramref name="seed"/>.</summary>
    public static uint Hash(string label, ulong seed) => Hash(label, 2 * label.Length, seed, out _, out _);

    // <remarks>
    // Two 64-bit words <paramref name="a"/> and <paramref name="b"/> cover the bytes of a label up to 8 characters
    // long (overlapping when it is shorter; with the length they are the label), longer ones fold 16 bytes per step
    // into the seed first and end with their last 16 bytes; each fold is one 64 × 64 → 128-bit multiply whose halves
    // are xor-ed, which mixes every input bit into every output bit in a few cycles (the construction of wyhash).
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(string label, int bytes, ulong seed, out ulong a, out ulong b)
    {
        ref byte p = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(label.AsSpan()));
        if (bytes <= 16)
        {
            if (bytes >= 8)
            {
                a = Read64(ref p, 0);
                b = Read64(ref p, bytes - 8);
            }
            else if (bytes >= 4)
            {
                a = Unsafe.ReadUnaligned<uint>(ref p);
                b = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, bytes - 4));
            }
            else
            {
                a = bytes == 2 ? Unsafe.ReadUnaligned<ushort>(ref p) : 0UL;
                b = 0;
            }
        }
        else
        {
            nint i = 0;
            for (; i < bytes - 16; i += 16)
            {
                seed = Fold(Read64(ref p, i) ^ Secret0, Read64(ref p, i + 8) ^ seed);
            }

            a = Read64(ref p, bytes - 16);
            b = Read64(ref p, bytes - 8);
        }

        return Mix(a, b, bytes, seed);
    }

    // <summary>The 32-bit hash of the last two words <paramref name="a"/>, <paramref name="b"/> of a key of <paramref name="bytes"/> bytes under <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Mix(ulong a, ulong b, int bytes, ulong seed) => (uint)Fold(Secret1 ^ (ulong)bytes, Fold(a ^ Secret1, b ^ seed));

    private const ulong Secret0 = 0xA0761D6478BD642FUL;

    private const ulong Secret1 = 0xE7037ED1A0B428DBUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte p, nint at) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ulong x, ulong y)
    {
        // The high half by mulx and the low half by a plain multiply, both in registers: Math.BigMul hands its low half
        // back through the stack, a store and a reload on the hash's critical path.
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.MultiplyNoFlags(x, y) ^ (x * y);
        }

        UInt128 product = Math.BigMul(x, y);
        return (ulong)(product >> 64) ^ (ulong)product;
    }

    // What a label's hash was made of, kept per code: its length in bytes and its two last hashed words.
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Words(ulong a, ulong b, int bytes)
    {
        public readonly ulong A = a;
        public readonly ulong B = b;
        public readonly int Bytes = bytes;
    }
}
