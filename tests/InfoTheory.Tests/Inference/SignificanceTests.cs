using InfoTheory.Inference;

namespace InfoTheory.Tests.Inference;

/// <summary>
/// <c>Significance</c> (src/InfoTheory/Inference/Significance*.cs): the G-test against scipy's chi2_contingency with the
/// log-likelihood statistic, and the permutation test of plug-in MI against exact enumeration and χ² theory.
/// </summary>
public class SignificanceTests
{
    // scipy 1.10: g, p, dof, _ = scipy.stats.chi2_contingency(np.array(table), lambda_="log-likelihood", correction=False)
    public static TheoryData<long[][], double, double, int> ScipyTables => new()
    {
        { [[10, 20, 30], [6, 9, 17]], 0.2740265420246606, 0.8719586542812721, 2 },
        { [[12, 5], [3, 20]], 14.516174815407641, 0.00013896127306476698, 1 },
        { [[1, 2, 3, 4], [4, 3, 2, 1], [2, 2, 2, 2]], 4.257605411448928, 0.6418599631081054, 6 },
        { [[1000, 1010], [990, 1000]], 2.5001245809314065e-06, 0.9987384028316533, 1 },
    };

    [Theory]
    [MemberData(nameof(ScipyTables))]
    public void GTest_Table_EqualsScipysLogLikelihoodChi2Contingency(long[][] cells, double g, double p, int df)
    {
        var result = Significance.GTest(Table(cells));

        // Near independence G is a sum of terms that cancel; scipy and this code both form it cell by cell, to ~1e-12.
        result.Statistic.Should().BeApproximately(g, (1e-9 * g) + 1e-12);
        result.PValue.Should().BeApproximately(p, 1e-9 * p);
        result.DegreesOfFreedom.Should().Be(df);
    }

    [Theory]
    [MemberData(nameof(ScipyTables))]
    public void GTest_LabelPairs_AreTheTableOfThePairsAndTwoNTimesThePlugInMi(long[][] cells, double g, double p, int df)
    {
        var (x, y) = Pairs(cells);

        var result = Significance.GTest<int, int>(x, y);

        result.Should().Be(Significance.GTest(Table(cells)) with { Statistic = result.Statistic });
        result.Statistic.Should().BeApproximately(g, (1e-9 * g) + 1e-12);
        result.Statistic.Should().BeApproximately(2 * x.Length * MutualInformation.FromSamples<int, int>(x, y), (1e-9 * g) + 1e-10);
        result.PValue.Should().BeApproximately(p, 1e-9 * p);
        result.DegreesOfFreedom.Should().Be(df);
    }

    [Fact]
    public void ConditionalGTest_TwoStrata_SumsTheirStatisticsAndDegreesOfFreedom()
    {
        // scipy 1.10: G = g(a) + g(b) from chi2_contingency(·, lambda_="log-likelihood", correction=False) of the two strata,
        // df = 2 + 1, p = scipy.stats.chi2.sf(G, 3).
        var (xa, ya) = Pairs([[10, 20, 30], [6, 9, 17]]);
        var (xb, yb) = Pairs([[12, 5], [3, 20]]);
        int[] x = [.. xa, .. xb.Select(v => v + 5)];
        int[] y = [.. ya, .. yb.Select(v => v + 7)];
        string[] z = [.. xa.Select(_ => "a"), .. xb.Select(_ => "b")];

        var result = Significance.ConditionalGTest<int, int, string>(x, y, z);

        result.Statistic.Should().BeApproximately(14.790201357432302, 1e-9);
        result.DegreesOfFreedom.Should().Be(3);
        result.PValue.Should().BeApproximately(0.0020050034308602867, 1e-12);
        result.Statistic.Should().BeApproximately(2 * x.Length * MutualInformation.Conditional<int, int, string>(x, y, z), 1e-9);
    }

    [Fact]
    public void GTest_EmptyRowsAndOneColumn_CountOnlyOccupiedCategories()
    {
        // A row of zeros carries no information (scipy refuses the table); one occupied column leaves no freedom: p = 1.
        var withEmptyRow = Table([[12, 5], [0, 0], [3, 20]]);
        Significance.GTest(withEmptyRow).Should().Be(Significance.GTest(Table([[12, 5], [3, 20]])));
        Significance.GTest(Table([[4], [9]])).Should().Be(new GTestResult(0, 0, 1));
    }

    [Fact]
    public void GTest_BadInput_ThrowsNamingTheParameter()
    {
        ((Action)(() => Significance.GTest(new ContingencyTable(2, 2)))).Should().Throw<ArgumentException>().WithParameterName("table");
        ((Action)(() => Significance.GTest(null!))).Should().Throw<ArgumentNullException>().WithParameterName("table");
        ((Action)(() => Significance.GTest<int, int>([1, 2], [1]))).Should().Throw<ArgumentException>().WithParameterName("y");
        ((Action)(() => Significance.GTest<int, int>([], []))).Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Fact]
    public void MutualInformation_TinySample_PValueMatchesTheExactPermutationDistribution()
    {
        // All 8! orders of y enumerated by hand give the exact permutation p-value; 20,000 seeded shuffles must land within
        // four Monte Carlo standard errors of it.
        int[] x = [0, 0, 0, 0, 1, 1, 1, 1];
        int[] y = [0, 0, 0, 1, 1, 1, 1, 0];
        double observed = MutualInformation.FromSamples<int, int>(x, y);
        int reaching = 0, total = 0;
        foreach (int[] order in Orders.Of(Enumerable.Range(0, 8).ToArray()))
        {
            total++;
            if (MutualInformation.FromSamples<int, int>(x, order.Select(i => y[i]).ToArray()) >= observed - 1e-12)
            {
                reaching++;
            }
        }

        double exact = (double)reaching / total;
        var result = Significance.MutualInformation<int, int>(x, y, permutations: 20_000, seed: 1);

        result.Statistic.Should().BeApproximately(observed, 1e-15);
        result.PValue.Should().BeApproximately(exact, 4 * Math.Sqrt(exact * (1 - exact) / 20_000));
        result.Permutations.Should().Be(20_000);
        result.PValue.Should().Be((result.Exceedances + 1.0) / 20_001);
    }

    [Fact]
    public void MutualInformation_IndependentLabels_NullMeanIsTheChiSquaredBias()
    {
        // Under independence 2N·Î is asymptotically χ² with (r − 1)(c − 1) = 6 degrees of freedom (Wilks): mean 6/(2N) and
        // standard deviation √12/(2N), here N = 4000.
        var random = new Random(3);
        int[] x = Enumerable.Range(0, 4000).Select(_ => random.Next(3)).ToArray();
        int[] y = Enumerable.Range(0, 4000).Select(_ => random.Next(4)).ToArray();

        var result = Significance.MutualInformation<int, int>(x, y, permutations: 999, seed: 7);

        result.NullMean.Should().BeApproximately(6.0 / 8000, 0.05 * 6.0 / 8000);
        result.NullStandardDeviation.Should().BeApproximately(Math.Sqrt(12) / 8000, 0.1 * Math.Sqrt(12) / 8000);
    }

    [Fact]
    public void MutualInformation_Identical_NoPermutationReachesIt_PIsOneOverMPlusOne()
    {
        // Phipson & Smyth (2010): the p-value is (b + 1)/(m + 1), never 0. 300 labels each: too many cells for a table.
        int[] x = Enumerable.Range(0, 600).Select(i => i % 300).ToArray();
        string[] y = x.Select(v => $"label {v}").ToArray();

        var result = Significance.MutualInformation<int, string>(x, y, permutations: 99, seed: 5, LogBase.Bits);

        result.Statistic.Should().BeApproximately(MutualInformation.FromSamples<int, string>(x, y, LogBase.Bits), 1e-12);
        result.Exceedances.Should().Be(0);
        result.PValue.Should().Be(0.01);
    }

    [Fact]
    public void MutualInformation_AnyDegreeOfParallelism_GivesTheSameBits()
    {
        var random = new Random(9);
        int[] x = Enumerable.Range(0, 5000).Select(_ => random.Next(5)).ToArray();
        int[] y = x.Select(v => random.NextDouble() < 0.1 ? v : random.Next(5)).ToArray();

        var one = Significance.MutualInformation<int, int>(x, y, 199, seed: 42, maxDegreeOfParallelism: 1);

        Significance.MutualInformation<int, int>(x, y, 199, seed: 42).Should().Be(one);
        Significance.MutualInformation<int, int>(x, y, 199, seed: 42, maxDegreeOfParallelism: 3).Should().Be(one);
        Significance.MutualInformation<int, int>(x, y, 199, seed: 43).Should().NotBe(one);
    }

    [Fact]
    public void MutualInformation_BadInput_ThrowsNamingTheParameter()
    {
        int[] two = [1, 2];
        ((Action)(() => Significance.MutualInformation<int, int>(two, two, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.MutualInformation<int, int>(two, two, Significance.MaxPermutations + 1, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.MutualInformation<int, int>(two, [1], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("y");
        ((Action)(() => Significance.MutualInformation<int, int>([], [], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("x");
        ((Action)(() => Significance.MutualInformation<int, int>(two, two, 9, 1, maxDegreeOfParallelism: 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }

    private static ContingencyTable Table(long[][] cells)
    {
        var table = new ContingencyTable(cells.Length, cells[0].Length);
        for (int r = 0; r < cells.Length; r++)
        {
            for (int c = 0; c < cells[r].Length; c++)
            {
                table.Add(r, c, cells[r][c]);
            }
        }

        return table;
    }

    private static (int[] X, int[] Y) Pairs(long[][] cells)
    {
        var x = new List<int>();
        var y = new List<int>();
        for (int r = 0; r < cells.Length; r++)
        {
            for (int c = 0; c < cells[r].Length; c++)
            {
                for (long k = 0; k < cells[r][c]; k++)
                {
                    x.Add(r);
                    y.Add(c);
                }
            }
        }

        return ([.. x], [.. y]);
    }
}
