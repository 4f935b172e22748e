using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Internal;

// <summary>
// Dense codes 0, 1, 2, … in order of first appearance for labels of a type whose default equality is equality of its
// bits and which is 1, 2, 4, 8 or 16 bytes wide: the integer types, char, bool, enums and Guid (<see cref="Supports"/>).
// </summary>
// <remarks>
// The table of <see cref="StringCodes"/> without the strings: linear probing over slots holding a label's 32-bit hash next
// to its code, with the label's bits (two 64-bit words) kept per code, so a probe compares registers with one cache line
// and nothing else. The hash is <see cref="Hash"/> under the process's random seed; a probe longer than
// <see cref="MaxProbe"/> (a collision attack, not chance) moves the labels seen so far into a
// <see cref="Dictionary{TKey, TValue}"/> with the default comparer, the codes the same either way. Against that
// dictionary alone (what any other type gets) it saves the comparer's interface call, the bucket indirection and the
// entry's separate cache line on every label. A column is coded four labels at a time with AVX2 gathers while all four
// are in their home slots, and otherwise by a loop that keeps the table's arrays in registers until a new label arrives
// (<see cref="EncodePiece"/>); a long column in pieces on all cores, merged into the codes one pass gives
// (<see cref="PieceCoding"/>).
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

    private BitwiseCodes(BitwiseCodes<T> source)
        : base(source) => _seed = source._seed;

    // <inheritdoc/>
    public override BitwiseCodes<T> Copy() => new(this);

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

    // <summary>Codes one piece through <paramref name="table"/>; no label is refused (returns −1).</summary>
    internal static int EncodePiece(ReadOnlySpan<T> labels, Span<int> codes, BitwiseCodes<T> table)
        => EncodePiece(labels, codes, table, Gathers);

    // <summary>As <see cref="EncodePiece(ReadOnlySpan{T}, Span{int}, BitwiseCodes{T})"/>, four at a time only when <paramref name="gather"/> (tests run both paths).</summary>
    internal static int EncodePiece(ReadOnlySpan<T> labels, Span<int> codes, BitwiseCodes<T> table, bool gather)
    {
        ref T label = ref MemoryMarshal.GetReference(labels);
        ref int code = ref MemoryMarshal.GetReference(codes);
        int n = labels.Length, i = 0;
        while (i < n)
        {
            // Four at a time while all four are known; then the block that stopped it (or the tail) one by one.
            bool gathered = gather && !table.UsesFallback;
            if (gathered)
            {
                i = table.CodeKnownFours(ref label, ref code, i, n);
            }

            int end = gathered ? Math.Min(n, i + 4) : n;
            if ((i = table.CodeKnown(ref label, ref code, i, end)) < end)
            {
                Unsafe.Add(ref code, i) = table.Probe(Unsafe.Add(ref label, i));
                i++;
            }
        }

        return -1;
    }

    // <summary>Whether this machine looks labels up four at a time (AVX2 gathers).</summary>
    internal static bool Gathers => Avx2.IsSupported;

    // Codes labels four at a time from `from` on while all four of a block sit in their home slots, and returns the
    // start of the first block that does not (or of the tail shorter than four). Hash as Hash does, in 64-bit lanes
    // (vpmuludq computes the 32 × 32-bit products of every lane); gather the four home slots, then the key words of the
    // four codes they hold (an empty slot's lane reads code 0's, harmlessly, and is rejected).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private unsafe int CodeKnownFours(ref T labels, ref int codes, int from, int n)
    {
        fixed (CodeSlot* slots = Slots)
        fixed (Words* keys = KeyWords)
        {
            Vector256<ulong> seed = Vector256.Create(_seed), mask = Vector256.Create((ulong)(Slots.Length - 1));
            Vector256<uint> k0 = Vector256.Create(K0).AsUInt32(), k1 = Vector256.Create(K1).AsUInt32();
            Vector256<uint> k2 = Vector256.Create(K2).AsUInt32(), k3 = Vector256.Create(K3).AsUInt32();
            Vector256<ulong> low = Vector256.Create((ulong)uint.MaxValue), one = Vector256<ulong>.One;

            // The codes' low halves, in label order: 16-byte labels are split into their words in lanes 0, 2, 1, 3.
            Vector256<int> order = Unsafe.SizeOf<T>() > sizeof(ulong)
                ? Vector256.Create(0, 4, 2, 6, 0, 4, 2, 6)
                : Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6);
            int i = from;
            for (; i <= n - 4; i += 4)
            {
                Vector256<ulong> a, b = default;
                if (Unsafe.SizeOf<T>() > sizeof(ulong))
                {
                    ref ulong p = ref Unsafe.As<T, ulong>(ref Unsafe.Add(ref labels, i));
                    Vector256<ulong> first = Vector256.LoadUnsafe(ref p), second = Vector256.LoadUnsafe(ref p, 4);
                    a = Avx2.UnpackLow(first, second);
                    b = Avx2.UnpackHigh(first, second);
                }
                else
                {
                    a = Four(ref Unsafe.Add(ref labels, i));
                }

                Vector256<ulong> x = a ^ seed;
                Vector256<ulong> product = Avx2.Multiply(x.AsUInt32(), k0) + Avx2.Multiply((x >>> 32).AsUInt32(), k1);
                if (Unsafe.SizeOf<T>() > sizeof(ulong))
                {
                    Vector256<ulong> y = b ^ seed;
                    product += Avx2.Multiply(y.AsUInt32(), k2) + Avx2.Multiply((y >>> 32).AsUInt32(), k3);
                }

                Vector256<ulong> hash = (product >>> 32) ^ product;
                Vector256<ulong> slot = Avx2.GatherVector256((ulong*)slots, (hash & mask).AsInt64(), sizeof(ulong));
                Vector256<ulong> codePlusOne = slot >>> 32;
                Vector256<ulong> empty = Vector256.Equals(codePlusOne, Vector256<ulong>.Zero);
                Vector256<ulong> code = Vector256.AndNot(codePlusOne - one, empty);
                Vector256<long> keyAt = (code << 1).AsInt64();
                Vector256<ulong> known = Vector256.Equals((slot ^ hash) & low, Vector256<ulong>.Zero)
                    & Vector256.Equals(Avx2.GatherVector256((ulong*)keys, keyAt, sizeof(ulong)), a);
                if (Unsafe.SizeOf<T>() > sizeof(ulong))
                {
                    known &= Vector256.Equals(Avx2.GatherVector256((ulong*)keys + 1, keyAt, sizeof(ulong)), b);
                }

                if (Vector256.AndNot(known, empty) != Vector256<ulong>.AllBitsSet)
                {
                    break;
                }

                Avx2.PermuteVar8x32(code.AsInt32(), order).GetLower().StoreUnsafe(ref codes, (nuint)i);
            }

            return i;
        }
    }

    // Four labels' bits, each zero-extended to a 64-bit lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Four(ref T label)
    {
        ref byte p = ref Unsafe.As<T, byte>(ref label);
        return Unsafe.SizeOf<T>() switch
        {
            1 => Avx2.ConvertToVector256Int64(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref p)).AsByte()).AsUInt64(),
            2 => Avx2.ConvertToVector256Int64(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref p)).AsUInt16()).AsUInt64(),
            4 => Avx2.ConvertToVector256Int64(Vector128.LoadUnsafe(ref Unsafe.As<byte, uint>(ref p))).AsUInt64(),
            _ => Vector256.LoadUnsafe(ref Unsafe.As<byte, ulong>(ref p)),
        };
    }

    // Codes labels from `from` on while each is already in the table, and returns where one is not (or the end): CodeOf
    // and its probe with the table's arrays, mask and seed held in registers. They change only with a new label (which
    // may grow them), so the caller adds that one out of line and comes back; a probe past the limit goes out too, to
    // the fallback. A method of its own, so the JIT has the registers for the loop alone, with nothing of the caller's
    // spilled and reloaded on every label.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int CodeKnown(ref T labels, ref int codes, int from, int n)
    {
        ref CodeSlot slots = ref MemoryMarshal.GetArrayDataReference(Slots);
        ref Words keys = ref MemoryMarshal.GetArrayDataReference(KeyWords);
        int mask = Slots.Length - 1;
        ulong seed = _seed;
        int i = from;
        for (; i < n; i++)
        {
            Words words = Bits(in Unsafe.Add(ref labels, i));
            uint hash = Hash(words.A, words.B, seed);
            int at = (int)hash & mask;
            for (int probes = 0; ; probes++)
            {
                CodeSlot slot = Unsafe.Add(ref slots, at);
                int code = slot.CodePlusOne - 1;
                if (code < 0 || probes == MaxProbe)
                {
                    return i;
                }

                if (slot.Hash == hash && Same(in Unsafe.Add(ref keys, code), in words))
                {
                    Unsafe.Add(ref codes, i) = code;
                    break;
                }

                at = (at + 1) & mask;
            }
        }

        return i;
    }

    // <summary>The code of <paramref name="label"/>, the next unused one when it is new.</summary>
    // <remarks>
    // One label through the coding loops' own steps: <see cref="CodeKnown"/> finds it if it is in the table, else
    // <see cref="Probe"/> adds it. No loop calls this per label any more (the merge of pieces and the tests do).
    // </remarks>
    public int CodeOf(in T label)
    {
        int code = 0;
        return CodeKnown(ref Unsafe.AsRef(in label), ref code, 0, 1) == 1 ? code : Probe(label);
    }

    // <inheritdoc/>
    protected override int CodeOfKey(T label) => CodeOf(in label);

    // <summary>
    // The 32-bit hash of a label's bits <paramref name="a"/>, <paramref name="b"/> under <paramref name="seed"/>: the sum of
    // the seeded words' 32-bit halves (the second word's only for 16-byte labels) each times its own odd constant, the
    // sum's high half folded onto its low half.
    // </summary>
    // <remarks>
    // Independent 32 × 32 → 64-bit products, where <see cref="StringCodes.Mix"/> chains two 64 × 64 → 128-bit ones: the
    // coding loop is bound by its instruction count, not by the hash's quality, and the gathered loop computes the same
    // hash of four labels at once (vpmuludq). Every bit of a label reaches the low bits a slot is taken from, through the
    // fold. Like any unkeyed multiply hash it is weak against crafted input, which the probe limit answers.
    // </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(ulong a, ulong b, ulong seed)
    {
        ulong x = a ^ seed;
        ulong p = ((x & uint.MaxValue) * K0) + ((x >> 32) * K1);
        if (Unsafe.SizeOf<T>() > sizeof(ulong))
        {
            ulong y = b ^ seed;
            p += ((y & uint.MaxValue) * K2) + ((y >> 32) * K3);
        }

        return (uint)(p >> 32) ^ (uint)p;
    }

    // Odd multipliers from MurmurHash2, xxHash32 and MurmurHash3, each below 2^31 so that x64 multiplies by it as an
    // immediate (a larger constant would hold a register of its own through the coding loop).
    private const ulong K0 = 0x5BD1E995, K1 = 0x27D4EB2F, K2 = 0x165667B1, K3 = 0x1B873593;

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

    // Whether a code's words are a label's: labels of 8 bytes or less have no second word to compare.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(in Words key, in Words words)
        => Unsafe.SizeOf<T>() <= sizeof(ulong) ? key.A == words.A : ((key.A ^ words.A) | (key.B ^ words.B)) == 0;

    // A label the table does not know yet (or whose probe ran past the limit): the probe from the home slot on, adding
    // it (in fallback mode the table is a single empty slot, so every label comes here).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Probe(T label)
    {
        if (UsesFallback)
        {
            return FallbackCode(label);
        }

        Words words = Bits(in label);
        return ProbeFrom(label, Hash(words.A, words.B, _seed), words);
    }

    // <inheritdoc/>
    protected override bool IsKey(int code, T label, in Words words) => Same(in KeyWords[code], in words);

    // A label's bits, zero-extended to two words.
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Words(ulong a, ulong b)
    {
        public readonly ulong A = a;
        public readonly ulong B = b;
    }
}
