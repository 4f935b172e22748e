using InfoTheory.Variational.Fitting;

namespace InfoTheory.Variational.Tests.Fitting;

/// <summary>Every option is checked when it is set, naming the property, so an invalid options object never exists.</summary>
public class KlFitOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Steps_BelowOne_ThrowsWhenSetNamingTheProperty(int value)
    {
        var act = () => new KlFitOptions { Steps = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Steps");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LearningRates_NotFiniteAndPositive_ThrowWhenSetNamingTheProperty(double value)
    {
        FluentActions.Invoking(() => new KlFitOptions { LearningRate = value }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LearningRate");
        FluentActions.Invoking(() => new KlFitOptions { FinalLearningRate = value }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("FinalLearningRate");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void SampleCounts_BelowTwo_ThrowWhenSetNamingTheProperty(int value)
    {
        // A standard error needs two samples.
        FluentActions.Invoking(() => new KlFitOptions { SamplesPerStep = value }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("SamplesPerStep");
        FluentActions.Invoking(() => new KlFitOptions { EvaluationSamples = value }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("EvaluationSamples");
    }

    [Fact]
    public void LogRatioMax_BelowLogRatioMin_ThrowsWhenSetNamingTheEndBeingSet()
    {
        var act = () => new KlFitOptions { LogRatioMin = 1, LogRatioMax = -1 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMax").WithMessage("LogRatioMax is -1 but LogRatioMin is 1;*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LogRatioMin_NaNOrPlusInfinity_ThrowsWhenSet(double value)
    {
        var act = () => new KlFitOptions { LogRatioMin = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LogRatioMin");
    }
}
