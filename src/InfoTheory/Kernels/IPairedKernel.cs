namespace InfoTheory.Kernels;

// <summary>
// The element loop of a fused kernel over two probability vectors (cross-entropy, KL, JSD), written
// once for every lane width and for double or float input (loaded through <see cref="Elements"/>); <see cref="PairedPass{TKernel, TElement}"/> validates both inputs and runs it through <see cref="LanePass"/>.
// </summary>
// <remarks>
// An implementation keeps its loop in a NoInlining method of its own and forwards to it: a loop inlined into the pass,
// or into a NoInlining wrapper in PairedPass, was compiled 3–7× slower (Jensen–Shannon, Jeffreys; see JensenShannonKernel).
// </remarks>
internal interface IPairedKernel
{
    // <summary>
    // Consumes whole <typeparamref name="T"/> steps of <paramref name="p"/> and <paramref name="q"/> from
    // <paramref name="index"/> on, tallying both inputs for validation, adding its terms in nats to
    // <paramref name="terms"/>, and setting <paramref name="unbounded"/> where a term is +∞; leaves
    // <paramref name="index"/> at the first element it did not consume.
    // </summary>
    static abstract void Accumulate<TElement, T>(
        ReadOnlySpan<TElement> p, ReadOnlySpan<TElement> q, ref int index,
        ref ProbabilityTally tallyP, ref ProbabilityTally tallyQ, ref double terms, ref bool unbounded)
        where TElement : unmanaged
        where T : struct, IVectorLanes<T>;
}
