namespace InfoTheory.Kernels;

// <summary>
// One element's term of a divergence that is a plain sum Σ g(pᵢ, qᵢ) over two vectors (the f-divergences' named members,
// the separable Bregman divergences), for every lane width; <see cref="PairTermKernel{TTerm}"/> and
// <see cref="VectorPairPass{TTerm}"/> run it.
// </summary>
internal interface IPairTerm<TSelf>
    where TSelf : struct, IPairTerm<TSelf>
{
    // <summary>
    // g(p, q) at every lane of valid entries; where it is +∞ the lane holds +∞ or a finite placeholder with that lane set in
    // <paramref name="unbounded"/> (a mask). Invalid entries, which the pass reports afterwards, may give anything.
    // </summary>
    static abstract T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>;

    // <summary>
    // g(p₀, q₀) + g(p₁, q₁), for two registers at once (<see cref="PairTermKernel{TTerm}"/>); a term with a logarithm
    // shares one division between them. <see cref="VectorPairPass{TTerm}"/> keeps to <see cref="Of{T}"/>: its terms carry an
    // exponential as well, and two of them in one step no longer inline (measured 4× slower).
    // </summary>
    static virtual T OfPair<T>(T p0, T q0, T p1, T q1, ref T unbounded)
        where T : struct, IVectorLanes<T>
        => TSelf.Of(p0, q0, ref unbounded) + TSelf.Of(p1, q1, ref unbounded);
}
