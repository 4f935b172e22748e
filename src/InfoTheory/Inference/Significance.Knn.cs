using System.Runtime.CompilerServices;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;

namespace InfoTheory.Inference;

/// <content>Permutation tests of independence for continuous data, through the kNN estimators of <see cref="Knn"/>.</content>
public static partial class Significance
{
    /// <summary>A permutation test of the independence of paired continuous samples, by the Kraskov–Stögbauer–Grassberger estimate of I(X;Y).</summary>
    /// <remarks>
    /// <para>
    /// The rows of Y are shuffled against those of X <paramref name="permutations"/> times and each arrangement is estimated
    /// as <see cref="Knn.MutualInformation(double[,], double[,], int, KnnOptions?)"/> estimates the data (Kraskov, Stögbauer
    /// &amp; Grassberger 2004, Phys. Rev. E 69, 066138). A shuffle keeps both marginals, so the data are validated,
    /// standardised, jittered and checked for ties once, and the neighbour indexes of X and of Y are built once; each
    /// permutation only rebuilds the joint space. Permutation j is a Fisher–Yates shuffle driven by its own xoshiro256**
    /// stream seeded from (<paramref name="seed"/>, j), so every result has the same bits on any number of cores;
    /// permutations run in parallel up to <see cref="KnnOptions.MaxDegreeOfParallelism"/>, each estimate on one thread.
    /// </para>
    /// <para>
    /// p = (b + 1)/(m + 1) (Phipson &amp; Smyth 2010). KSG estimates scatter around 0 at independence and can be negative;
    /// the test says whether an estimate is more than that scatter. <see cref="PermutationTest.NullMean"/> is the
    /// estimator's bias at independence for these marginals.
    /// </para>
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, row i paired with row i of <paramref name="x"/>.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>] (199 gives p-values in steps of 0.005).</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ, a row of X or of Y coincides with k or more other rows of its marginal (tied; see <see cref="Knn"/> and <see cref="KnnOptions.Jitter"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    public static PermutationTest MutualInformation(double[,] x, double[,] y, int permutations, int seed, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = Knn.FlattenPair(x, y);
        return PairTest(xs, x.GetLength(1), ys, y.GetLength(1), permutations, seed, k, options, ksg: true);
    }

    /// <summary>A permutation test of the independence of paired continuous samples given as flat row-major point sets, by the KSG estimate of I(X;Y).</summary>
    /// <remarks>
    /// As <see cref="MutualInformation(double[,], double[,], int, int, int, KnnOptions?)"/>; Kraskov, Stögbauer &amp; Grassberger (2004).
    /// Scalar pairs are <c>MutualInformation(x, 1, y, 1, permutations, seed)</c>.
    /// </remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, row after row, paired with <paramref name="x"/>.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Algorithm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ, a row of X or of Y coincides with k or more other rows of its marginal (tied).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, <paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    // (x, 1, y, 1, m, seed) with doubles would otherwise be ambiguous with Ross's form read with TLabel = double.
    [OverloadResolutionPriority(1)]
    public static PermutationTest MutualInformation(
        ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, int permutations, int seed, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = Knn.CopyPair(x, xDimension, y, yDimension);
        return PairTest(xs, xDimension, ys, yDimension, permutations, seed, k, options, ksg: true);
    }

    /// <summary>A permutation test of the independence of continuous points X and class labels L, by the Ross estimate of I(X;L).</summary>
    /// <remarks>
    /// <para>
    /// The labels are shuffled against the rows <paramref name="permutations"/> times and each arrangement is estimated as
    /// <see cref="Knn.MutualInformation{TLabel}(ReadOnlySpan{double}, int, ReadOnlySpan{TLabel}, int, KnnOptions?)"/> estimates
    /// the data (B. C. Ross 2014, PLoS ONE 9(2), e87357): the class sizes stay, the neighbours within each class change.
    /// Permutation j is driven by its own seeded stream, so every result has the same bits on any number of cores;
    /// permutations run in parallel up to <see cref="KnnOptions.MaxDegreeOfParallelism"/>. p = (b + 1)/(m + 1).
    /// </para>
    /// <para>
    /// Rows of equal x with different labels are fine for the estimate, but a shuffle can gather them into one label; so,
    /// unless <see cref="KnnOptions.Jitter"/> separates them, a row of x may coincide with fewer than kᵢ other rows, where kᵢ
    /// is the smallest neighbour order any label uses.
    /// </para>
    /// </remarks>
    /// <typeparam name="TLabel">The label type: any equatable value (int, string, enum, …).</typeparam>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="dimension">The dimension of X, ≥ 1.</param>
    /// <param name="labels">The label of each row of <paramref name="x"/>; none null.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1 (capped at N_ℓ − 1 within each label); 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;L) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">The length of x is not a multiple of the dimension, a value is NaN or infinite, the row and label counts differ, a label is null, every label occurs once, a row coincides with as many other rows as the smallest neighbour order of a label (a shuffle can tie it; see the remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1, <paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    public static PermutationTest MutualInformation<TLabel>(
        ReadOnlySpan<double> x, int dimension, ReadOnlySpan<TLabel> labels, int permutations, int seed, int k = 3, KnnOptions? options = null)
        where TLabel : notnull
    {
        var xs = SamplePreparation.Copy(x, dimension, nameof(x), nameof(dimension));
        return LabelledTest(xs, dimension, labels, permutations, seed, k, options);
    }

    /// <summary>A permutation test of the independence of points X, one per row, and their class labels L, by the Ross estimate of I(X;L).</summary>
    /// <remarks>As <see cref="MutualInformation{TLabel}(ReadOnlySpan{double}, int, ReadOnlySpan{TLabel}, int, int, int, KnnOptions?)"/>; Ross (2014), PLoS ONE 9(2), e87357.</remarks>
    /// <typeparam name="TLabel">The label type: any equatable value (int, string, enum, …).</typeparam>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="labels">The label of each row of <paramref name="x"/>; none null.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1 (capped at N_ℓ − 1 within each label); 3 by default.</param>
    /// <param name="options">Norm, standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;L) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row and label counts differ, a label is null, every label occurs once, a row coincides with as many other rows as the smallest neighbour order of a label.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    public static PermutationTest MutualInformation<TLabel>(double[,] x, ReadOnlySpan<TLabel> labels, int permutations, int seed, int k = 3, KnnOptions? options = null)
        where TLabel : notnull
    {
        var xs = SamplePreparation.Flatten(x, nameof(x));
        return LabelledTest(xs, x.GetLength(1), labels, permutations, seed, k, options);
    }

    /// <summary>A permutation test of the independence of paired samples that mix atoms with continuous values, by the Gao–Kannan–Oh–Viswanath estimate of I(X;Y).</summary>
    /// <remarks>
    /// As <see cref="MutualInformation(double[,], double[,], int, int, int, KnnOptions?)"/> with
    /// <see cref="Knn.MixtureMutualInformation(double[,], double[,], int, KnnOptions?)"/> as the statistic (W. Gao, S. Kannan,
    /// S. Oh &amp; P. Viswanath 2017, "Estimating mutual information for discrete-continuous mixtures", NeurIPS 30): rows of Y
    /// shuffled against X, the marginal indexes built once, ties accepted, the same bits on any number of cores.
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, row i paired with row i of <paramref name="x"/>.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    public static PermutationTest MixtureMutualInformation(double[,] x, double[,] y, int permutations, int seed, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = Knn.FlattenPair(x, y);
        return PairTest(xs, x.GetLength(1), ys, y.GetLength(1), permutations, seed, k, options, ksg: false);
    }

    /// <summary>A permutation test of the independence of paired flat row-major samples that may repeat, by the Gao–Kannan–Oh–Viswanath estimate of I(X;Y).</summary>
    /// <remarks>As <see cref="MixtureMutualInformation(double[,], double[,], int, int, int, KnnOptions?)"/>; Gao, Kannan, Oh &amp; Viswanath (2017), NeurIPS 30.</remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, row after row, paired with <paramref name="x"/>.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, <paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="k"/> is outside [1, N − 1].</exception>
    public static PermutationTest MixtureMutualInformation(
        ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, int permutations, int seed, int k = 3, KnnOptions? options = null)
    {
        var (xs, ys) = Knn.CopyPair(x, xDimension, y, yDimension);
        return PairTest(xs, xDimension, ys, yDimension, permutations, seed, k, options, ksg: false);
    }

    // KSG or the mixture estimator on the prepared pair, then on each shuffle of Y's rows in a worker's own copy.
    private static PermutationTest PairTest(double[] xs, int dx, double[] ys, int dy, int permutations, int seed, int k, KnnOptions? options, bool ksg)
    {
        options ??= KnnOptions.Default;
        Guard.InRange(permutations, 1, MaxPermutations, nameof(permutations));
        var pair = Knn.PreparePair(xs, dx, new Operand("x", "X"), ys, dy, new Operand("y", "Y"), k, options with { Unit = LogBase.Nats }, untied: ksg);
        double Statistic(double[] rowsOfY, int threads) => (ksg ? Knn.KsgEstimate(pair, rowsOfY, threads) : Knn.MixtureEstimate(pair, rowsOfY, threads)).Value;

        double observed = Statistic(pair.Y, options.MaxDegreeOfParallelism);
        int n = xs.Length / dx;
        var nulls = RunPermutations(
            permutations, seed, options.MaxDegreeOfParallelism,
            () => (Take: new int[n], Y: new double[pair.Y.Length]),
            (random, scratch) =>
            {
                ShuffledRows(random, scratch.Take);
                PermuteRows(pair.Y, dy, scratch.Take, scratch.Y);
                return Statistic(scratch.Y, 1);
            });
        return Summarize(observed, nulls, options.Unit);
    }

    // Ross's estimator on the data, then on each shuffle of the label codes; the points are copied by the estimator each time.
    private static PermutationTest LabelledTest<TLabel>(double[] xs, int d, ReadOnlySpan<TLabel> labels, int permutations, int seed, int k, KnnOptions? options)
        where TLabel : notnull
    {
        options ??= KnnOptions.Default;
        int n = xs.Length / d;
        Guard.SameRows(n, labels.Length, "x", nameof(labels));
        Guard.InRange(permutations, 1, MaxPermutations, nameof(permutations));
        var codes = new int[n];
        int classes = labels.IsEmpty ? 0 : LabelCounting.Encode(labels, codes, nameof(labels));
        var xRole = new Operand("x", "X");
        var labelsRole = new Operand(nameof(labels), nameof(labels));
        var nats = options with { Unit = LogBase.Nats };
        double observed = Knn.LabelledCore(xs, d, xRole, codes, classes, labelsRole, k, nats).Value;
        if (options.Jitter == 0)
        {
            Knn.UntiedUnderShuffles(xs, d, codes, classes, k, xRole);
        }

        var serial = nats with { MaxDegreeOfParallelism = 1 };
        var nulls = RunPermutations(
            permutations, seed, options.MaxDegreeOfParallelism,
            () => new int[n],
            (random, shuffled) =>
            {
                codes.CopyTo(shuffled, 0);
                Shuffle(random, shuffled);
                return Knn.LabelledCore(xs, d, xRole, shuffled, classes, labelsRole, k, serial).Value;
            });
        return Summarize(observed, nulls, options.Unit);
    }

    // take = a uniformly random permutation of 0..n−1: Fisher–Yates over the identity.
    private static void ShuffledRows(StreamRandom random, int[] take)
    {
        for (int i = 0; i < take.Length; i++)
        {
            take[i] = i;
        }

        Shuffle(random, take);
    }
}
