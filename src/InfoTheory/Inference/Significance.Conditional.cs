using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Inference;

/// <content>Permutation tests of conditional independence: shuffles within the strata of labels, local shuffles in a continuous Z.</content>
public static partial class Significance
{
    // <summary>The most neighbours a local permutation draws from: more would make it a global shuffle in all but name.</summary>
    private const int MaxShuffleNeighbors = 1000;

    /// <summary>A permutation test of X ⫫ Y | Z for three paired label sequences, by the plug-in conditional mutual information Î(X;Y|Z), shuffling X within the strata of Z.</summary>
    /// <remarks>
    /// <para>
    /// Within each value z of Z the X labels are shuffled among the rows of that stratum, which keeps the counts of (X, Z)
    /// and of (Y, Z) and so draws from the null of conditional independence; only the counts of (X, Y, Z) change, and
    /// Î(X;Y|Z) = Î(X; (Y, Z)) − Î(X; Z) is counted as the unconditional test counts Î. Permutation j is driven by its own
    /// xoshiro256** stream seeded from (<paramref name="seed"/>, j): the same bits on any number of cores. p = (b + 1)/(m + 1)
    /// (Phipson &amp; Smyth 2010).
    /// </para>
    /// <para>
    /// This is the exact answer where <see cref="ConditionalGTest{TX, TY, TZ}(ReadOnlySpan{TX}, ReadOnlySpan{TY}, ReadOnlySpan{TZ})"/>'s
    /// χ² asymptotics fail (many strata, few rows per stratum). A stratum of one row cannot be shuffled and adds nothing.
    /// </para>
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <typeparam name="TZ">The label type of Z.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="z">The Z label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="unit">The unit of the statistic and of the null's mean and standard deviation; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>Î(X;Y|Z), its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, or a label is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="unit"/> is not a defined <see cref="LogBase"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static PermutationTest ConditionalMutualInformation<TX, TY, TZ>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, int permutations, int seed, LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
        where TX : notnull
        where TY : notnull
        where TZ : notnull
    {
        CheckTriple(x.Length, y.Length, z.Length);
        CheckTestSettings(permutations, unit, maxDegreeOfParallelism);

        int n = x.Length;
        var codesX = new int[n];
        var codesY = new int[n];
        var codesZ = new int[n];
        int kx = LabelCounting.Encode(x, codesX, nameof(x));
        int ky = LabelCounting.Encode(y, codesY, nameof(y));
        int kz = LabelCounting.Encode(z, codesZ, nameof(z));

        // (Y, Z) pairs as one label, against which X is shuffled within the strata of Z.
        var pairs = new long[n];
        for (int i = 0; i < n; i++)
        {
            pairs[i] = ((long)codesY[i] * kz) + codesZ[i];
        }

        var codesYZ = new int[n];
        int kyz = LabelCounting.Encode<long>(pairs, codesYZ, nameof(y));
        var job = new LabelShuffleJob(codesYZ, kyz, codesX, kx, new Strata(codesZ, kz));
        return LabelTest(job, permutations, seed, unit, maxDegreeOfParallelism);
    }

    /// <summary>
    /// A permutation test of X ⫫ Y | Z for continuous samples by the Frenzel–Pompe estimate of I(X;Y|Z), with J. Runge's
    /// nearest-neighbour local permutation of X.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A global shuffle of X would also break its dependence on Z and reject conditional independence whenever X depends on
    /// Z. J. Runge, "Conditional independence testing based on a nearest-neighbor estimator of conditional mutual
    /// information", AISTATS 2018 (PMLR 84), Algorithm 1, shuffles locally instead: each row i lists its
    /// <paramref name="shuffleNeighbors"/> nearest rows in Z (maximum norm, row i itself included). For each permutation the
    /// rows are visited in a random order, each list is shuffled, and row i takes the X of the first row of its list not yet
    /// taken (the last one if all are), so X is drawn without replacement where possible and stays near its own Z. The
    /// statistic of a permutation is <see cref="Knn.ConditionalMutualInformation(double[,], double[,], double[,], int, KnnOptions?)"/>
    /// with X so replaced; the data are standardised and jittered once, as <paramref name="options"/> ask, and the indexes
    /// of Z and (Y, Z), which a shuffle of X does not change, are built once.
    /// </para>
    /// <para>
    /// Runge recommends 5 to 10 shuffle neighbours (tigramite's <c>CMIknn</c> uses 5); too many make the shuffle global, too
    /// few leave X almost in place. Permutation j is driven by its own seeded stream: the same bits on any number of cores;
    /// permutations run in parallel up to <see cref="KnnOptions.MaxDegreeOfParallelism"/>, each estimate on one thread.
    /// </para>
    /// </remarks>
    /// <param name="x">N points of X, one per row.</param>
    /// <param name="y">N points of Y, paired by row.</param>
    /// <param name="z">N points of the conditioning variable Z, paired by row.</param>
    /// <param name="permutations">m, the number of local shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order of the estimator, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="shuffleNeighbors">The neighbours in Z each row's X is drawn from, in [1, min(N, 1000)]; 5 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y|Z) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException">A sample matrix is null.</exception>
    /// <exception cref="ArgumentException">No columns, a coordinate is NaN or infinite, the row counts differ, a row of Z coincides with k or more other rows of Z (tied).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/>, <paramref name="k"/> or <paramref name="shuffleNeighbors"/> is outside its range.</exception>
    public static PermutationTest ConditionalMutualInformation(
        double[,] x, double[,] y, double[,] z, int permutations, int seed, int k = 3, int shuffleNeighbors = 5, KnnOptions? options = null)
    {
        var (xs, ys, zs) = Knn.FlattenTriple(x, y, z);
        return LocalPermutationTest(xs, x.GetLength(1), ys, y.GetLength(1), zs, z.GetLength(1), permutations, seed, k, shuffleNeighbors, options);
    }

    /// <summary>The local permutation test of X ⫫ Y | Z (Runge 2018) from flat row-major point sets.</summary>
    /// <remarks>As <see cref="ConditionalMutualInformation(double[,], double[,], double[,], int, int, int, int, KnnOptions?)"/>; J. Runge, AISTATS 2018, Algorithm 1, with Frenzel &amp; Pompe (2007).</remarks>
    /// <param name="x">N points of X, row after row.</param>
    /// <param name="xDimension">The dimension of X, ≥ 1.</param>
    /// <param name="y">N points of Y, paired by row.</param>
    /// <param name="yDimension">The dimension of Y, ≥ 1.</param>
    /// <param name="z">N points of Z, paired by row.</param>
    /// <param name="zDimension">The dimension of Z, ≥ 1.</param>
    /// <param name="permutations">m, the number of local shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="k">The neighbour order of the estimator, 1 ≤ k ≤ N − 1; 3 by default.</param>
    /// <param name="shuffleNeighbors">The neighbours in Z each row's X is drawn from, in [1, min(N, 1000)]; 5 by default.</param>
    /// <param name="options">Standardisation, jitter, search, unit and parallelism; <see cref="KnnOptions.Default"/> when null.</param>
    /// <returns>Î(X;Y|Z) in the unit of <paramref name="options"/>, its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">A length is not a multiple of its dimension, a value is NaN or infinite, the row counts differ, a row of Z coincides with k or more other rows of Z (tied).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1, or <paramref name="permutations"/>, <paramref name="k"/> or <paramref name="shuffleNeighbors"/> is outside its range.</exception>
    public static PermutationTest ConditionalMutualInformation(
        ReadOnlySpan<double> x, int xDimension, ReadOnlySpan<double> y, int yDimension, ReadOnlySpan<double> z, int zDimension,
        int permutations, int seed, int k = 3, int shuffleNeighbors = 5, KnnOptions? options = null)
    {
        var (xs, ys, zs) = Knn.CopyTriple(x, xDimension, y, yDimension, z, zDimension);
        return LocalPermutationTest(xs, xDimension, ys, yDimension, zs, zDimension, permutations, seed, k, shuffleNeighbors, options);
    }

    private static PermutationTest LocalPermutationTest(
        double[] xs, int dx, double[] ys, int dy, double[] zs, int dz, int permutations, int seed, int k, int shuffleNeighbors, KnnOptions? options)
    {
        options ??= KnnOptions.Default;
        int n = xs.Length / dx;
        Guard.InRange(permutations, 1, MaxPermutations, nameof(permutations));
        Guard.InRange(shuffleNeighbors, 1, Math.Min(n, MaxShuffleNeighbors), nameof(shuffleNeighbors));
        var sets = Knn.PrepareConditional(xs, dx, ys, dy, zs, dz, k, options with { Unit = LogBase.Nats });
        double observed = Knn.FrenzelPompeEstimate(sets, sets.X, options.MaxDegreeOfParallelism).Value;

        // Each row's nearest rows in Z, itself first (distance 0, and the lowest row among equals is not always itself).
        var neighbors = new int[n * shuffleNeighbors];
        var keys = new double[shuffleNeighbors];
        for (int i = 0; i < n; i++)
        {
            sets.ZIndex.Nearest(sets.Z.AsSpan(i * dz, dz), -1, keys, neighbors.AsSpan(i * shuffleNeighbors, shuffleNeighbors));
        }

        var nulls = RunPermutations(
            permutations, seed, options.MaxDegreeOfParallelism,
            () => new LocalShuffleScratch(n, dx, neighbors.Length),
            (random, scratch) =>
            {
                LocalShuffle(random, neighbors, shuffleNeighbors, scratch);
                PermuteRows(sets.X, dx, scratch.Take, scratch.X);
                return Knn.FrenzelPompeEstimate(sets, scratch.X, 1).Value;
            });
        return Summarize(observed, nulls, options.Unit);
    }

    // Runge (2018), Algorithm 1, in the order of tigramite's CMIknn: a random visiting order, every neighbour list shuffled,
    // then each visited row takes the first row of its list not yet taken, or the list's last row when all are.
    private static void LocalShuffle(StreamRandom random, int[] neighbors, int width, LocalShuffleScratch scratch)
    {
        int n = scratch.Take.Length;
        Span<int> order = scratch.Order;
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Shuffle(random, order);
        neighbors.CopyTo(scratch.Lists, 0);
        for (int i = 0; i < n; i++)
        {
            Shuffle(random, scratch.Lists.AsSpan(i * width, width));
        }

        Array.Clear(scratch.Taken);
        foreach (int i in order)
        {
            var list = scratch.Lists.AsSpan(i * width, width);
            int m = 0;
            while (scratch.Taken[list[m]] && m < width - 1)
            {
                m++;
            }

            scratch.Take[i] = list[m];
            scratch.Taken[list[m]] = true;
        }
    }

    // destination row i = source row take[i].
    private static void PermuteRows(double[] source, int dimension, int[] take, double[] destination)
    {
        for (int i = 0; i < take.Length; i++)
        {
            source.AsSpan(take[i] * dimension, dimension).CopyTo(destination.AsSpan(i * dimension, dimension));
        }
    }

    // <summary>One worker's buffers for the local permutation: the visiting order, the shuffled lists, the rows taken and the new X.</summary>
    private sealed class LocalShuffleScratch(int n, int dimension, int listsLength)
    {
        public int[] Order { get; } = new int[n];

        public int[] Lists { get; } = new int[listsLength];

        public bool[] Taken { get; } = new bool[n];

        public int[] Take { get; } = new int[n];

        public double[] X { get; } = new double[n * dimension];
    }

    // <summary>The rows of each stratum of a label, listed stratum by stratum in row order, for shuffles within strata.</summary>
    private sealed class Strata
    {
        // <summary>Groups the rows by their codes in [0, <paramref name="count"/>) with one counting sort.</summary>
        public Strata(int[] codes, int count)
        {
            Codes = codes;
            Count = count;
            Starts = new int[count + 1];
            foreach (int c in codes)
            {
                Starts[c + 1]++;
            }

            for (int s = 0; s < count; s++)
            {
                Starts[s + 1] += Starts[s];
            }

            var next = Starts[..count];
            Rows = new int[codes.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                Rows[next[codes[i]]++] = i;
            }
        }

        // <summary>The stratum code of each row.</summary>
        public int[] Codes { get; }

        // <summary>The number of strata.</summary>
        public int Count { get; }

        // <summary>Stratum s holds <c>Rows[Starts[s]..Starts[s + 1]]</c>.</summary>
        public int[] Starts { get; }

        // <summary>The rows, stratum after stratum.</summary>
        public int[] Rows { get; }
    }
}
