using System.Numerics;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>
/// A Gaussian with full covariance Σ = L Lᵀ, parameterised by its mean and lower-triangular
/// Cholesky factor L (positive diagonal) as tensors, so every member is differentiable.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks and fitting.</typeparam>
/// <remarks>
/// <para>
/// One Gaussian has mean [d] and factor [d, d]; a batch has mean [batch, d] and factor
/// [batch, d, d]. Create one from unconstrained parameters with
/// <see cref="CholeskyGaussian.FromUnconstrained{T}(AutodiffTensor{T}, AutodiffTensor{T})"/> to optimise it,
/// or from the core library's <see cref="Gaussian"/> with <see cref="CholeskyGaussian.FromGaussian{T}(Gaussian)"/>.
/// </para>
/// <para>
/// Densities solve L y = z − μ by forward substitution composed of tensor operations (O(d) graph
/// nodes of O(d) work each per point), which suits the small d of fitting problems. Results are in nats.
/// </para>
/// </remarks>
public sealed class CholeskyGaussian<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5);
    private static readonly T LogTwoPi = T.CreateChecked(Numerics.LnTwoPi);

    private readonly AutodiffTensor<T> _logDiagonal;

    /// <summary>Creates N(<paramref name="mean"/>, L Lᵀ) with L = <paramref name="scaleTril"/>.</summary>
    /// <param name="mean">μ, shape [d] or [batch, d] with d ≥ 1, finite.</param>
    /// <param name="scaleTril">L, shape [d, d] or [batch, d, d] to match: finite, zero above the diagonal, positive on it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// A shape is wrong, an element is not finite, <paramref name="scaleTril"/> has a non-zero entry above
    /// its diagonal or a diagonal entry ≤ 0.
    /// </exception>
    public CholeskyGaussian(AutodiffTensor<T> mean, AutodiffTensor<T> scaleTril)
        : this(mean, scaleTril, null)
    {
    }

    // <summary>Creates the Gaussian from a validated factor whose log-diagonal is already known (from unconstrained parameters).</summary>
    internal CholeskyGaussian(AutodiffTensor<T> mean, AutodiffTensor<T> scaleTril, AutodiffTensor<T>? logDiagonal)
    {
        Guard.MinimumRank(mean, 1, "[d] or [batch, d]", nameof(mean));
        ArgumentNullException.ThrowIfNull(scaleTril);
        if (mean.Rank > 2 || mean.Shape[^1] == 0)
        {
            throw new ArgumentException($"mean has shape {Shapes.Format(mean.Shape)}; expected [d] or [batch, d] with d >= 1.", nameof(mean));
        }

        Span<int> factorShape = stackalloc int[mean.Rank + 1];
        mean.Shape.CopyTo(factorShape);
        factorShape[^1] = mean.Shape[^1];
        if (!scaleTril.Shape.SequenceEqual(factorShape))
        {
            throw new ArgumentException(
                $"scaleTril has shape {Shapes.Format(scaleTril.Shape)} but mean has shape {Shapes.Format(mean.Shape)}; the factor must have shape {Shapes.Format(factorShape)}.",
                nameof(scaleTril));
        }

        Guard.AllFinite(mean, nameof(mean));
        Guard.AllFinite(scaleTril, nameof(scaleTril));
        ValidateLowerTriangular(scaleTril, mean.Shape[^1]);
        Mean = mean;
        ScaleTril = scaleTril;
        _logDiagonal = logDiagonal ?? scaleTril.Diagonal().Log();
    }

    /// <summary>The mean μ, shape [d] or [batch, d].</summary>
    public AutodiffTensor<T> Mean { get; }

    /// <summary>The Cholesky factor L, shape [d, d] or [batch, d, d].</summary>
    public AutodiffTensor<T> ScaleTril { get; }

    /// <summary>The dimension d.</summary>
    public int Dimension => Mean.Shape[^1];

    /// <summary>The covariance Σ = L Lᵀ, differentiable.</summary>
    /// <returns>A tensor of the factor's shape.</returns>
    public AutodiffTensor<T> Covariance() => AutodiffTensor.MatMul(ScaleTril, ScaleTril.Transpose());

    /// <summary>Draws one reparameterised sample from each Gaussian, so gradients flow into μ and L.</summary>
    /// <remarks>z = μ + L ξ with ξ ~ N(0, I) drawn from <paramref name="random"/>.</remarks>
    /// <param name="random">The source of ξ; the same seed gives the same bits.</param>
    /// <returns>z, the shape of <see cref="Mean"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public AutodiffTensor<T> RSample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Transform(AutodiffTensor.RandomNormal(random, T.Zero, T.One, Mean.Shape));
    }

    /// <summary>Draws <paramref name="samples"/> reparameterised samples from each Gaussian along a new leading axis.</summary>
    /// <remarks>z[l] = μ + L ξ[l] with ξ ~ N(0, I) drawn in one block of shape [L, ..., d].</remarks>
    /// <param name="random">The source of ξ; the same seed gives the same bits.</param>
    /// <param name="samples">The number of samples, ≥ 1.</param>
    /// <returns>z, shape [samples, ..., d].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1, or samples × the mean's elements × d exceeds <see cref="int.MaxValue"/>.</exception>
    public AutodiffTensor<T> RSample(Random random, int samples)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.InRange(samples, 1, int.MaxValue, nameof(samples));

        // L ξ is summed from the products Lᵢⱼ ξⱼ, a block d times the size of the samples.
        Guard.ElementCount(nameof(samples), "samples × the mean's elements × d (the products L ξ)", samples, Mean.Length, Dimension);
        Span<int> shape = stackalloc int[Mean.Rank + 1];
        shape[0] = samples;
        Mean.Shape.CopyTo(shape[1..]);
        return Transform(AutodiffTensor.RandomNormal(random, T.Zero, T.One, shape));
    }

    /// <summary>The log-density of each Gaussian at <paramref name="z"/>.</summary>
    /// <remarks>log q(z) = −½ (d ln 2π + 2 Σᵢ ln Lᵢᵢ + ‖y‖²) with L y = z − μ.</remarks>
    /// <param name="z">Points, shape [S..., ..., d]: the shape of <see cref="Mean"/> with optional leading sample axes.</param>
    /// <returns>log q(z) in nats, shape [S..., ...].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="z"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="z"/> does not end in the shape of <see cref="Mean"/>.</exception>
    public AutodiffTensor<T> LogProb(AutodiffTensor<T> z)
    {
        ArgumentNullException.ThrowIfNull(z);
        Guard.TrailingShape(z, Mean.Shape, nameof(z), "the mean");
        var squared = SolveLower(ScaleTril, z - Mean).Square().Sum(-1);
        return ((squared + (_logDiagonal.Sum(-1) * T.CreateChecked(2))) + (T.CreateChecked(Dimension) * LogTwoPi)) * -Half;
    }

    /// <summary>The differential entropy of each Gaussian.</summary>
    /// <remarks>h = ½ d (1 + ln 2π) + Σᵢ ln Lᵢᵢ.</remarks>
    /// <returns>h in nats, shape [] or [batch].</returns>
    public AutodiffTensor<T> Entropy() => _logDiagonal.Sum(-1) + (Half * T.CreateChecked(Dimension) * (T.One + LogTwoPi));

    /// <summary>The Kullback–Leibler divergence KL(this‖<paramref name="other"/>), in closed form.</summary>
    /// <remarks>
    /// KL = ½ (‖L_q⁻¹ L_p‖²_F + ‖L_q⁻¹ (μ_q − μ_p)‖² − d + 2 Σᵢ ln L_q,ᵢᵢ − 2 Σᵢ ln L_p,ᵢᵢ), with p this
    /// distribution and q <paramref name="other"/>: the formula of <see cref="Gaussian.KullbackLeibler(Gaussian, Gaussian, LogBase)"/>.
    /// </remarks>
    /// <param name="other">q, with parameters of the same shapes.</param>
    /// <returns>KL in nats, ≥ 0 up to rounding, shape [] or [batch].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The parameter shapes differ.</exception>
    public AutodiffTensor<T> KullbackLeibler(CholeskyGaussian<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Guard.SameShape(Mean, other.Mean, "this mean", nameof(other));

        // Row j of the transposed factor is column j of L_p; solving each gives L_q⁻¹ L_p column by column.
        var columns = ScaleTril.Transpose();
        if (Mean.Rank == 2)
        {
            columns = columns.Transpose(0, 1);
        }

        var trace = SolveLower(other.ScaleTril, columns).Square().Sum(-1).Sum(0);
        var mahalanobis = SolveLower(other.ScaleTril, other.Mean - Mean).Square().Sum(-1);
        var logDeterminants = (other._logDiagonal.Sum(-1) - _logDiagonal.Sum(-1)) * T.CreateChecked(2);
        return (trace + mahalanobis + logDeterminants - T.CreateChecked(Dimension)) * Half;
    }

    /// <summary>The Kullback–Leibler divergence KL(this‖N(0, I)), in closed form.</summary>
    /// <remarks>KL = ½ (‖L‖²_F + ‖μ‖² − d − 2 Σᵢ ln Lᵢᵢ).</remarks>
    /// <returns>KL in nats, ≥ 0 up to rounding, shape [] or [batch].</returns>
    public AutodiffTensor<T> KullbackLeiblerToStandardNormal()
    {
        var frobenius = ScaleTril.Square().Sum(-1).Sum(-1);
        var mahalanobis = Mean.Square().Sum(-1);
        return (frobenius + mahalanobis - (_logDiagonal.Sum(-1) * T.CreateChecked(2)) - T.CreateChecked(Dimension)) * Half;
    }

    /// <summary>One Gaussian of this batch as the core library's <see cref="Gaussian"/>, for evaluation outside the graph.</summary>
    /// <param name="index">The Gaussian, in [0, batch) (0 when the parameters are unbatched).</param>
    /// <returns>N(μ, L Lᵀ) in double precision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, batch).</exception>
    public Gaussian ToGaussian(int index)
    {
        int d = Dimension;
        int rows = Mean.Length / d;
        Guard.InRange(index, 0, rows - 1, nameof(index));
        var mu = Mean.Values.Slice(index * d, d);
        var factor = ScaleTril.Values.Slice(index * d * d, d * d);
        var mean = new double[d];
        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            mean[i] = double.CreateChecked(mu[i]);
            for (int j = 0; j < d; j++)
            {
                double sum = 0;
                for (int k = 0; k <= Math.Min(i, j); k++)
                {
                    sum += double.CreateChecked(factor[(i * d) + k]) * double.CreateChecked(factor[(j * d) + k]);
                }

                covariance[i, j] = sum;
            }
        }

        return new Gaussian(mean, covariance);
    }

    // <summary>
    // Solves L y = r by forward substitution on the last axis, differentiably in both L and r.
    // L is [d, d] or [batch, d, d]; r is [S..., d] or [S..., batch, d].
    // </summary>
    internal static AutodiffTensor<T> SolveLower(AutodiffTensor<T> factor, AutodiffTensor<T> right)
    {
        int d = factor.Shape[^1];
        var diagonal = factor.Diagonal();
        Span<int> rowShape = stackalloc int[factor.Rank - 1];
        factor.Shape[..^2].CopyTo(rowShape);
        var parts = new AutodiffTensor<T>[d];
        for (int i = 0; i < d; i++)
        {
            var residual = right.Slice(-1, i, 1);
            if (i > 0)
            {
                rowShape[^1] = i;
                var row = factor.Slice(-2, i, 1).Slice(-1, 0, i).Reshape(rowShape);
                var solved = i == 1 ? parts[0] : AutodiffTensor.Concat(-1, parts[..i]);
                residual -= (solved * row).Sum(-1, keepDims: true);
            }

            parts[i] = residual / diagonal.Slice(-1, i, 1);
        }

        return d == 1 ? parts[0] : AutodiffTensor.Concat(-1, parts);
    }

    private AutodiffTensor<T> Transform(AutodiffTensor<T> noise)
    {
        // L ξ as Σⱼ Lᵢⱼ ξⱼ: broadcasting ξ as a row against L works for any leading sample axes.
        Span<int> rowShape = stackalloc int[noise.Rank + 1];
        noise.Shape.CopyTo(rowShape);
        rowShape[^1] = Dimension;
        rowShape[^2] = 1;
        return Mean + (ScaleTril * noise.Reshape(rowShape)).Sum(-1);
    }

    private static void ValidateLowerTriangular(AutodiffTensor<T> scaleTril, int d)
    {
        var values = scaleTril.Values;
        for (int k = 0; k < values.Length; k++)
        {
            int i = (k / d) % d, j = k % d;
            if (j > i && values[k] != T.Zero)
            {
                throw new ArgumentException(
                    $"scaleTril[{k}] (row {i}, column {j}) is {Guard.Format(double.CreateChecked(values[k]))}; a Cholesky factor must be zero above its diagonal.",
                    nameof(scaleTril));
            }

            if (j == i && !(values[k] > T.Zero))
            {
                throw new ArgumentException(
                    $"scaleTril[{k}] (diagonal entry {i}) is {Guard.Format(double.CreateChecked(values[k]))}; a Cholesky factor's diagonal must be > 0.",
                    nameof(scaleTril));
            }
        }
    }
}
