using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class SamplePreparationTests
{
    [Fact]
    public void ColumnStatistics_DataNear1e308_StandardizeLikeDataDividedBy1e300()
    {
        // Issue 8: the plain sums and squared deviations overflowed to +∞ here, and every standardised value became NaN.
        var random = new Random(1);
        double[] huge = Enumerable.Range(0, 2 * 400).Select(i => (i % 2 == 0 ? 1.7e308 : 4e307) * ((2 * random.NextDouble()) - 1)).ToArray();
        double[] reduced = huge.Select(v => v / 1e300).ToArray();

        var hugeStatistics = SamplePreparation.ColumnStatistics(huge, 2);
        SamplePreparation.Apply(huge, 2, hugeStatistics).Should().BeTrue();
        SamplePreparation.Apply(reduced, 2, SamplePreparation.ColumnStatistics(reduced, 2));

        for (int i = 0; i < huge.Length; i++)
        {
            huge[i].Should().BeApproximately(reduced[i], 1e-13);
        }
    }

    [Fact]
    public void ColumnStatistics_OrdinaryData_GivesTextbookBits()
    {
        // A power-of-two unit changes no rounding: the values are exactly (v − mean) / sd of the plain formulas.
        var random = new Random(2);
        double[] points = Enumerable.Range(0, 3 * 100).Select(_ => (random.NextDouble() * 1000) - 300).ToArray();
        double[] expected = new double[points.Length];
        for (int j = 0; j < 3; j++)
        {
            double mean = Enumerable.Range(0, 100).Sum(i => points[(3 * i) + j]) / 100;
            double sd = Math.Sqrt(Enumerable.Range(0, 100).Sum(i => (points[(3 * i) + j] - mean) * (points[(3 * i) + j] - mean)) / 99);
            for (int i = 0; i < 100; i++)
            {
                expected[(3 * i) + j] = (points[(3 * i) + j] - mean) / sd;
            }
        }

        SamplePreparation.Apply(points, 3, SamplePreparation.ColumnStatistics(points, 3));

        points.Should().Equal(expected);
    }

    [Theory]
    [InlineData(DistanceNorm.Euclidean, 1e200, true)]
    [InlineData(DistanceNorm.Euclidean, 1e-200, true)]
    [InlineData(DistanceNorm.Euclidean, 1e70, false)]
    [InlineData(DistanceNorm.Maximum, 1e300, false)]
    [InlineData(DistanceNorm.Maximum, 1.5e308, true)]
    public void ScaleIntoRange_MovesOnlyDataWhoseKeysCouldOverflow(DistanceNorm norm, double scale, bool moved)
    {
        double[] a = [scale, -0.5 * scale];
        double[] b = [0.25 * scale, -scale];

        int shift = SamplePreparation.ScaleIntoRange(norm, a, b);

        (shift != 0).Should().Be(moved);
        a.Should().Equal(Math.ScaleB(scale, shift), Math.ScaleB(-0.5 * scale, shift));
        b.Should().Equal(Math.ScaleB(0.25 * scale, shift), Math.ScaleB(-scale, shift));
        double.IsFinite(Metric.Key(a, b, norm)).Should().BeTrue();
        Metric.Key(a, b, norm).Should().BePositive();
    }
}
