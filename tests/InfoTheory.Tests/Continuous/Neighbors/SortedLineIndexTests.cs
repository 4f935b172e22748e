using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class SortedLineIndexTests
{
    [Theory]
    [InlineData(DistanceNorm.Euclidean, false)]
    [InlineData(DistanceNorm.Euclidean, true)]
    [InlineData(DistanceNorm.Maximum, false)]
    [InlineData(DistanceNorm.Maximum, true)]
    public void NearestAndCountWithin_EqualBruteForceExactly(DistanceNorm norm, bool tied)
    {
        var random = new Random(tied ? 1 : 2);
        double[] values = Enumerable.Range(0, 500).Select(_ => tied ? random.Next(6) * 0.1 : random.NextDouble()).ToArray();
        var line = new SortedLineIndex(values, norm);
        var brute = new BruteForceIndex(values, 1, norm);
        const int k = 4;
        double[] lineKeys = new double[k], bruteKeys = new double[k];
        int[] lineRows = new int[k], bruteRows = new int[k];

        for (int i = 0; i < values.Length; i++)
        {
            double[] query = [values[i]];
            line.Nearest(query, i, lineKeys, lineRows);
            brute.Nearest(query, i, bruteKeys, bruteRows);
            lineKeys.Should().Equal(bruteKeys);
            lineRows.Should().Equal(bruteRows);

            foreach (double r in new[] { 0.0, lineKeys[^1], Metric.Key(values[i], values[(i + 3) % values.Length], norm), 0.05 })
            {
                line.CountWithin(query, r, inclusive: false).Should().Be(brute.CountWithin(query, r, inclusive: false));
                line.CountWithin(query, r, inclusive: true).Should().Be(brute.CountWithin(query, r, inclusive: true));
            }
        }
    }

    [Fact]
    public void Key_ScalarOverload_MatchesSpanOverloadBits()
    {
        foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
        {
            Metric.Key(0.1, 0.7, norm).Should().Be(Metric.Key([0.1], [0.7], norm));
            Metric.Key(-3.3, 1e-300, norm).Should().Be(Metric.Key([-3.3], [1e-300], norm));
        }
    }

    [Theory]
    [InlineData(DistanceNorm.Maximum)]
    [InlineData(DistanceNorm.Euclidean)]
    public void CountWithinRow_RandomAndTiedValues_EqualsBruteForceCount(DistanceNorm norm)
    {
        var rng = new Random(11);
        foreach (bool tied in new[] { false, true })
        {
            int n = 500;
            double[] values = [.. Enumerable.Range(0, n).Select(_ => tied ? rng.Next(12) * 0.25 : rng.NextDouble() * 4)];
            var line = new SortedLineIndex(values, norm);
            var brute = new BruteForceIndex(values, 1, norm);
            for (int row = 0; row < n; row++)
            {
                // Zero, a key to another row (where < and ≤ differ), and radii reaching past either end.
                foreach (double r in new[] { 0.0, Metric.Key(values[row], values[(row * 7) % n], norm), 0.3, 100.0 })
                {
                    line.CountWithinRow(row, r, inclusive: false).Should().Be(brute.CountWithin([values[row]], r, inclusive: false));
                    line.CountWithinRow(row, r, inclusive: true).Should().Be(brute.CountWithin([values[row]], r, inclusive: true));
                }
            }
        }
    }
}
