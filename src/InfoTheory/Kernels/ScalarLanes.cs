using System.Runtime.CompilerServices;

namespace InfoTheory.Kernels;

// <summary>One lane: the scalar instantiation of every kernel, used for tails and when SIMD is unavailable or switched off.</summary>
internal readonly struct ScalarLanes : IVectorLanes<ScalarLanes>
{
    private static readonly double AllBits = BitConverter.Int64BitsToDouble(-1);

    private readonly double _value;

    private ScalarLanes(double value) => _value = value;

    public static int Count => 1;

    public static ScalarLanes Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Create(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Load(ref double source, int index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes LoadWidening(ref float source, int index) => new(Unsafe.Add(ref source, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes LoadMask(ref byte source, int index) => Mask(Unsafe.Add(ref source, index) != 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLanes value, ref double destination, int index) => Unsafe.Add(ref destination, index) = value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator +(ScalarLanes left, ScalarLanes right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator -(ScalarLanes left, ScalarLanes right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator *(ScalarLanes left, ScalarLanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator /(ScalarLanes left, ScalarLanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator &(ScalarLanes left, ScalarLanes right)
        => new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(left._value) & BitConverter.DoubleToInt64Bits(right._value)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes operator |(ScalarLanes left, ScalarLanes right)
        => new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(left._value) | BitConverter.DoubleToInt64Bits(right._value)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes FusedMultiplyAdd(ScalarLanes a, ScalarLanes b, ScalarLanes c) => new(Math.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes MinNative(ScalarLanes left, ScalarLanes right) => new(left._value < right._value ? left._value : right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes MaxNative(ScalarLanes left, ScalarLanes right) => new(left._value > right._value ? left._value : right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Abs(ScalarLanes value) => new(Math.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Sqrt(ScalarLanes value) => new(Math.Sqrt(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes GreaterThan(ScalarLanes left, ScalarLanes right) => Mask(left._value > right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes LessThan(ScalarLanes left, ScalarLanes right) => Mask(left._value < right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes EqualTo(ScalarLanes left, ScalarLanes right) => Mask(left._value == right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Select(ScalarLanes mask, ScalarLanes whenTrue, ScalarLanes whenFalse)
        => AnyTrue(mask) ? whenTrue : whenFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(ScalarLanes mask) => BitConverter.DoubleToInt64Bits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyLessThan(ScalarLanes left, ScalarLanes right) => left._value < right._value;

    public static double SumLanes(ScalarLanes value) => value._value;

    public static double MinLane(ScalarLanes value) => value._value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes SplitExponent(ScalarLanes x, out ScalarLanes k)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x._value) + ExponentSplit.Offset;
        k = new(BitConverter.UInt64BitsToDouble((bits >> 52) | ExponentSplit.TwoTo52Bits) - ExponentSplit.TwoTo52PlusBias);
        return new(BitConverter.UInt64BitsToDouble((bits & ExponentSplit.SignificandMask) + ExponentSplit.LowerBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes SplitUnit(ScalarLanes x, out ScalarLanes k)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x._value);
        k = new(BitConverter.UInt64BitsToDouble((bits >> 52) | ExponentSplit.TwoTo52Bits) - ExponentSplit.TwoTo52PlusBias);
        return new(BitConverter.UInt64BitsToDouble((bits & ExponentSplit.SignificandMask) | ExponentSplit.OneBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes PowerOfTwo(ScalarLanes k)
        => new(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(k._value + ExponentSplit.PowerOfTwoMagic) << 52));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ScalarLanes Mask(bool condition) => new(condition ? AllBits : 0.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes PowerOfTwoSixteenths(ScalarLanes rounded)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(rounded._value);
        return new(BitConverter.UInt64BitsToDouble(ExponentSplit.SixteenthPowerBits[(int)(bits & 15)] + (bits << 48)));
    }
}
