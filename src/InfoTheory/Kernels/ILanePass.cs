namespace InfoTheory.Kernels;

// <summary>
// A fused pass over spans whose element loop is written once against <see cref="IVectorLanes{TSelf}"/>;
// <see cref="LanePass.Run{TPass}"/> runs it at the widest width asked for and then on the tail one lane at a time.
// </summary>
// <remarks>
// A pass is a ref struct holding its spans and accumulators, so the driver takes it by reference: no copy, no boxing,
// and the JIT compiles <see cref="Run{T}"/> separately for every pair of pass and lane types, inlining the lane
// operations into the loop as if it had been written by hand for that width.
// </remarks>
internal interface ILanePass
{
    // <summary>
    // Consumes whole <typeparamref name="T"/> steps from <paramref name="index"/> on, adding to the pass's
    // accumulators, and leaves <paramref name="index"/> at the first element it did not consume.
    // </summary>
    void Run<T>(ref int index)
        where T : struct, IVectorLanes<T>;
}
