using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

/// <summary>Every option is checked when it is set, naming the property, so an invalid options object never exists.</summary>
public class KnnOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void MaxDegreeOfParallelism_ZeroOrBelowMinusOne_ThrowsWhenSetNamingTheProperty(int value)
    {
        // The rule of ParallelOptions.MaxDegreeOfParallelism, to which the value is passed unchanged.
        var act = () => new KnnOptions { MaxDegreeOfParallelism = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism")
            .WithMessage($"MaxDegreeOfParallelism is {value}; it must be -1 (all cores) or >= 1.*");
    }

    [Fact]
    public void MaxDegreeOfParallelism_MinusOne_IsTheDefaultAndGivesTheSerialResult()
    {
        double[] x = [.. Enumerable.Range(0, 200).Select(i => Math.Sin(i * 0.37))];
        double[] y = [.. x.Select((v, i) => v + Math.Cos(i * 1.3))];

        new KnnOptions().MaxDegreeOfParallelism.Should().Be(-1);
        Knn.MutualInformation(x, 1, y, 1, 3, new KnnOptions { MaxDegreeOfParallelism = -1 })
            .Should().Be(Knn.MutualInformation(x, 1, y, 1, 3, new KnnOptions { MaxDegreeOfParallelism = 1 }));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Jitter_NegativeOrNotFinite_ThrowsWhenSetNamingTheProperty(double value)
    {
        var act = () => new KnnOptions { Jitter = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Jitter");
    }

    [Fact]
    public void Enums_Undefined_ThrowWhenSetNamingTheProperty()
    {
        FluentActions.Invoking(() => new KnnOptions { Norm = (DistanceNorm)9 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Norm");
        FluentActions.Invoking(() => new KnnOptions { Algorithm = (KsgAlgorithm)9 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Algorithm");
        FluentActions.Invoking(() => new KnnOptions { Search = (NeighborSearch)9 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Search");
        FluentActions.Invoking(() => new KnnOptions { Unit = (LogBase)9 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Unit");
    }
}
