using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Kernels;

// <summary>The 256-bit instantiation of every kernel: Vector256&lt;double&gt;.Count lanes per step.</summary>
internal readonly struct Vector256Lanes : IVectorLanes<Vector256Lanes>
{
    private readonly Vector256<double> _value;

    private Vector256Lanes(Vector256<double> value) => _value = value;

    // <summary>The lanes of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes From(Vector256<double> value) => new(value);

    public static int Count => Vector256<double>.Count;

    public static Vector256Lanes Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Load(ref double source, int index) => new(Vector256.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes LoadWidening(ref float source, int index)
    {
        Vector128<float> narrow = Vector128.LoadUnsafe(ref source, (nuint)index);
        return Avx.IsSupported
            ? new(Avx.ConvertToVector256Double(narrow))
            : new(Vector256.Create(Vector128.WidenLower(narrow), Vector128.WidenUpper(narrow)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes LoadMask(ref byte source, int index)
    {
        uint four = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, index));
        Vector256<ulong> wide = Avx2.IsSupported
            ? Avx2.ConvertToVector256Int64(Vector128.CreateScalarUnsafe(four).AsByte()).AsUInt64()
            : Vector256.Create(four & 0xff, (four >> 8) & 0xff, (four >> 16) & 0xff, (ulong)(four >> 24));
        return new((~Vector256.Equals(wide, Vector256<ulong>.Zero)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lanes value, ref double destination, int index) => value._value.StoreUnsafe(ref destination, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator +(Vector256Lanes left, Vector256Lanes right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator -(Vector256Lanes left, Vector256Lanes right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator *(Vector256Lanes left, Vector256Lanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator /(Vector256Lanes left, Vector256Lanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator &(Vector256Lanes left, Vector256Lanes right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes operator |(Vector256Lanes left, Vector256Lanes right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes FusedMultiplyAdd(Vector256Lanes a, Vector256Lanes b, Vector256Lanes c)
        => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes MinNative(Vector256Lanes left, Vector256Lanes right) => new(Vector256.MinNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes MaxNative(Vector256Lanes left, Vector256Lanes right) => new(Vector256.MaxNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Abs(Vector256Lanes value) => new(Vector256.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Sqrt(Vector256Lanes value) => new(Vector256.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes GreaterThan(Vector256Lanes left, Vector256Lanes right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes LessThan(Vector256Lanes left, Vector256Lanes right) => new(Vector256.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes EqualTo(Vector256Lanes left, Vector256Lanes right) => new(Vector256.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes Select(Vector256Lanes mask, Vector256Lanes whenTrue, Vector256Lanes whenFalse)
        => new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vector256Lanes mask) => mask._value.AsUInt64() != Vector256<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyLessThan(Vector256Lanes left, Vector256Lanes right) => Vector256.LessThanAny(left._value, right._value);

    public static double SumLanes(Vector256Lanes value) => Vector256.Sum(value._value);

    public static double MinLane(Vector256Lanes value)
    {
        double min = value._value.GetElement(0);
        for (int i = 1; i < Vector256<double>.Count; i++)
        {
            min = Math.Min(min, value._value.GetElement(i));
        }

        return min;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes SplitExponent(Vector256Lanes x, out Vector256Lanes k)
    {
        Vector256<ulong> bits = x._value.AsUInt64() + Vector256.Create(ExponentSplit.Offset);
        Vector256<ulong> exponent = Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(ExponentSplit.TwoTo52Bits);
        k = new(exponent.AsDouble() - Vector256.Create(ExponentSplit.TwoTo52PlusBias));
        return new(((bits & Vector256.Create(ExponentSplit.SignificandMask)) + Vector256.Create(ExponentSplit.LowerBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes SplitUnit(Vector256Lanes x, out Vector256Lanes k)
    {
        // As in Vector512Lanes: two instructions where AVX-512VL has them, the same values as the bit arithmetic.
        if (Avx512F.VL.IsSupported)
        {
            k = new(Avx512F.VL.GetExponent(x._value));
            return new(Avx512F.VL.GetMantissa(x._value, 0));
        }

        Vector256<ulong> bits = x._value.AsUInt64();
        Vector256<ulong> exponent = Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(ExponentSplit.TwoTo52Bits);
        k = new(exponent.AsDouble() - Vector256.Create(ExponentSplit.TwoTo52PlusBias));
        return new(((bits & Vector256.Create(ExponentSplit.SignificandMask)) | Vector256.Create(ExponentSplit.OneBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lanes PowerOfTwo(Vector256Lanes k)
        => new(Vector256.ShiftLeft((k._value + Vector256.Create(ExponentSplit.PowerOfTwoMagic)).AsUInt64(), 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256Lanes PowerOfTwoSixteenths(Vector256Lanes rounded)
    {
        Vector256<ulong> bits = rounded._value.AsUInt64();
        ref ulong table = ref MemoryMarshal.GetReference(ExponentSplit.SixteenthPowerBits);
        Vector256<ulong> entry;
        if (Avx512F.VL.IsSupported)
        {
            // Two-register permutes over each half of the table (they read the low three bits), then bit 3 picks the half.
            Vector256<ulong> first = Avx512F.VL.PermuteVar4x64x2(Vector256.LoadUnsafe(ref table), bits, Vector256.LoadUnsafe(ref table, 4));
            Vector256<ulong> second = Avx512F.VL.PermuteVar4x64x2(Vector256.LoadUnsafe(ref table, 8), bits, Vector256.LoadUnsafe(ref table, 12));
            Vector256<ulong> eight = Vector256.Create(8UL);
            entry = Vector256.ConditionalSelect(Vector256.Equals(bits & eight, eight), second, first);
        }
        else if (Avx2.IsSupported)
        {
            // The table is RVA data in the assembly image, which the collector never moves, so its address may be taken.
            entry = Avx2.GatherVector256((ulong*)Unsafe.AsPointer(ref table), (bits & Vector256.Create(15UL)).AsInt64(), sizeof(ulong));
        }
        else
        {
            // Out-of-range indices give 0, so each quarter contributes only its own entries.
            Vector256<ulong> j = bits & Vector256.Create(15UL);
            Vector256<ulong> four = Vector256.Create(4UL);
            entry = Vector256.Shuffle(Vector256.LoadUnsafe(ref table), j)
                | Vector256.Shuffle(Vector256.LoadUnsafe(ref table, 4), j - four)
                | Vector256.Shuffle(Vector256.LoadUnsafe(ref table, 8), j - (four + four))
                | Vector256.Shuffle(Vector256.LoadUnsafe(ref table, 12), j - (four + four + four));
        }

        return new((entry + Vector256.ShiftLeft(bits, 48)).AsDouble());
    }
}
