using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>A multivariate normal distribution N(μ, Σ) with a full, diagonal or identity covariance.</summary>
/// <remarks>
/// The covariance is factored once as Σ = L Lᵀ (Cholesky, via MathNet.Numerics); log-densities
/// solve L z = x − μ, and samples are μ + L ξ with ξ ~ N(0, I). Immutable and thread-safe.
/// </remarks>
public sealed class Gaussian : IDensity
{
    private readonly double[] _mean;
    private readonly double[] _covariance;
    private readonly double[] _cholesky;
    private readonly double[] _inverseDiagonal;
    private readonly bool _isDiagonal;
    private readonly double _logNormalizer;

    /// <summary>Creates N(<paramref name="mean"/>, <paramref name="covariance"/>).</summary>
    /// <param name="mean">The mean μ: d finite values, d ≥ 1.</param>
    /// <param name="covariance">The covariance Σ: a symmetric positive-definite d × d matrix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mean"/> or <paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="mean"/> is empty or not finite; <paramref name="covariance"/> is not d × d, not finite,
    /// not symmetric, or not positive definite (singular or indefinite).
    /// </exception>
    public Gaussian(double[] mean, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        Guard.NotEmpty(mean.Length, nameof(mean));
        Guard.AllFinite(mean, nameof(mean));
        Guard.SymmetricMatrix(covariance, mean.Length, nameof(covariance));
        int d = mean.Length;
        _mean = (double[])mean.Clone();
        _covariance = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                // Average the two triangles so the stored matrix is exactly symmetric: halves first, since a + b
                // overflows for entries near double.MaxValue, and equal entries (the diagonal) kept as they are, since
                // halving a subnormal one would round it away.
                double a = covariance[i, j], b = covariance[j, i];
                _covariance[(i * d) + j] = a == b ? a : (0.5 * a) + (0.5 * b);
            }
        }

        _cholesky = Cholesky.Factor(_covariance, d, nameof(covariance), "covariance", "a Gaussian needs a positive-definite covariance");
        _inverseDiagonal = new double[d];
        _isDiagonal = true;
        double logDet = 0;
        for (int i = 0; i < d; i++)
        {
            logDet += Math.Log(_cholesky[(i * d) + i]);
            _inverseDiagonal[i] = 1.0 / _cholesky[(i * d) + i];
            for (int j = 0; j < i; j++)
            {
                _isDiagonal &= _cholesky[(i * d) + j] == 0;
            }
        }

        LogDeterminant = 2 * logDet;
        _logNormalizer = -0.5 * ((d * Numerics.LnTwoPi) + LogDeterminant);
    }

    /// <summary>The largest supported dimension, 46340: the covariance and its Cholesky factor are d × d arrays, and d² must not exceed <see cref="int.MaxValue"/>.</summary>
    public const int MaxDimension = 46340;

    /// <summary>The dimension d.</summary>
    public int Dimension => _mean.Length;

    /// <summary>The mean vector μ.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>The Cholesky factor L of the covariance, Σ = L Lᵀ: lower-triangular, d × d, row-major (Lᵢⱼ at index i·d + j, zero above the diagonal, positive on it).</summary>
    /// <remarks>The factor this distribution computed once when it was created and uses for densities and samples; a read-only view, not a copy.</remarks>
    public ReadOnlySpan<double> CholeskyFactor => _cholesky;

    /// <summary>ln det Σ, the natural log of the covariance determinant.</summary>
    public double LogDeterminant { get; }

    /// <summary>Creates N(μ, diag(σ₁², …, σ_d²)): independent coordinates.</summary>
    /// <param name="mean">The mean μ: d finite values, d ≥ 1.</param>
    /// <param name="variances">The variances σᵢ²: d finite values, each &gt; 0.</param>
    /// <returns>The Gaussian with that mean and diagonal covariance.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="mean"/> is empty or not finite, a variance is not finite and positive, or the lengths differ.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="mean"/> has more than <see cref="MaxDimension"/> entries, so the d × d covariance would not fit in one array.
    /// </exception>
    public static Gaussian Diagonal(ReadOnlySpan<double> mean, ReadOnlySpan<double> variances)
    {
        Guard.NotEmpty(mean.Length, nameof(mean));
        Guard.ElementCount(nameof(mean), "the d × d covariance", mean.Length, mean.Length);
        Guard.SameLength(mean.Length, variances.Length, nameof(mean), nameof(variances));
        Guard.AllPositive(variances, nameof(variances));
        var covariance = new double[mean.Length, mean.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            covariance[i, i] = variances[i];
        }

        return new Gaussian(mean.ToArray(), covariance);
    }

    /// <summary>Creates the standard normal N(0, I) in <paramref name="dimension"/> dimensions.</summary>
    /// <param name="dimension">The dimension d ≥ 1.</param>
    /// <returns>N(0, I_d).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="dimension"/> is less than 1 or more than <see cref="MaxDimension"/>, so the d × d covariance would not fit in one array.
    /// </exception>
    public static Gaussian Standard(int dimension)
    {
        Guard.Dimension(dimension, nameof(dimension));
        Guard.ElementCount(nameof(dimension), "the d × d covariance", dimension, dimension);
        var identity = new double[dimension, dimension];
        for (int i = 0; i < dimension; i++)
        {
            identity[i, i] = 1.0;
        }

        return new Gaussian(new double[dimension], identity);
    }

    /// <summary>Returns a copy of the covariance matrix Σ.</summary>
    /// <returns>A new d × d array; changing it does not change this distribution.</returns>
    public double[,] GetCovariance()
    {
        int d = Dimension;
        var copy = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                copy[i, j] = _covariance[(i * d) + j];
            }
        }

        return copy;
    }

    /// <summary>The covariance entry Σᵢⱼ.</summary>
    /// <param name="row">The row i, in [0, d).</param>
    /// <param name="column">The column j, in [0, d).</param>
    /// <returns>Cov(Xᵢ, Xⱼ).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, d).</exception>
    public double Covariance(int row, int column)
    {
        Guard.InRange(row, 0, Dimension - 1, nameof(row));
        Guard.InRange(column, 0, Dimension - 1, nameof(column));
        return _covariance[(row * Dimension) + column];
    }

    /// <summary>The natural log of the density at one point, log p(x).</summary>
    /// <remarks>log p(x) = −½ (d ln 2π + ln det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ)).</remarks>
    /// <param name="x">The point: exactly <see cref="Dimension"/> finite coordinates.</param>
    /// <returns>log p(x) in nats; −∞ only where the density underflows.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have <see cref="Dimension"/> coordinates, or one is NaN or infinite.</exception>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        Guard.PointLength(x.Length, Dimension, nameof(x));
        Span<double> z = _isDiagonal ? default : Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        double logDensity = LogDensityUnchecked(x, z);
        if (!double.IsFinite(logDensity))
        {
            Guard.AllFinite(x, nameof(x));
        }

        return logDensity;
    }

    /// <summary>The natural log of the density at many points, written to <paramref name="destination"/>.</summary>
    /// <remarks>log p(x) = −½ (d ln 2π + ln det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ)) at each point.</remarks>
    /// <param name="points">m points of <see cref="Dimension"/> finite coordinates each, row by row (length m·d).</param>
    /// <param name="destination">Receives log p at each point; length m.</param>
    /// <exception cref="ArgumentException">
    /// The length of <paramref name="points"/> is not <see cref="Dimension"/> times the length of <paramref name="destination"/>,
    /// or a coordinate is NaN or infinite.
    /// </exception>
    public void LogDensity(ReadOnlySpan<double> points, Span<double> destination)
    {
        int d = Dimension;
        Guard.BatchShape(points.Length, destination.Length, d, nameof(points));
        Span<double> z = _isDiagonal ? default : d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < destination.Length; i++)
        {
            double logDensity = LogDensityUnchecked(points.Slice(i * d, d), z);
            if (!double.IsFinite(logDensity))
            {
                Guard.FiniteCoordinates(points, d, nameof(points), i);
            }

            destination[i] = logDensity;
        }
    }

    /// <inheritdoc/>
    /// <remarks>x = μ + L ξ with ξ ~ N(0, I) by Box–Muller and Σ = L Lᵀ.</remarks>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        int d = Dimension;
        int count = Guard.PointCount(destination.Length, d, nameof(destination));
        NormalSampler.Fill(random, destination);
        for (int n = 0; n < count; n++)
        {
            TransformStandard(destination.Slice(n * d, d));
        }
    }

    // <summary>Maps a standard normal draw ξ, in place, to μ + L ξ, a draw from this Gaussian.</summary>
    internal void TransformStandard(Span<double> x)
    {
        int d = _mean.Length;
        if (_isDiagonal)
        {
            for (int i = 0; i < d; i++)
            {
                x[i] = _mean[i] + (_cholesky[(i * d) + i] * x[i]);
            }

            return;
        }

        // Last row first: row i of L ξ reads ξ₀…ξᵢ only, which are still untouched.
        for (int i = d - 1; i >= 0; i--)
        {
            double sum = _mean[i];
            int row = i * d;
            for (int j = 0; j <= i; j++)
            {
                sum += _cholesky[row + j] * x[j];
            }

            x[i] = sum;
        }
    }

    /// <summary>The differential entropy h(N(μ, Σ)).</summary>
    /// <remarks>h = ½ (d (1 + ln 2π) + ln det Σ).</remarks>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>The entropy in <paramref name="unit"/>; negative when Σ is small.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public double Entropy(LogBase unit = LogBase.Nats)
        => Units.FromNats(0.5 * ((Dimension * (1.0 + Numerics.LnTwoPi)) + LogDeterminant), unit);

    /// <summary>The Kullback–Leibler divergence KL(p‖q) between two Gaussians, in closed form.</summary>
    /// <remarks>
    /// KL = ½ (tr(Σq⁻¹ Σp) + (μq − μp)ᵀ Σq⁻¹ (μq − μp) − d + ln det Σq − ln det Σp);
    /// the trace is ‖Lq⁻¹ Lp‖²_F, computed by triangular solves.
    /// </remarks>
    /// <param name="p">The distribution the expectation is taken under.</param>
    /// <param name="q">The reference distribution, of the same dimension.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>KL(p‖q) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double KullbackLeibler(Gaussian p, Gaussian q, LogBase unit = LogBase.Nats)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Guard.SameDimension(p.Dimension, q.Dimension, nameof(p), nameof(q));
        int d = p.Dimension;
        var column = new double[d];
        double trace = 0;
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++)
            {
                column[i] = p._cholesky[(i * d) + j];
            }

            Cholesky.SolveLower(q._cholesky, d, column);
            for (int i = 0; i < d; i++)
            {
                trace += column[i] * column[i];
            }
        }

        for (int i = 0; i < d; i++)
        {
            column[i] = q._mean[i] - p._mean[i];
        }

        Cholesky.SolveLower(q._cholesky, d, column);
        double mahalanobis = 0;
        for (int i = 0; i < d; i++)
        {
            mahalanobis += column[i] * column[i];
        }

        double kl = 0.5 * (trace + mahalanobis - d + q.LogDeterminant - p.LogDeterminant);
        return Units.FromNats(Math.Max(kl, 0.0), unit);
    }

    /// <summary>The marginal distribution of the chosen coordinates, itself a Gaussian.</summary>
    /// <param name="coordinates">Distinct coordinate indices in [0, d), in the order the marginal should use.</param>
    /// <returns>N(μ_S, Σ_SS) for the index set S.</returns>
    /// <exception cref="ArgumentException"><paramref name="coordinates"/> is empty, has an index outside [0, d), or repeats one.</exception>
    public Gaussian Marginal(ReadOnlySpan<int> coordinates)
    {
        ValidateCoordinates(coordinates, Dimension, nameof(coordinates));
        int m = coordinates.Length;
        var mean = new double[m];
        var covariance = new double[m, m];
        for (int a = 0; a < m; a++)
        {
            mean[a] = _mean[coordinates[a]];
            for (int b = 0; b < m; b++)
            {
                covariance[a, b] = _covariance[(coordinates[a] * Dimension) + coordinates[b]];
            }
        }

        return new Gaussian(mean, covariance);
    }

    /// <summary>The mutual information I(X_A; X_B) between two disjoint blocks of coordinates of this joint Gaussian.</summary>
    /// <remarks>I(X_A; X_B) = ½ (ln det Σ_AA + ln det Σ_BB − ln det Σ_{A∪B}); for one pair with correlation ρ it is −½ ln(1 − ρ²).</remarks>
    /// <param name="first">The coordinates of block A: distinct indices in [0, d).</param>
    /// <param name="second">The coordinates of block B: distinct indices in [0, d), none shared with A.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>I(X_A; X_B) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A block is empty, has an index outside [0, d) or repeated, or the blocks overlap.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public double MutualInformation(ReadOnlySpan<int> first, ReadOnlySpan<int> second, LogBase unit = LogBase.Nats)
    {
        ValidateCoordinates(first, Dimension, nameof(first));
        ValidateCoordinates(second, Dimension, nameof(second));
        var union = new int[first.Length + second.Length];
        first.CopyTo(union);
        second.CopyTo(union.AsSpan(first.Length));
        foreach (int index in second)
        {
            if (first.Contains(index))
            {
                throw new ArgumentException($"{nameof(second)} contains coordinate {index}, which is also in {nameof(first)}; the blocks must be disjoint.", nameof(second));
            }
        }

        double mi = 0.5 * (Marginal(first).LogDeterminant + Marginal(second).LogDeterminant - Marginal(union).LogDeterminant);
        return Units.FromNats(Math.Max(mi, 0.0), unit);
    }

    /// <summary>The mutual information between the first <paramref name="split"/> coordinates and the rest.</summary>
    /// <remarks>I = ½ (ln det Σ_AA + ln det Σ_BB − ln det Σ) with A = [0, split) and B = [split, d).</remarks>
    /// <param name="split">The number of coordinates in the first block, in [1, d − 1].</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>I(X_A; X_B) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is outside [1, d − 1], or <paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public double MutualInformation(int split, LogBase unit = LogBase.Nats)
    {
        Guard.InRange(split, 1, Dimension - 1, nameof(split));
        int[] first = Enumerable.Range(0, split).ToArray();
        int[] second = Enumerable.Range(split, Dimension - split).ToArray();
        return MutualInformation(first, second, unit);
    }

    // <summary>log p(x) without validation; <paramref name="z"/> is scratch of length d (unused, may be empty, when Σ is diagonal).</summary>
    // <remarks>A NaN or infinite coordinate always gives a non-finite result (the quadratic form becomes +∞ or NaN), which is what lets the public overloads scan <paramref name="x"/> only then.</remarks>
    internal double LogDensityUnchecked(ReadOnlySpan<double> x, Span<double> z)
    {
        int d = _mean.Length;
        double squared = 0;
        if (_isDiagonal)
        {
            for (int i = 0; i < d; i++)
            {
                double zi = (x[i] - _mean[i]) * _inverseDiagonal[i];
                squared += zi * zi;
            }

            return _logNormalizer - (0.5 * squared);
        }

        for (int i = 0; i < d; i++)
        {
            double sum = x[i] - _mean[i];
            int row = i * d;
            for (int j = 0; j < i; j++)
            {
                sum -= _cholesky[row + j] * z[j];
            }

            double zi = sum * _inverseDiagonal[i];
            z[i] = zi;
            squared += zi * zi;
        }

        return _logNormalizer - (0.5 * squared);
    }

    private static void ValidateCoordinates(ReadOnlySpan<int> coordinates, int dimension, string paramName)
    {
        Guard.NotEmpty(coordinates.Length, paramName);
        for (int a = 0; a < coordinates.Length; a++)
        {
            if (coordinates[a] < 0 || coordinates[a] >= dimension)
            {
                throw new ArgumentException($"{paramName}[{a}] is {coordinates[a]}; coordinates must lie in [0, {dimension}).", paramName);
            }

            if (coordinates[..a].Contains(coordinates[a]))
            {
                throw new ArgumentException($"{paramName}[{a}] repeats coordinate {coordinates[a]}; coordinates must be distinct.", paramName);
            }
        }
    }
}
