namespace InfoTheory.Variational.Autodiff;

/// <summary>Per-thread switches of the autodiff engine: gradient recording and the non-finite trap.</summary>
public static class Autograd
{
    [ThreadStatic]
    private static int s_noGradDepth;

    [ThreadStatic]
    private static bool s_trapNonFinite;

    /// <summary>Whether operations on this thread currently record the graph for <see cref="AutodiffTensor{T}.Backward()"/>.</summary>
    public static bool IsGradEnabled => s_noGradDepth == 0;

    /// <summary>
    /// Whether every operation on this thread checks its output (and every backward rule the
    /// gradients it writes) for NaN or ±∞ and throws <see cref="NonFiniteValueException"/> naming
    /// the first operation that produced one. Off by default because the check costs one pass
    /// over each result.
    /// </summary>
    public static bool TrapNonFinite
    {
        get => s_trapNonFinite;
        set => s_trapNonFinite = value;
    }

    /// <summary>Stops recording the graph on this thread until the returned scope is disposed.</summary>
    /// <remarks>Use it for evaluation and for in-place parameter updates; results created inside do not require gradients.</remarks>
    /// <returns>The scope; dispose it (with <c>using</c>) to restore recording.</returns>
    public static NoGradScope NoGrad()
    {
        s_noGradDepth++;
        return new NoGradScope(true);
    }

    internal static void EndNoGrad() => s_noGradDepth--;
}
