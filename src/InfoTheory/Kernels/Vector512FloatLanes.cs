using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Kernels;

// <summary>The 512-bit float instantiation of the float kernels: Vector512&lt;float&gt;.Count lanes per step, widened into <see cref="Vector512Lanes"/>.</summary>
internal readonly struct Vector512FloatLanes : IFloatLanes<Vector512FloatLanes, Vector512Lanes>
{
    private readonly Vector512<float> _value;

    private Vector512FloatLanes(Vector512<float> value) => _value = value;

    public static int Count => Vector512<float>.Count;

    public static Vector512FloatLanes Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes Create(float value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes Load(ref float source, int index) => new(Vector512.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes LoadMask(ref byte source, int index)
    {
        Vector128<byte> bytes = Vector128.LoadUnsafe(ref source, (nuint)index);
        Vector512<uint> wide = Avx512F.IsSupported
            ? Avx512F.ConvertToVector512UInt32(bytes)
            : Vector512.Create(
                Vector256.WidenLower(Vector256.WidenLower(bytes.ToVector256())),
                Vector256.WidenUpper(Vector256.WidenLower(bytes.ToVector256())));
        // The bytes are zero-extended, so "nonzero" is "greater than 0" as signed integers: one compare.
        return new(Vector512.GreaterThan(wide.AsInt32(), Vector512<int>.Zero).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator +(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator -(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator *(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator &(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes FusedMultiplyAdd(Vector512FloatLanes a, Vector512FloatLanes b, Vector512FloatLanes c)
        => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes MinNative(Vector512FloatLanes left, Vector512FloatLanes right) => new(Vector512.MinNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes MaxNative(Vector512FloatLanes left, Vector512FloatLanes right) => new(Vector512.MaxNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes Abs(Vector512FloatLanes value) => new(Vector512.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes EqualTo(Vector512FloatLanes left, Vector512FloatLanes right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNaN(Vector512FloatLanes value) => !Vector512.EqualsAll(value._value, value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator /(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes operator |(Vector512FloatLanes left, Vector512FloatLanes right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes LessThan(Vector512FloatLanes left, Vector512FloatLanes right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes GreaterThan(Vector512FloatLanes left, Vector512FloatLanes right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes Select(Vector512FloatLanes mask, Vector512FloatLanes whenTrue, Vector512FloatLanes whenFalse)
        => new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vector512FloatLanes mask) => mask._value.AsUInt32() != Vector512<uint>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyLessThan(Vector512FloatLanes left, Vector512FloatLanes right) => Vector512.LessThanAny(left._value, right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes SplitExponent(Vector512FloatLanes x, out Vector512FloatLanes k)
    {
        Vector512<uint> bits = x._value.AsUInt32() + Vector512.Create(ExponentSplit.SingleOffset);
        Vector512<uint> exponent = Vector512.ShiftRightLogical(bits, 23) | Vector512.Create(ExponentSplit.SingleTwoTo23Bits);
        k = new(exponent.AsSingle() - Vector512.Create(ExponentSplit.SingleTwoTo23PlusBias));
        return new(((bits & Vector512.Create(ExponentSplit.SingleSignificandMask)) + Vector512.Create(ExponentSplit.SingleLowerBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes SplitUnit(Vector512FloatLanes x, out Vector512FloatLanes k)
    {
        Vector512<uint> bits = x._value.AsUInt32();
        Vector512<uint> exponent = Vector512.ShiftRightLogical(bits, 23) | Vector512.Create(ExponentSplit.SingleTwoTo23Bits);
        k = new(exponent.AsSingle() - Vector512.Create(ExponentSplit.SingleTwoTo23PlusBias));
        return new(((bits & Vector512.Create(ExponentSplit.SingleSignificandMask)) | Vector512.Create(ExponentSplit.SingleOneBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512FloatLanes PowerOfTwo(Vector512FloatLanes k)
        => new(Vector512.ShiftLeft((k._value + Vector512.Create(ExponentSplit.SinglePowerOfTwoMagic)).AsUInt32(), 23).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(Vector512FloatLanes value, out Vector512Lanes lower, out Vector512Lanes upper)
    {
        lower = Vector512Lanes.From(Vector512.WidenLower(value._value));
        upper = Vector512Lanes.From(Vector512.WidenUpper(value._value));
    }
}
