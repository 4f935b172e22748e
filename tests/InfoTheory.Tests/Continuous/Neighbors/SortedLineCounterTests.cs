using CsCheck;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class SortedLineCounterTests
{
    [Theory]
    [InlineData(DistanceNorm.Maximum)]
    [InlineData(DistanceNorm.Euclidean)]
    public void CountAround_RandomTiedAndHeavyTailedValues_EqualsBruteForceCount(DistanceNorm norm)
    {
        // Gaussian, integers in 0..5 (ties), Cauchy (heavy tails crowd the buckets), signed zeros and tiny values, one value.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(1, 600), kind = rng.Next(5);
                double[] values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = kind switch
                    {
                        0 => rng.NextDouble() - 0.5,
                        1 => rng.Next(6),
                        2 => Math.Tan(Math.PI * (rng.NextDouble() - 0.5)),
                        3 => rng.Next(3) switch { 0 => 0.0, 1 => -0.0, _ => double.Epsilon * (rng.Next(3) - 1) },
                        _ => 1.5,
                    };
                }

                double[] sorted = new double[n];
                RadixSort.SortWithRows(values, sorted, new int[n]);
                var brute = new BruteForceIndex(sorted, 1, norm);
                using var counter = new SortedLineCounter(sorted, n, norm);
                for (int at = 0; at < n; at++)
                {
                    double other = sorted[rng.Next(n)];
                    double radius = Metric.Key(sorted[at], other, norm);
                    foreach (double r in new[] { 0.0, radius, radius * 3, rng.NextDouble() })
                    {
                        counter.CountAround(at, r, inclusive: false).Should().Be(brute.CountWithin([sorted[at]], r, inclusive: false));
                        counter.CountAround(at, r, inclusive: true).Should().Be(brute.CountWithin([sorted[at]], r, inclusive: true));
                    }
                }
            },
            iter: 60);
    }
}
