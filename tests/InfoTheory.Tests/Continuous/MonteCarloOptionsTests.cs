using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

/// <summary>Every option is checked when it is set, naming the property, so an invalid options object never exists.</summary>
public class MonteCarloOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void MaxDegreeOfParallelism_ZeroOrBelowMinusOne_ThrowsWhenSetNamingTheProperty(int value)
    {
        // ParallelOptions.MaxDegreeOfParallelism: −1 means no limit, 0 and values below −1 are rejected when set.
        var act = () => new MonteCarloOptions { MaxDegreeOfParallelism = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism")
            .WithMessage($"MaxDegreeOfParallelism is {value}; it must be -1 (all cores) or >= 1.*");
        new ParallelOptions().Invoking(o => o.MaxDegreeOfParallelism = value).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void MaxDegreeOfParallelism_Default_IsMinusOneLikeParallelOptions()
    {
        new MonteCarloOptions().MaxDegreeOfParallelism.Should().Be(new ParallelOptions().MaxDegreeOfParallelism).And.Be(-1);
        new MonteCarloOptions { MaxDegreeOfParallelism = -1 }.MaxDegreeOfParallelism.Should().Be(-1);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "LogRatioMin is Infinity; it must be -Infinity (no clipping below) or finite.*")]
    [InlineData(double.NaN, "LogRatioMin is NaN; it must be -Infinity (no clipping below) or finite.*")]
    public void LogRatioMin_NaNOrPlusInfinity_ThrowsWhenSet(double value, string message)
    {
        // An infinite lower end clips every term to +∞, and NaN poisons the mean.
        var act = () => new MonteCarloOptions { LogRatioMin = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMin").WithMessage(message);
    }

    [Theory]
    [InlineData(double.NegativeInfinity, "LogRatioMax is -Infinity; it must be +Infinity (no clipping above) or finite.*")]
    [InlineData(double.NaN, "LogRatioMax is NaN; it must be +Infinity (no clipping above) or finite.*")]
    public void LogRatioMax_NaNOrMinusInfinity_ThrowsWhenSet(double value, string message)
    {
        var act = () => new MonteCarloOptions { LogRatioMax = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMax").WithMessage(message);
    }

    [Fact]
    public void LogRatioMax_BelowLogRatioMin_ThrowsWhenSetNamingTheEndBeingSet()
    {
        var act = () => new MonteCarloOptions { LogRatioMin = 1, LogRatioMax = -1 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMax")
            .WithMessage("LogRatioMax is -1 but LogRatioMin is 1; the upper end must not be below the lower end (set LogRatioMin first).*");
    }

    [Fact]
    public void LogRatioMin_AboveLogRatioMax_ThrowsWhenSetNamingTheEndBeingSet()
    {
        var act = () => MonteCarloOptions.Clipped(5) with { LogRatioMin = 6 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMin").WithMessage("LogRatioMin is 6 but LogRatioMax is 5;*");
    }

    [Fact]
    public void LogRatioEnds_MovedPastEachOtherInTheRightOrder_AreAccepted()
    {
        var options = MonteCarloOptions.Clipped(5) with { LogRatioMax = 20, LogRatioMin = 10 };

        (options.LogRatioMin, options.LogRatioMax).Should().Be((10.0, 20.0));
        new MonteCarloOptions { LogRatioMin = 0.25, LogRatioMax = 0.25 }.LogRatioMax.Should().Be(0.25, "a single point is a valid interval");
    }

    [Theory]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, "TermMin")]
    [InlineData(double.NaN, 1.0, "TermMin")]
    [InlineData(-1.0, double.NegativeInfinity, "TermMax")]
    [InlineData(2.0, 1.0, "TermMax")]
    public void TermEnds_Invalid_ThrowWhenSetNamingTheEnd(double min, double max, string property)
    {
        var act = () => new MonteCarloOptions { TermMin = min, TermMax = max };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(property);
    }

    [Fact]
    public void Estimator_Undefined_ThrowsWhenSetNamingTheProperty()
    {
        var act = () => new MonteCarloOptions { Estimator = (MonteCarloEstimator)5 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Estimator")
            .WithMessage("Estimator is 5; expected one of K1, K2, K3, AbsoluteLogRatio*");
    }

    [Fact]
    public void Unit_Undefined_ThrowsWhenSetNamingTheProperty()
    {
        var act = () => new MonteCarloOptions { Unit = (LogBase)7 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Unit").WithMessage("Unit is 7; expected one of Nats, Bits, Hartleys*");
    }
}
