using InfoTheory.Continuous;
using InfoTheory.Inference;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Inference;

/// <summary>
/// The kNN permutation tests of <c>Significance</c> (src/InfoTheory/Inference/Significance.Knn.cs): KSG, Ross and the mixture
/// estimator against exact enumeration of all orders, uniform p-values under independence, and the same bits on any core count.
/// </summary>
public class SignificanceKnnTests
{
    [Fact]
    public void MutualInformation_KsgSevenPairs_PValueMatchesTheExactPermutationDistribution()
    {
        // All 7! orders of y, each estimated by Knn.MutualInformation itself, give the exact permutation p-value (the
        // identity included); 20,000 seeded shuffles must land within four Monte Carlo standard errors of it.
        double[] x = [0.11, 0.93, 0.35, 0.62, 0.27, 0.78, 0.5];
        double[] y = [0.3, 0.7, 0.1, 0.9, 0.6, 0.5, 0.2];
        double observed = Knn.MutualInformation(x, y).Value;
        double exact = ExactPValue(7, order => Knn.MutualInformation(x, order.Select(i => y[i]).ToArray()).Value, observed);

        var result = Significance.MutualInformation(x, 1, y, 1, permutations: 20_000, seed: 3);

        result.Statistic.Should().Be(observed);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
        result.PValue.Should().Be((result.Exceedances + 1.0) / 20_001);
    }

    [Fact]
    public void MixtureMutualInformation_SevenPairsWithAtoms_PValueMatchesTheExactPermutationDistribution()
    {
        double[] x = [0, 0, 0, 1, 1, 1, 2];
        double[] y = [0.2, 0.1, 0.4, 0.9, 0.7, 0.8, 0.5];
        double observed = Knn.MixtureMutualInformation(x, y, 2).Value;
        double exact = ExactPValue(7, order => Knn.MixtureMutualInformation(x, order.Select(i => y[i]).ToArray(), 2).Value, observed);

        var result = Significance.MixtureMutualInformation(x, 1, y, 1, permutations: 20_000, seed: 4, k: 2);

        result.Statistic.Should().Be(observed);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
    }

    [Fact]
    public void MutualInformation_RossEightRows_PValueMatchesTheExactPermutationDistribution()
    {
        double[] x = [0.1, 0.5, 0.2, 0.9, 0.3, 0.8, 0.65, 0.4];
        int[] labels = [0, 1, 0, 1, 0, 1, 1, 0];
        double observed = Knn.MutualInformation(x, 1, labels, 2).Value;
        double exact = ExactPValue(8, order => Knn.MutualInformation(x, 1, order.Select(i => labels[i]).ToArray(), 2).Value, observed);

        var result = Significance.MutualInformation<int>(x, 1, labels, permutations: 20_000, seed: 5, k: 2);

        result.Statistic.Should().Be(observed);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
    }

    [Fact]
    public void MutualInformation_KsgUnderIndependence_PValuesAreUniform()
    {
        // With m = 19 and exchangeable data P(p ≤ 0.05) = P(b = 0) ≤ 1/20 and P(p ≤ 0.25) ≤ 5/20 (ties only lower them); over
        // 200 independent data sets the counts are Binomial(200, 0.05) and Binomial(200, 0.25), outside [2, 20] and [32, 68]
        // with probability below 0.005 each.
        int rejected = 0, quarter = 0;
        for (int set = 0; set < 200; set++)
        {
            var random = new Random(set);
            double[] x = Normal(random, 40), y = Normal(random, 40);
            double p = Significance.MutualInformation(x, 1, y, 1, 19, seed: set).PValue;
            rejected += p <= 0.05 ? 1 : 0;
            quarter += p <= 0.25 ? 1 : 0;
        }

        rejected.Should().BeInRange(2, 20);
        quarter.Should().BeInRange(32, 68);
    }

    [Fact]
    public void MutualInformation_RossAndMixtureUnderIndependence_PValuesAreUniform()
    {
        // As the KSG case: Binomial(200, 0.05) counts of p ≤ 0.05 for each estimator.
        int ross = 0, mixture = 0;
        for (int set = 0; set < 200; set++)
        {
            var random = new Random(1000 + set);
            double[] x = Normal(random, 40);
            int[] labels = Enumerable.Range(0, 40).Select(_ => random.Next(2)).ToArray();
            double[] codes = Enumerable.Range(0, 40).Select(_ => (double)random.Next(3)).ToArray();
            ross += Significance.MutualInformation<int>(x, 1, labels, 19, seed: set).PValue <= 0.05 ? 1 : 0;
            mixture += Significance.MixtureMutualInformation(codes, 1, x, 1, 19, seed: set).PValue <= 0.05 ? 1 : 0;
        }

        ross.Should().BeInRange(2, 20);
        mixture.Should().BeInRange(2, 20);
    }

    [Fact]
    public void MutualInformation_StrongDependence_NoPermutationReachesIt_PIsOneOverMPlusOne()
    {
        var random = new Random(8);
        double[] x = Normal(random, 300);
        double[] y = x.Select(v => v + (0.01 * random.NextDouble())).ToArray();
        int[] labels = x.Select(v => v > 0 ? 1 : 0).ToArray();

        var ksg = Significance.MutualInformation(x, 1, y, 1, 99, seed: 1);
        var ross = Significance.MutualInformation<int>(x, 1, labels, 99, seed: 1);
        var mixture = Significance.MixtureMutualInformation(x, 1, y, 1, 99, seed: 1);

        foreach (var result in new[] { ksg, ross, mixture })
        {
            result.Exceedances.Should().Be(0);
            result.PValue.Should().Be(0.01);
            result.Permutations.Should().Be(99);
        }
    }

    [Fact]
    public void MutualInformation_StatisticAndUnit_AreThoseOfTheEstimatorWithTheSameOptions()
    {
        // Standardisation and jitter are applied once to the data as the estimator applies them, and the unit converts the
        // statistic and the null's moments alike.
        var random = new Random(2);
        var x = new double[300, 2];
        var y = new double[300, 1];
        for (int i = 0; i < 300; i++)
        {
            x[i, 0] = random.NextDouble();
            x[i, 1] = Math.Round(random.NextDouble() * 10);
            y[i, 0] = x[i, 0] + random.NextDouble();
        }

        var options = new KnnOptions { Standardize = true, Jitter = 1e-3, JitterSeed = 4, Algorithm = KsgAlgorithm.Two, Unit = LogBase.Bits };

        var bits = Significance.MutualInformation(x, y, 29, seed: 6, k: 4, options);
        var nats = Significance.MutualInformation(x, y, 29, seed: 6, k: 4, options with { Unit = LogBase.Nats });

        bits.Statistic.Should().Be(Knn.MutualInformation(x, y, 4, options).Value);
        bits.NullMean.Should().BeApproximately(nats.NullMean / Math.Log(2), 1e-15);
        bits.NullStandardDeviation.Should().BeApproximately(nats.NullStandardDeviation / Math.Log(2), 1e-15);
        bits.Exceedances.Should().Be(nats.Exceedances);
    }

    [Fact]
    public void MutualInformation_AnyDegreeOfParallelism_GivesTheSameBits()
    {
        var random = new Random(9);
        double[] x = Normal(random, 1031);
        double[] y = x.Select(v => (0.1 * v) + random.NextDouble()).ToArray();
        int[] labels = y.Select(v => v > 0.5 ? 1 : 0).ToArray();
        var one = new KnnOptions { MaxDegreeOfParallelism = 1 };
        var three = new KnnOptions { MaxDegreeOfParallelism = 3 };

        var ksg = Significance.MutualInformation(x, 1, y, 1, 19, seed: 42, options: one);
        var ross = Significance.MutualInformation<int>(x, 1, labels, 19, seed: 42, options: one);
        var mixture = Significance.MixtureMutualInformation(x, 1, y, 1, 19, seed: 42, options: one);

        Significance.MutualInformation(x, 1, y, 1, 19, seed: 42).Should().Be(ksg);
        Significance.MutualInformation(x, 1, y, 1, 19, seed: 42, options: three).Should().Be(ksg);
        Significance.MutualInformation<int>(x, 1, labels, 19, seed: 42, options: three).Should().Be(ross);
        Significance.MixtureMutualInformation(x, 1, y, 1, 19, seed: 42, options: three).Should().Be(mixture);
        Significance.MutualInformation(x, 1, y, 1, 19, seed: 43, options: one).Should().NotBe(ksg);
    }

    [Fact]
    public void MutualInformation_RossValueCopiesAShuffleCouldGather_ThrowsNamingX()
    {
        // Within each label the values differ, so the estimate is defined; a shuffle can put both 0s into one label, where
        // the k = 1 neighbour of either is at distance 0.
        double[] x = [0, 0, 1, 1, 2, 2, 3, 3];
        int[] labels = [0, 1, 0, 1, 0, 1, 0, 1];
        Knn.MutualInformation(x, 1, labels, 1).Value.Should().BeLessThan(0);

        ((Action)(() => Significance.MutualInformation<int>(x, 1, labels, 9, 1, k: 1))).Should().Throw<ArgumentException>().WithParameterName("x");
        ((Action)(() => Significance.MutualInformation<int>(x, 1, labels, 9, 1, k: 1, new KnnOptions { Jitter = 1e-6 }))).Should().NotThrow();
    }

    [Fact]
    public void MutualInformation_BadInput_ThrowsNamingTheParameter()
    {
        double[] ten = Enumerable.Range(0, 10).Select(i => i * 0.1).ToArray();
        double[] tenToo = Enumerable.Range(0, 10).Select(i => ((i * 7) % 10) * 0.1).ToArray();
        int[] labels = Enumerable.Range(0, 10).Select(i => i % 2).ToArray();
        ((Action)(() => Significance.MutualInformation(ten, 1, tenToo, 1, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.MutualInformation(ten, 1, tenToo.AsSpan(0, 9).ToArray(), 1, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("y");
        ((Action)(() => Significance.MutualInformation(ten, 1, tenToo, 1, 9, 1, k: 10))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("k");
        ((Action)(() => Significance.MutualInformation(ten, 3, tenToo, 1, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("x");
        ((Action)(() => Significance.MutualInformation(ten, 1, (double[])[.. tenToo[..9], double.NaN], 1, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("y");
        ((Action)(() => Significance.MutualInformation(null!, new double[2, 1], 9, 1))).Should().Throw<ArgumentNullException>().WithParameterName("x");
        ((Action)(() => Significance.MutualInformation<int>(ten, 1, labels.AsSpan(0, 9).ToArray(), 9, 1))).Should().Throw<ArgumentException>().WithParameterName("labels");
        ((Action)(() => Significance.MutualInformation<int>(ten, 1, labels, Significance.MaxPermutations + 1, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.MixtureMutualInformation(ten, 1, tenToo, 1, -1, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.MixtureMutualInformation(new double[4, 1], new double[3, 1], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    /// <summary>The exact permutation p-value: the fraction of all n! orders whose statistic reaches the observed one.</summary>
    internal static double ExactPValue(int n, Func<int[], double> statistic, double observed)
    {
        int reaching = 0, total = 0;
        foreach (int[] order in Orders.Of(Enumerable.Range(0, n).ToArray()))
        {
            total++;
            reaching += statistic(order) >= observed - (1e-12 * Math.Abs(observed)) ? 1 : 0;
        }

        return (double)reaching / total;
    }
}
