namespace InfoTheory.Kernels;

// <summary>The one width dispatch of every fused kernel: the widest width first, then the scalar tail.</summary>
internal static class LanePass
{
    // <summary>
    // Runs <paramref name="pass"/> at <paramref name="width"/> over as many whole registers as fit, then at
    // <see cref="ScalarLanes"/> over the rest, so every element is seen exactly once and in order.
    // </summary>
    public static void Run<TPass>(ref TPass pass, SimdWidth width)
        where TPass : struct, ILanePass, allows ref struct
    {
        int index = 0;
        switch (width)
        {
            case SimdWidth.Vector512:
                pass.Run<Vector512Lanes>(ref index);
                break;
            case SimdWidth.Vector256:
                pass.Run<Vector256Lanes>(ref index);
                break;
        }

        pass.Run<ScalarLanes>(ref index);
    }
}
