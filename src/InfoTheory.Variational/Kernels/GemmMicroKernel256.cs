using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Variational.Kernels;

// <summary>
// The 6-row register tile two 256-bit vectors wide (6×16 in single precision, 6×8 in double): twelve
// accumulators, two B vectors and one broadcast A value fill fifteen of the sixteen AVX2 registers, so the
// loop runs without spills.
// </summary>
// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
// <remarks>
// The six rows are written out rather than looped over because the accumulators must live in registers,
// which the JIT only does for separate locals. Type tests on <typeparamref name="T"/> vanish when the JIT
// specialises the struct, leaving one FMA instruction each.
// </remarks>
internal readonly struct GemmMicroKernel256<T> : IGemmMicroKernel<T>
    where T : unmanaged
{
    public static int Mr => 6;

    public static int Nr => 2 * Vector256<T>.Count;

    public static bool IsSupported
        => Vector256.IsHardwareAccelerated && Fma.IsSupported && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    public static void Run(ref T a, ref T b, int kc, ref T c, int ldc, bool add)
    {
        int width = Vector256<T>.Count;
        int nr = 2 * width;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;

        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.LoadUnsafe(ref b);
            Vector256<T> b1 = Vector256.LoadUnsafe(ref b, (nuint)width);

            Vector256<T> ai = Vector256.Create(a);
            c00 = MultiplyAdd(ai, b0, c00);
            c01 = MultiplyAdd(ai, b1, c01);
            ai = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = MultiplyAdd(ai, b0, c10);
            c11 = MultiplyAdd(ai, b1, c11);
            ai = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = MultiplyAdd(ai, b0, c20);
            c21 = MultiplyAdd(ai, b1, c21);
            ai = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = MultiplyAdd(ai, b0, c30);
            c31 = MultiplyAdd(ai, b1, c31);
            ai = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = MultiplyAdd(ai, b0, c40);
            c41 = MultiplyAdd(ai, b1, c41);
            ai = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = MultiplyAdd(ai, b0, c50);
            c51 = MultiplyAdd(ai, b1, c51);

            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, nr);
        }

        StoreRow(ref c, width, c00, c01, add);
        StoreRow(ref Unsafe.Add(ref c, ldc), width, c10, c11, add);
        StoreRow(ref Unsafe.Add(ref c, 2 * ldc), width, c20, c21, add);
        StoreRow(ref Unsafe.Add(ref c, 3 * ldc), width, c30, c31, add);
        StoreRow(ref Unsafe.Add(ref c, 4 * ldc), width, c40, c41, add);
        StoreRow(ref Unsafe.Add(ref c, 5 * ldc), width, c50, c51, add);
    }

    public static void RunNarrow(ref T a, ref T b, int kc, ref T c, int ldc, bool add)
    {
        int nr = 2 * Vector256<T>.Count;
        Vector256<T> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;

        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.LoadUnsafe(ref b);
            c0 = MultiplyAdd(Vector256.Create(a), b0, c0);
            c1 = MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 1)), b0, c1);
            c2 = MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 2)), b0, c2);
            c3 = MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 3)), b0, c3);
            c4 = MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 4)), b0, c4);
            c5 = MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, 5)), b0, c5);

            a = ref Unsafe.Add(ref a, 6);
            b = ref Unsafe.Add(ref b, nr);
        }

        StoreHalfRow(ref c, c0, add);
        StoreHalfRow(ref Unsafe.Add(ref c, ldc), c1, add);
        StoreHalfRow(ref Unsafe.Add(ref c, 2 * ldc), c2, add);
        StoreHalfRow(ref Unsafe.Add(ref c, 3 * ldc), c3, add);
        StoreHalfRow(ref Unsafe.Add(ref c, 4 * ldc), c4, add);
        StoreHalfRow(ref Unsafe.Add(ref c, 5 * ldc), c5, add);
    }

    // x·y + z with one rounding.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MultiplyAdd(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(float))
        {
            return Fma.MultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>();
        }

        return Fma.MultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreHalfRow(ref T row, Vector256<T> value, bool add)
    {
        if (add)
        {
            value += Vector256.LoadUnsafe(ref row);
        }

        value.StoreUnsafe(ref row);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(ref T row, int width, Vector256<T> left, Vector256<T> right, bool add)
    {
        if (add)
        {
            left += Vector256.LoadUnsafe(ref row);
            right += Vector256.LoadUnsafe(ref row, (nuint)width);
        }

        left.StoreUnsafe(ref row);
        right.StoreUnsafe(ref row, (nuint)width);
    }
}
