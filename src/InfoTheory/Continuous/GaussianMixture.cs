using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>A finite mixture of Gaussians, p(x) = Σₖ wₖ N(x; μₖ, Σₖ).</summary>
/// <remarks>
/// Log-densities use log-sum-exp, log p(x) = m + ln Σₖ exp(ln wₖ + ln Nₖ(x) − m) with m the largest
/// term, so they stay finite and accurate far in the tails where every component density underflows.
/// Immutable and thread-safe.
/// </remarks>
public sealed class GaussianMixture : IDensity
{
    private readonly double[] _weights;
    private readonly double[] _logWeights;
    private readonly double[] _cumulative;
    private readonly Gaussian[] _components;
    private readonly int _lastPositive;

    /// <summary>Creates the mixture Σₖ wₖ N(μₖ, Σₖ).</summary>
    /// <param name="weights">The mixing weights wₖ: a probability vector (each ≥ 0, summing to 1), one per component.</param>
    /// <param name="components">The Gaussian components, all of the same dimension.</param>
    /// <exception cref="ArgumentNullException"><paramref name="components"/> or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="weights"/> is not a probability vector, its length differs from the number of
    /// components, or the components have different dimensions.
    /// </exception>
    public GaussianMixture(ReadOnlySpan<double> weights, IReadOnlyList<Gaussian> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Guard.Probabilities(weights, nameof(weights));
        Guard.SameLength(weights.Length, components.Count, nameof(weights), nameof(components));
        _components = new Gaussian[components.Count];
        for (int k = 0; k < components.Count; k++)
        {
            var component = components[k] ?? throw new ArgumentNullException(nameof(components), $"components[{k}] is null.");
            if (component.Dimension != components[0].Dimension)
            {
                throw new ArgumentException(
                    $"components[{k}] has dimension {component.Dimension} but components[0] has {components[0].Dimension}; all components must share one dimension.",
                    nameof(components));
            }

            _components[k] = component;
        }

        _weights = weights.ToArray();
        _logWeights = new double[_weights.Length];
        _cumulative = new double[_weights.Length];
        double running = 0;
        for (int k = 0; k < _weights.Length; k++)
        {
            _logWeights[k] = Math.Log(_weights[k]);
            running += _weights[k];
            _cumulative[k] = running;
            if (_weights[k] > 0)
            {
                _lastPositive = k;
            }
        }
    }

    /// <summary>The dimension d shared by every component.</summary>
    public int Dimension => _components[0].Dimension;

    /// <summary>The mixing weights wₖ.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The Gaussian components, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<Gaussian> Components => _components;

    /// <inheritdoc/>
    /// <remarks>log p(x) = logsumexpₖ (ln wₖ + ln Nₖ(x)).</remarks>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        Guard.PointLength(x.Length, Dimension, nameof(x));
        Span<double> terms = _components.Length <= 64 ? stackalloc double[_components.Length] : new double[_components.Length];
        Span<double> z = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        return LogDensityUnchecked(x, terms, z);
    }

    /// <inheritdoc/>
    /// <remarks>log p(x) = logsumexpₖ (ln wₖ + ln Nₖ(x)) at each point.</remarks>
    public void LogDensity(ReadOnlySpan<double> points, Span<double> destination)
    {
        int d = Dimension;
        Guard.SameLength(points.Length, destination.Length * d, nameof(points), "destination × dimension");
        Span<double> terms = _components.Length <= 64 ? stackalloc double[_components.Length] : new double[_components.Length];
        Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = LogDensityUnchecked(points.Slice(i * d, d), terms, z);
        }
    }

    /// <inheritdoc/>
    /// <remarks>For each point a component k is chosen with probability wₖ (one uniform draw), then the point is drawn from it.</remarks>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        int d = Dimension;
        int count = Guard.PointCount(destination.Length, d, nameof(destination));
        for (int n = 0; n < count; n++)
        {
            double u = random.NextDouble();
            int k = 0;
            while (k < _lastPositive && !(u < _cumulative[k]))
            {
                k++;
            }

            _components[k].Sample(random, destination.Slice(n * d, d));
        }
    }

    private double LogDensityUnchecked(ReadOnlySpan<double> x, Span<double> terms, Span<double> z)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < _components.Length; k++)
        {
            double t = _weights[k] > 0 ? _logWeights[k] + _components[k].LogDensityUnchecked(x, z) : double.NegativeInfinity;
            terms[k] = t;
            max = Math.Max(max, t);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        for (int k = 0; k < terms.Length; k++)
        {
            sum += Math.Exp(terms[k] - max);
        }

        return max + Math.Log(sum);
    }
}
