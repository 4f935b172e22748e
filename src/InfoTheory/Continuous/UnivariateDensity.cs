using InfoTheory.Internal;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Continuous;

/// <summary>Presents any MathNet.Numerics univariate continuous distribution as a one-dimensional <see cref="IDensity"/>.</summary>
/// <remarks>
/// Log-densities come from <see cref="IContinuousDistribution.DensityLn(double)"/>. MathNet draws
/// samples from the distribution's own <see cref="IDistribution.RandomSource"/>, so to honour the
/// caller's <see cref="Random"/> the adapter points that source at the caller's generator for the
/// duration of one <see cref="Sample"/> call and restores it afterwards, under a lock on the
/// distribution. Sampling through one adapter is therefore thread-safe but serialised; do not
/// sample from the wrapped distribution directly while the adapter is in use on another thread.
/// </remarks>
public sealed class UnivariateDensity : IDensity
{
    private readonly IContinuousDistribution _distribution;

    /// <summary>Wraps <paramref name="distribution"/>.</summary>
    /// <param name="distribution">The MathNet.Numerics distribution, e.g. <c>new Normal(0, 1)</c> or <c>new StudentT(0, 1, 3)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    public UnivariateDensity(IContinuousDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        _distribution = distribution;
    }

    /// <summary>Always 1.</summary>
    public int Dimension => 1;

    /// <summary>The wrapped distribution.</summary>
    public IContinuousDistribution Distribution => _distribution;

    /// <summary>The natural log of the density at one point, log p(x).</summary>
    /// <param name="x">The point: one finite coordinate.</param>
    /// <returns>log p(x) in nats; −∞ outside the support.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have exactly one coordinate, or it is NaN or infinite.</exception>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        Guard.PointLength(x.Length, 1, nameof(x));
        Guard.AllFinite(x, nameof(x));
        return _distribution.DensityLn(x[0]);
    }

    /// <summary>The natural log of the density at many points, written to <paramref name="destination"/>.</summary>
    /// <param name="points">m finite points, one coordinate each.</param>
    /// <param name="destination">Receives log p at each point; length m.</param>
    /// <exception cref="ArgumentException">The lengths of <paramref name="points"/> and <paramref name="destination"/> differ, or a point is NaN or infinite.</exception>
    public void LogDensity(ReadOnlySpan<double> points, Span<double> destination)
    {
        Guard.BatchShape(points.Length, destination.Length, 1, nameof(points));
        for (int i = 0; i < points.Length; i++)
        {
            // MathNet would answer NaN at a NaN point rather than refuse it; the check costs one compare per point.
            if (!double.IsFinite(points[i]))
            {
                Guard.FiniteCoordinates(points, 1, nameof(points), i);
            }

            destination[i] = _distribution.DensityLn(points[i]);
        }
    }

    /// <inheritdoc/>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        lock (_distribution)
        {
            var previous = _distribution.RandomSource;
            _distribution.RandomSource = random;
            try
            {
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = _distribution.Sample();
                }
            }
            finally
            {
                _distribution.RandomSource = previous;
            }
        }
    }
}
