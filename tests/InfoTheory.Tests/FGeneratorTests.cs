namespace InfoTheory.Tests;

public class FGeneratorTests
{
    [Fact]
    public void Constructor_FunctionNotZeroAtOne_Throws()
    {
        // f(t) = t² is convex but f(1) = 1, so D_f(p‖p) would be 1.
        FluentActions.Invoking(() => new FGenerator(t => t * t, 0, double.PositiveInfinity)).Should().Throw<ArgumentException>()
            .WithParameterName("function").WithMessage("function(1) is 1; *");
    }

    [Fact]
    public void Constructor_BadLimits_ThrowOutOfRange()
    {
        FluentActions.Invoking(() => new FGenerator(t => t - 1, double.NaN, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("atZero");
        FluentActions.Invoking(() => new FGenerator(t => t - 1, -1, double.NegativeInfinity)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("slopeAtInfinity");
        FluentActions.Invoking(() => new FGenerator(null!, 0, 0)).Should().Throw<ArgumentNullException>().WithParameterName("function");
    }

    [Fact]
    public void NamedGenerators_LimitsAreTheirFunctionsLimits()
    {
        // f(0) and f*(0) as the function approaches them: f(1e-12) and f(1e12)/1e12 (with ln 1e12 ≈ 27.6 for the infinite slopes).
        foreach ((FGenerator generator, double atZero, double slope) in new[]
        {
            (FGenerator.KullbackLeibler, 0.0, double.PositiveInfinity), (FGenerator.SquaredHellinger, 0.5, 0.5), (FGenerator.TotalVariation, 0.5, 0.5),
            (FGenerator.PearsonChiSquare, 1.0, double.PositiveInfinity), (FGenerator.NeymanChiSquare, double.PositiveInfinity, 1.0),
            (FGenerator.Jeffreys, double.PositiveInfinity, double.PositiveInfinity), (FGenerator.Triangular, 1.0, 1.0),
        })
        {
            generator.AtZero.Should().Be(atZero);
            generator.SlopeAtInfinity.Should().Be(slope);
            double nearZero = generator.Evaluate(1e-12), slopeFar = generator.Evaluate(1e12) / 1e12;
            (double.IsPositiveInfinity(atZero) ? nearZero > 25 : Math.Abs(nearZero - atZero) < 1e-5).Should().BeTrue();
            (double.IsPositiveInfinity(slope) ? slopeFar > 25 : Math.Abs(slopeFar - slope) < 1e-5).Should().BeTrue();
        }
    }
}
