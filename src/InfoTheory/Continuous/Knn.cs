using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Continuous;

/// <summary>
/// k-nearest-neighbour estimators of differential entropy, mutual information, conditional mutual
/// information and KL divergence from samples alone, with no density known.
/// </summary>
/// <remarks>
/// <para>
/// Samples come either as a <c>double[,]</c> whose rows are points or as a flat row-major span with
/// its dimension. Results are deterministic: no hidden noise, no rescaling that changes a result; standardisation
/// and tie-breaking jitter are explicit <see cref="KnnOptions"/>. Neighbours are found by a k-d tree
/// (about O(N log N) overall in low dimension; a sorted array in one dimension and a uniform grid of cells, expected
/// O(k) per query, in two) or by brute force, with identical results.
/// </para>
/// <para>
/// Each result is an <see cref="Estimate"/> whose standard error is the spread of the per-point terms
/// over √N. Neighbouring terms are not independent, so treat it as a rough guide; the estimators
/// are also biased at small N. Estimates of quantities that are 0 (independence, equal distributions)
/// scatter around 0 and can be slightly negative.
/// </para>
/// <para>
/// Ties. The estimators assume continuous distributions, under which no two points coincide. A row is
/// tied when it coincides exactly (every coordinate equal; 0 and −0 are equal) with k or more other rows
/// in a space where the estimator measures distances: its k-th neighbour there is at distance 0, so the
/// estimate is undefined (ln 0 in Kozachenko–Leonenko, a zero radius and atom-sized counts in KSG).
/// Entropy checks the sample space. KSG mutual information checks each marginal, X and Y, where it
/// counts neighbours; a tie in the joint space is a tie in both, so discrete and mixed data are caught
/// even where no joint point repeats. Frenzel–Pompe checks the conditioning space Z, since a tie in
/// (X, Z), (Y, Z) or the joint space is also a tie in Z. KL divergence checks the x sample and also
/// rejects any row of x equal to a row of y: independent samples of continuous P and Q never share a
/// point, and a shared point is a neighbour at distance 0 (KL(x, x) would come out negative). Fewer
/// than k copies of a row are accepted. The check runs on the data as the search sees them (after
/// standardisation and jitter) in O(N log N), before any neighbour search, and its
/// <see cref="ArgumentException"/> names the parameter and counts the tied rows. Continuous data
/// recorded with limited precision are made untied with <see cref="KnnOptions.Jitter"/>; discrete data call
/// for a plug-in estimator on the values as labels, continuous features against class labels for
/// <see cref="MutualInformation{TLabel}(ReadOnlySpan{double}, int, ReadOnlySpan{TLabel}, int, KnnOptions?)"/> (Ross 2014), and
/// data that mix repeated values with continuous ones for <see cref="MixtureMutualInformation(ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, int, KnnOptions?)"/>
/// (Gao, Kannan, Oh &amp; Viswanath 2017), which is built for ties.
/// </para>
/// <para>
/// Scale. Euclidean distances are compared as squares; data whose largest magnitude lies outside
/// [2⁻²⁵⁶, 2²⁵⁶] (or, for the maximum norm, reaches 2¹⁰²²) are first multiplied by a power of two, which
/// changes no rounding. Hence ĥ(cX) = ĥ(X) + d ln c and the mutual-information and divergence estimates
/// are unchanged for every scale c that keeps the data finite, and the k-d tree, the sorted 1-D index and
/// brute force stay identical at any scale.
/// </para>
/// </remarks>
public static partial class Knn
{
    private const int Chunk = 1024;

    private delegate void PointBody(int i, Span<double> keys, Span<int> rows);

    /// <summary>The Kozachenko–Leonenko estimate of the differential entropy h(X) of the sampled distribution.</summary>
    /// <remarks>
    /// ĥ = ψ(N) − ψ(k) + ln V_d + (d/N) Σᵢ ln εᵢ, with εᵢ the distance from point i to its k-th nearest
    /// neighbour and V_d the volume of the unit ball of the chosen norm. Kozachenko &amp; Leonenko (1987),
    /// "Sample estimate of the entropy of a random vector", Probl. Inf. Transm. 23(2); in the form of
    /// Kraskov, Stögbauer &amp; Grassberger (2004), eq. (20).
    /// </remarks>
    /// <param name="samples">N points of dimension d, one per row; all coordinates finite.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of h(X) in the unit of <paramref name="options"/> (it can be negative).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, a row coincides with k or more other rows (tied; see the class remarks and <see cref="KnnOptions.Jitter"/>), a Euclidean neighbour distance is more than 1e84 times smaller than the largest coordinate (too small to square).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate Entropy(double[,] samples, int k = 3, KnnOptions? options = null)
    {
        if (HasColumns(samples, 2))
        {
            // The pooled path reads the matrix in place, after the checks the general path makes first.
            Guard.Samples(samples, nameof(samples));
            Guard.NeighborOrder(k, samples.GetLength(0) - 1, nameof(k), nameof(samples));
            if (TryPlaneEntropy(RowMajorSpan(samples), k, options ?? KnnOptions.Default, nameof(samples)) is { } estimate)
            {
                return estimate;
            }
        }

        var points = SamplePreparation.Flatten(samples, nameof(samples));
        return EntropyCore(points, samples.GetLength(1), k, options ?? KnnOptions.Default, nameof(samples));
    }

    /// <summary>The Kozachenko–Leonenko estimate of h(X) from a flat row-major point set, or from N scalars (d = 1, the default).</summary>
    /// <remarks>
    /// As <see cref="Entropy(double[,], int, KnnOptions?)"/>; Kozachenko &amp; Leonenko (1987). <c>Knn.Entropy(values)</c> and
    /// <c>Knn.Entropy(values, k: 5)</c> are the one-dimensional forms; the second positional argument is always the dimension,
    /// so name k when you pass it alone.
    /// </remarks>
    /// <param name="samples">N points of <paramref name="dimension"/> coordinates, row after row.</param>
    /// <param name="dimension">The dimension d ≥ 1; 1 (scalar samples) by default.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of h(X) in the unit of <paramref name="options"/> (it can be negative).</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of d, a coordinate is NaN or infinite, a row coincides with k or more other rows (tied; see the class remarks), a Euclidean neighbour distance is too small to square next to the largest coordinate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1, <paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate Entropy(ReadOnlySpan<double> samples, int dimension = 1, int k = 3, KnnOptions? options = null)
    {
        if (dimension == 2)
        {
            // The pooled path for plane points, after the checks the general path makes first.
            int n = Guard.Samples(samples, dimension, nameof(samples), nameof(dimension));
            Guard.NeighborOrder(k, n - 1, nameof(k), nameof(samples));
            if (TryPlaneEntropy(samples, k, options ?? KnnOptions.Default, nameof(samples)) is { } estimate)
            {
                return estimate;
            }
        }

        var points = SamplePreparation.Copy(samples, dimension, nameof(samples), nameof(dimension));
        return EntropyCore(points, dimension, k, options ?? KnnOptions.Default, nameof(samples));
    }

    /// <summary>The Kraskov–Stögbauer–Grassberger estimate of the mutual information I(X; Y) from paired samples.</summary>
    /// <remarks>
    /// Neighbours are found in the joint space under the maximum norm (as the derivation requires); see
    /// <see cref="KsgAlgorithm"/> for the two variants. NPEET's <c>mi</c> is algorithm 1 (it counts points
    /// within ε − 1e-15, itself included, i.e. ψ(nₓ + 1) with a strict radius); on its README example
    /// (k = 3) both algorithms give exactly 7/60 nats = 0.168314 bits, NPEET's "0.168" before its
    /// 1e-10 noise. Kraskov, Stögbauer &amp;
    /// Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69, 066138.
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, row i paired with row i of <paramref name="x"/>.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ, a row of X or of Y coincides with k or more other rows of its marginal (tied; see the class remarks and <see cref="KnnOptions.Jitter"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MutualInformation(double[,] x, double[,] y, int k = 3, KnnOptions? options = null)
    {
        if (HasColumns(x, 1) && HasColumns(y, 1))
        {
            // The pooled path reads the one-column matrices in place, after the checks the general path makes first.
            Guard.Samples(x, nameof(x));
            Guard.Samples(y, nameof(y));
            Guard.SameRows(x.GetLength(0), y.GetLength(0), nameof(x), nameof(y));
            Guard.NeighborOrder(k, x.GetLength(0) - 1, nameof(k), nameof(x));
            if (TryScalarKsg(RowMajorSpan(x), RowMajorSpan(y), k, options ?? KnnOptions.Default) is { } estimate)
            {
                return estimate;
            }
        }

        var (xs, ys) = FlattenPair(x, y);
        return MutualInformationCore(xs, x.GetLength(1), ys, y.GetLength(1), k, options ?? KnnOptions.Default);
    }

    /// <summary>The Kraskov–Stögbauer–Grassberger estimate of I(X; Y) for scalar pairs (xᵢ, yᵢ).</summary>
    /// <remarks>As <see cref="MutualInformation(double[,], double[,], int, KnnOptions?)"/>; Kraskov, Stögbauer &amp; Grassberger (2004).</remarks>
    /// <param name="x">N values of X.</param>
    /// <param name="y">N values of Y, paired with <paramref name="x"/> by index.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite, the lengths differ, a value of x or of y is repeated more than k times (tied; see the class remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k = 3, KnnOptions? options = null)
        => MutualInformation(x, 1, y, 1, k, options);

    /// <summary>The Kraskov–Stögbauer–Grassberger estimate of I(X; Y) from flat row-major point sets.</summary>
    /// <remarks>As <see cref="MutualInformation(double[,], double[,], int, KnnOptions?)"/>; Kraskov, Stögbauer &amp; Grassberger (2004).</remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, row after row, paired with <paramref name="x"/>.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ, a row of X or of Y coincides with k or more other rows of its marginal (tied; see the class remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, <paramref name="k"/> is outside [1, N − 1].</exception>
    // Knn.MutualInformation(x, 1, y, 2) would otherwise be ambiguous with the labelled form read with TLabel = double.
    [OverloadResolutionPriority(1)]
    public static Estimate MutualInformation(ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, int k = 3, KnnOptions? options = null)
    {
        if (xDimension == 1 && yDimension == 1)
        {
            // The pooled path for scalar pairs, after the checks the general path makes first.
            int n = Guard.Samples(x, xDimension, nameof(x), nameof(xDimension));
            Guard.SameRows(n, Guard.Samples(y, yDimension, nameof(y), nameof(yDimension)), nameof(x), nameof(y));
            Guard.NeighborOrder(k, n - 1, nameof(k), nameof(x));
            if (TryScalarKsg(x, y, k, options ?? KnnOptions.Default) is { } estimate)
            {
                return estimate;
            }
        }

        var (xs, ys) = CopyPair(x, xDimension, y, yDimension);
        return MutualInformationCore(xs, xDimension, ys, yDimension, k, options ?? KnnOptions.Default);
    }

    /// <summary>The Frenzel–Pompe estimate of the conditional mutual information I(X; Y | Z).</summary>
    /// <remarks>
    /// Î = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩, with ε(i) the max-norm distance to the k-th
    /// neighbour in the joint (X, Y, Z) space and n_xz(i), n_yz(i), n_z(i) the points strictly closer
    /// than ε(i) in those subspaces. Frenzel &amp; Pompe (2007), "Partial mutual information for coupling
    /// analysis of multivariate time series", Phys. Rev. Lett. 99, 204101.
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, paired by row.</param>
    /// <param name="z">N points of the conditioning variable Z, paired by row.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y | Z) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, under conditional independence.</returns>
    /// <exception cref="ArgumentNullException">A sample matrix is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ, a row of Z coincides with k or more other rows of Z (tied; see the class remarks and <see cref="KnnOptions.Jitter"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate ConditionalMutualInformation(double[,] x, double[,] y, double[,] z, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys, zs) = FlattenTriple(x, y, z);
        return ConditionalCore(xs, x.GetLength(1), ys, y.GetLength(1), zs, z.GetLength(1), k, options ?? KnnOptions.Default);
    }

    /// <summary>The Frenzel–Pompe estimate of I(X; Y | Z) from flat row-major point sets.</summary>
    /// <remarks>As <see cref="ConditionalMutualInformation(double[,], double[,], double[,], int, KnnOptions?)"/>; Frenzel &amp; Pompe (2007).</remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, paired by row.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="z">N points of the conditioning variable Z, paired by row.</param>
    /// <param name="zDimension">The dimension of Z, ≥ 1.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y | Z) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, under conditional independence.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ, a row of Z coincides with k or more other rows of Z (tied; see the class remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, <paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate ConditionalMutualInformation(
        ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, ReadOnlySpan<double> z, int zDimension, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys, zs) = CopyTriple(x, xDimension, y, yDimension, z, zDimension);
        return ConditionalCore(xs, xDimension, ys, yDimension, zs, zDimension, k, options ?? KnnOptions.Default);
    }

    /// <summary>The Wang–Kulkarni–Verdú kNN estimate of KL(P‖Q) from samples x ~ P and y ~ Q.</summary>
    /// <remarks>
    /// D̂ = (d/n) Σᵢ ln(νₖ(i) / ρₖ(i)) + ln(m / (n − 1)), where ρₖ(i) is the distance from xᵢ to its k-th
    /// nearest neighbour among the other x and νₖ(i) its distance to the k-th nearest y. Wang, Kulkarni
    /// &amp; Verdú (2009), "Divergence estimation for multidimensional densities via k-nearest-neighbor
    /// distances", IEEE Trans. Inf. Theory 55(5).
    /// </remarks>
    /// <param name="x">n points drawn from P, one per row.</param>
    /// <param name="y">m points drawn from Q, of the same dimension.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ n − 1 and k ≤ m; 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of KL(P‖Q) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, when P = Q.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the dimensions differ, a row of x coincides with k or more other rows of x (names x) or with any row of y (names y; see the class remarks and <see cref="KnnOptions.Jitter"/>), a Euclidean neighbour distance is too small to square next to the largest coordinate, y standardised by the statistics of x overflows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside its range.</exception>
    public static Estimate KullbackLeibler(double[,] x, double[,] y, int k = 3, KnnOptions? options = null)
    {
        if ((HasColumns(x, 1) && HasColumns(y, 1)) || (HasColumns(x, 2) && HasColumns(y, 2)))
        {
            // The pooled path reads the matrices in place, after the checks the general path makes first.
            Guard.Samples(x, nameof(x));
            Guard.Samples(y, nameof(y));
            int d = x.GetLength(1);
            Guard.NeighborOrder(k, x.GetLength(0) - 1, nameof(k), nameof(x));
            Guard.NeighborOrder(k, y.GetLength(0), nameof(k), nameof(y));
            if (TryPooledKullbackLeibler(RowMajorSpan(x), RowMajorSpan(y), d, k, options ?? KnnOptions.Default) is { } estimate)
            {
                return estimate;
            }
        }

        var xs = SamplePreparation.Flatten(x, nameof(x));
        var ys = SamplePreparation.Flatten(y, nameof(y));
        Guard.SameDimension(x.GetLength(1), y.GetLength(1), nameof(x), nameof(y));
        return KullbackLeiblerCore(xs, ys, x.GetLength(1), k, options ?? KnnOptions.Default);
    }

    /// <summary>The Wang–Kulkarni–Verdú kNN estimate of KL(P‖Q) from flat row-major point sets, or from scalar samples (d = 1, the default).</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(double[,], double[,], int, KnnOptions?)"/>; Wang, Kulkarni &amp; Verdú (2009).
    /// <c>Knn.KullbackLeibler(x, y)</c> and <c>Knn.KullbackLeibler(x, y, k: 5)</c> are the one-dimensional forms; the third
    /// positional argument is always the dimension, so name k when you pass it alone.
    /// </remarks>
    /// <param name="x">n points drawn from P, row after row.</param>
    /// <param name="y">m points drawn from Q, row after row.</param>
    /// <param name="dimension">The dimension d ≥ 1 of both sets; 1 (scalar samples) by default.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ n − 1 and k ≤ m; 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of KL(P‖Q) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, when P = Q.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of d, a coordinate is NaN or infinite, a row of x coincides with k or more other rows of x or with any row of y (see the class remarks), a Euclidean neighbour distance is too small to square next to the largest coordinate, y standardised by the statistics of x overflows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1, <paramref name="k"/> is outside its range.</exception>
    public static Estimate KullbackLeibler(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int dimension = 1, int k = 3, KnnOptions? options = null)
    {
        if (dimension is 1 or 2)
        {
            // The pooled path for scalars and plane points, after the checks the general path makes first.
            int n = Guard.Samples(x, dimension, nameof(x), nameof(dimension));
            int m = Guard.Samples(y, dimension, nameof(y), nameof(dimension));
            Guard.NeighborOrder(k, n - 1, nameof(k), nameof(x));
            Guard.NeighborOrder(k, m, nameof(k), nameof(y));
            if (TryPooledKullbackLeibler(x, y, dimension, k, options ?? KnnOptions.Default) is { } estimate)
            {
                return estimate;
            }
        }

        var xs = SamplePreparation.Copy(x, dimension, nameof(x), nameof(dimension));
        var ys = SamplePreparation.Copy(y, dimension, nameof(y), nameof(dimension));
        return KullbackLeiblerCore(xs, ys, dimension, k, options ?? KnnOptions.Default);
    }

    private static Estimate EntropyCore(double[] points, int d, int k, KnnOptions options, string name)
    {
        int n = points.Length / d;
        Guard.NeighborOrder(k, n - 1, nameof(k), name);
        double logScale = 0;
        if (options.Standardize)
        {
            var statistics = SamplePreparation.ColumnStatistics(points, d);
            SamplePreparation.Apply(points, d, statistics);
            logScale = statistics.LogScale;
        }

        SamplePreparation.AddJitter(points, options.Jitter, new Random(options.JitterSeed));
        logScale -= d * SamplePreparation.ScaleIntoRange(options.Norm, points) * Numerics.Ln2;
        Guard.Untied(points, d, k, name, "the sample space");
        var index = SamplePreparation.Index(points, d, options.Norm, options.Search);

        // A plane grid rents its arrays: returned when the queries are done, they serve the next estimate.
        using var release = index as IDisposable;
        var terms = new double[n];
        ForEachPoint(index, k, options.MaxDegreeOfParallelism, (i, keys, rows) =>
        {
            index.Nearest(points.AsSpan(i * d, d), i, keys, rows);
            terms[i] = d * Metric.LogDistance(keys[^1], options.Norm);
        });

        ThrowIfZeroDistance(terms, name, k);
        double logVolume = options.Norm == DistanceNorm.Euclidean
            ? (0.5 * d * Numerics.LnPi) - SpecialFunctions.GammaLn((0.5 * d) + 1)
            : d * Numerics.Ln2;
        double offset = SpecialFunctions.DiGamma(n) - SpecialFunctions.DiGamma(k) + logVolume + logScale;
        return Summarize(terms, offset, 1.0, options.Unit);
    }

    private static Estimate MutualInformationCore(double[] xs, int dx, double[] ys, int dy, int k, KnnOptions options)
        => MutualInformationCore(xs, dx, new Operand("x", "X"), ys, dy, new Operand("y", "Y"), k, options);

    // <summary>KSG on validated copies; <paramref name="xRole"/> and <paramref name="yRole"/> name the caller's parameters in exceptions.</summary>
    internal static Estimate MutualInformationCore(double[] xs, int dx, Operand xRole, double[] ys, int dy, Operand yRole, int k, KnnOptions options)
    {
        var pair = PreparePair(xs, dx, xRole, ys, dy, yRole, k, options, untied: true);
        return KsgEstimate(pair, pair.Y, options.MaxDegreeOfParallelism);
    }

    private static Estimate ConditionalCore(double[] xs, int dx, double[] ys, int dy, double[] zs, int dz, int k, KnnOptions options)
    {
        var prepared = PrepareConditional(xs, dx, ys, dy, zs, dz, k, options);
        return FrenzelPompeEstimate(prepared, prepared.X, options.MaxDegreeOfParallelism);
    }

    private static Estimate KullbackLeiblerCore(double[] xs, double[] ys, int d, int k, KnnOptions options)
    {
        int n = xs.Length / d, m = ys.Length / d;
        Guard.NeighborOrder(k, n - 1, nameof(k), "x");
        Guard.NeighborOrder(k, m, nameof(k), "y");
        if (options.Standardize)
        {
            var statistics = SamplePreparation.ColumnStatistics(xs, d);
            SamplePreparation.Apply(xs, d, statistics);
            Guard.StandardizedAgainst(SamplePreparation.Apply(ys, d, statistics), "y", "x");
        }

        var jitter = new Random(options.JitterSeed);
        SamplePreparation.AddJitter(xs, options.Jitter, jitter);
        SamplePreparation.AddJitter(ys, options.Jitter, jitter);
        SamplePreparation.ScaleIntoRange(options.Norm, xs, ys);
        Guard.Untied(xs, ys, d, k);
        var xIndex = SamplePreparation.Index(xs, d, options.Norm, options.Search);
        var yIndex = SamplePreparation.Index(ys, d, options.Norm, options.Search);

        // Plane grids rent their arrays: returned when the queries are done, they serve the next estimate.
        using var releaseX = xIndex as IDisposable;
        using var releaseY = yIndex as IDisposable;
        var rhoTerms = new double[n];
        var nuTerms = new double[n];
        ForEachPoint(xIndex, k, options.MaxDegreeOfParallelism, (i, keys, rows) =>
        {
            var xi = xs.AsSpan(i * d, d);
            xIndex.Nearest(xi, i, keys, rows);
            rhoTerms[i] = d * Metric.LogDistance(keys[^1], options.Norm);
            yIndex.Nearest(xi, -1, keys, rows);
            nuTerms[i] = d * Metric.LogDistance(keys[^1], options.Norm);
        });

        ThrowIfZeroDistance(rhoTerms, "x", k);
        ThrowIfZeroDistance(nuTerms, "y", k);
        for (int i = 0; i < n; i++)
        {
            nuTerms[i] -= rhoTerms[i];
        }

        return Summarize(nuTerms, Math.Log(m / (n - 1.0)), 1.0, options.Unit);
    }

    // Whether a matrix, possibly null (which the general path reports), has this many columns.
    private static bool HasColumns(double[,]? matrix, int columns) => matrix is not null && matrix.GetLength(1) == columns;

    // The entries of a matrix row after row, read in place (a .NET matrix is stored row-major).
    private static ReadOnlySpan<double> RowMajorSpan(double[,] matrix)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    // Validated flat copies of two paired sample matrices, for the two-variable estimators.
    internal static (double[] X, double[] Y) FlattenPair(double[,] x, double[,] y)
    {
        var xs = SamplePreparation.Flatten(x, nameof(x));
        var ys = SamplePreparation.Flatten(y, nameof(y));
        Guard.SameRows(x.GetLength(0), y.GetLength(0), nameof(x), nameof(y));
        return (xs, ys);
    }

    // Validated copies of two paired flat point sets, for the two-variable estimators.
    internal static (double[] X, double[] Y) CopyPair(ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension)
    {
        var xs = SamplePreparation.Copy(x, xDimension, nameof(x), nameof(xDimension));
        var ys = SamplePreparation.Copy(y, yDimension, nameof(y), nameof(yDimension));
        Guard.SameRows(xs.Length / xDimension, ys.Length / yDimension, nameof(x), nameof(y));
        return (xs, ys);
    }

    // Validated flat copies of three paired sample matrices, for the conditional estimator.
    internal static (double[] X, double[] Y, double[] Z) FlattenTriple(double[,] x, double[,] y, double[,] z)
    {
        var (xs, ys) = FlattenPair(x, y);
        var zs = SamplePreparation.Flatten(z, nameof(z));
        Guard.SameRows(x.GetLength(0), z.GetLength(0), nameof(x), nameof(z));
        return (xs, ys, zs);
    }

    // Validated copies of three paired flat point sets, for the conditional estimator.
    internal static (double[] X, double[] Y, double[] Z) CopyTriple(
        ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, ReadOnlySpan<double> z, int zDimension)
    {
        var (xs, ys) = CopyPair(x, xDimension, y, yDimension);
        var zs = SamplePreparation.Copy(z, zDimension, nameof(z), nameof(zDimension));
        Guard.SameRows(xs.Length / xDimension, zs.Length / zDimension, nameof(x), nameof(z));
        return (xs, ys, zs);
    }

    // Standardises each set by its own column statistics, then jitters them in order from one seeded stream.
    private static void Prepare(KnnOptions options, params ReadOnlySpan<(double[] Points, int Dimension)> sets)
    {
        if (options.Standardize)
        {
            foreach (var (points, dimension) in sets)
            {
                SamplePreparation.Apply(points, dimension, SamplePreparation.ColumnStatistics(points, dimension));
            }
        }

        var jitter = new Random(options.JitterSeed);
        foreach (var (points, _) in sets)
        {
            SamplePreparation.AddJitter(points, options.Jitter, jitter);
        }
    }

    // Runs body for every point in fixed chunks of the index's query order (neighbouring queries touch
    // the same memory); each call writes only its own row's slot, so the result never depends on how
    // many threads ran or in which order.
    private static void ForEachPoint(INeighborIndex order, int k, int maxDegreeOfParallelism, PointBody body)
    {
        int count = order.Count;
        int chunks = (count + Chunk - 1) / Chunk;
        if (chunks == 1 || maxDegreeOfParallelism == 1)
        {
            var keys = new double[k];
            var rows = new int[k];
            foreach (int i in order.QueryOrder)
            {
                body(i, keys, rows);
            }

            return;
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, c =>
        {
            var keys = new double[k];
            var rows = new int[k];
            int end = Math.Min(count, (c + 1) * Chunk);
            for (int t = c * Chunk; t < end; t++)
            {
                body(order.QueryOrder[t], keys, rows);
            }
        });
    }

    // Ties are rejected before the search and keys cannot overflow, so a zero Euclidean key can only be a
    // distance too small to square next to the data's largest coordinate.
    private static void ThrowIfZeroDistance(ReadOnlySpan<double> logDistanceTerms, string name, int k)
    {
        int row = logDistanceTerms.IndexOf(double.NegativeInfinity);
        if (row >= 0)
        {
            throw new ArgumentException(
                $"{name} row {row} is closer to its k-th nearest neighbour (k = {k}) than 2^-281 (about 1e-84) times the largest coordinate magnitude, "
                + "so the squared Euclidean distance underflows to 0; use DistanceNorm.Maximum, which never squares, or drop the far outlying points.",
                name);
        }
    }

    // value = offset + sign · mean(terms); standard error = sd(terms) / √n.
    private static Estimate Summarize(ReadOnlySpan<double> terms, double offset, double sign, LogBase unit)
    {
        int n = terms.Length;
        double sum = 0;
        foreach (double t in terms)
        {
            sum += t;
        }

        double mean = sum / n;
        double squares = 0;
        foreach (double t in terms)
        {
            squares += (t - mean) * (t - mean);
        }

        double standardError = Math.Sqrt(squares / (n - 1) / n);
        return new Estimate(Units.FromNats(offset + (sign * mean), unit), Units.FromNats(standardError, unit), n, 0.0);
    }
}
