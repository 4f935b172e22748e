using InfoTheory.Binning;
using InfoTheory.Kernels;

namespace InfoTheory.Tests.Binning;

public class HistogramTests
{
    private static readonly Histogram ThreeBins = Histogram.Fit([0.5], BinningRule.Explicit([0.0, 1.0, 2.5, 4.0]));

    [Fact]
    public void Count_ValuesOnEdges_FollowNumpysHalfOpenBinsWithTheLastClosed()
    {
        double[] values = [0.0, 0.999, 1.0, 2.5, 3.9999, 4.0, -0.0, 2.4999999999999996];

        // numpy 1.24: np.histogram(values, bins=[0, 1, 2.5, 4])[0] -> [3, 2, 3]
        ThreeBins.Count(values).Should().Equal(3L, 2L, 3L);

        var bins = new int[values.Length];
        ThreeBins.Assign(values, bins);
        bins.Should().Equal(0, 0, 1, 2, 2, 2, 0, 1);
    }

    [Theory]
    [InlineData(OutOfRangePolicy.Clamp, new long[] { 2, 1, 2 })]
    [InlineData(OutOfRangePolicy.SeparateBins, new long[] { 1, 1, 1, 1, 1 })]
    public void Count_OutsideValues_FollowThePolicy(OutOfRangePolicy policy, long[] expected)
    {
        var histogram = Histogram.Fit([0.5], BinningRule.Explicit([0.0, 1.0, 2.5, 4.0]), policy);
        double[] values = [double.NegativeInfinity, 0.5, 2.0, 3.0, 4.0000000000000009];

        histogram.Count(values).Should().Equal(expected);
        histogram.BinCount.Should().Be(expected.Length);
        var bins = new int[values.Length];
        histogram.Assign(values, bins);
        bins.Should().Equal(policy == OutOfRangePolicy.Clamp ? [0, 0, 1, 2, 2] : new[] { 0, 1, 2, 3, 4 });
    }

    [Fact]
    public void Count_OutsideValueUnderReject_ThrowsNamingItsIndex()
    {
        var act = () => ThreeBins.Count([1.0, 2.0, 4.5, -1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("values")
            .WithMessage("values[2] is 4.5, outside the bins' range [0, 4]*OutOfRangePolicy.Clamp*");
    }

    [Fact]
    public void Assign_OutsideValueUnderReject_ThrowsNamingItsIndexAtEveryWidth()
    {
        double[] values = [.. Enumerable.Repeat(2.0, 20)];
        values[13] = -0.5;
        foreach (SimdWidth width in Enum.GetValues<SimdWidth>())
        {
            var act = () => BinSearch.Assign([0.0, 1.0, 2.5, 4.0], OutOfRangePolicy.Reject, values, new int[20], "values", 100, width);

            act.Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("values[113] is -0.5, outside*", $"at {width}");
        }
    }

    [Theory]
    [InlineData(OutOfRangePolicy.Reject)]
    [InlineData(OutOfRangePolicy.Clamp)]
    [InlineData(OutOfRangePolicy.SeparateBins)]
    public void CountAndAssign_NaN_ThrowsNamingItsIndexUnderEveryPolicy(OutOfRangePolicy policy)
    {
        var histogram = Histogram.Fit([0.5], BinningRule.Explicit([0.0, 1.0]), policy);
        double[] values = [.. Enumerable.Repeat(0.5, 9), double.NaN, 0.5];

        ((Action)(() => histogram.Count(values))).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("values[9] is NaN*");
        ((Action)(() => histogram.Assign(values, new int[values.Length]))).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("values[9] is NaN*");
        ((Action)(() => histogram.Bin(double.NaN))).Should().Throw<ArgumentException>().WithParameterName("value");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void Count_EveryWidthAndPolicy_EqualsAPlainLoopOverTheEdges(int length)
    {
        // Values on a grid of quarter steps hit edges exactly; some fall outside [0, 10].
        var random = new Random(length);
        double[] values = [.. Enumerable.Range(0, length).Select(_ => (random.Next(-8, 48) / 4.0) + (random.Next(3) == 0 ? 1e-9 : 0))];
        foreach (int bins in new[] { 1, 4, 10, 32, 33, 200 })
        {
            double[] edges = NumpyBinEdgesLinspace(0, 10, bins + 1);
            foreach (OutOfRangePolicy policy in new[] { OutOfRangePolicy.Clamp, OutOfRangePolicy.SeparateBins })
            {
                long[] expected = PlainCount(edges, values, policy);
                foreach (SimdWidth width in Enum.GetValues<SimdWidth>())
                {
                    var counts = new long[expected.Length];
                    BinSearch.Count(edges, policy, values, counts, "values", width);
                    counts.Should().Equal(expected, $"{bins} bins, {policy}, {width}");
                }

                int[] expectedBins = [.. values.Select(v => PlainBin(edges, v, policy))];
                foreach (SimdWidth width in Enum.GetValues<SimdWidth>())
                {
                    var assigned = new int[length];
                    BinSearch.Assign(edges, policy, values, assigned, "values", 0, width);
                    assigned.Should().Equal(expectedBins, $"{bins} bins, {policy}, {width}");
                }
            }
        }
    }

    [Fact]
    public void Count_SpanOverload_AddsToRunningCountsChunkByChunk()
    {
        var counts = new long[3];

        ThreeBins.Count([0.5, 3.0], counts);
        ThreeBins.Count([0.25], counts);

        counts.Should().Equal(2L, 0L, 1L);
    }

    [Fact]
    public void Count_SpanOverload_WouldOverflow_ThrowsAndLeavesCountsUnchanged()
    {
        long[] counts = [long.MaxValue, 0, 0];

        var act = () => ThreeBins.Count([0.5], counts);

        act.Should().Throw<ArgumentException>().WithParameterName("counts");
        counts.Should().Equal(long.MaxValue, 0L, 0L);
    }

    [Fact]
    public void Count_SpanOverloadOfWrongLength_Throws()
    {
        var act = () => ThreeBins.Count([0.5], new long[4]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("*3 bins*");
    }

    [Fact]
    public void Assign_LengthsDiffer_Throws()
    {
        var act = () => ThreeBins.Assign([0.5, 1.0], new int[1]);

        act.Should().Throw<ArgumentException>().WithParameterName("bins");
    }

    [Fact]
    public void Fit_NonFiniteOrEmptyReference_Throws()
    {
        ((Action)(() => Histogram.Fit([], BinningRule.Auto))).Should().Throw<ArgumentException>().WithParameterName("reference");
        ((Action)(() => Histogram.Fit([1.0, double.PositiveInfinity], BinningRule.Auto))).Should().Throw<ArgumentException>()
            .WithParameterName("reference").WithMessage("reference[1] is Infinity*");
    }

    [Fact]
    public void Count_QuantileBinsOfTheReference_HoldEqualShares()
    {
        double[] reference = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];

        long[] counts = Histogram.Fit(reference, BinningRule.Quantile(10)).Count(reference);

        // np.quantile(range(1000), np.linspace(0, 1, 11)) = 0, 99.9, 199.8, …, 999: 100 values per bin.
        counts.Should().Equal(Enumerable.Repeat(100L, 10));
    }

    [Fact]
    public void Counts_GoStraightIntoEntropyFromCounts()
    {
        double[] reference = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];

        double h = Entropy.FromCounts(Histogram.Fit(reference, BinningRule.Quantile(10)).Count(reference));

        h.Should().BeApproximately(Math.Log(10), 1e-15, "ten bins of 100 values each: H = ln 10");
    }

    [Fact]
    public void CountJoint_TwoHistograms_IsTheContingencyTableOfTheirBins()
    {
        double[] x = [0.5, 0.5, 3.0, 2.0, 0.1];
        double[] y = [10.0, 20.0, 20.0, 10.0, 10.0];
        var columns = Histogram.Fit(y, BinningRule.EqualWidth(2));

        ContingencyTable table = ThreeBins.CountJoint(x, columns, y);

        // x bins (0, 0, 2, 1, 0), y bins (0, 1, 1, 0, 0): a table counted by hand.
        table.ToArray().Should().BeEquivalentTo(new long[,] { { 2, 1 }, { 1, 0 }, { 0, 1 } });
        double mi = MutualInformation.Of(table.ToJointDistribution());
        mi.Should().BeApproximately(MutualInformation.FromSamples<int, int>([0, 0, 2, 1, 0], [0, 1, 1, 0, 0]), 1e-15);
    }

    [Fact]
    public void CountJoint_KeepsEmptyEndBinsAndSpansBlocks()
    {
        double[] x = [.. Enumerable.Range(0, 9000).Select(i => 0.5)];
        double[] y = [.. Enumerable.Range(0, 9000).Select(i => (double)(i % 2))];
        var columns = Histogram.Fit(y, BinningRule.EqualWidth(2));

        ContingencyTable table = ThreeBins.CountJoint(x, columns, y);

        table.Rows.Should().Be(3);
        table.ToArray().Should().BeEquivalentTo(new long[,] { { 4500, 4500 }, { 0, 0 }, { 0, 0 } });
    }

    [Fact]
    public void CountJoint_BadValue_NamesItsParameterAndIndexAcrossBlocks()
    {
        double[] x = [.. Enumerable.Repeat(0.5, 5000)];
        double[] y = [.. Enumerable.Repeat(0.5, 5000)];
        y[4100] = double.NaN;

        var act = () => ThreeBins.CountJoint(x, ThreeBins, y);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("y[4100] is NaN*");
    }

    private static double[] NumpyBinEdgesLinspace(double first, double last, int count)
    {
        // np.linspace as the test states it: first + i·(last − first)/(count − 1), the last value exact.
        var edges = new double[count];
        for (int i = 0; i < count; i++)
        {
            edges[i] = (i * ((last - first) / (count - 1))) + first;
        }

        edges[^1] = last;
        return edges;
    }

    private static int PlainBin(double[] edges, double v, OutOfRangePolicy policy)
    {
        int n = edges.Length - 1, shift = policy == OutOfRangePolicy.SeparateBins ? 1 : 0;
        if (v < edges[0])
        {
            return 0;
        }

        if (v > edges[n])
        {
            return n - 1 + (2 * shift);
        }

        for (int i = 0; i < n - 1; i++)
        {
            if (v >= edges[i] && v < edges[i + 1])
            {
                return i + shift;
            }
        }

        return n - 1 + shift;
    }

    private static long[] PlainCount(double[] edges, double[] values, OutOfRangePolicy policy)
    {
        var counts = new long[edges.Length - 1 + (policy == OutOfRangePolicy.SeparateBins ? 2 : 0)];
        foreach (double v in values)
        {
            counts[PlainBin(edges, v, policy)]++;
        }

        return counts;
    }
}
