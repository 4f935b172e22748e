using System.Numerics;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

/// <summary>Creates <see cref="CholeskyGaussian{T}"/> distributions from unconstrained parameters or from the core library's <see cref="Gaussian"/>.</summary>
public static class CholeskyGaussian
{
    /// <summary>
    /// Builds the Gaussian whose Cholesky factor is the strictly lower part of <paramref name="raw"/>
    /// plus the exponential of its diagonal: every real <paramref name="raw"/> is a valid factor, so
    /// it can be optimised without constraints.
    /// </summary>
    /// <remarks>L = tril(R, −1) + diag(exp(diag R)); ln det Σ = 2 Σᵢ Rᵢᵢ. Entries of R above the diagonal are ignored (their gradient is 0).</remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="mean">μ, shape [d] or [batch, d], finite.</param>
    /// <param name="raw">R, shape [d, d] or [batch, d, d] to match, finite.</param>
    /// <returns>N(μ, L Lᵀ), differentiable in μ and R.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A shape is wrong, an element is not finite, or a diagonal entry of R is so negative that exp underflows to 0.</exception>
    public static CholeskyGaussian<T> FromUnconstrained<T>(AutodiffTensor<T> mean, AutodiffTensor<T> raw)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.MinimumRank(raw, 2, "[d, d] or [batch, d, d]", nameof(raw));
        Guard.AllFinite(raw, nameof(raw));
        var logDiagonal = raw.Diagonal();
        var factor = raw.LowerTriangular(-1) + logDiagonal.Exp().DiagonalMatrix();
        try
        {
            return new CholeskyGaussian<T>(mean, factor, logDiagonal);
        }
        catch (ArgumentException e) when (e.ParamName == "scaleTril")
        {
            throw Guard.Restate(e, "the factor built from raw", nameof(raw));
        }
    }

    /// <summary>The core library's Gaussian as a (constant) differentiable one, for log-densities inside a graph.</summary>
    /// <remarks>L is the core Gaussian's own <see cref="Gaussian.CholeskyFactor"/> (not factored again), μ the mean, both rounded to <typeparamref name="T"/>.</remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="gaussian">The distribution.</param>
    /// <returns>N(μ, Σ) with mean [d] and factor [d, d], neither requiring gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gaussian"/> is null.</exception>
    public static CholeskyGaussian<T> FromGaussian<T>(Gaussian gaussian)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gaussian);
        int d = gaussian.Dimension;
        var factor = gaussian.CholeskyFactor;
        var mean = new T[d];
        var scale = new T[d * d];
        for (int i = 0; i < d; i++)
        {
            mean[i] = T.CreateChecked(gaussian.Mean[i]);
            for (int j = 0; j <= i; j++)
            {
                scale[(i * d) + j] = T.CreateChecked(factor[(i * d) + j]);
            }
        }

        return new CholeskyGaussian<T>(AutodiffTensor.FromValues<T>(mean, d), AutodiffTensor.FromValues<T>(scale, d, d));
    }
}
