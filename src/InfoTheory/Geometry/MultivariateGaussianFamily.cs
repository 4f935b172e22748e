using System.Numerics.Tensors;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Geometry;

/// <summary>
/// The d-variate normal distributions N(μ, Σ) as an exponential family: θ = (Σ⁻¹μ, −½Σ⁻¹) and η = (μ, Σ + μμᵀ), in the
/// minimal coordinates of the vector part and the upper triangle of the matrix part.
/// </summary>
/// <remarks>
/// <para>Coordinates: k = d + d(d + 1)/2. Entries 0…d−1 are the vector part; then, row by row, one entry per pair i ≤ j of
/// the matrix part. The sufficient statistic is t(x) = (x₁, …, x_d; xᵢxⱼ for i ≤ j), so η's pair entries are
/// E[xᵢxⱼ] = (Σ + μμᵀ)ᵢⱼ, and θ's are the coefficients of xᵢxⱼ in xᵀΘx with Θ = −½Σ⁻¹: Θᵢᵢ on the diagonal and
/// 2Θᵢⱼ = −(Σ⁻¹)ᵢⱼ off it. With this layout θ·η is the ordinary dot product, equal to θ₁·μ + tr(Θ (Σ + μμᵀ)), and the metric
/// below is non-singular.</para>
/// <para>ψ(θ) = ½ θ₁ᵀΣθ₁ + ½ ln det Σ + (d/2) ln 2π = ½ μᵀΣ⁻¹μ + ½ ln det(2πΣ), and φ(η) = −½ (d (1 + ln 2π) + ln det Σ),
/// minus the differential entropy (Amari 2016, ch. 2; Amari &amp; Nagaoka 2000, ch. 2). Both need a positive-definite Σ, which
/// is the domain: −2Θ in θ and Σ = H − μμᵀ in η must be positive definite.</para>
/// <para>The Fisher metric G(θ) = Cov[t(x)] follows from Isserlis' theorem:
/// Cov(xᵢ, xₖ) = Σᵢₖ, Cov(xᵢ, xₖxₗ) = μₖΣᵢₗ + μₗΣᵢₖ, Cov(xᵢxⱼ, xₖxₗ) = ΣᵢₖΣⱼₗ + ΣᵢₗΣⱼₖ + μᵢμₖΣⱼₗ + μᵢμₗΣⱼₖ + μⱼμₖΣᵢₗ + μⱼμₗΣᵢₖ.
/// G(η) = ∇²φ(η) = G(θ)⁻¹ with P = Σ⁻¹, m = Pμ, c = μᵀPμ and wᵢⱼ = 1 on the diagonal and 2 off it: mᵢmₖ + (1 + c)Pᵢₖ between
/// vector entries, −(wₖₗ/2)(Pᵢₗmₖ + Pᵢₖmₗ) between a vector and a pair entry, and (wᵢⱼwₖₗ/4)(PᵢₗPⱼₖ + PᵢₖPⱼₗ) between pairs.</para>
/// <para>The natural gradients apply these matrices as matrix products in O(d³), without forming or inverting them. For
/// G(θ)⁻¹g, read g as (a, A) with Aᵢⱼ = Aⱼᵢ = g's pair entries and let M = P(A − aμᵀ − μaᵀ)P: the result is Pa − Mμ, then
/// Mᵢⱼ for i &lt; j and ½Mᵢᵢ. For G(η)⁻¹g, read g as (a, U) with U's off-diagonal entries half of g's, and let s = Σa and
/// r = ΣUμ: the result is s + 2r, then the upper triangle of μsᵀ + sμᵀ + 2ΣUΣ + 2(μrᵀ + rμᵀ).</para>
/// </remarks>
public sealed class MultivariateGaussianFamily : ExponentialFamily
{
    /// <summary>Creates the family of <paramref name="dimension"/>-variate normal distributions, with d + d(d + 1)/2 coordinates.</summary>
    /// <param name="dimension">d ≥ 1, with d + d(d + 1)/2 at most <see cref="int.MaxValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is less than 1, or the coordinate count would exceed <see cref="int.MaxValue"/>.</exception>
    public MultivariateGaussianFamily(int dimension)
        : base(Coordinates(dimension))
    {
        GaussianDimension = dimension;
    }

    /// <summary>d, the dimension of the distributions' sample space (not the number of coordinates, <see cref="ExponentialFamily.Dimension"/>).</summary>
    public int GaussianDimension { get; }

    /// <summary>The natural coordinates of a <see cref="Gaussian"/>: Σ⁻¹μ, then −½(Σ⁻¹)ᵢᵢ on the diagonal and −(Σ⁻¹)ᵢⱼ for i &lt; j.</summary>
    /// <param name="distribution">N(μ, Σ) of dimension <see cref="GaussianDimension"/>.</param>
    /// <param name="theta">Receives θ; length <see cref="ExponentialFamily.Dimension"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ, or <paramref name="theta"/> has the wrong length.</exception>
    public void FromGaussian(Gaussian distribution, Span<double> theta)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.SameDimension(GaussianDimension, distribution.Dimension, "this family", nameof(distribution));
        Guard.SameLength(Dimension, theta.Length, "the result", nameof(theta));
        int d = GaussianDimension;
        double[] precision = Cholesky.Inverse(distribution.CholeskyFactor, d);
        Natural(distribution.Mean, precision, theta);
    }

    /// <summary>The distribution with natural coordinates <paramref name="theta"/> as a <see cref="Gaussian"/>: Σ = (−2Θ)⁻¹, μ = Σθ₁.</summary>
    /// <param name="theta">θ: <see cref="ExponentialFamily.Dimension"/> finite values with −2Θ positive definite.</param>
    /// <returns>N(μ, Σ).</returns>
    /// <exception cref="ArgumentException"><paramref name="theta"/> has the wrong length or a non-finite entry, or −2Θ is not positive definite.</exception>
    public Gaussian ToGaussian(ReadOnlySpan<double> theta)
    {
        Guard.FamilyCoordinates(theta, Dimension, nameof(theta));
        var state = FromNatural(theta, nameof(theta));
        int d = GaussianDimension;
        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                covariance[i, j] = state.Covariance[(i * d) + j];
            }
        }

        return new Gaussian(state.Mean, covariance);
    }

    private protected override void ExpectationOf(ReadOnlySpan<double> theta, Span<double> eta, string paramName)
    {
        var state = FromNatural(theta, paramName);
        int d = GaussianDimension;
        state.Mean.CopyTo(eta);
        for (int i = 0, a = d; i < d; i++)
        {
            for (int j = i; j < d; j++, a++)
            {
                eta[a] = state.Covariance[(i * d) + j] + (state.Mean[i] * state.Mean[j]);
            }
        }
    }

    private protected override void NaturalOf(ReadOnlySpan<double> eta, Span<double> theta, string paramName)
    {
        var state = FromExpectation(eta, paramName);
        Natural(state.Mean, state.Precision, theta);
    }

    private protected override double LogPartitionOf(ReadOnlySpan<double> theta, string paramName)
    {
        var state = FromNatural(theta, paramName);
        double quadratic = 0;
        for (int i = 0; i < GaussianDimension; i++)
        {
            quadratic += theta[i] * state.Mean[i];
        }

        return 0.5 * (quadratic + (GaussianDimension * Numerics.LnTwoPi) - Cholesky.LogDeterminant(state.Factor, GaussianDimension));
    }

    private protected override double NegativeEntropyOf(ReadOnlySpan<double> eta, string paramName)
    {
        var state = FromExpectation(eta, paramName);
        return -0.5 * ((GaussianDimension * (1 + Numerics.LnTwoPi)) + Cholesky.LogDeterminant(state.Factor, GaussianDimension));
    }

    private protected override void FisherNaturalOf(ReadOnlySpan<double> theta, Span<double> destination, string paramName)
    {
        var state = FromNatural(theta, paramName);
        int d = GaussianDimension, k = Dimension;
        double[] mu = state.Mean, s = state.Covariance;
        double S(int i, int j) => s[(i * d) + j];
        for (int a = 0; a < k; a++)
        {
            (int i, int j) = Entry(a, d);
            for (int b = 0; b < k; b++)
            {
                (int m, int l) = Entry(b, d);
                destination[(a * k) + b] = (j < 0, l < 0) switch
                {
                    (true, true) => S(i, m),
                    (true, false) => (mu[m] * S(i, l)) + (mu[l] * S(i, m)),
                    (false, true) => (mu[i] * S(m, j)) + (mu[j] * S(m, i)),
                    _ => (S(i, m) * S(j, l)) + (S(i, l) * S(j, m)) + (mu[i] * ((mu[m] * S(j, l)) + (mu[l] * S(j, m))))
                        + (mu[j] * ((mu[m] * S(i, l)) + (mu[l] * S(i, m)))),
                };
            }
        }
    }

    private protected override void FisherExpectationOf(ReadOnlySpan<double> eta, Span<double> destination, string paramName)
    {
        var state = FromExpectation(eta, paramName);
        int d = GaussianDimension, k = Dimension;
        double[] p = state.Precision, m = Multiply(p, state.Mean, d);
        double c = TensorPrimitives.Dot<double>(state.Mean, m);
        double P(int i, int j) => p[(i * d) + j];
        for (int a = 0; a < k; a++)
        {
            (int i, int j) = Entry(a, d);
            double wa = j == i ? 1 : 2;
            for (int b = 0; b < k; b++)
            {
                (int u, int l) = Entry(b, d);
                double wb = l == u ? 1 : 2;
                destination[(a * k) + b] = (j < 0, l < 0) switch
                {
                    (true, true) => (m[i] * m[u]) + ((1 + c) * P(i, u)),
                    (true, false) => -0.5 * wb * ((P(i, l) * m[u]) + (P(i, u) * m[l])),
                    (false, true) => -0.5 * wa * ((P(u, j) * m[i]) + (P(u, i) * m[j])),
                    _ => 0.25 * wa * wb * ((P(i, l) * P(j, u)) + (P(i, u) * P(j, l))),
                };
            }
        }
    }

    private protected override void NaturalGradientNaturalOf(ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(θ)⁻¹g = G(η)g: with g = (a, A), M = P(A − aμᵀ − μaᵀ)P, the result is (Pa − Mμ; Mᵢⱼ off the diagonal, ½Mᵢᵢ on it).
        var state = FromNatural(theta, paramName);
        int d = GaussianDimension;
        double[] mu = state.Mean, a = gradient[..d].ToArray();
        double[] inner = Symmetric(gradient, d, offDiagonalScale: 1);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                inner[(i * d) + j] -= (a[i] * mu[j]) + (mu[i] * a[j]);
            }
        }

        double[] m = Sandwich(state.Precision, inner, d);
        double[] pa = Multiply(state.Precision, a, d), mMu = Multiply(m, mu, d);
        for (int i = 0; i < d; i++)
        {
            destination[i] = pa[i] - mMu[i];
        }

        WritePairs(m, d, diagonalScale: 0.5, destination);
    }

    private protected override void NaturalGradientExpectationOf(ReadOnlySpan<double> eta, ReadOnlySpan<double> gradient, Span<double> destination, string paramName)
    {
        // G(η)⁻¹g = G(θ)g: with g = (a, U) (U's off-diagonal entries half of g's), s = Σa and r = ΣUμ, the result is
        // (s + 2r; the entries of μsᵀ + sμᵀ + 2ΣUΣ + 2(μrᵀ + rμᵀ)).
        var state = FromExpectation(eta, paramName);
        int d = GaussianDimension;
        double[] mu = state.Mean, sigma = state.Covariance;
        double[] u = Symmetric(gradient, d, offDiagonalScale: 0.5);
        double[] s = Multiply(sigma, gradient[..d].ToArray(), d);
        double[] r = Multiply(sigma, Multiply(u, mu, d), d);
        double[] k = Sandwich(sigma, u, d);
        for (int i = 0; i < d; i++)
        {
            destination[i] = s[i] + (2 * r[i]);
            for (int j = 0; j < d; j++)
            {
                k[(i * d) + j] = (2 * k[(i * d) + j]) + (mu[i] * s[j]) + (s[i] * mu[j]) + (2 * ((mu[i] * r[j]) + (r[i] * mu[j])));
            }
        }

        WritePairs(k, d, diagonalScale: 1, destination);
    }

    private static int Coordinates(int dimension)
    {
        Guard.InRange(dimension, 1, int.MaxValue, nameof(dimension));
        long k = dimension + ((long)dimension * (dimension + 1) / 2);
        Guard.InRange(k, 1, int.MaxValue, nameof(dimension));
        return (int)k;
    }

    // Coordinate a as (i, −1) for the vector entry i, or as the pair (i, j), i ≤ j, of the matrix part.
    private static (int I, int J) Entry(int a, int d)
    {
        if (a < d)
        {
            return (a, -1);
        }

        int rest = a - d;
        for (int i = 0; ; i++)
        {
            int row = d - i;
            if (rest < row)
            {
                return (i, i + rest);
            }

            rest -= row;
        }
    }

    // The d × d symmetric matrix whose upper triangle is the pair entries of v, off-diagonal entries scaled.
    private static double[] Symmetric(ReadOnlySpan<double> v, int d, double offDiagonalScale)
    {
        var matrix = new double[d * d];
        for (int i = 0, a = d; i < d; i++)
        {
            matrix[(i * d) + i] = v[a++];
            for (int j = i + 1; j < d; j++, a++)
            {
                matrix[(i * d) + j] = matrix[(j * d) + i] = offDiagonalScale * v[a];
            }
        }

        return matrix;
    }

    // Writes the upper triangle of a symmetric matrix into the pair entries, the diagonal scaled.
    private static void WritePairs(double[] matrix, int d, double diagonalScale, Span<double> destination)
    {
        for (int i = 0, a = d; i < d; i++)
        {
            destination[a++] = diagonalScale * matrix[(i * d) + i];
            for (int j = i + 1; j < d; j++, a++)
            {
                destination[a] = matrix[(i * d) + j];
            }
        }
    }

    // θ from μ and P = Σ⁻¹: θ₁ = Pμ, then −½Pᵢᵢ and −Pᵢⱼ (i < j).
    private void Natural(ReadOnlySpan<double> mean, double[] precision, Span<double> theta)
    {
        int d = GaussianDimension;
        Multiply(precision, mean.ToArray(), d).CopyTo(theta);
        for (int i = 0, a = d; i < d; i++)
        {
            theta[a++] = -0.5 * precision[(i * d) + i];
            for (int j = i + 1; j < d; j++, a++)
            {
                theta[a] = -precision[(i * d) + j];
            }
        }
    }

    private State FromNatural(ReadOnlySpan<double> theta, string paramName)
    {
        int d = GaussianDimension;

        // −2Θ: the diagonal entries doubled, the off-diagonal ones negated (they already hold 2Θᵢⱼ).
        double[] precision = Symmetric(theta, d, offDiagonalScale: -1);
        for (int i = 0; i < d; i++)
        {
            precision[(i * d) + i] *= -2;
        }

        double[] factor = Cholesky.Factor(precision, d, paramName, $"The precision −2Θ = Σ⁻¹ that {paramName} encodes", "θ must describe a positive-definite covariance");
        double[] mean = theta[..d].ToArray();
        Cholesky.Solve(factor, d, mean);
        return new State(mean, Cholesky.Inverse(factor, d), precision, factor);
    }

    private State FromExpectation(ReadOnlySpan<double> eta, string paramName)
    {
        int d = GaussianDimension;
        double[] mean = eta[..d].ToArray();
        double[] covariance = Symmetric(eta, d, offDiagonalScale: 1);
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                covariance[(i * d) + j] -= mean[i] * mean[j];
            }
        }

        double[] factor = Cholesky.Factor(covariance, d, paramName, $"The covariance Σ = H − μμᵀ that {paramName} encodes", "η must describe a positive-definite covariance");
        return new State(mean, covariance, Cholesky.Inverse(factor, d), factor);
    }

    private static double[] Multiply(double[] matrix, double[] vector, int d)
    {
        var result = new double[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++)
            {
                sum += matrix[(i * d) + j] * vector[j];
            }

            result[i] = sum;
        }

        return result;
    }

    // B A B for symmetric A and B.
    private static double[] Sandwich(double[] outer, double[] inner, int d) => Product(Product(outer, inner, d), outer, d);

    private static double[] Product(double[] left, double[] right, int d)
    {
        var result = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++)
            {
                double l = left[(i * d) + k];
                for (int j = 0; j < d; j++)
                {
                    result[(i * d) + j] += l * right[(k * d) + j];
                }
            }
        }

        return result;
    }

    // <summary>One point of the family in every form the members need: μ, Σ, P = Σ⁻¹ and the Cholesky factor of whichever was given.</summary>
    private sealed record State(double[] Mean, double[] Covariance, double[] Precision, double[] Factor);
}
