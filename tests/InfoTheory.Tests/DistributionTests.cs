namespace InfoTheory.Tests;

public class DistributionTests
{
    [Fact]
    public void Normalize_DividesBySum()
    {
        Distribution.Normalize([0.0, 1.0, 2.0, 5.0]).Should().Equal(0.0, 0.125, 0.25, 0.625);
    }

    [Fact]
    public void Normalize_IntoDestination_WritesOnlyTheFirstElements()
    {
        var destination = new[] { 9.0, 9.0, 9.0 };

        Distribution.Normalize([1.0, 3.0], destination);

        destination.Should().Equal(0.25, 0.75, 9.0);
    }

    [Fact]
    public void Normalize_InPlace_IsAllowed()
    {
        var w = new[] { 2.0, 2.0, 4.0 };

        Distribution.Normalize(w, w);

        w.Should().Equal(0.25, 0.25, 0.5);
    }

    [Fact]
    public void Normalize_SumOverflowingDouble_StillNormalises()
    {
        Distribution.Normalize([double.MaxValue, double.MaxValue]).Should().Equal(0.5, 0.5);
    }

    [Fact]
    public void Normalize_Result_PassesStrictValidation()
    {
        var rng = new Random(42);
        for (int trial = 0; trial < 1000; trial++)
        {
            var w = Enumerable.Range(0, rng.Next(1, 2000)).Select(_ => rng.NextDouble() * 1e6).ToArray();

            double[] p = Distribution.Normalize(w);

            // Entropy.Shannon validates its input strictly (entries in [0, 1], sum 1 within its tolerance).
            var strict = () => Entropy.Shannon(p);
            strict.Should().NotThrow();
            p.Sum().Should().BeApproximately(1, 1e-12);
        }
    }

    [Fact]
    public void Normalize_AllocatesNothingIntoDestination()
    {
        double[] w = [1.0, 2.0, 3.0];
        var destination = new double[3];
        Distribution.Normalize(w, destination);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Distribution.Normalize(w, destination);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void Normalize_NegativeWeight_NamesIndex()
    {
        var act = () => Distribution.Normalize([1.0, -2.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights[1] is -2; weights must be >= 0.*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Normalize_NonFiniteWeight_Throws(double bad)
    {
        var act = () => Distribution.Normalize([1.0, bad]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights[1] is *; weights must be finite.*");
    }

    [Fact]
    public void Normalize_AllZero_Throws()
    {
        var act = () => Distribution.Normalize([0.0, 0.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights sums to 0*");
    }

    [Fact]
    public void Normalize_Empty_Throws()
    {
        var act = () => Distribution.Normalize([]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights is empty*");
    }

    [Fact]
    public void Normalize_ShortDestination_Throws()
    {
        var act = () => Distribution.Normalize([1.0, 2.0], new double[1]);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void Normalize_DestinationOverlappingAtOffset_Throws()
    {
        var buffer = new[] { 1.0, 2.0, 3.0, 4.0 };

        var act = () => Distribution.Normalize(buffer.AsSpan(0, 3), buffer.AsSpan(1, 3));

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }
}
