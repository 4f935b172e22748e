using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Inference;

/// <content>Permutation tests of independence for plug-in mutual information of labels.</content>
public static partial class Significance
{
    /// <summary>The most permutations a test draws: 10⁶ resolve p-values to 1e-6, finer than any decision needs.</summary>
    public const int MaxPermutations = 1_000_000;

    /// <summary>A permutation test of the independence of two paired label sequences, by the plug-in mutual information Î(X;Y).</summary>
    /// <remarks>
    /// <para>
    /// Y is shuffled against X <paramref name="permutations"/> times; each shuffle keeps both marginals, so only the joint
    /// counts change, and the test reuses the label codes and one count table per thread (no allocation per permutation).
    /// Permutation j is a Fisher–Yates shuffle of the original order driven by its own xoshiro256** stream seeded from
    /// (<paramref name="seed"/>, j), so the null distribution, and every result, has the same bits on any number of cores.
    /// A permuted statistic counts as reaching the observed one when it is within 1e-12 relative of it or above (tables
    /// equal up to the order of their cells give sums equal up to rounding).
    /// </para>
    /// <para>
    /// Unlike <see cref="GTest{TX, TY}(ReadOnlySpan{TX}, ReadOnlySpan{TY})"/> this is exact for any sample size and any
    /// number of categories (up to the Monte Carlo error of the p-value, about √(p(1 − p)/m)). <see cref="PermutationTest.NullMean"/>
    /// is the bias of Î under independence; Î minus it is the shuffle-corrected estimate.
    /// </para>
    /// </remarks>
    /// <typeparam name="TX">The label type of X.</typeparam>
    /// <typeparam name="TY">The label type of Y.</typeparam>
    /// <param name="x">The X label of each observation; none null.</param>
    /// <param name="y">The Y label of each observation; none null, same length as <paramref name="x"/>.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>] (999 gives p-values in steps of 0.001).</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="unit">The unit of the statistic and of the null's mean and standard deviation; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>Î(X;Y), its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, or a label is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="unit"/> is not a defined <see cref="LogBase"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static PermutationTest MutualInformation<TX, TY>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, int permutations, int seed, LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
        where TX : notnull
        where TY : notnull
    {
        Guard.NotEmpty(x.Length, nameof(x));
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        CheckTestSettings(permutations, unit, maxDegreeOfParallelism);

        int n = x.Length;
        var codesX = new int[n];
        var codesY = new int[n];
        int kx = LabelCounting.Encode(x, codesX, nameof(x));
        int ky = LabelCounting.Encode(y, codesY, nameof(y));
        return LabelTest(new LabelShuffleJob(codesX, kx, codesY, ky, strata: null), permutations, seed, unit, maxDegreeOfParallelism);
    }

    // The settings every label test takes, checked in one place.
    private static void CheckTestSettings(int permutations, LogBase unit, int maxDegreeOfParallelism)
    {
        Guard.InRange(permutations, 1, MaxPermutations, nameof(permutations));
        Guard.Defined(unit, nameof(unit));
        Guard.DegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
    }

    // The label test of a prepared job: its statistic on the data as given against its shuffles.
    private static PermutationTest LabelTest(LabelShuffleJob job, int permutations, int seed, LogBase unit, int maxDegreeOfParallelism)
    {
        double observed = job.Statistic(job.Original, job.NewScratch());
        var nulls = RunPermutations(
            permutations, seed, maxDegreeOfParallelism,
            () => (Shuffled: new int[job.Length], Counts: job.NewScratch()),
            (random, scratch) => job.Statistic(job.Shuffle(random, scratch.Shuffled), scratch.Counts));
        return Summarize(observed, nulls, unit);
    }

    // <summary>
    // The m permuted statistics: permutation j is <paramref name="statistic"/> driven by its own xoshiro256** stream seeded
    // from (<paramref name="seed"/>, j), computed by whichever worker claims j, in a scratch of that worker's own.
    // </summary>
    // <remarks>What permutation j computes depends on j alone, so the statistics have the same bits on any number of cores.</remarks>
    private static double[] RunPermutations<TScratch>(
        int permutations, int seed, int maxDegreeOfParallelism, Func<TScratch> newScratch, Func<StreamRandom, TScratch, double> statistic)
    {
        var nulls = new double[permutations];
        var workers = new (TScratch Scratch, StreamRandom Random)[IndexedWork.Workers(permutations, maxDegreeOfParallelism)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = (newScratch(), new StreamRandom(0));
        }

        IndexedWork.For(permutations, workers, (j, worker) =>
        {
            worker.Random.Reseed(StreamRandom.BlockSeed((ulong)(uint)seed, j));
            nulls[j] = statistic(worker.Random, worker.Scratch);
        });

        return nulls;
    }

    // <summary>A Fisher–Yates shuffle of <paramref name="values"/> in place, by <paramref name="random"/>.</summary>
    private static void Shuffle(StreamRandom random, Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static PermutationTest Summarize(double observed, double[] nulls, LogBase unit)
    {
        double threshold = observed - (1e-12 * Math.Abs(observed));
        int exceedances = 0;
        double mean = 0, sumSquares = 0;
        for (int j = 0; j < nulls.Length; j++)
        {
            if (nulls[j] >= threshold)
            {
                exceedances++;
            }

            // Welford's update, in permutation order.
            double delta = nulls[j] - mean;
            mean += delta / (j + 1);
            sumSquares += delta * (nulls[j] - mean);
        }

        double sd = nulls.Length > 1 ? Math.Sqrt(sumSquares / (nulls.Length - 1)) : 0.0;
        return new PermutationTest(
            Units.FromNats(observed, unit), (exceedances + 1.0) / (nulls.Length + 1.0),
            Units.FromNats(mean, unit), Units.FromNats(sd, unit), nulls.Length, exceedances);
    }

    // <summary>
    // The shared, read-only part of a label permutation test: the codes, their marginal sums and c·ln c for every count.
    // Y is shuffled against X, over all rows or within each stratum of <see cref="Strata"/>.
    // </summary>
    private sealed class LabelShuffleJob
    {
        private readonly int[] _x;
        private readonly int[] _y;
        private readonly int _ky;
        private readonly Strata? _strata;
        private readonly long _cells;
        private readonly double[] _cLogC;
        private readonly double _constant;

        // <summary>A job for Î(X;Y), or with <paramref name="strata"/> for Î(X;Y) − Î(Y;Z), which is Î(Y;X′|Z) when X codes (X′, Z) pairs.</summary>
        public LabelShuffleJob(int[] x, int kx, int[] y, int ky, Strata? strata)
        {
            _x = x;
            _y = y;
            _ky = ky;
            _strata = strata;
            int n = x.Length;
            _cells = (long)kx * ky;

            // c·ln c looked up, not computed, in the per-permutation sum over cells.
            _cLogC = LabelCounting.CLogCTable(n);

            // Î = (Σ c_xy ln c_xy − Σ c_x ln c_x − Σ c_y ln c_y)/N + ln N, and only the first sum changes under a shuffle.
            Span<int> marginal = new int[Math.Max(kx, ky)];
            double sum = n * Math.Log(n);
            foreach (var (codes, k) in new[] { (x, kx), (y, ky) })
            {
                marginal[..k].Clear();
                LabelCounting.Histogram(codes, 0, marginal[..k]);
                foreach (int c in marginal[..k])
                {
                    sum -= _cLogC[c];
                }
            }

            // A shuffle within strata keeps the counts of (Y, Z) too, so Î(Y;Z) is a constant of the job.
            if (strata is not null)
            {
                var dependence = new LabelShuffleJob(strata.Codes, strata.Count, y, ky, strata: null);
                sum -= n * dependence.Statistic(y, dependence.NewScratch());
            }

            _constant = sum;
        }

        public int Length => _x.Length;

        public ReadOnlySpan<int> Original => _y;

        // <summary>The counting space of one worker: a dense table of the joint cells when they are few, else pair keys to sort.</summary>
        public int[] NewScratch() => new int[_cells <= LabelCounting.DenseLimit(_x.Length) ? (int)_cells : 2 * _x.Length];

        // <summary>Fisher–Yates over a copy of the original Y codes, by <paramref name="random"/>: over all rows, or stratum by stratum.</summary>
        public ReadOnlySpan<int> Shuffle(StreamRandom random, Span<int> destination)
        {
            _y.CopyTo(destination);
            if (_strata is null)
            {
                Significance.Shuffle(random, destination);
                return destination;
            }

            // The stratum's rows are listed in order, so the draws run within each stratum as over a span of its own.
            ReadOnlySpan<int> rows = _strata.Rows;
            for (int s = 0; s < _strata.Count; s++)
            {
                int start = _strata.Starts[s];
                for (int i = _strata.Starts[s + 1] - start - 1; i > 0; i--)
                {
                    int a = rows[start + i], b = rows[start + random.Next(i + 1)];
                    (destination[a], destination[b]) = (destination[b], destination[a]);
                }
            }

            return destination;
        }

        // <summary>Î(X;Y) in nats with Y's codes in the order <paramref name="y"/>, counted in <paramref name="scratch"/>.</summary>
        public double Statistic(ReadOnlySpan<int> y, int[] scratch)
        {
            double sum = _constant;
            if (_cells <= LabelCounting.DenseLimit(_x.Length))
            {
                Array.Clear(scratch);
                for (int i = 0; i < _x.Length; i++)
                {
                    scratch[(_x[i] * _ky) + y[i]]++;
                }

                foreach (int c in scratch)
                {
                    sum += _cLogC[c];
                }
            }
            else
            {
                // Too many cells for a table: sort the pair keys and add up their runs.
                Span<long> keys = System.Runtime.InteropServices.MemoryMarshal.Cast<int, long>(scratch.AsSpan());
                for (int i = 0; i < _x.Length; i++)
                {
                    keys[i] = ((long)_x[i] * _ky) + y[i];
                }

                keys.Sort();
                for (int start = 0, i = 1; i <= keys.Length; i++)
                {
                    if (i == keys.Length || keys[i] != keys[start])
                    {
                        sum += _cLogC[i - start];
                        start = i;
                    }
                }
            }

            return Math.Max(sum / _x.Length, 0.0);
        }
    }
}
