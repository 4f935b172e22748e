using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Continuous;

public static partial class Knn
{
    /// <summary>
    /// The Gao–Kannan–Oh–Viswanath estimate of the mutual information I(X; Y) for data that mix continuous values with
    /// repeated ones (atoms): zero-inflated or rounded values, category codes beside real values, or purely discrete data.
    /// </summary>
    /// <remarks>
    /// <para>
    /// For each row i, ρᵢ is the maximum-norm distance to its k-th nearest neighbour in the joint (X, Y) space. When ρᵢ = 0
    /// (row i sits on an atom with at least k other copies), k̃ᵢ is the number of rows equal to row i and nₓ(i), n_y(i) the
    /// numbers of rows equal to it in X and in Y; otherwise k̃ᵢ = k and nₓ(i), n_y(i) count the rows strictly closer than ρᵢ
    /// in X and in Y. Every count includes row i itself, and Î = ln N + ⟨ψ(k̃ᵢ) − ψ(nₓ(i)) − ψ(n_y(i))⟩. On continuous data
    /// this is KSG algorithm 1 with ln N for ψ(N); on purely discrete data each term tends to the plug-in
    /// ln(N·c_xy / (c_x·c_y)). W. Gao, S. Kannan, S. Oh &amp; P. Viswanath (2017), "Estimating mutual information for
    /// discrete-continuous mixtures", NeurIPS 30, in the form of the authors' code (github.com/wgao9/mixed_KSG, whose
    /// 1e-15 radius margins are the strict and exact counts above).
    /// </para>
    /// <para>
    /// The paper's Algorithm 1 prints ψ(k̃ᵢ) + ln N − ln(nₓ + 1) − ln(n_y + 1) with counts within ρᵢ inclusive. That form
    /// counts the k-th neighbour itself and carries a bias of order 1/k that does not shrink with N: on the paper's first
    /// experiment (X uniform on 5 values, Y | X uniform on [X, X + 2], N = 5000, k = 5) it gives 0.86 nats for a true 1.05,
    /// where this form gives 1.04; so this one is used.
    /// </para>
    /// <para>
    /// Ties are what this estimator is for, so none are rejected; <see cref="KnnOptions.Jitter"/> is neither needed nor
    /// advisable (it would turn atoms into tiny continuous clusters). Standardisation and the scale rules are as for the
    /// other estimators.
    /// </para>
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, row i paired with row i of <paramref name="x"/>.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism (the norm is always the maximum norm); <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MixtureMutualInformation(double[,] x, double[,] y, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = FlattenPair(x, y);
        return MixtureCore(xs, x.GetLength(1), ys, y.GetLength(1), k, options ?? KnnOptions.Default);
    }

    /// <summary>The Gao–Kannan–Oh–Viswanath estimate of I(X; Y) for scalar pairs (xᵢ, yᵢ) that may repeat.</summary>
    /// <remarks>As <see cref="MixtureMutualInformation(double[,], double[,], int, KnnOptions?)"/>; Gao, Kannan, Oh &amp; Viswanath (2017), NeurIPS 30.</remarks>
    /// <param name="x">N values of X.</param>
    /// <param name="y">N values of Y, paired with <paramref name="x"/> by index.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite, the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MixtureMutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k = 3, KnnOptions? options = null)
        => MixtureMutualInformation(x, 1, y, 1, k, options);

    /// <summary>The Gao–Kannan–Oh–Viswanath estimate of I(X; Y) from flat row-major point sets that may repeat.</summary>
    /// <remarks>As <see cref="MixtureMutualInformation(double[,], double[,], int, KnnOptions?)"/>; Gao, Kannan, Oh &amp; Viswanath (2017), NeurIPS 30.</remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, row after row, paired with <paramref name="x"/>.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>The estimate of I(X; Y) in the unit of <paramref name="options"/>; near 0, possibly slightly negative, at independence.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, <paramref name="k"/> is outside [1, N − 1].</exception>
    public static Estimate MixtureMutualInformation(ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = CopyPair(x, xDimension, y, yDimension);
        return MixtureCore(xs, xDimension, ys, yDimension, k, options ?? KnnOptions.Default);
    }

    private static Estimate MixtureCore(double[] xs, int dx, double[] ys, int dy, int k, KnnOptions options)
    {
        var pair = PreparePair(xs, dx, new Operand("x", "X"), ys, dy, new Operand("y", "Y"), k, options, untied: false);
        return MixtureEstimate(pair, pair.Y, options.MaxDegreeOfParallelism);
    }
}
