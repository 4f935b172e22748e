using System.Runtime.ExceptionServices;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Monte Carlo estimates of divergences and entropies between densities that can be evaluated and
/// sampled: Kullback–Leibler, Jensen–Shannon, cross-entropy and differential entropy.
/// </summary>
/// <remarks>
/// <para>
/// Each estimate averages one term per sample and reports the mean with its standard error
/// (sample standard deviation of the terms over √n), the sample count and the fraction of
/// samples whose log-ratio or term the <see cref="MonteCarloOptions"/> clamps changed (each counted once).
/// </para>
/// <para>
/// Determinism: the samples are cut into fixed blocks of <see cref="BlockSize"/> draws. Block b
/// draws from its own xoshiro256** stream seeded from (root, b), where the root comes from the
/// caller's seed (or one <see cref="Random.NextInt64()"/> of the caller's generator), and block
/// results are combined in block order. The same seed therefore gives the same bits whether the
/// blocks run on one core or several, in any order.
/// </para>
/// <para>
/// Cost: one batched sample and one or two batched log-density calls per chunk of 256 points into
/// buffers allocated once per worker, so the work allocates nothing per sample.
/// </para>
/// <para>
/// Failures: an exception thrown by the caller's <see cref="IDensity"/> reaches the caller as itself, never wrapped
/// in an <see cref="AggregateException"/>. When several blocks fail, the one from the lowest block index is thrown,
/// so which exception surfaces does not depend on thread scheduling either.
/// </para>
/// </remarks>
public static partial class MonteCarlo
{
    /// <summary>How many samples form one independently seeded block.</summary>
    public const int BlockSize = 16384;

    private const int ChunkSize = 256;

    // Scaled deviations stay below 2^ScaledLimit, so int.MaxValue of their squares sum to less than 2^991, far from overflow.
    private const int ScaledLimit = 480;

    private static readonly double ScaledBound = Math.ScaleB(1.0, ScaledLimit);

    private enum Quantity
    {
        KullbackLeibler,
        JensenShannon,
        CrossEntropy,
        Entropy,
    }

    /// <summary>Estimates KL(p‖q) by sampling from p.</summary>
    /// <remarks>
    /// KL(p‖q) = E_p[ℓ(x)] with ℓ = log p(x) − log q(x) = −log r, the log-ratio clipped to the interval in
    /// <paramref name="options"/>. The estimator of <paramref name="options"/> picks the term averaged: k1 = ℓ,
    /// k2 = ½ℓ², k3 = e^(−ℓ) − 1 + ℓ or |ℓ| (J. Schulman 2020, "Approximating KL divergence"; see
    /// <see cref="MonteCarloEstimator"/>), and the term is then clamped to the term interval. Without clipping, a
    /// sample where q(x) = 0 makes the estimate +∞ (standard error +∞). For log-probabilities already computed, see
    /// <see cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, MonteCarloOptions?)"/>.
    /// </remarks>
    /// <param name="p">The density the expectation is taken under; it is sampled.</param>
    /// <param name="q">The reference density, of the same dimension.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="seed">The seed; the same seed gives the same result on any number of cores.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of KL(p‖q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or p gave its own sample zero or infinite density.</exception>
    public static Estimate KullbackLeibler(IDensity p, IDensity q, int samples, int seed, MonteCarloOptions? options = null)
    {
        options = Validate(p, q, samples, options);
        return Run(Quantity.KullbackLeibler, p, q, samples, (ulong)(long)seed, options);
    }

    /// <summary>Estimates KL(p‖q) by sampling from p, seeding from the caller's generator.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler(IDensity, IDensity, int, int, MonteCarloOptions?)"/>; the block
    /// streams are rooted at one <see cref="Random.NextInt64()"/> drawn from <paramref name="random"/>.
    /// </remarks>
    /// <param name="p">The density the expectation is taken under; it is sampled.</param>
    /// <param name="q">The reference density, of the same dimension.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="random">The caller's generator; exactly one value is drawn from it.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of KL(p‖q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/>, <paramref name="q"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or p gave its own sample zero or infinite density.</exception>
    public static Estimate KullbackLeibler(IDensity p, IDensity q, int samples, Random random, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options = Validate(p, q, samples, options);
        return Run(Quantity.KullbackLeibler, p, q, samples, (ulong)random.NextInt64(), options);
    }

    /// <summary>Estimates the Jensen–Shannon divergence JSD(p, q) through the mixture m = (p + q)/2.</summary>
    /// <remarks>
    /// JSD = ½ KL(p‖m) + ½ KL(q‖m). Each term pairs x ~ p with y ~ q:
    /// ½ a(x) + ½ b(y) with a = log p − log m = ln 2 − ln(1 + e^(−ℓ)) and ℓ = log p(x) − log q(x)
    /// clipped (b likewise with the roles of p and q swapped). Each of a and b is a KL(·‖m) log-ratio, so every
    /// <see cref="MonteCarloEstimator"/> applies to it as to KL: k3 averages e^(−a) − 1 + a instead of a, k2 ½a²,
    /// <see cref="MonteCarloEstimator.AbsoluteLogRatio"/> |a| (Schulman 2020), and the term clamp acts on each of the two
    /// terms. The result lies in [0, ln 2] up to sampling error (k2 and |a| are biased upwards)
    /// and can be slightly negative with k1 when p ≈ q. The clipped fraction counts
    /// both log-ratios of each term (2n in all), each once if either clamp changed it.
    /// </remarks>
    /// <param name="p">The first density; it is sampled.</param>
    /// <param name="q">The second density, of the same dimension; it is sampled.</param>
    /// <param name="samples">The number of (x, y) pairs, ≥ 2.</param>
    /// <param name="seed">The seed; the same seed gives the same result on any number of cores.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of JSD(p, q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or a density gave its own sample zero or infinite density.</exception>
    public static Estimate JensenShannon(IDensity p, IDensity q, int samples, int seed, MonteCarloOptions? options = null)
    {
        options = Validate(p, q, samples, options);
        return Run(Quantity.JensenShannon, p, q, samples, (ulong)(long)seed, options);
    }

    /// <summary>Estimates the Jensen–Shannon divergence JSD(p, q), seeding from the caller's generator.</summary>
    /// <remarks>As <see cref="JensenShannon(IDensity, IDensity, int, int, MonteCarloOptions?)"/>; exactly one value is drawn from <paramref name="random"/>.</remarks>
    /// <param name="p">The first density; it is sampled.</param>
    /// <param name="q">The second density, of the same dimension; it is sampled.</param>
    /// <param name="samples">The number of (x, y) pairs, ≥ 2.</param>
    /// <param name="random">The caller's generator.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of JSD(p, q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/>, <paramref name="q"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or a density gave its own sample zero or infinite density.</exception>
    public static Estimate JensenShannon(IDensity p, IDensity q, int samples, Random random, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options = Validate(p, q, samples, options);
        return Run(Quantity.JensenShannon, p, q, samples, (ulong)random.NextInt64(), options);
    }

    /// <summary>Estimates the cross-entropy H(p, q) = E_p[−log q(x)] by sampling from p.</summary>
    /// <remarks>
    /// Written as H(p, q) = E_p[−log p(x)] + KL(p‖q), each term is −log p(x) + t(ℓ) where t is the
    /// KL term of the chosen estimator on the clipped log-ratio ℓ, clamped to the term interval; without clipping and
    /// with k1 this is exactly −log q(x). k3 adds the zero-mean e^(−ℓ) − 1; k2 and
    /// <see cref="MonteCarloEstimator.AbsoluteLogRatio"/> replace the KL part by their biased terms (Schulman 2020).
    /// </remarks>
    /// <param name="p">The density the expectation is taken under; it is sampled.</param>
    /// <param name="q">The coding density, of the same dimension.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="seed">The seed; the same seed gives the same result on any number of cores.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of H(p, q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or p gave its own sample zero or infinite density.</exception>
    public static Estimate CrossEntropy(IDensity p, IDensity q, int samples, int seed, MonteCarloOptions? options = null)
    {
        options = Validate(p, q, samples, options);
        return Run(Quantity.CrossEntropy, p, q, samples, (ulong)(long)seed, options);
    }

    /// <summary>Estimates the cross-entropy H(p, q) by sampling from p, seeding from the caller's generator.</summary>
    /// <remarks>As <see cref="CrossEntropy(IDensity, IDensity, int, int, MonteCarloOptions?)"/>; exactly one value is drawn from <paramref name="random"/>.</remarks>
    /// <param name="p">The density the expectation is taken under; it is sampled.</param>
    /// <param name="q">The coding density, of the same dimension.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="random">The caller's generator.</param>
    /// <param name="options">Clipping, estimator, unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of H(p, q) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/>, <paramref name="q"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">A density reports a dimension below 1, the dimensions differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">A density returned NaN, or p gave its own sample zero or infinite density.</exception>
    public static Estimate CrossEntropy(IDensity p, IDensity q, int samples, Random random, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options = Validate(p, q, samples, options);
        return Run(Quantity.CrossEntropy, p, q, samples, (ulong)random.NextInt64(), options);
    }

    /// <summary>Estimates the differential entropy h(p) = E_p[−log p(x)] by sampling from p.</summary>
    /// <remarks>There is no ratio here, so the clipping intervals and estimator of <paramref name="options"/> must be left at their defaults (no clipping, k1); only the unit and parallelism apply.</remarks>
    /// <param name="p">The density; it is sampled.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="seed">The seed; the same seed gives the same result on any number of cores.</param>
    /// <param name="options">Unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of h(p) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> reports a dimension below 1, or <paramref name="options"/> asks for clipping or an estimator other than <see cref="MonteCarloEstimator.K1"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">p returned NaN, or gave its own sample zero or infinite density.</exception>
    public static Estimate Entropy(IDensity p, int samples, int seed, MonteCarloOptions? options = null)
    {
        options = ValidateEntropy(p, samples, options);
        return Run(Quantity.Entropy, p, p, samples, (ulong)(long)seed, options);
    }

    /// <summary>Estimates the differential entropy h(p) by sampling from p, seeding from the caller's generator.</summary>
    /// <remarks>As <see cref="Entropy(IDensity, int, int, MonteCarloOptions?)"/>; exactly one value is drawn from <paramref name="random"/>.</remarks>
    /// <param name="p">The density; it is sampled.</param>
    /// <param name="samples">The number of draws from p, ≥ 2.</param>
    /// <param name="random">The caller's generator.</param>
    /// <param name="options">Unit and parallelism; <see cref="MonteCarloOptions.Default"/> when null.</param>
    /// <returns>The estimate of h(p) in the unit of <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> reports a dimension below 1, or <paramref name="options"/> asks for clipping or an estimator other than <see cref="MonteCarloEstimator.K1"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 2, a density's dimension is too large for a batch of points.</exception>
    /// <exception cref="InvalidOperationException">p returned NaN, or gave its own sample zero or infinite density.</exception>
    public static Estimate Entropy(IDensity p, int samples, Random random, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        options = ValidateEntropy(p, samples, options);
        return Run(Quantity.Entropy, p, p, samples, (ulong)random.NextInt64(), options);
    }

    private static MonteCarloOptions Validate(IDensity p, IDensity q, int samples, MonteCarloOptions? options)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Guard.SameDimension(
            Guard.DensityDimension(p, ChunkSize, nameof(p)), Guard.DensityDimension(q, ChunkSize, nameof(q)), nameof(p), nameof(q));
        return ValidateCommon(samples, options);
    }

    private static MonteCarloOptions ValidateEntropy(IDensity p, int samples, MonteCarloOptions? options)
    {
        ArgumentNullException.ThrowIfNull(p);
        Guard.DensityDimension(p, ChunkSize, nameof(p));
        options = ValidateCommon(samples, options);
        if (options.LogRatioMin != double.NegativeInfinity || options.LogRatioMax != double.PositiveInfinity
            || options.TermMin != double.NegativeInfinity || options.TermMax != double.PositiveInfinity
            || options.Estimator != MonteCarloEstimator.K1)
        {
            throw new ArgumentException(
                "options asks for clipping or an estimator other than K1; entropy has no log-ratio, so only Unit and MaxDegreeOfParallelism apply.",
                nameof(options));
        }

        return options;
    }

    private static MonteCarloOptions ValidateCommon(int samples, MonteCarloOptions? options)
    {
        Guard.InRange(samples, 2, int.MaxValue, nameof(samples));
        return options ?? MonteCarloOptions.Default;
    }

    private static Estimate Run(Quantity quantity, IDensity p, IDensity q, int samples, ulong root, MonteCarloOptions options)
    {
        int dimension = p.Dimension;
        var job = new Job(quantity, p, q, dimension, samples, root, options);
        int blocks = (int)(((long)samples + BlockSize - 1) / BlockSize);
        var results = new BlockResult[blocks];
        if (blocks == 1 || options.MaxDegreeOfParallelism == 1)
        {
            var worker = new Worker(dimension);
            for (int b = 0; b < blocks; b++)
            {
                results[b] = job.RunBlock(b, worker);
            }
        }
        else
        {
            RunParallel(job, dimension, results, options.MaxDegreeOfParallelism);
        }

        return Combine(results, samples, quantity == Quantity.JensenShannon ? 2L * samples : samples, options.Unit);
    }

    // A fixed set of workers claims blocks in increasing order; what a block computes depends only on its index, so
    // the claim order (thread scheduling) cannot change the result. A failing block stops further claims; every block
    // below it was claimed earlier and runs to its end, so the lowest failing block is always among those that ran
    // and its exception is the one rethrown, whatever the timing.
    private static void RunParallel(Job job, int dimension, BlockResult[] results, int maxDegreeOfParallelism)
    {
        int blocks = results.Length;
        int workers = IndexedWork.Workers(blocks, maxDegreeOfParallelism);
        var failures = new ExceptionDispatchInfo?[blocks];
        int next = -1;
        int firstFailure = int.MaxValue;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var worker = new Worker(dimension);
            int b;
            while (Volatile.Read(ref firstFailure) == int.MaxValue && (b = Interlocked.Increment(ref next)) < blocks)
            {
                try
                {
                    results[b] = job.RunBlock(b, worker);
                }
                catch (Exception e)
                {
                    // The caller's IDensity may throw anything; it is kept as thrown and rethrown after the join.
                    failures[b] = ExceptionDispatchInfo.Capture(e);
                    int seen;
                    while (b < (seen = Volatile.Read(ref firstFailure)) && Interlocked.CompareExchange(ref firstFailure, b, seen) != seen)
                    {
                    }
                }
            }
        });

        if (firstFailure != int.MaxValue)
        {
            failures[firstFailure]!.Throw();
        }
    }

    // Chan, Golub & LeVeque's pairwise update, applied in block order so the bits never depend on scheduling. It runs in
    // units of 2^scale, the smallest power that keeps every block mean below 2^ScaledLimit, so that the squared spread of
    // terms near 1e300 (a legitimate KL between a wide and a very narrow Gaussian) is not ∞ − ∞; scale is 0, and the
    // arithmetic the plain one, whenever the terms are below about 1e144.
    private static Estimate Combine(BlockResult[] results, int samples, long ratios, LogBase unit)
    {
        int scale = 0;
        foreach (var r in results)
        {
            if (r.Count > 0)
            {
                scale = Math.Max(scale, Math.Max(r.Scale, ScaleFor(BlockMean(r))));
            }
        }

        long n = 0;
        long clipped = 0;
        long infinite = 0;
        double mean = 0;
        double m2 = 0;
        foreach (var r in results)
        {
            clipped += r.Clipped;
            infinite += r.Infinite;
            if (r.Count == 0)
            {
                continue;
            }

            double blockMean = Math.ScaleB(BlockMean(r), -scale);
            double blockM2 = Math.ScaleB(Math.Max(r.SumSquares - (r.Sum * r.Sum / r.Count), 0.0), 2 * (r.Scale - scale));
            long total = n + r.Count;
            double delta = blockMean - mean;
            mean += delta * r.Count / total;
            m2 += blockM2 + (delta * delta * n * r.Count / total);
            n = total;
        }

        double fraction = (double)clipped / ratios;
        if (infinite > 0)
        {
            return new Estimate(double.PositiveInfinity, double.PositiveInfinity, samples, fraction);
        }

        double standardError = Math.ScaleB(Math.Sqrt(m2 / (n - 1) / n), scale);
        return new Estimate(Units.FromNats(Math.ScaleB(mean, scale), unit), Units.FromNats(standardError, unit), samples, fraction);
    }

    private static double BlockMean(BlockResult r) => r.Shift + Math.ScaleB(r.Sum / r.Count, r.Scale);

    // The power of two that brings a finite x below 2^ScaledLimit; 0 when it already is.
    private static int ScaleFor(double x) => double.IsFinite(x) && x != 0 ? Math.Max(0, Math.ILogB(x) + 1 - ScaledLimit) : 0;

    // Sum and SumSquares hold the deviations from Shift in units of 2^Scale (and their squares in units of 2^(2·Scale)).
    private readonly record struct BlockResult(long Count, double Shift, double Sum, double SumSquares, int Scale, long Clipped, long Infinite);

    private sealed class Worker(int dimension)
    {
        public StreamRandom Random { get; } = new(0);

        public double[] X { get; } = new double[ChunkSize * dimension];

        public double[] Y { get; } = new double[ChunkSize * dimension];

        public double[] LogPx { get; } = new double[ChunkSize];

        public double[] LogQx { get; } = new double[ChunkSize];

        public double[] LogPy { get; } = new double[ChunkSize];

        public double[] LogQy { get; } = new double[ChunkSize];

        public double[] Terms { get; } = new double[ChunkSize];
    }

    private sealed class Job(Quantity quantity, IDensity p, IDensity q, int d, int samples, ulong root, MonteCarloOptions options)
    {
        private readonly double _min = options.LogRatioMin;
        private readonly double _max = options.LogRatioMax;
        private readonly double _termMin = options.TermMin;
        private readonly double _termMax = options.TermMax;
        private readonly MonteCarloEstimator _estimator = options.Estimator;

        public BlockResult RunBlock(int block, Worker worker)
        {
            worker.Random.Reseed(StreamRandom.BlockSeed(root, block));
            int start = block * BlockSize;
            int count = Math.Min(BlockSize, samples - start);
            long clipped = 0;
            long infinite = 0;
            long finite = 0;
            double shift = 0;
            double sum = 0;
            double sumSquares = 0;
            int scale = 0;
            double unit = 1.0;
            for (int done = 0; done < count; done += ChunkSize)
            {
                int m = Math.Min(ChunkSize, count - done);
                clipped += FillTerms(worker, m);
                ReadOnlySpan<double> terms = worker.Terms.AsSpan(0, m);
                foreach (double t in terms)
                {
                    if (double.IsPositiveInfinity(t))
                    {
                        infinite++;
                        continue;
                    }

                    if (finite == 0)
                    {
                        shift = t;
                    }

                    // Multiplying by a power of two is exact, so while scale is 0 these are the plain sums. Each end is
                    // scaled before the subtraction so that t − shift cannot overflow either.
                    double delta = (t * unit) - (shift * unit);
                    if (!(Math.Abs(delta) < ScaledBound))
                    {
                        int grow = Math.Max(ScaleFor(t * unit), ScaleFor(shift * unit)) + 1;
                        scale += grow;
                        unit = Math.ScaleB(1.0, -scale);
                        sum = Math.ScaleB(sum, -grow);
                        sumSquares = Math.ScaleB(sumSquares, -2 * grow);
                        delta = (t * unit) - (shift * unit);
                    }

                    sum += delta;
                    sumSquares += delta * delta;
                    finite++;
                }
            }

            return new BlockResult(finite, shift, sum, sumSquares, scale, clipped, infinite);
        }

        // Writes m terms to worker.Terms and returns how many log-ratios were clipped.
        private long FillTerms(Worker w, int m)
        {
            Span<double> x = w.X.AsSpan(0, m * d);
            Span<double> lpx = w.LogPx.AsSpan(0, m);
            Span<double> lqx = w.LogQx.AsSpan(0, m);
            Span<double> terms = w.Terms.AsSpan(0, m);
            p.Sample(w.Random, x);
            p.LogDensity(x, lpx);
            long clipped = 0;
            switch (quantity)
            {
                case Quantity.Entropy:
                    for (int i = 0; i < m; i++)
                    {
                        terms[i] = -OwnLogDensity(lpx[i], nameof(p));
                    }

                    break;

                case Quantity.KullbackLeibler:
                case Quantity.CrossEntropy:
                    q.LogDensity(x, lqx);
                    for (int i = 0; i < m; i++)
                    {
                        double lp = OwnLogDensity(lpx[i], nameof(p));
                        double term = KlTerm(lp - Checked(lqx[i], nameof(q)), ref clipped);
                        terms[i] = quantity == Quantity.KullbackLeibler ? term : term - lp;
                    }

                    break;

                default:
                    Span<double> y = w.Y.AsSpan(0, m * d);
                    Span<double> lpy = w.LogPy.AsSpan(0, m);
                    Span<double> lqy = w.LogQy.AsSpan(0, m);
                    q.LogDensity(x, lqx);
                    q.Sample(w.Random, y);
                    p.LogDensity(y, lpy);
                    q.LogDensity(y, lqy);
                    for (int i = 0; i < m; i++)
                    {
                        double lx = OwnLogDensity(lpx[i], nameof(p)) - Checked(lqx[i], nameof(q));
                        double ly = OwnLogDensity(lqy[i], nameof(q)) - Checked(lpy[i], nameof(p));
                        terms[i] = 0.5 * (MixtureTerm(lx, ref clipped) + MixtureTerm(ly, ref clipped));
                    }

                    break;
            }

            return clipped;
        }

        // The estimator's term at the log-ratio ℓ: ℓ clamped, the term computed and clamped; a sample counts once as clipped.
        private double KlTerm(double logRatio, ref long clipped)
            => ClampTerm(Kernels.KlTerms.Of(_estimator, Math.Clamp(logRatio, _min, _max)), logRatio < _min || logRatio > _max, ref clipped);

        // The same for JSD, where the estimator acts on log p − log m, a function of the clamped ℓ.
        private double MixtureTerm(double logRatio, ref long clipped)
            => ClampTerm(
                Kernels.KlTerms.Of(_estimator, LogRatioToMixture(Math.Clamp(logRatio, _min, _max))), logRatio < _min || logRatio > _max, ref clipped);

        private double ClampTerm(double term, bool ratioClipped, ref long clipped)
        {
            double clamped = Math.Clamp(term, _termMin, _termMax);
            if (ratioClipped || clamped != term)
            {
                clipped++;
            }

            return clamped;
        }

        // log(a / ((a + b)/2)) from ℓ = log a − log b: ln 2 − ln(1 + e^(−ℓ)), evaluated without overflow.
        private static double LogRatioToMixture(double logRatio)
            => logRatio >= 0
                ? Numerics.Ln2 - Math.Log(1.0 + Math.Exp(-logRatio))
                : Numerics.Ln2 + logRatio - Math.Log(1.0 + Math.Exp(logRatio));

        private static double OwnLogDensity(double logDensity, string name)
        {
            if (!double.IsFinite(logDensity))
            {
                throw new InvalidOperationException(
                    $"{name} returned a log-density of {Guard.Format(logDensity)} at one of its own samples; a sampled point must have finite, positive density.");
            }

            return logDensity;
        }

        private static double Checked(double logDensity, string name)
        {
            if (double.IsNaN(logDensity) || double.IsPositiveInfinity(logDensity))
            {
                throw new InvalidOperationException(
                    $"{name} returned a log-density of {Guard.Format(logDensity)}; log-densities must be finite or -Infinity.");
            }

            return logDensity;
        }
    }
}
