using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Kernels;

// <summary>The 256-bit float instantiation of the float kernels: Vector256&lt;float&gt;.Count lanes per step, widened into <see cref="Vector256Lanes"/>.</summary>
internal readonly struct Vector256FloatLanes : IFloatLanes<Vector256FloatLanes, Vector256Lanes>
{
    private readonly Vector256<float> _value;

    private Vector256FloatLanes(Vector256<float> value) => _value = value;

    public static int Count => Vector256<float>.Count;

    public static Vector256FloatLanes Zero => default;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes Create(float value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes Load(ref float source, int index) => new(Vector256.LoadUnsafe(ref source, (nuint)index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes LoadMask(ref byte source, int index)
    {
        ulong eight = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, index));
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(eight).AsByte();
        Vector256<uint> wide = Avx2.IsSupported
            ? Avx2.ConvertToVector256Int32(bytes).AsUInt32()
            : Vector256.Create(Vector128.WidenLower(Vector128.WidenLower(bytes)), Vector128.WidenUpper(Vector128.WidenLower(bytes)));
        // The bytes are zero-extended, so "nonzero" is "greater than 0" as signed integers: one compare.
        return new(Vector256.GreaterThan(wide.AsInt32(), Vector256<int>.Zero).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator +(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value + right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator -(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value - right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator *(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value * right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator &(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value & right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes FusedMultiplyAdd(Vector256FloatLanes a, Vector256FloatLanes b, Vector256FloatLanes c)
        => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes MinNative(Vector256FloatLanes left, Vector256FloatLanes right) => new(Vector256.MinNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes MaxNative(Vector256FloatLanes left, Vector256FloatLanes right) => new(Vector256.MaxNative(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes Abs(Vector256FloatLanes value) => new(Vector256.Abs(value._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes EqualTo(Vector256FloatLanes left, Vector256FloatLanes right) => new(Vector256.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNaN(Vector256FloatLanes value) => !Vector256.EqualsAll(value._value, value._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator /(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes operator |(Vector256FloatLanes left, Vector256FloatLanes right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes LessThan(Vector256FloatLanes left, Vector256FloatLanes right) => new(Vector256.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes GreaterThan(Vector256FloatLanes left, Vector256FloatLanes right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes Select(Vector256FloatLanes mask, Vector256FloatLanes whenTrue, Vector256FloatLanes whenFalse)
        => new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vector256FloatLanes mask) => mask._value.AsUInt32() != Vector256<uint>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyLessThan(Vector256FloatLanes left, Vector256FloatLanes right) => Vector256.LessThanAny(left._value, right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes SplitExponent(Vector256FloatLanes x, out Vector256FloatLanes k)
    {
        Vector256<uint> bits = x._value.AsUInt32() + Vector256.Create(ExponentSplit.SingleOffset);
        Vector256<uint> exponent = Vector256.ShiftRightLogical(bits, 23) | Vector256.Create(ExponentSplit.SingleTwoTo23Bits);
        k = new(exponent.AsSingle() - Vector256.Create(ExponentSplit.SingleTwoTo23PlusBias));
        return new(((bits & Vector256.Create(ExponentSplit.SingleSignificandMask)) + Vector256.Create(ExponentSplit.SingleLowerBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes SplitUnit(Vector256FloatLanes x, out Vector256FloatLanes k)
    {
        Vector256<uint> bits = x._value.AsUInt32();
        Vector256<uint> exponent = Vector256.ShiftRightLogical(bits, 23) | Vector256.Create(ExponentSplit.SingleTwoTo23Bits);
        k = new(exponent.AsSingle() - Vector256.Create(ExponentSplit.SingleTwoTo23PlusBias));
        return new(((bits & Vector256.Create(ExponentSplit.SingleSignificandMask)) | Vector256.Create(ExponentSplit.SingleOneBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256FloatLanes PowerOfTwo(Vector256FloatLanes k)
        => new(Vector256.ShiftLeft((k._value + Vector256.Create(ExponentSplit.SinglePowerOfTwoMagic)).AsUInt32(), 23).AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Widen(Vector256FloatLanes value, out Vector256Lanes lower, out Vector256Lanes upper)
    {
        lower = Vector256Lanes.From(Vector256.WidenLower(value._value));
        upper = Vector256Lanes.From(Vector256.WidenUpper(value._value));
    }
}
