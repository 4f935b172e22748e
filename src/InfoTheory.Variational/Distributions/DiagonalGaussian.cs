using System.Numerics;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>
/// A batch of Gaussians with independent coordinates, N(μ, diag(σ²)), parameterised by mean and
/// log-variance tensors so every member is differentiable: the encoder distribution q(z|x) of a VAE.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// Both parameters have shape [..., d] (typically [batch, d]); each row is one Gaussian. The
/// log-variance parameterisation keeps σ² = exp(log σ²) positive without constraints.
/// Results are in nats.
/// </remarks>
public sealed class DiagonalGaussian<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5);
    private static readonly T LogTwoPi = T.CreateChecked(Numerics.LnTwoPi);

    /// <summary>Creates the Gaussians N(<paramref name="mean"/>, diag(exp(<paramref name="logVariance"/>))).</summary>
    /// <param name="mean">μ, shape [..., d] with d ≥ 1, finite.</param>
    /// <param name="logVariance">log σ², the same shape as <paramref name="mean"/>, finite.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="mean"/> is a scalar or has d = 0, the shapes differ, or an element is NaN or infinite.
    /// </exception>
    public DiagonalGaussian(AutodiffTensor<T> mean, AutodiffTensor<T> logVariance)
    {
        Guard.MinimumRank(mean, 1, "[..., d] with d >= 1", nameof(mean));
        ArgumentNullException.ThrowIfNull(logVariance);
        Guard.NotEmpty(mean.Shape[^1], nameof(mean));
        Guard.SameShape(mean, logVariance, nameof(mean), nameof(logVariance));
        Guard.AllFinite(mean, nameof(mean));
        Guard.AllFinite(logVariance, nameof(logVariance));
        Mean = mean;
        LogVariance = logVariance;
    }

    private DiagonalGaussian(AutodiffTensor<T> mean, AutodiffTensor<T> logVariance, bool _)
    {
        Mean = mean;
        LogVariance = logVariance;
    }

    // <summary>
    // Wraps encoder heads of matching shapes without checking their values: in training, an overflowing head must
    // show as a non-finite loss that the divergence guard handles, not as an argument error from inside the step.
    // </summary>
    internal static DiagonalGaussian<T> Unchecked(AutodiffTensor<T> mean, AutodiffTensor<T> logVariance) => new(mean, logVariance, false);

    /// <summary>The means μ, shape [..., d].</summary>
    public AutodiffTensor<T> Mean { get; }

    /// <summary>The log-variances log σ², shape [..., d].</summary>
    public AutodiffTensor<T> LogVariance { get; }

    /// <summary>The dimension d of each Gaussian (the last extent).</summary>
    public int Dimension => Mean.Shape[^1];

    /// <summary>The standard deviations σ = exp(½ log σ²), shape [..., d], differentiable.</summary>
    /// <returns>A new tensor.</returns>
    public AutodiffTensor<T> StandardDeviation() => (LogVariance * Half).Exp();

    /// <summary>Draws one reparameterised sample from each Gaussian, so gradients flow into μ and log σ².</summary>
    /// <remarks>z = μ + σ·ξ with ξ ~ N(0, I) drawn from <paramref name="random"/> (Kingma and Welling 2014, "Auto-Encoding Variational Bayes").</remarks>
    /// <param name="random">The source of ξ; the same seed gives the same bits.</param>
    /// <returns>z, the shape of <see cref="Mean"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public AutodiffTensor<T> RSample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var noise = AutodiffTensor.RandomNormal(random, T.Zero, T.One, Mean.Shape);
        return Mean + (StandardDeviation() * noise);
    }

    /// <summary>Draws <paramref name="samples"/> reparameterised samples from each Gaussian along a new leading axis.</summary>
    /// <remarks>
    /// z[l] = μ + σ·ξ[l] with ξ ~ N(0, I); the noise is drawn in one block of shape [L, ..., d], so
    /// L = 1 consumes exactly the numbers <see cref="RSample(Random)"/> does.
    /// </remarks>
    /// <param name="random">The source of ξ; the same seed gives the same bits.</param>
    /// <param name="samples">L ≥ 1.</param>
    /// <returns>z, shape [L, ..., d].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1, or L × the mean's elements exceeds <see cref="int.MaxValue"/>.</exception>
    public AutodiffTensor<T> RSample(Random random, int samples)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.InRange(samples, 1, int.MaxValue, nameof(samples));
        Guard.ElementCount(nameof(samples), "samples × the mean's elements", samples, Mean.Length);
        Span<int> shape = stackalloc int[Mean.Rank + 1];
        shape[0] = samples;
        Mean.Shape.CopyTo(shape[1..]);
        var noise = AutodiffTensor.RandomNormal(random, T.Zero, T.One, shape);
        return Mean + (StandardDeviation() * noise);
    }

    /// <summary>The log-density of each Gaussian at <paramref name="z"/>, summed over the d coordinates.</summary>
    /// <remarks>log q(z) = −½ Σⱼ [ln 2π + log σⱼ² + (zⱼ − μⱼ)² / σⱼ²].</remarks>
    /// <param name="z">Points, shape [S..., ..., d]: the shape of <see cref="Mean"/> with optional leading sample axes.</param>
    /// <returns>log q(z) in nats, shape [S..., ...] (the last axis summed away).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="z"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="z"/> does not end in the shape of <see cref="Mean"/>.</exception>
    public AutodiffTensor<T> LogProb(AutodiffTensor<T> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        Guard.TrailingShape(z, Mean.Shape, nameof(z), "the mean");
        var squared = (z - Mean).Square() * (-LogVariance).Exp();
        return ((squared + LogVariance + LogTwoPi) * -Half).Sum(-1);
    }

    /// <summary>The differential entropy of each Gaussian.</summary>
    /// <remarks>h = ½ Σⱼ (1 + ln 2π + log σⱼ²).</remarks>
    /// <returns>h in nats, shape [...] (the shape of <see cref="Mean"/> without its last axis).</returns>
    public AutodiffTensor<T> Entropy() => ((LogVariance + (T.One + LogTwoPi)) * Half).Sum(-1);

    /// <summary>The Kullback–Leibler divergence KL(this‖<paramref name="other"/>) row by row, in closed form.</summary>
    /// <remarks>
    /// KL = ½ Σⱼ [log σ_qⱼ² − log σ_pⱼ² + (σ_pⱼ² + (μ_pⱼ − μ_qⱼ)²) / σ_qⱼ² − 1], with p this
    /// distribution and q <paramref name="other"/>: the diagonal case of
    /// <see cref="Gaussian.KullbackLeibler(Gaussian, Gaussian, LogBase)"/>, which it matches.
    /// </remarks>
    /// <param name="other">q, with the same shape of parameters.</param>
    /// <returns>KL in nats, ≥ 0 up to rounding, shape [...].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The parameter shapes differ.</exception>
    public AutodiffTensor<T> KullbackLeibler(DiagonalGaussian<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Guard.SameShape(Mean, other.Mean, "this mean", nameof(other));
        var ratio = (LogVariance - other.LogVariance).Exp();
        var distance = (Mean - other.Mean).Square() * (-other.LogVariance).Exp();
        return ((ratio + distance - (LogVariance - other.LogVariance) - T.One) * Half).Sum(-1);
    }

    /// <summary>The Kullback–Leibler divergence KL(this‖N(0, I)) row by row: the KL term of the VAE loss.</summary>
    /// <remarks>KL = −½ Σⱼ (1 + log σⱼ² − μⱼ² − σⱼ²) (Kingma and Welling 2014, appendix B).</remarks>
    /// <returns>KL in nats, ≥ 0 up to rounding, shape [...].</returns>
    public AutodiffTensor<T> KullbackLeiblerToStandardNormal()
        => ((LogVariance.Exp() + Mean.Square() - LogVariance - T.One) * Half).Sum(-1);

    /// <summary>One row of this batch as the core library's <see cref="Gaussian"/>, for evaluation outside the graph.</summary>
    /// <param name="index">The row, in [0, rows) where rows is the number of Gaussians (1 for parameters of shape [d]).</param>
    /// <returns>N(μ, diag(σ²)) of that row, in double precision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, rows).</exception>
    /// <exception cref="InvalidOperationException">A log-variance of the row is so large or so small that exp of it overflows to ∞ or underflows to 0 in double.</exception>
    public Gaussian ToGaussian(int index)
    {
        int d = Dimension;
        int rows = Mean.Length / d;
        Guard.InRange(index, 0, rows - 1, nameof(index));
        var mean = new double[d];
        var variances = new double[d];
        var mu = Mean.Values.Slice(index * d, d);
        var logVariance = LogVariance.Values.Slice(index * d, d);
        for (int j = 0; j < d; j++)
        {
            mean[j] = double.CreateChecked(mu[j]);
            variances[j] = Math.Exp(double.CreateChecked(logVariance[j]));
            if (!(variances[j] > 0) || double.IsPositiveInfinity(variances[j]))
            {
                // The distribution itself is fine in the graph; only the double-precision Gaussian cannot hold it.
                throw new InvalidOperationException(
                    $"LogVariance of row {index}, coordinate {j} is {Guard.Format(double.CreateChecked(logVariance[j]))}; its exp, the variance, is {Guard.Format(variances[j])}, " +
                    "which no Gaussian in double precision can hold (log σ² must lie in about [-745, 709]).");
            }
        }

        return Gaussian.Diagonal(mean, variances);
    }
}
