namespace InfoTheory.Kernels;

/// <summary>
/// One element's term of a divergence that is a plain sum Σ g(pᵢ, qᵢ) over two vectors (the f-divergences' named members,
/// the separable Bregman divergences), for every lane width; <see cref="PairTermKernel{TTerm}"/> and
/// <see cref="VectorPairPass{TTerm}"/> run it.
/// </summary>
internal interface IPairTerm
{
    /// <summary>
    /// g(p, q) at every lane of valid entries; where it is +∞ the lane holds +∞ or a finite placeholder with that lane set in
    /// <paramref name="unbounded"/> (a mask). Invalid entries, which the pass reports afterwards, may give anything.
    /// </summary>
    static abstract T Of<T>(T p, T q, ref T unbounded)
        where T : struct, IVectorLanes<T>;
}
