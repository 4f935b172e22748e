using InfoTheory.Inference;

namespace InfoTheory.Tests.Inference;

/// <summary>The README's "Is it significant?" example, run as written, with the values its comments quote.</summary>
public class ReadmeSignificanceExampleTests
{
    [Fact]
    public void SignificancePermutation_ReadmeExample_GivesTheQuotedValues()
    {
        #region snippet: SignificancePermutation
        // Does the plan a customer picks depend on the ad they saw? 300 customers, a weak effect.
        var random = new Random(5);
        int[] ad = Enumerable.Range(0, 300).Select(_ => random.Next(3)).ToArray();
        int[] plan = ad.Select(a => random.NextDouble() < 0.15 ? a : random.Next(3)).ToArray();

        GTestResult g = Significance.GTest<int, int>(ad, plan);
        // G = 2N·Î = 17.50 against χ² with 4 df: p = 0.0015, if the expected counts are large enough
        PermutationTest shuffled = Significance.MutualInformation<int, int>(ad, plan, permutations: 999, seed: 1);
        // exact at any size: Î = 0.0292 nats, p = (1 + 1)/(999 + 1) = 0.002; the null's mean 0.0068 is Î's bias

        // Continuous data: a KSG estimate (it can be negative) against its own permutation null.
        double[] x = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        double[] y = x.Select(v => (0.3 * v) + random.NextDouble()).ToArray();
        PermutationTest ksg = Significance.MutualInformation(x, 1, y, 1, permutations: 199, seed: 1);
        // Î = 0.0805 nats, p = 0.025 against a null of mean 0.0029 and standard deviation 0.0324
        #endregion

        g.Statistic.Should().BeApproximately(17.50, 0.005);
        g.Statistic.Should().BeApproximately(2 * 300 * shuffled.Statistic, 1e-9);
        g.DegreesOfFreedom.Should().Be(4);
        g.PValue.Should().BeApproximately(0.0015, 0.00005);
        shuffled.Statistic.Should().BeApproximately(0.0292, 0.00005);
        shuffled.Exceedances.Should().Be(1);
        shuffled.PValue.Should().Be(0.002);
        shuffled.NullMean.Should().BeApproximately(0.0068, 0.00005);

        // Wilks: under independence 2N·Î ~ χ²₄, so the bias is about 4/(2N) = 0.0067.
        shuffled.NullMean.Should().BeApproximately(4.0 / 600, 0.05 * 4.0 / 600);
        ksg.Statistic.Should().BeApproximately(0.0805, 0.00005);
        ksg.PValue.Should().Be(0.025);
        ksg.NullMean.Should().BeApproximately(0.0029, 0.00005);
        ksg.NullStandardDeviation.Should().BeApproximately(0.0324, 0.00005);
    }
}
