using System.Runtime.Intrinsics;

namespace InfoTheory.Kernels;

// <summary>Which instantiation of a kernel runs: one lane, 256-bit or 512-bit registers.</summary>
// <remarks>
// Public entry points always pass <see cref="SimdWidths.Best"/>; tests pass each value in turn so
// the scalar path is proven against the vector paths on every machine.
// </remarks>
internal enum SimdWidth
{
    // <summary>One double at a time (<see cref="ScalarLanes"/>).</summary>
    Scalar,

    // <summary>Four doubles at a time (<see cref="Vector256Lanes"/>).</summary>
    Vector256,

    // <summary>Eight doubles at a time (<see cref="Vector512Lanes"/>).</summary>
    Vector512,
}

// <summary>The widest <see cref="SimdWidth"/> this machine runs in hardware.</summary>
internal static class SimdWidths
{
    // <summary>Gets the widest hardware-accelerated width, falling back to <see cref="SimdWidth.Scalar"/>.</summary>
    public static SimdWidth Best { get; } =
        Vector512.IsHardwareAccelerated ? SimdWidth.Vector512
        : Vector256.IsHardwareAccelerated ? SimdWidth.Vector256
        : SimdWidth.Scalar;
}
