using System.Numerics.Tensors;
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
    // Points per pass of the batched paths: small enough for stack scratch, long enough for SIMD.
    private const int Batch = 64;
    private const int MaxBatchedComponents = 16;

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

    /// <summary>
    /// The Gaussian with the mixture's own mean and covariance: the Q that minimises the forward
    /// KL(P‖Q) over all Gaussians (moment matching).
    /// </summary>
    /// <remarks>
    /// μ = Σₖ wₖ μₖ and Σ = Σₖ wₖ (Σₖ + (μₖ − μ)(μₖ − μ)ᵀ): the law of total covariance, written
    /// about μ so that no E[xxᵀ] − μμᵀ cancellation loses digits far from the origin.
    /// </remarks>
    /// <returns>The moment-matched Gaussian N(μ, Σ).</returns>
    public Gaussian MomentMatched()
    {
        int d = Dimension;
        var mean = new double[d];
        for (int k = 0; k < _components.Length; k++)
        {
            ReadOnlySpan<double> mk = _components[k].Mean;
            for (int i = 0; i < d; i++)
            {
                mean[i] += _weights[k] * mk[i];
            }
        }

        var covariance = new double[d, d];
        for (int k = 0; k < _components.Length; k++)
        {
            Gaussian component = _components[k];
            ReadOnlySpan<double> mk = component.Mean;
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    covariance[i, j] += _weights[k] * (component.Covariance(i, j) + ((mk[i] - mean[i]) * (mk[j] - mean[j])));
                }
            }
        }

        return new Gaussian(mean, covariance);
    }

    /// <summary>The natural log of the density at one point, log p(x).</summary>
    /// <remarks>log p(x) = logsumexpₖ (ln wₖ + ln Nₖ(x)).</remarks>
    /// <param name="x">The point: exactly <see cref="Dimension"/> finite coordinates.</param>
    /// <returns>log p(x) in nats; −∞ only where every component density underflows.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have <see cref="Dimension"/> coordinates, or one is NaN or infinite.</exception>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        Guard.PointLength(x.Length, Dimension, nameof(x));
        Span<double> terms = _components.Length <= 64 ? stackalloc double[_components.Length] : new double[_components.Length];
        Span<double> z = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        double logDensity = LogDensityUnchecked(x, terms, z);
        if (!double.IsFinite(logDensity))
        {
            Guard.AllFinite(x, nameof(x));
        }

        return logDensity;
    }

    /// <summary>The natural log of the density at many points, written to <paramref name="destination"/>.</summary>
    /// <remarks>
    /// log p(x) = logsumexpₖ (ln wₖ + ln Nₖ(x)) at each point. The exponentials and logarithms run
    /// as SIMD span kernels (System.Numerics.Tensors), so results can differ from the one-point
    /// overload in the last bit or two.
    /// </remarks>
    /// <param name="points">m points of <see cref="Dimension"/> finite coordinates each, row by row (length m·d).</param>
    /// <param name="destination">Receives log p at each point; length m.</param>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="points"/> is not <see cref="Dimension"/> times the length of <paramref name="destination"/>,
    /// or a coordinate is NaN or infinite.
    /// </exception>
    public void LogDensity(ReadOnlySpan<double> points, Span<double> destination)
    {
        int d = Dimension;
        int components = _components.Length;
        Guard.BatchShape(points.Length, destination.Length, d, nameof(points));
        Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
        if (components > MaxBatchedComponents)
        {
            Span<double> terms = components <= 64 ? stackalloc double[components] : new double[components];
            for (int i = 0; i < destination.Length; i++)
            {
                double logDensity = LogDensityUnchecked(points.Slice(i * d, d), terms, z);
                if (!double.IsFinite(logDensity))
                {
                    Guard.FiniteCoordinates(points, d, nameof(points), i);
                }

                destination[i] = logDensity;
            }

            return;
        }

        Span<double> scratch = stackalloc double[(MaxBatchedComponents + 2) * Batch];
        for (int start = 0; start < destination.Length; start += Batch)
        {
            int m = Math.Min(Batch, destination.Length - start);
            Span<double> max = scratch.Slice(components * Batch, m);
            Span<double> sum = scratch.Slice((components + 1) * Batch, m);
            for (int k = 0; k < components; k++)
            {
                Span<double> t = scratch.Slice(k * Batch, m);
                for (int i = 0; i < m; i++)
                {
                    t[i] = _weights[k] > 0
                        ? _logWeights[k] + _components[k].LogDensityUnchecked(points.Slice((start + i) * d, d), z)
                        : double.NegativeInfinity;
                }

                if (k == 0)
                {
                    t.CopyTo(max);
                }
                else
                {
                    TensorPrimitives.Max(max, t, max);
                }
            }

            sum.Clear();
            for (int k = 0; k < components; k++)
            {
                Span<double> t = scratch.Slice(k * Batch, m);
                TensorPrimitives.Subtract(t, max, t);
                TensorPrimitives.Exp(t, t);
                TensorPrimitives.Add(sum, t, sum);
            }

            TensorPrimitives.Log(sum, sum);
            Span<double> result = destination.Slice(start, m);
            TensorPrimitives.Add(max, sum, result);

            // Where every component underflowed to −∞, −∞ − (−∞) made NaN above; the density is 0 there. A non-finite
            // coordinate makes every component non-finite, so only these points need their coordinates checked.
            for (int i = 0; i < m; i++)
            {
                if (!double.IsFinite(result[i]))
                {
                    Guard.FiniteCoordinates(points, d, nameof(points), start + i);
                }

                if (double.IsNegativeInfinity(max[i]))
                {
                    result[i] = double.NegativeInfinity;
                }
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Per batch of points, one uniform draw per point picks component k with probability wₖ, then
    /// standard normal draws are mapped through each picked component's μ + L ξ.
    /// </remarks>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        int d = Dimension;
        int count = Guard.PointCount(destination.Length, d, nameof(destination));
        Span<int> picks = stackalloc int[Batch];
        for (int start = 0; start < count; start += Batch)
        {
            int m = Math.Min(Batch, count - start);
            for (int n = 0; n < m; n++)
            {
                double u = random.NextDouble();
                int k = 0;
                while (k < _lastPositive && !(u < _cumulative[k]))
                {
                    k++;
                }

                picks[n] = k;
            }

            Span<double> block = destination.Slice(start * d, m * d);
            NormalSampler.Fill(random, block);
            for (int n = 0; n < m; n++)
            {
                _components[picks[n]].TransformStandard(block.Slice(n * d, d));
            }
        }
    }

    // <summary>log p(x) without validation; non-finite whenever a coordinate of <paramref name="x"/> is, as each component's is.</summary>
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
