using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Sampled;

namespace InfoTheory.Inference;

/// <content>Two-sample permutation tests of equal distributions, by the divergences of <see cref="SampledDivergence"/>.</content>
public static partial class Significance
{
    /// <summary>A two-sample permutation test of P = Q by KL(P̂‖Q̂) between the smoothed histograms of two label samples.</summary>
    /// <remarks>
    /// <para>
    /// Under P = Q every split of the pooled n + m labels into n and m is equally likely, so the pooled sample is
    /// shuffled <paramref name="permutations"/> times, its first n labels taken as the first sample and the rest as the
    /// second, and <see cref="SampledDivergence.KullbackLeibler{T}(IEnumerable{T}, IEnumerable{T}, Smoothing, IEnumerable{T}?, LogBase)"/>
    /// computed over the same alphabet with the same smoothing. Permutation j is a partial Fisher–Yates shuffle driven by
    /// its own xoshiro256** stream seeded from (<paramref name="seed"/>, j): the same bits on any number of cores.
    /// p = (b + 1)/(m + 1) (Phipson &amp; Smyth 2010).
    /// </para>
    /// <para>
    /// The smoothing must add a positive pseudo-count: without one a label drawn into the first sample only gives KL = +∞,
    /// and a test cannot rank infinities. <see cref="JensenShannon{T}(IEnumerable{T}, IEnumerable{T}, int, int, Smoothing, IEnumerable{T}?, LogBase, int)"/>
    /// is finite without smoothing.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The label type; labels are compared with the default equality comparer.</typeparam>
    /// <param name="first">The sample from P; at least one label.</param>
    /// <param name="second">The sample from Q; at least one label.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="smoothing">The pseudo-count, &gt; 0 (<see cref="Smoothing.Laplace"/>, <see cref="Smoothing.Jeffreys"/>, …).</param>
    /// <param name="alphabet">The labels to count over, or null for the labels seen in either sample.</param>
    /// <param name="unit">The unit of the statistic and of the null's mean and standard deviation; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>KL(P̂‖Q̂), its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty, it or <paramref name="alphabet"/> holds a null label, it holds a label missing from <paramref name="alphabet"/>, or <paramref name="smoothing"/> adds no pseudo-count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="unit"/> is not a defined <see cref="LogBase"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static PermutationTest KullbackLeibler<T>(
        IEnumerable<T> first, IEnumerable<T> second, int permutations, int seed, Smoothing smoothing, IEnumerable<T>? alphabet = null,
        LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
        where T : notnull
    {
        Guard.PositivePseudoCount(smoothing.PseudoCount, nameof(smoothing));
        return TwoSampleTest(first, second, permutations, seed, smoothing, alphabet, unit, maxDegreeOfParallelism, jensenShannon: false);
    }

    /// <summary>A two-sample permutation test of P = Q by the Jensen–Shannon divergence between the smoothed histograms of two label samples.</summary>
    /// <remarks>
    /// As <see cref="KullbackLeibler{T}(IEnumerable{T}, IEnumerable{T}, int, int, Smoothing, IEnumerable{T}?, LogBase, int)"/>
    /// with <see cref="SampledDivergence.JensenShannon{T}(IEnumerable{T}, IEnumerable{T}, Smoothing, IEnumerable{T}?, LogBase)"/>
    /// as the statistic: the pooled sample split at random into samples of the original sizes; JSD is finite, so no
    /// smoothing is needed. p = (b + 1)/(m + 1) (Phipson &amp; Smyth 2010).
    /// </remarks>
    /// <typeparam name="T">The label type; labels are compared with the default equality comparer.</typeparam>
    /// <param name="first">The sample from P; at least one label.</param>
    /// <param name="second">The sample from Q; at least one label.</param>
    /// <param name="permutations">m, the number of shuffles, in [1, <see cref="MaxPermutations"/>].</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <param name="smoothing">The pseudo-count; <see cref="Smoothing.None"/> by default.</param>
    /// <param name="alphabet">The labels to count over, or null for the labels seen in either sample.</param>
    /// <param name="unit">The unit of the statistic and of the null's mean and standard deviation; nats by default.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; −1 (the default) means all cores, 1 the calling thread.</param>
    /// <returns>JSD(P̂, Q̂), its p-value (b + 1)/(m + 1), and the null distribution's mean and standard deviation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty, it or <paramref name="alphabet"/> holds a null label, or it holds a label missing from <paramref name="alphabet"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is outside [1, <see cref="MaxPermutations"/>], <paramref name="unit"/> is not a defined <see cref="LogBase"/>, or <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static PermutationTest JensenShannon<T>(
        IEnumerable<T> first, IEnumerable<T> second, int permutations, int seed, Smoothing smoothing = default, IEnumerable<T>? alphabet = null,
        LogBase unit = LogBase.Nats, int maxDegreeOfParallelism = -1)
        where T : notnull
        => TwoSampleTest(first, second, permutations, seed, smoothing, alphabet, unit, maxDegreeOfParallelism, jensenShannon: true);

    private static PermutationTest TwoSampleTest<T>(
        IEnumerable<T> first, IEnumerable<T> second, int permutations, int seed, Smoothing smoothing, IEnumerable<T>? alphabet,
        LogBase unit, int maxDegreeOfParallelism, bool jensenShannon)
        where T : notnull
    {
        CheckTestSettings(permutations, unit, maxDegreeOfParallelism);
        var pooled = SampledDivergence.Pool(first, second, alphabet);
        double alpha = smoothing.PseudoCount;
        double Statistic(ReadOnlySpan<int> codes, TwoSampleScratch scratch)
        {
            pooled.Histograms(codes, alpha, scratch.Counts, scratch.P, scratch.Q);
            return jensenShannon ? Divergence.JensenShannon(scratch.P, scratch.Q) : Divergence.KullbackLeibler(scratch.P, scratch.Q);
        }

        double observed = Statistic(pooled.Codes, new TwoSampleScratch(pooled));
        var nulls = RunPermutations(
            permutations, seed, maxDegreeOfParallelism,
            () => new TwoSampleScratch(pooled),
            (random, scratch) =>
            {
                pooled.Codes.CopyTo(scratch.Codes, 0);
                SplitAtRandom(random, scratch.Codes, pooled.FirstCount);
                return Statistic(scratch.Codes, scratch);
            });
        return Summarize(observed, nulls, unit);
    }

    // The first `count` entries become a uniformly random subset of all, in random order: the first steps of Fisher–Yates.
    private static void SplitAtRandom(StreamRandom random, Span<int> values, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + random.Next(values.Length - i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    // <summary>One worker's buffers for a two-sample test: the shuffled codes, the two histograms' counts and probabilities.</summary>
    private sealed class TwoSampleScratch(SampledDivergence.PooledSample pooled)
    {
        public int[] Codes { get; } = new int[pooled.Codes.Length];

        public long[] Counts { get; } = new long[2 * pooled.Size];

        public double[] P { get; } = new double[pooled.Size];

        public double[] Q { get; } = new double[pooled.Size];
    }
}
