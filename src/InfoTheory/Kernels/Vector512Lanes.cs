using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Kernels;

// <summary>The 512-bit instantiation of every kernel: Vector512&lt;double&gt;.Count lanes per step.</summary>
internal readonly struct Vector512Lanes : IVectorLanes<Vector512Lanes>
{
    private readonly Vector512<double> _value;

    private Vector512Lanes(Vector512<double> value) => _value = value;

    // <summary>The lanes of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes From(Vector512<double> value) => new(value);

    public static int Count => Vector512<double>.Count;

    public static Vector512Lanes Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Load(ref double source, int index) => new(Vector512.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes LoadWidening(ref float source, int index)
    {
        Vector256<float> narrow = Vector256.LoadUnsafe(ref source, (nuint)index);
        return Avx512F.IsSupported
            ? new(Avx512F.ConvertToVector512Double(narrow))
            : new(Vector512.Create(Vector256.WidenLower(narrow), Vector256.WidenUpper(narrow)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes LoadMask(ref byte source, int index)
    {
        ulong eight = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, index));
        Vector512<ulong> wide = Avx512F.IsSupported
            ? Avx512F.ConvertToVector512UInt64(Vector128.CreateScalarUnsafe(eight).AsByte())
            : Vector512.Create(
                eight & 0xff, (eight >> 8) & 0xff, (eight >> 16) & 0xff, (eight >> 24) & 0xff,
                (eight >> 32) & 0xff, (eight >> 40) & 0xff, (eight >> 48) & 0xff, eight >> 56);
        return new((~Vector512.Equals(wide, Vector512<ulong>.Zero)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lanes value, ref double destination, int index) => value._value.StoreUnsafe(ref destination, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator +(Vector512Lanes left, Vector512Lanes right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator -(Vector512Lanes left, Vector512Lanes right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator *(Vector512Lanes left, Vector512Lanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator /(Vector512Lanes left, Vector512Lanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator &(Vector512Lanes left, Vector512Lanes right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes operator |(Vector512Lanes left, Vector512Lanes right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes FusedMultiplyAdd(Vector512Lanes a, Vector512Lanes b, Vector512Lanes c)
        => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes MinNative(Vector512Lanes left, Vector512Lanes right) => new(Vector512.MinNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes MaxNative(Vector512Lanes left, Vector512Lanes right) => new(Vector512.MaxNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Abs(Vector512Lanes value) => new(Vector512.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Sqrt(Vector512Lanes value) => new(Vector512.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes GreaterThan(Vector512Lanes left, Vector512Lanes right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes LessThan(Vector512Lanes left, Vector512Lanes right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes EqualTo(Vector512Lanes left, Vector512Lanes right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes Select(Vector512Lanes mask, Vector512Lanes whenTrue, Vector512Lanes whenFalse)
        => new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vector512Lanes mask) => mask._value.AsUInt64() != Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyLessThan(Vector512Lanes left, Vector512Lanes right) => Vector512.LessThanAny(left._value, right._value);

    public static double SumLanes(Vector512Lanes value) => Vector512.Sum(value._value);

    public static double MinLane(Vector512Lanes value)
    {
        double min = value._value.GetElement(0);
        for (int i = 1; i < Vector512<double>.Count; i++)
        {
            min = Math.Min(min, value._value.GetElement(i));
        }

        return min;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes SplitExponent(Vector512Lanes x, out Vector512Lanes k)
    {
        Vector512<ulong> bits = x._value.AsUInt64() + Vector512.Create(ExponentSplit.Offset);
        Vector512<ulong> exponent = Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(ExponentSplit.TwoTo52Bits);
        k = new(exponent.AsDouble() - Vector512.Create(ExponentSplit.TwoTo52PlusBias));
        return new(((bits & Vector512.Create(ExponentSplit.SignificandMask)) + Vector512.Create(ExponentSplit.LowerBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes SplitUnit(Vector512Lanes x, out Vector512Lanes k)
    {
        // vgetexppd and vgetmantpd do the split in two instructions instead of five; they agree with the bit
        // arithmetic on every positive normal input (zero, outside the contract, gives k = −∞ here; Log clamps it).
        if (Avx512F.IsSupported)
        {
            k = new(Avx512F.GetExponent(x._value));
            return new(Avx512F.GetMantissa(x._value, 0));
        }

        Vector512<ulong> bits = x._value.AsUInt64();
        Vector512<ulong> exponent = Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(ExponentSplit.TwoTo52Bits);
        k = new(exponent.AsDouble() - Vector512.Create(ExponentSplit.TwoTo52PlusBias));
        return new(((bits & Vector512.Create(ExponentSplit.SignificandMask)) | Vector512.Create(ExponentSplit.OneBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes PowerOfTwo(Vector512Lanes k)
        => new(Vector512.ShiftLeft((k._value + Vector512.Create(ExponentSplit.PowerOfTwoMagic)).AsUInt64(), 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lanes PowerOfTwoSixteenths(Vector512Lanes rounded)
    {
        Vector512<ulong> bits = rounded._value.AsUInt64();
        ref ulong table = ref MemoryMarshal.GetReference(ExponentSplit.SixteenthPowerBits);
        Vector512<ulong> low = Vector512.LoadUnsafe(ref table);
        Vector512<ulong> high = Vector512.LoadUnsafe(ref table, 8);
        Vector512<ulong> entry;
        if (Avx512F.IsSupported)
        {
            // vpermi2q reads the low four bits of each index: the whole table in two registers, one instruction.
            entry = Avx512F.PermuteVar8x64x2(low, bits, high);
        }
        else
        {
            // Out-of-range indices give 0, so each half contributes only its own entries.
            Vector512<ulong> j = bits & Vector512.Create(15UL);
            entry = Vector512.Shuffle(low, j) | Vector512.Shuffle(high, j - Vector512.Create(8UL));
        }

        return new((entry + Vector512.ShiftLeft(bits, 48)).AsDouble());
    }
}
