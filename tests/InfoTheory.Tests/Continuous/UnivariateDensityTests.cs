using InfoTheory.Continuous;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public class UnivariateDensityTests
{
    [Fact]
    public void LogDensity_IsTheDistributionsDensityLn()
    {
        var t = new StudentT(0.5, 2.0, 3.0);
        var density = new UnivariateDensity(t);
        var batch = new double[3];

        density.LogDensity([-1.0, 0.5, 40.0], batch);

        density.Dimension.Should().Be(1);
        density.LogDensity([1.7]).Should().Be(t.DensityLn(1.7));
        batch.Should().Equal(t.DensityLn(-1.0), t.DensityLn(0.5), t.DensityLn(40.0));
    }

    [Fact]
    public void Sample_UsesTheCallersGeneratorAndRestoresTheSource()
    {
        var normal = new Normal(2.0, 3.0);
        var original = normal.RandomSource;
        var density = new UnivariateDensity(normal);
        var a = new double[5];
        var b = new double[5];

        density.Sample(new Random(42), a);
        density.Sample(new Random(42), b);

        a.Should().Equal(b);
        var direct = new Normal(2.0, 3.0, new Random(42));
        a.Should().Equal(Enumerable.Range(0, 5).Select(_ => direct.Sample()));
        normal.RandomSource.Should().BeSameAs(original);
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        var act = () => new UnivariateDensity(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("distribution");
    }

    [Fact]
    public void LogDensity_TwoCoordinates_Throws()
    {
        var act = () => new UnivariateDensity(new Normal()).LogDensity([1.0, 2.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("x");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LogDensity_NonFinitePoint_ThrowsNamingIt(double bad)
    {
        var density = new UnivariateDensity(new Normal());

        var one = () => density.LogDensity([bad]);
        var batch = () => density.LogDensity([0.0, bad], new double[2]);

        one.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[0] is *; values must be finite.*");
        batch.Should().Throw<ArgumentException>().WithParameterName("points").WithMessage("points[1,0] (flat index 1) is *; coordinates must be finite.*");
    }
}
