using CsCheck;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class RadixSortTests
{
    [Fact]
    public void SortWithRows_RandomTiedAndSignedValues_EqualsAStableComparisonSort()
    {
        // The oracle: LINQ's stable OrderBy on the values, −0 ordered before 0 (as their bits order them), then by row.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(1, 3000), kind = rng.Next(4);
                double[] values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = kind switch
                    {
                        0 => rng.NextDouble() - 0.5,
                        1 => rng.Next(6) - 2.0,
                        2 => (rng.Next(2) == 0 ? -1 : 1) * Math.Exp(rng.Next(-700, 700)) * rng.NextDouble(),
                        _ => rng.Next(3) switch { 0 => 0.0, 1 => -0.0, _ => double.Epsilon * (rng.Next(3) - 1) },
                    };
                }

                double[] sorted = new double[n];
                int[] rows = new int[n];
                RadixSort.SortWithRows(values, sorted, rows);

                int[] expected = [.. Enumerable.Range(0, n).OrderBy(i => values[i]).ThenBy(i => double.IsNegative(values[i]) ? 0 : 1).ThenBy(i => i)];
                rows.Should().Equal(expected);
                sorted.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(i => BitConverter.DoubleToInt64Bits(values[i])));
            },
            iter: 100);
    }
}
