using InfoTheory.Internal;

namespace InfoTheory.Channels;

/// <content>The capacity of the channel.</content>
public sealed partial class Channel
{
    /// <summary>The capacity C = max_p I(X;Y) of the channel and an input distribution that achieves it.</summary>
    /// <remarks>
    /// <para>
    /// Every iteration evaluates, for the current input p and its output q, the two bounds of Blahut (1972, Theorem 2) and
    /// Arimoto (1972): I(p) ≤ C ≤ max_x D(p(·|x) ‖ q), the upper bound holding because C = min_q max_x D(p(·|x) ‖ q). The run
    /// stops when their gap is at most <see cref="ConvergenceOptions.Tolerance"/> nats (1e-9 by default), whatever
    /// <paramref name="unit"/> is. Between evaluations, <see cref="CapacityAlgorithm.BlahutArimoto"/> takes the step
    /// p(x) ← p(x)·e^{D(p(·|x) ‖ q)} / Z; <see cref="CapacityAlgorithm.ProjectedNewton"/> takes 30 of those, drops the inputs whose
    /// divergence is below I(p), and then takes Newton steps for max I(p) on the simplex over the inputs with mass (and those whose
    /// divergence is close to the upper bound): the Hessian is −W diag(1/q) Wᵀ restricted to them, negative entries of the step are
    /// clipped to 0 (Bertsekas, "Projected Newton methods for optimization problems with simple constraints", SIAM J. Control
    /// Optim. 20, 1982), and a step is halved until I(p) does not decrease, falling back to a Blahut–Arimoto step.
    /// </para>
    /// <para>
    /// All-zero columns (outputs no input reaches) are dropped first; 0·log 0 = 0. An evaluation and a Blahut–Arimoto step allocate
    /// nothing and run over the matrix with vectorised dot products and multiply-adds; the Newton steps reuse one Hessian buffer,
    /// allocated again only when the set of inputs they work on grows past it.
    /// </para>
    /// </remarks>
    /// <param name="unit">The unit of the capacity and of the bounds; nats by default.</param>
    /// <param name="algorithm">How the input moves between evaluations; <see cref="CapacityAlgorithm.ProjectedNewton"/> by default.</param>
    /// <param name="options">The tolerance on the gap (in nats) and the iteration cap; <see cref="ConvergenceOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the bounds after every evaluation, or null.</param>
    /// <returns>The capacity, its input, the final bounds, the number of evaluations and whether the gap met the tolerance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> or <paramref name="algorithm"/> is not a defined value.</exception>
    public ChannelCapacity Capacity(
        LogBase unit = LogBase.Nats,
        CapacityAlgorithm algorithm = CapacityAlgorithm.ProjectedNewton,
        ConvergenceOptions? options = null,
        IProgress<CapacityProgress>? progress = null)
    {
        double natsPerUnit = Units.NatsPerUnit(unit);
        Guard.Defined(algorithm, nameof(algorithm));
        options ??= ConvergenceOptions.Default;
        return new CapacitySolver(this).Run(algorithm, options, progress, unit, natsPerUnit);
    }
}
