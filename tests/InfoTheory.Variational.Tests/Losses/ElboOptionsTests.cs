using InfoTheory.Continuous;
using InfoTheory.Variational.Losses;

namespace InfoTheory.Variational.Tests.Losses;

/// <summary>Every option is checked when it is set, naming the property, so an invalid options object never exists.</summary>
public class ElboOptionsTests
{
    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Beta_NegativeOrNotFinite_ThrowsWhenSetNamingTheProperty(double value)
    {
        var act = () => new ElboOptions { Beta = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Beta");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Samples_BelowOne_ThrowsWhenSetNamingTheProperty(int value)
    {
        var act = () => new ElboOptions { Samples = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Samples");
    }

    [Fact]
    public void MonteCarloKl_Undefined_ThrowsWhenSetNamingTheProperty()
    {
        var act = () => new ElboOptions { MonteCarloKl = (MonteCarloEstimator)9 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MonteCarloKl").WithMessage("MonteCarloKl is 9; expected one of*");
    }
}
