using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>
/// Independent Gaussian observations around the decoder output, x ~ N(μ(z), diag(σ²)), with a fixed
/// variance or a learned per-feature log-variance.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// log p(x|z) = −½ Σⱼ [ln 2π + log σⱼ² + (xⱼ − μⱼ)² / σⱼ²]. With a fixed variance the loss is
/// squared error scaled by 1/(2σ²) plus a constant; with a learned one the variance is the parameter
/// <c>log_variance</c> (shape [features]) of this module, trained with the model that registers it.
/// </remarks>
public sealed class GaussianLikelihood<T> : Likelihood<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5);
    private static readonly T LogTwoPi = T.CreateChecked(Numerics.LnTwoPi);

    private readonly T _fixedLogVariance;

    // σ² is kept in [2^−(e−1), 2^(e−1)], 2^e the largest power of two of T, so that σ² and the precision 1/σ² are
    // both normal numbers of T and log p(x|z) is finite whenever the squared errors are: [2⁻¹²⁶, 2¹²⁶] ≈
    // [1.2e-38, 8.5e37] for float, [2⁻¹⁰²², 2¹⁰²²] ≈ [2.2e-308, 4.5e307] for double.
    private static readonly int MaxExponent = T.ILogB(T.BitDecrement(T.PositiveInfinity)) - 1;
    private static readonly double MinVariance = Math.ScaleB(1.0, -MaxExponent);
    private static readonly double MaxVariance = Math.ScaleB(1.0, MaxExponent);

    /// <summary>Creates the likelihood with a fixed variance σ² shared by every feature.</summary>
    /// <param name="variance">σ², in [2⁻¹²⁶, 2¹²⁶] ≈ [1.2e-38, 8.5e37] for float, [2⁻¹⁰²², 2¹⁰²²] ≈ [2.2e-308, 4.5e307] for double (σ in [2⁻⁶³, 2⁶³] and [2⁻⁵¹¹, 2⁵¹¹]).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variance"/> is NaN or outside that range: σ² or 1/σ² would not be a normal number of <typeparamref name="T"/> and the log-likelihood would turn NaN.</exception>
    public GaussianLikelihood(double variance)
    {
        Guard.InRange(variance, MinVariance, MaxVariance, nameof(variance));
        _fixedLogVariance = T.CreateChecked(Math.Log(variance));
        Variance = variance;
    }

    /// <summary>Creates the likelihood with a learned log-variance per feature, registered as the parameter <c>log_variance</c>.</summary>
    /// <param name="features">The number of features, ≥ 1.</param>
    /// <param name="initialVariance">The starting σ² of every feature, in the range of the fixed-variance constructor, [2⁻¹²⁶, 2¹²⁶] for float and [2⁻¹⁰²², 2¹⁰²²] for double.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="features"/> is below 1 or so large that its log-variances cannot be allocated (more than <see cref="Array.MaxLength"/>, or more memory than the process has), or <paramref name="initialVariance"/> is NaN or outside that range.</exception>
    public GaussianLikelihood(int features, double initialVariance)
    {
        Guard.InRange(features, 1, int.MaxValue, nameof(features));
        Guard.InRange(initialVariance, MinVariance, MaxVariance, nameof(initialVariance));
        LogVariance = RegisterParameter("log_variance", LearnedLogVariance(features, T.CreateChecked(Math.Log(initialVariance))));
    }

    // <summary>
    // The [features] log-variances. The count comes straight from the caller and one array is the whole request, so a
    // failed allocation leaves nothing behind and is the caller's size being too large for this process, said as such.
    // </summary>
    private static AutodiffTensor<T> LearnedLogVariance(int features, T logVariance)
    {
        try
        {
            return AutodiffTensor.Full(logVariance, features);
        }
        catch (OutOfMemoryException e)
        {
            long bytes = (long)features * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            throw new ArgumentOutOfRangeException(
                nameof(features), features, $"features is {features}; its learned log-variances need {bytes} bytes, which this process cannot allocate ({e.Message}).");
        }
    }

    /// <summary>The fixed variance σ², or null when the variance is learned.</summary>
    public double? Variance { get; }

    /// <summary>The learned log-variances log σⱼ² (shape [features]), or null when the variance is fixed.</summary>
    public AutodiffTensor<T>? LogVariance { get; }

    /// <summary>The mean reconstruction E[x|z] = μ(z): the decoder output itself.</summary>
    /// <param name="input">The decoder output μ, any shape.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }

    /// <inheritdoc/>
    /// <remarks>−½ Σⱼ [ln 2π + log σⱼ² + (xⱼ − μⱼ)² / σⱼ²] over the feature axis.</remarks>
    protected override AutodiffTensor<T> LogProbCore(AutodiffTensor<T> output, AutodiffTensor<T> x)
    {
        var squared = (x - output).Square();
        if (LogVariance is null)
        {
            T precision = T.Exp(-_fixedLogVariance);
            T constant = T.CreateChecked(x.Shape[^1]) * Half * (LogTwoPi + _fixedLogVariance);
            return (squared.Sum(-1) * (-Half * precision)) - constant;
        }

        return ((squared * (-LogVariance).Exp()) + LogVariance + LogTwoPi).Sum(-1) * -Half;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An element is NaN or infinite, or the variance is learned and the feature count differs from the number of log-variances.</exception>
    protected override void ValidateObservations(AutodiffTensor<T> x, string paramName)
    {
        base.ValidateObservations(x, paramName);
        if (LogVariance is not null)
        {
            Guard.TrailingShape(x, LogVariance.Shape, paramName, "the learned log-variance");
        }
    }
}
