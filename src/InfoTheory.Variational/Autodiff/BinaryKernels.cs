using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Variational.Autodiff;

// <summary>An elementwise binary operation in its four broadcast forms (span–span, span–scalar, scalar–span, scalar–scalar).</summary>
internal interface IBinaryKernel<T>
{
    static abstract T Scalar(T a, T b);

    static abstract void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y);

    static abstract void VectorScalar(ReadOnlySpan<T> a, T b, Span<T> y);

    static abstract void ScalarVector(T a, ReadOnlySpan<T> b, Span<T> y);
}

// <summary>y = a + b.</summary>
internal readonly struct AddKernel<T> : IBinaryKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Scalar(T a, T b) => a + b;

    public static void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Add(a, b, y);

    public static void VectorScalar(ReadOnlySpan<T> a, T b, Span<T> y) => TensorPrimitives.Add(a, b, y);

    public static void ScalarVector(T a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Add(b, a, y);
}

// <summary>y = a − b.</summary>
internal readonly struct SubtractKernel<T> : IBinaryKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Scalar(T a, T b) => a - b;

    public static void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Subtract(a, b, y);

    public static void VectorScalar(ReadOnlySpan<T> a, T b, Span<T> y) => TensorPrimitives.Subtract(a, b, y);

    public static void ScalarVector(T a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Subtract(a, b, y);
}

// <summary>y = a · b.</summary>
internal readonly struct MultiplyKernel<T> : IBinaryKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Scalar(T a, T b) => a * b;

    public static void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Multiply(a, b, y);

    public static void VectorScalar(ReadOnlySpan<T> a, T b, Span<T> y) => TensorPrimitives.Multiply(a, b, y);

    public static void ScalarVector(T a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Multiply(b, a, y);
}

// <summary>y = a / b.</summary>
internal readonly struct DivideKernel<T> : IBinaryKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Scalar(T a, T b) => a / b;

    public static void Vector(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Divide(a, b, y);

    public static void VectorScalar(ReadOnlySpan<T> a, T b, Span<T> y) => TensorPrimitives.Divide(a, b, y);

    public static void ScalarVector(T a, ReadOnlySpan<T> b, Span<T> y) => TensorPrimitives.Divide(a, b, y);
}
