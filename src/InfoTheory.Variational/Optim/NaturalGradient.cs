using System.Numerics;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;

namespace InfoTheory.Variational.Optim;

/// <summary>
/// Natural-gradient descent for a <see cref="DiagonalGaussian{T}"/>'s mean and log-variance: each coordinate takes the
/// step θ ← θ − η G(θ)⁻¹∇θ in its natural parameters θ = (μ/σ², −1/(2σ²)), the Fisher metric's steepest descent.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// <para>Every element of the distribution's parameters is one univariate Gaussian N(μ, σ²) with s = log σ². In natural
/// parameters the natural gradient is the gradient with respect to the expectation parameters (μ, μ² + σ²)
/// (<see cref="InfoTheory.Geometry.ExponentialFamily.NaturalGradientNatural"/> of <see cref="InfoTheory.Geometry.GaussianFamily"/>). Written back in (μ, s) through the chain
/// rule from the gradients gμ = ∂f/∂μ and gₛ = ∂f/∂s the autodiff graph gives, the step is, in closed form,
/// r = 1 + 2η gₛ, s ← s − ln r, μ ← μ − η σ² gμ / r
/// (Amari 1998, "Natural gradient works efficiently in learning"; Khan and Rue 2023, "The Bayesian learning rule", JMLR).</para>
/// <para>At η = 1 the step on KL(q ‖ p) between diagonal Gaussians lands on p exactly: the natural gradient of
/// KL(q_θ ‖ p_θ′) = B_ψ(θ′ : θ) in θ is θ − θ′. A step with r ≤ 0 would make the precision 1/σ² non-positive, which no Gaussian
/// has: <see cref="Optimizer{T}.Step"/> then throws <see cref="InvalidOperationException"/> before changing anything; lower the
/// learning rate below 1/(−2gₛ).</para>
/// <para>The optimizer is stateless: <see cref="Optimizer{T}.SaveState"/> writes no buffers and <see cref="Optimizer{T}.LoadState"/>
/// reads only the metadata.</para>
/// </remarks>
public sealed class NaturalGradient<T> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _next = new T[2][];

    /// <summary>Creates the optimizer over the mean and log-variance of <paramref name="distribution"/>.</summary>
    /// <param name="distribution">q = N(μ, diag(exp(log σ²))) whose <see cref="DiagonalGaussian{T}.Mean"/> and <see cref="DiagonalGaussian{T}.LogVariance"/> are distinct tensors that require gradients.</param>
    /// <param name="learningRate">η, finite and &gt; 0; 1 is the full natural-gradient step.</param>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException">The mean or the log-variance does not require gradients, or they are the same tensor.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not finite and positive.</exception>
    public NaturalGradient(DiagonalGaussian<T> distribution, double learningRate)
        : base(ParametersOf(distribution), learningRate)
    {
        Distribution = distribution;
    }

    /// <summary>The distribution whose parameters this optimizer updates.</summary>
    public DiagonalGaussian<T> Distribution { get; }

    private protected override void BeginStep()
    {
        var mean = Parameters[0];
        var logVariance = Parameters[1];
        ReadOnlySpan<T> gMean = mean.HasGradient ? mean.GradientSpan : default;
        ReadOnlySpan<T> gLogVariance = logVariance.HasGradient ? logVariance.GradientSpan : default;
        double eta = LearningRate;

        // Every coordinate is checked before any value changes, so a step that leaves the family changes nothing.
        for (int i = 0; i < gLogVariance.Length; i++)
        {
            double r = 1 + (2 * eta * double.CreateChecked(gLogVariance[i]));
            if (r <= 0)
            {
                throw new InvalidOperationException(
                    $"The natural-gradient step at learning rate {InfoTheory.Internal.Guard.Format(eta)} would make the precision of coordinate {i} non-positive: " +
                    $"the log-variance gradient is {InfoTheory.Internal.Guard.Format(double.CreateChecked(gLogVariance[i]))}, so 1 + 2η·g is {InfoTheory.Internal.Guard.Format(r)}; " +
                    $"use a learning rate below {InfoTheory.Internal.Guard.Format(-0.5 / double.CreateChecked(gLogVariance[i]))}.");
            }
        }

        var nextMean = _next[0] ??= new T[mean.Length];
        var nextLogVariance = _next[1] ??= new T[logVariance.Length];
        ReadOnlySpan<T> mu = mean.Values, s = logVariance.Values;
        for (int i = 0; i < nextMean.Length; i++)
        {
            double gs = gLogVariance.IsEmpty ? 0 : double.CreateChecked(gLogVariance[i]);
            double gm = gMean.IsEmpty ? 0 : double.CreateChecked(gMean[i]);
            double r = 1 + (2 * eta * gs);
            double logVarianceValue = double.CreateChecked(s[i]);
            nextLogVariance[i] = T.CreateSaturating(logVarianceValue - Math.Log(r));
            nextMean[i] = T.CreateSaturating(double.CreateChecked(mu[i]) - (eta * Math.Exp(logVarianceValue) * gm / r));
        }
    }

    private protected override void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient)
        => _next[index].AsSpan(offset, values.Length).CopyTo(values);

    private static AutodiffTensor<T>[] ParametersOf(DiagonalGaussian<T> distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (ReferenceEquals(distribution.Mean, distribution.LogVariance))
        {
            throw new ArgumentException("distribution's Mean and LogVariance are the same tensor; natural-gradient steps need them as two parameters.", nameof(distribution));
        }

        // Checked here, not by the base, so the exception names this constructor's parameter.
        foreach ((string name, AutodiffTensor<T> tensor) in new[] { ("Mean", distribution.Mean), ("LogVariance", distribution.LogVariance) })
        {
            if (!tensor.RequiresGrad)
            {
                throw new ArgumentException($"distribution's {name} {tensor} does not require gradients, so no optimizer step could change it.", nameof(distribution));
            }
        }

        return [distribution.Mean, distribution.LogVariance];
    }
}
