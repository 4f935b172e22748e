using InfoTheory.Inference;
using InfoTheory.Sampled;

namespace InfoTheory.Tests.Inference;

/// <summary>
/// The two-sample permutation tests of <c>Significance</c> (src/InfoTheory/Inference/Significance.TwoSample.cs): KL and JSD of
/// <c>SampledDivergence</c> over random splits of the pooled sample, against exact enumeration of all splits.
/// </summary>
public class SignificanceTwoSampleTests
{
    [Fact]
    public void JensenShannon_TenLabels_PValueMatchesTheExactDistributionOverAllSplits()
    {
        // Every choice of 4 of the 10 pooled labels as the first sample (C(10, 4) = 210 splits), each measured by
        // SampledDivergence.JensenShannon, gives the exact p-value; 20,000 seeded splits must land within four standard errors.
        string[] first = ["a", "a", "a", "b"];
        string[] second = ["b", "b", "c", "a", "c", "b"];
        double observed = SampledDivergence.JensenShannon(first, second);
        double exact = ExactPValue([.. first, .. second], 4, (p, q) => SampledDivergence.JensenShannon(p, q), observed);

        var result = Significance.JensenShannon(first, second, permutations: 20_000, seed: 1);

        result.Statistic.Should().Be(observed);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
    }

    [Fact]
    public void KullbackLeibler_LaplaceSmoothed_PValueMatchesTheExactDistributionOverAllSplits()
    {
        int[] first = [1, 1, 2, 1, 3];
        int[] second = [2, 2, 3, 3, 2, 1, 4];
        double observed = SampledDivergence.KullbackLeibler(first, second, Smoothing.Laplace, unit: LogBase.Bits);
        double exact = ExactPValue([.. first, .. second], 5, (p, q) => SampledDivergence.KullbackLeibler(p, q, Smoothing.Laplace), observed * Math.Log(2));

        var result = Significance.KullbackLeibler(first, second, permutations: 20_000, seed: 2, Smoothing.Laplace, unit: LogBase.Bits);

        result.Statistic.Should().Be(observed);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
    }

    [Fact]
    public void JensenShannon_SameDistribution_PValuesAreUniform()
    {
        // Under P = Q every split is exchangeable: counts of p ≤ 0.05 (m = 19) over 200 pairs of samples are Binomial(200, 0.05).
        int rejected = 0;
        for (int set = 0; set < 200; set++)
        {
            var random = new Random(set);
            int[] first = Enumerable.Range(0, 30).Select(_ => random.Next(4)).ToArray();
            int[] second = Enumerable.Range(0, 45).Select(_ => random.Next(4)).ToArray();
            rejected += Significance.JensenShannon(first, second, 19, seed: set).PValue <= 0.05 ? 1 : 0;
        }

        rejected.Should().BeInRange(2, 20);
    }

    [Fact]
    public void JensenShannonAndKullbackLeibler_DisjointSamples_PIsOneOverMPlusOne()
    {
        string[] first = Enumerable.Repeat("old", 50).ToArray();
        string[] second = Enumerable.Repeat("new", 60).ToArray();

        var jsd = Significance.JensenShannon(first, second, 99, seed: 3);
        var kl = Significance.KullbackLeibler(first, second, 99, seed: 3, Smoothing.Jeffreys);

        jsd.Statistic.Should().BeApproximately(Math.Log(2), 1e-15);
        jsd.PValue.Should().Be(0.01);
        kl.PValue.Should().Be(0.01);
    }

    [Fact]
    public void JensenShannon_FixedAlphabetAndSmoothing_AreThoseOfSampledDivergence()
    {
        // Labels of the alphabet seen in neither sample still take their pseudo-count.
        char[] first = ['x', 'y', 'y'];
        char[] second = ['y', 'x', 'x', 'x'];
        char[] alphabet = ['x', 'y', 'z', 'w'];

        var result = Significance.JensenShannon(first, second, 9, seed: 4, Smoothing.Laplace, alphabet, LogBase.Hartleys);

        result.Statistic.Should().Be(SampledDivergence.JensenShannon(first, second, Smoothing.Laplace, alphabet, LogBase.Hartleys));
    }

    [Fact]
    public void JensenShannon_AnyDegreeOfParallelism_GivesTheSameBits()
    {
        var random = new Random(5);
        int[] first = Enumerable.Range(0, 1031).Select(_ => random.Next(9)).ToArray();
        int[] second = Enumerable.Range(0, 777).Select(_ => random.Next(8)).ToArray();

        var one = Significance.JensenShannon(first, second, 199, seed: 6, maxDegreeOfParallelism: 1);
        var kl = Significance.KullbackLeibler(first, second, 199, seed: 6, Smoothing.Laplace, maxDegreeOfParallelism: 1);

        Significance.JensenShannon(first, second, 199, seed: 6).Should().Be(one);
        Significance.JensenShannon(first, second, 199, seed: 6, maxDegreeOfParallelism: 3).Should().Be(one);
        Significance.KullbackLeibler(first, second, 199, seed: 6, Smoothing.Laplace, maxDegreeOfParallelism: 3).Should().Be(kl);
        Significance.JensenShannon(first, second, 199, seed: 7).Should().NotBe(one);
    }

    [Fact]
    public void TwoSampleTests_BadInput_ThrowNamingTheParameter()
    {
        int[] some = [1, 2, 2];
        ((Action)(() => Significance.KullbackLeibler(some, some, 9, 1, Smoothing.None))).Should().Throw<ArgumentException>().WithParameterName("smoothing");
        ((Action)(() => Significance.JensenShannon(some, [], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("second");
        ((Action)(() => Significance.JensenShannon([], some, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("first");
        ((Action)(() => Significance.JensenShannon(null!, some, 9, 1))).Should().Throw<ArgumentNullException>().WithParameterName("first");
        ((Action)(() => Significance.JensenShannon(some, some, 9, 1, alphabet: [1]))).Should().Throw<ArgumentException>().WithParameterName("first");
        ((Action)(() => Significance.JensenShannon(some, some, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.KullbackLeibler(some, some, 9, 1, Smoothing.Laplace, maxDegreeOfParallelism: -2))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }

    // The fraction of all splits of pooled into `count` and the rest whose statistic (nats) reaches the observed one.
    private static double ExactPValue<T>(T[] pooled, int count, Func<T[], T[], double> statistic, double observed)
        where T : notnull
    {
        int reaching = 0, total = 0;
        for (int mask = 0; mask < 1 << pooled.Length; mask++)
        {
            if (int.PopCount(mask) != count)
            {
                continue;
            }

            T[] first = pooled.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            T[] second = pooled.Where((_, i) => (mask & (1 << i)) == 0).ToArray();
            total++;
            reaching += statistic(first, second) >= observed - (1e-12 * observed) ? 1 : 0;
        }

        return (double)reaching / total;
    }
}
