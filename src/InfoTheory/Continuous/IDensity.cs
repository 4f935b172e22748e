namespace InfoTheory.Continuous;

/// <summary>A probability density on ℝᵈ that can be evaluated (in log space) and sampled.</summary>
/// <remarks>
/// Points are stored row by row: a batch of m points of dimension d is a flat span of m·d values.
/// Implementations are immutable after construction and safe to call from several threads at once,
/// which the parallel Monte Carlo estimators rely on. Randomness always comes from the caller.
/// </remarks>
public interface IDensity
{
    /// <summary>The dimension d of the space the density lives on (≥ 1).</summary>
    int Dimension { get; }

    /// <summary>The natural log of the density at one point, log p(x).</summary>
    /// <param name="x">The point: exactly <see cref="Dimension"/> coordinates.</param>
    /// <returns>log p(x) in nats; −∞ outside the support.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have <see cref="Dimension"/> coordinates.</exception>
    double LogDensity(ReadOnlySpan<double> x);

    /// <summary>The natural log of the density at many points, written to <paramref name="destination"/>.</summary>
    /// <param name="points">m points of <see cref="Dimension"/> coordinates each, row by row (length m·d).</param>
    /// <param name="destination">Receives log p at each point; length m.</param>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="points"/> is not <see cref="Dimension"/> times the length of <paramref name="destination"/>.
    /// </exception>
    void LogDensity(ReadOnlySpan<double> points, Span<double> destination);

    /// <summary>Draws independent points from the density, filling <paramref name="destination"/>.</summary>
    /// <remarks>One point when the length is d; m points, row by row, when it is m·d. The same <paramref name="random"/> state gives the same points.</remarks>
    /// <param name="random">The source of randomness.</param>
    /// <param name="destination">Receives the points; its length must be a multiple of <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">The length of <paramref name="destination"/> is not a multiple of <see cref="Dimension"/>.</exception>
    void Sample(Random random, Span<double> destination);
}
