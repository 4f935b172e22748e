using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>A finite mixture of full-covariance Gaussians with a differentiable log-density, p(z) = Σₖ wₖ N(z; μₖ, Lₖ Lₖᵀ).</summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks and fitting.</typeparam>
/// <remarks>
/// log p(z) = logsumexpₖ (ln wₖ + ln Nₖ(z)), computed without overflow, so gradients reach the
/// points, the log-weights and the components' parameters (reverse-KL fitting needs ∂ log p / ∂z).
/// The core library's <see cref="Continuous.GaussianMixture"/> is the non-differentiable counterpart.
/// </remarks>
public sealed class DifferentiableGaussianMixture<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly double NormalizationTolerance = 1e-5;

    private readonly CholeskyGaussian<T>[] _components;

    /// <summary>Creates the mixture from log-weights and unbatched components.</summary>
    /// <param name="logWeights">ln wₖ, shape [K]: each finite or −∞, with Σₖ wₖ = 1 within 1e-5 (use <c>logits.LogSoftmax()</c> for learned weights).</param>
    /// <param name="components">K Gaussians, each with mean [d] and factor [d, d], all of one dimension.</param>
    /// <exception cref="ArgumentNullException">An argument or component is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="logWeights"/> is not [K] with K the number of components, holds NaN or +∞, or does not
    /// exponentiate to weights summing to 1; a component is batched or of another dimension.
    /// </exception>
    public DifferentiableGaussianMixture(AutodiffTensor<T> logWeights, IReadOnlyList<CholeskyGaussian<T>> components)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        ArgumentNullException.ThrowIfNull(components);
        Guard.NotEmpty(components.Count, nameof(components));
        if (logWeights.Rank != 1 || logWeights.Length != components.Count)
        {
            throw new ArgumentException(
                $"logWeights has shape {Shapes.Format(logWeights.Shape)}; expected [{components.Count}], one log-weight per component.", nameof(logWeights));
        }

        _components = new CholeskyGaussian<T>[components.Count];
        for (int k = 0; k < components.Count; k++)
        {
            var component = components[k] ?? throw new ArgumentNullException(nameof(components), $"components[{k}] is null.");
            if (component.Mean.Rank != 1 || component.Dimension != components[0].Dimension)
            {
                throw new ArgumentException(
                    $"components[{k}] has mean shape {Shapes.Format(component.Mean.Shape)}; every component must be unbatched with dimension {components[0].Dimension}.",
                    nameof(components));
            }

            _components[k] = component;
        }

        double sum = 0;
        var values = logWeights.Values;
        for (int k = 0; k < values.Length; k++)
        {
            double v = double.CreateChecked(values[k]);
            if (double.IsNaN(v) || double.IsPositiveInfinity(v))
            {
                throw new ArgumentException($"logWeights[{k}] is {Guard.Format(v)}; log-weights must be finite or -∞.", nameof(logWeights));
            }

            sum += Math.Exp(v);
        }

        if (Math.Abs(sum - 1) > NormalizationTolerance)
        {
            throw new ArgumentException(
                $"logWeights exponentiate to weights summing to {Guard.Format(sum)}; they must sum to 1 (within {Guard.Format(NormalizationTolerance)}).", nameof(logWeights));
        }

        LogWeights = logWeights;
    }

    /// <summary>Creates the constant differentiable copy of the core library's mixture, for log-densities inside a graph.</summary>
    /// <param name="mixture">The mixture; its weights and components are copied (rounded to <typeparamref name="T"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="mixture"/> is null.</exception>
    public DifferentiableGaussianMixture(Continuous.GaussianMixture mixture)
        : this(LogWeightsOf(mixture), ComponentsOf(mixture))
    {
    }

    /// <summary>The log-weights ln wₖ, shape [K].</summary>
    public AutodiffTensor<T> LogWeights { get; }

    /// <summary>The components, in the order of <see cref="LogWeights"/>.</summary>
    public IReadOnlyList<CholeskyGaussian<T>> Components => _components;

    /// <summary>The dimension d shared by the components.</summary>
    public int Dimension => _components[0].Dimension;

    /// <summary>The log-density of the mixture at each point.</summary>
    /// <remarks>log p(z) = logsumexpₖ (ln wₖ + ln Nₖ(z)).</remarks>
    /// <param name="z">Points, shape [..., d].</param>
    /// <returns>log p(z) in nats, shape [...].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="z"/> is null.</exception>
    /// <exception cref="ArgumentException">The last extent of <paramref name="z"/> is not d.</exception>
    public AutodiffTensor<T> LogProb(AutodiffTensor<T> z)
    {
        Guard.MinimumRank(z, 1, $"[..., {Dimension}]", nameof(z));
        Guard.TrailingShape(z, [Dimension], nameof(z), "the mixture's dimension");
        Span<int> columnShape = stackalloc int[z.Rank];
        z.Shape[..^1].CopyTo(columnShape);
        columnShape[^1] = 1;
        var terms = new AutodiffTensor<T>[_components.Length];
        for (int k = 0; k < terms.Length; k++)
        {
            terms[k] = _components[k].LogProb(z).Reshape(columnShape);
        }

        var stacked = terms.Length == 1 ? terms[0] : AutodiffTensor.Concat(-1, terms);
        return (stacked + LogWeights).LogSumExp(-1);
    }

    private static AutodiffTensor<T> LogWeightsOf(Continuous.GaussianMixture mixture)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        var logWeights = new T[mixture.Weights.Length];
        for (int k = 0; k < logWeights.Length; k++)
        {
            logWeights[k] = T.CreateChecked(Math.Log(mixture.Weights[k]));
        }

        return AutodiffTensor.FromValues<T>(logWeights, logWeights.Length);
    }

    private static CholeskyGaussian<T>[] ComponentsOf(Continuous.GaussianMixture mixture)
        => [.. mixture.Components.Select(CholeskyGaussian.FromGaussian<T>)];
}
