namespace InfoTheory.Tests;

/// <summary><see cref="Estimate"/> (src/InfoTheory/Estimate.cs): its normal-approximation confidence interval.</summary>
public class EstimateTests
{
    [Theory]
    [InlineData(0.95, 1.959963984540054)]
    [InlineData(0.90, 1.6448536269514722)]
    public void ConfidenceInterval_IsValuePlusMinusTheNormalQuantileTimesTheStandardError(double level, double z)
    {
        // z: scipy 1.10, scipy.stats.norm.ppf((1 + level) / 2).
        var interval = new Estimate(0.25, 0.01, 1000, 0).ConfidenceInterval(level);

        interval.Lower.Should().BeApproximately(0.25 - (z * 0.01), 1e-14);
        interval.Upper.Should().BeApproximately(0.25 + (z * 0.01), 1e-14);
        interval.Level.Should().Be(level);
    }

    [Fact]
    public void ConfidenceInterval_InfiniteErrorOrValue_IsNeverNaN()
    {
        new Estimate(0.3, double.PositiveInfinity, 1, 0).ConfidenceInterval().Should()
            .Be(new ConfidenceInterval(double.NegativeInfinity, double.PositiveInfinity, 0.95));
        new Estimate(double.PositiveInfinity, double.PositiveInfinity, 10, 0).ConfidenceInterval().Should()
            .Be(new ConfidenceInterval(double.PositiveInfinity, double.PositiveInfinity, 0.95));
        new Estimate(0.3, 0, 10, 0).ConfidenceInterval().Should().Be(new ConfidenceInterval(0.3, 0.3, 0.95));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void ConfidenceInterval_LevelOutsideTheOpenUnitInterval_Throws(double level)
    {
        var act = () => new Estimate(0.3, 0.1, 10, 0).ConfidenceInterval(level);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(level));
    }
}
