using System.Buffers;
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
        Guard.InRange(permutations, 1, MaxPermutations, nameof(permutations));
        Guard.Defined(unit, nameof(unit));
        Guard.DegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));

        int n = x.Length;
        var codesX = new int[n];
        var codesY = new int[n];
        int kx = LabelCounting.Encode(x, codesX, nameof(x));
        int ky = LabelCounting.Encode(y, codesY, nameof(y));
        var job = new LabelShuffleJob(codesX, kx, codesY, ky, (ulong)(uint)seed);
        double observed = job.Statistic(codesY, job.NewScratch());
        var nulls = new double[permutations];
        RunPermutations(job, nulls, maxDegreeOfParallelism);
        return Summarize(observed, nulls, unit);
    }

    // Workers claim permutations in any order; what permutation j computes depends on j alone.
    private static void RunPermutations(LabelShuffleJob job, double[] nulls, int maxDegreeOfParallelism)
    {
        int workers = Math.Min(nulls.Length, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism);
        int next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            int[] shuffled = ArrayPool<int>.Shared.Rent(job.Length);
            var scratch = job.NewScratch();
            var random = new StreamRandom(0);
            int j;
            while ((j = Interlocked.Increment(ref next)) < nulls.Length)
            {
                random.Reseed(StreamRandom.BlockSeed(job.Seed, j));
                nulls[j] = job.Statistic(job.Shuffle(random, shuffled.AsSpan(0, job.Length)), scratch);
            }

            ArrayPool<int>.Shared.Return(shuffled);
        });
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

    /// <summary>The shared, read-only part of a label permutation test: the codes, their marginal sums and c·ln c for every count.</summary>
    private sealed class LabelShuffleJob
    {
        private readonly int[] _x;
        private readonly int[] _y;
        private readonly int _ky;
        private readonly long _cells;
        private readonly double[] _cLogC;
        private readonly double _constant;

        public LabelShuffleJob(int[] x, int kx, int[] y, int ky, ulong seed)
        {
            _x = x;
            _y = y;
            _ky = ky;
            Seed = seed;
            int n = x.Length;
            _cells = (long)kx * ky;

            // c·ln c looked up, not computed, in the per-permutation sum over cells.
            _cLogC = new double[n + 1];
            for (int c = 2; c <= n; c++)
            {
                _cLogC[c] = c * Math.Log(c);
            }

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

            _constant = sum;
        }

        public int Length => _x.Length;

        public ulong Seed { get; }

        /// <summary>The counting space of one worker: a dense table of the joint cells when they are few, else pair keys to sort.</summary>
        public int[] NewScratch() => new int[_cells <= LabelCounting.DenseLimit(_x.Length) ? (int)_cells : 2 * _x.Length];

        /// <summary>Fisher–Yates over a copy of the original Y codes, by <paramref name="random"/>.</summary>
        public ReadOnlySpan<int> Shuffle(StreamRandom random, Span<int> destination)
        {
            _y.CopyTo(destination);
            for (int i = destination.Length - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (destination[i], destination[j]) = (destination[j], destination[i]);
            }

            return destination;
        }

        /// <summary>Î(X;Y) in nats with Y's codes in the order <paramref name="y"/>, counted in <paramref name="scratch"/>.</summary>
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
