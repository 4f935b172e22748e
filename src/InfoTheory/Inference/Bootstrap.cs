using System.Buffers;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Inference;

/// <summary>Bootstrap confidence intervals, percentile and BCa, for any statistic of indexed data: labels, samples or rows.</summary>
/// <remarks>
/// <para>
/// The data are resampled with replacement B times; the statistic on each resample is a replicate θ̂*_b, and the interval
/// is read off the sorted replicates. Resample b draws its n indices from its own xoshiro256** stream seeded from
/// (seed, b), so the replicates, and every result, have the same bits on any number of cores. Quantiles interpolate
/// linearly between order statistics, as <c>numpy.percentile</c> does, and the formulas follow scipy's
/// <c>scipy.stats.bootstrap</c>; the values differ from scipy's only because the generators do.
/// </para>
/// <para>
/// For the kNN and Monte Carlo estimates, which carry a standard error, <see cref="InfoTheory.Estimate.ConfidenceInterval(double)"/>
/// is the cheaper interval; the kNN estimators also reject the repeated rows every bootstrap resample holds.
/// </para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>The most resamples an interval draws: 10⁶ replicates pin a 95% end point far below any sampling error.</summary>
    public const int MaxResamples = 1_000_000;

    /// <summary>The most observations an interval resamples: 2²⁶, whose index buffer (256 MB per thread) is already more than a bootstrap of B such resamples can use.</summary>
    public const int MaxObservations = 1 << 26;

    /// <summary>The most jackknife samples the BCa acceleration costs: above this many observations they leave out interleaved groups.</summary>
    public const int MaxJackknifeGroups = 1000;

    /// <summary>A bootstrap confidence interval of a statistic of n observations, given as a function of the indices of a resample.</summary>
    /// <remarks>
    /// <para>
    /// <paramref name="statistic"/> receives the indices of the observations it is to use, each in [0, n): 0, 1, …, n − 1 for
    /// the estimate, n indices drawn with replacement for each resample, and for BCa's jackknife the indices left after
    /// leaving some out. With α = (1 − level)/2, <see cref="BootstrapMethod.Percentile"/> gives the α and 1 − α quantiles
    /// of the replicates. <see cref="BootstrapMethod.Bca"/> (B. Efron, "Better bootstrap confidence intervals", JASA 82
    /// (1987), 171–185) gives the quantiles α₁ = Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))) and α₂ = Φ(z₀ + (z₀ + z_{1−α})/(1 − a(z₀ + z_{1−α}))),
    /// with the bias correction z₀ = Φ⁻¹((#{θ̂*_b &lt; θ̂} + #{θ̂*_b ≤ θ̂})/(2B)) and the acceleration
    /// a = Σ (θ̄ − θ̂₍ᵢ₎)³ / (6 (Σ (θ̄ − θ̂₍ᵢ₎)²)^{3/2}) over the jackknife values θ̂₍ᵢ₎ (leave observation i out) and
    /// their mean θ̄. Above <see cref="MaxJackknifeGroups"/> observations, θ̂₍ᵢ₎ leaves out group i of the observations
    /// whose index ≡ i modulo <see cref="MaxJackknifeGroups"/>, which estimates the same a at a bounded cost (sums of
    /// independent influences keep the ratio of the third moment to the second to the 3/2). When θ̂ lies outside every
    /// replicate, z₀ is taken at the most extreme proportion B replicates resolve, 1/(2B), where scipy gives NaN.
    /// </para>
    /// <para>
    /// The statistic is called from several threads at once (each with its own index span) and must not keep the span.
    /// It costs B + 1 calls, plus min(n, <see cref="MaxJackknifeGroups"/>) for BCa.
    /// </para>
    /// </remarks>
    /// <param name="n">The number of observations, in [2, <see cref="MaxObservations"/>].</param>
    /// <param name="statistic">The statistic of the observations at the given indices, in its own unit; finite on every resample.</param>
    /// <param name="resamples">B, the number of bootstrap resamples, in [2, <see cref="MaxResamples"/>] (999 or more for a 95% interval).</param>
    /// <param name="seed">The seed of the resamples.</param>
    /// <param name="method">How the interval is formed; BCa by default.</param>
    /// <param name="level">The coverage, in (0, 1); 0.95 by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>The statistic on all n observations, the interval around it in the statistic's unit, and the bootstrap standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistic"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="statistic"/> returned NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is outside [2, <see cref="MaxObservations"/>], <paramref name="resamples"/> is outside [2, <see cref="MaxResamples"/>], <paramref name="method"/> is not a defined <see cref="BootstrapMethod"/>, <paramref name="level"/> is not in (0, 1), or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static BootstrapInterval ConfidenceInterval(
        int n, Func<ReadOnlySpan<int>, double> statistic, int resamples, int seed,
        BootstrapMethod method = BootstrapMethod.Bca, double level = 0.95, int maxDegreeOfParallelism = -1)
    {
        Guard.Resamplable(n, nameof(n));
        ArgumentNullException.ThrowIfNull(statistic);
        Validate(resamples, method, level, maxDegreeOfParallelism);
        return Run(n, () => new IndexStatistic(statistic), resamples, seed, method, level, maxDegreeOfParallelism);
    }

    /// <summary>A bootstrap confidence interval of a statistic of paired labels (or values), resampling the pairs (x[i], y[i]) together.</summary>
    /// <remarks>
    /// As <see cref="ConfidenceInterval(int, Func{ReadOnlySpan{int}, double}, int, int, BootstrapMethod, double, int)"/>
    /// with the statistic handed the resampled pairs instead of their indices, so
    /// <c>Bootstrap.ConfidenceInterval(x, y, (a, b) =&gt; MutualInformation.FromSamples(a, b), 999, seed)</c> bootstraps the
    /// plug-in mutual information. Each thread gathers the pairs into buffers of its own (no allocation per resample).
    /// </remarks>
    /// <typeparam name="TX">The element type of X.</typeparam>
    /// <typeparam name="TY">The element type of Y.</typeparam>
    /// <param name="x">The X value of each observation; from 2 to <see cref="MaxObservations"/> of them.</param>
    /// <param name="y">The Y value of each observation; same length as <paramref name="x"/>.</param>
    /// <param name="statistic">The statistic of paired sequences, in its own unit; finite on every resample.</param>
    /// <param name="resamples">B, the number of bootstrap resamples, in [2, <see cref="MaxResamples"/>] (999 or more for a 95% interval).</param>
    /// <param name="seed">The seed of the resamples.</param>
    /// <param name="method">How the interval is formed; BCa by default.</param>
    /// <param name="level">The coverage, in (0, 1); 0.95 by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>The statistic on the pairs as given, the interval around it in the statistic's unit, and the bootstrap standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistic"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="statistic"/> returned NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> has fewer than 2 or more than <see cref="MaxObservations"/> elements, <paramref name="resamples"/> is outside [2, <see cref="MaxResamples"/>], <paramref name="method"/> is not a defined <see cref="BootstrapMethod"/>, <paramref name="level"/> is not in (0, 1), or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static BootstrapInterval ConfidenceInterval<TX, TY>(
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, Func<ReadOnlySpan<TX>, ReadOnlySpan<TY>, double> statistic, int resamples, int seed,
        BootstrapMethod method = BootstrapMethod.Bca, double level = 0.95, int maxDegreeOfParallelism = -1)
    {
        Guard.Resamplable(x.Length, nameof(x));
        Guard.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        ArgumentNullException.ThrowIfNull(statistic);
        Validate(resamples, method, level, maxDegreeOfParallelism);
        TX[] xs = x.ToArray();
        TY[] ys = y.ToArray();
        return Run(xs.Length, () => new PairStatistic<TX, TY>(xs, ys, statistic), resamples, seed, method, level, maxDegreeOfParallelism);
    }

    // <summary>The interval from a statistic's value on the data, its replicates and (for BCa) its jackknife values.</summary>
    // <param name="estimate">θ̂.</param>
    // <param name="replicates">The B replicates in resample order; sorted in place.</param>
    // <param name="jackknife">The jackknife values; unused by the percentile method.</param>
    // <param name="method">A defined method.</param>
    // <param name="level">The coverage, in (0, 1).</param>
    internal static BootstrapInterval Interval(double estimate, Span<double> replicates, ReadOnlySpan<double> jackknife, BootstrapMethod method, double level)
    {
        double standardError = SampleStandardDeviation(replicates);
        double alpha = (1 - level) / 2;
        (double low, double high) = method == BootstrapMethod.Bca ? BcaLevels(estimate, replicates, jackknife, alpha) : (alpha, 1 - alpha);
        replicates.Sort();
        return new BootstrapInterval(
            estimate, Quantile(replicates, low), Quantile(replicates, high), level, method, replicates.Length, standardError);
    }

    private static void Validate(int resamples, BootstrapMethod method, double level, int maxDegreeOfParallelism)
    {
        Guard.InRange(resamples, 2, MaxResamples, nameof(resamples));
        Guard.Defined(method, nameof(method));
        Guard.OpenUnitInterval(level, nameof(level));
        Guard.DegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
    }

    // Tasks 0..B−1 are the resamples, B.. the jackknife groups; what task t computes depends on t alone, so workers may claim them in any order.
    private static BootstrapInterval Run(
        int n, Func<IResampledStatistic> newWorker, int resamples, int seed, BootstrapMethod method, double level, int maxDegreeOfParallelism)
    {
        int groups = method == BootstrapMethod.Bca ? Math.Min(n, MaxJackknifeGroups) : 0;
        var values = new double[resamples + groups];
        ulong root = (ulong)(uint)seed;
        int[] all = new int[n];
        for (int i = 0; i < n; i++)
        {
            all[i] = i;
        }

        double estimate = newWorker().Evaluate(all);
        Guard.StatisticValue(estimate, "on the data as given", "statistic");

        var workers = new (IResampledStatistic Statistic, int[] Indices, StreamRandom Random)[IndexedWork.Workers(values.Length, maxDegreeOfParallelism)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = (newWorker(), ArrayPool<int>.Shared.Rent(n), new StreamRandom(0));
        }

        try
        {
            IndexedWork.For(values.Length, workers, (t, worker) =>
            {
                Span<int> sample = worker.Indices.AsSpan(0, n);
                if (t < resamples)
                {
                    worker.Random.Reseed(StreamRandom.BlockSeed(root, t));
                    for (int i = 0; i < sample.Length; i++)
                    {
                        sample[i] = worker.Random.Next(n);
                    }
                }
                else
                {
                    sample = LeaveOut(t - resamples, groups, sample);
                }

                values[t] = worker.Statistic.Evaluate(sample);
            });
        }
        finally
        {
            foreach (var worker in workers)
            {
                ArrayPool<int>.Shared.Return(worker.Indices);
            }
        }

        for (int t = 0; t < values.Length; t++)
        {
            Guard.StatisticValue(
                values[t], t < resamples ? $"on bootstrap resample {t}" : $"on jackknife sample {t - resamples}", "statistic");
        }

        return Interval(estimate, values.AsSpan(0, resamples), values.AsSpan(resamples), method, level);
    }

    // <summary>The indices 0..n − 1 without those ≡ <paramref name="group"/> modulo <paramref name="groups"/>, written into <paramref name="destination"/> (length n).</summary>
    private static Span<int> LeaveOut(int group, int groups, Span<int> destination)
    {
        int kept = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            if (i % groups != group)
            {
                destination[kept++] = i;
            }
        }

        return destination[..kept];
    }

    private static (double Low, double High) BcaLevels(double estimate, ReadOnlySpan<double> replicates, ReadOnlySpan<double> jackknife, double alpha)
    {
        int below = 0, atOrBelow = 0;
        foreach (double r in replicates)
        {
            below += r < estimate ? 1 : 0;
            atOrBelow += r <= estimate ? 1 : 0;
        }

        // An estimate outside every replicate would make z₀ infinite; the finest proportion B replicates resolve stands in.
        double b = replicates.Length;
        double proportion = Math.Clamp((below + atOrBelow) / (2 * b), 1 / (2 * b), 1 - (1 / (2 * b)));
        double z0 = Normal.InvCDF(0, 1, proportion);

        double mean = 0;
        foreach (double v in jackknife)
        {
            mean += v;
        }

        mean /= jackknife.Length;
        double cubes = 0, squares = 0;
        foreach (double v in jackknife)
        {
            double d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }

        double acceleration = squares > 0 ? cubes / (6 * Math.Pow(squares, 1.5)) : 0;
        double zAlpha = Normal.InvCDF(0, 1, alpha);
        double Level(double z)
        {
            double shifted = z0 + z;
            return Normal.CDF(0, 1, z0 + (shifted / (1 - (acceleration * shifted))));
        }

        return (Level(zAlpha), Level(-zAlpha));
    }

    // <summary>The q-quantile of sorted values, interpolated linearly between order statistics as numpy's default (and its rounding) has it.</summary>
    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = Math.Clamp((int)Math.Floor(h), 0, sorted.Length - 1);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        double t = h - lo, a = sorted[lo], b = sorted[hi], difference = b - a;
        return t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
    }

    private static double SampleStandardDeviation(ReadOnlySpan<double> values)
    {
        // Welford's update, in resample order.
        double mean = 0, sumSquares = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double delta = values[i] - mean;
            mean += delta / (i + 1);
            sumSquares += delta * (values[i] - mean);
        }

        return Math.Sqrt(sumSquares / (values.Length - 1));
    }

    // <summary>One thread's view of the statistic: whatever buffers it needs to evaluate on a set of indices.</summary>
    private interface IResampledStatistic
    {
        double Evaluate(ReadOnlySpan<int> indices);
    }

    private sealed class IndexStatistic(Func<ReadOnlySpan<int>, double> statistic) : IResampledStatistic
    {
        public double Evaluate(ReadOnlySpan<int> indices) => statistic(indices);
    }

    private sealed class PairStatistic<TX, TY>(TX[] x, TY[] y, Func<ReadOnlySpan<TX>, ReadOnlySpan<TY>, double> statistic) : IResampledStatistic
    {
        private readonly TX[] _x = new TX[x.Length];
        private readonly TY[] _y = new TY[y.Length];

        public double Evaluate(ReadOnlySpan<int> indices)
        {
            for (int i = 0; i < indices.Length; i++)
            {
                _x[i] = x[indices[i]];
                _y[i] = y[indices[i]];
            }

            return statistic(_x.AsSpan(0, indices.Length), _y.AsSpan(0, indices.Length));
        }
    }
}
