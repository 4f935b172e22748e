using System.Numerics.Tensors;
using InfoTheory.Internal;

namespace InfoTheory.Channels;

/// <summary>The information bottleneck: a soft clustering T of X that keeps what X says about a relevant variable Y.</summary>
/// <remarks>
/// Minimises I(X;T) − β·I(T;Y) over encoders p(t|x), T depending on Y only through X (N. Tishby, F. C. Pereira and W. Bialek,
/// "The information bottleneck method", Proc. 37th Allerton Conference, 1999; arXiv physics/0004057). Small β compresses
/// (I(X;T) → 0); large β keeps the relevant information (I(T;Y) → I(X;Y) once there are at least as many clusters as values of X).
/// </remarks>
public static class InformationBottleneck
{
    /// <summary>Iterates the bottleneck's self-consistent equations from a seeded random encoder until the encoder stops changing.</summary>
    /// <remarks>
    /// <para>
    /// An iteration applies, from the current encoder, p(t) = Σ_x p(x) p(t|x), p(y|t) = Σ_x p(x, y) p(t|x) / p(t) and
    /// p(t|x) = p(t)·e^{−β·KL(p(y|x) ‖ p(y|t))} / Z(x, β) (Tishby, Pereira and Bialek 1999, Theorem 5), in log space; a cluster with
    /// p(t) = 0 stays empty, and KL = +∞ (an output y with p(y|x) &gt; 0 = p(y|t)) gives p(t|x) = 0. A value x with p(x) = 0 gets
    /// p(t|x) = p(t), which no quantity depends on. The run stops when no p(t|x) changes by more than
    /// <see cref="ConvergenceOptions.Tolerance"/>. The start p(t|x) ∝ u(x, t), u uniform on (0, 1) drawn by
    /// <see cref="Random"/>(<paramref name="seed"/>) row by row, makes the result a function of the seed; the iteration converges to a
    /// stationary point, which for large β can be a local one (another seed may find a better one).
    /// </para>
    /// </remarks>
    /// <param name="joint">The joint distribution p(x, y): X the rows, the relevant variable Y the columns.</param>
    /// <param name="beta">The trade-off β, finite and &gt; 0.</param>
    /// <param name="clusters">The number of clusters |T|, ≥ 1.</param>
    /// <param name="seed">The seed of the starting encoder.</param>
    /// <param name="unit">The unit of the informations; nats by default.</param>
    /// <param name="options">The tolerance on the change of the encoder and the iteration cap; <see cref="ConvergenceOptions.Default"/> when null.</param>
    /// <returns>The encoder, p(t), I(X;T) and I(T;Y) in <paramref name="unit"/>, the iterations and whether the encoder settled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not finite and positive, <paramref name="clusters"/> is below 1 or |X|·|T| exceeds <see cref="int.MaxValue"/>, or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static BottleneckResult Fit(JointDistribution joint, double beta, int clusters, int seed, LogBase unit = LogBase.Nats, ConvergenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Guard.Positive(beta, nameof(beta));
        Guard.InRange(clusters, 1, int.MaxValue, nameof(clusters));
        Guard.ElementCount(nameof(clusters), "Rows × clusters", joint.Rows, clusters);
        Units.NatsPerUnit(unit);
        options ??= ConvergenceOptions.Default;

        var state = new BottleneckIteration(joint, clusters, seed);
        int iteration = 0;
        bool converged;
        do
        {
            iteration++;
            converged = state.Update(beta) <= options.Tolerance;
        }
        while (!converged && iteration < options.MaxIterations);

        (double[] encoder, double[] cluster) = state.Result();
        int rows = joint.Rows;
        var xt = new double[rows * clusters];
        var ty = new double[clusters * joint.Columns];
        ReadOnlySpan<double> px = joint.RowMarginal;
        for (int x = 0; x < rows; x++)
        {
            TensorPrimitives.Multiply(encoder.AsSpan(x * clusters, clusters), px[x], xt.AsSpan(x * clusters, clusters));
            ReadOnlySpan<double> jointRow = joint.Probabilities.Slice(x * joint.Columns, joint.Columns);
            for (int t = 0; t < clusters; t++)
            {
                TensorPrimitives.MultiplyAdd(jointRow, encoder[(x * clusters) + t], ty.AsSpan(t * joint.Columns, joint.Columns), ty.AsSpan(t * joint.Columns, joint.Columns));
            }
        }

        double informationXT = MutualInformation.Of(JointDistribution.FromProbabilities(xt, rows, clusters), unit);
        double informationTY = MutualInformation.Of(JointDistribution.FromProbabilities(ty, clusters, joint.Columns), unit);
        return new BottleneckResult(Channel.Trusted(encoder, rows, clusters), cluster, informationXT, informationTY, beta, iteration, converged, unit);
    }
}
