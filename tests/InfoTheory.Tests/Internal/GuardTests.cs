using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class GuardTests
{
    [Fact]
    public void Probabilities_NegativeEntry_NamesParameterIndexAndValue()
    {
        var act = () => Guard.Probabilities([0.5, 0.7, -0.2], "p");

        act.Should().Throw<ArgumentException>()
            .WithParameterName("p")
            .WithMessage("p[2] is -0.2; probabilities must be >= 0.*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Probabilities_NonFiniteEntry_Throws(double bad)
    {
        var act = () => Guard.Probabilities([0.5, bad, 0.5], "q");

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q[1] is *; probabilities must be finite.*");
    }

    [Fact]
    public void Probabilities_SumOffOne_ReportsTheSum()
    {
        var act = () => Guard.Probabilities([0.5, 0.6], "p");

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 1.1; probabilities must sum to 1*");
    }

    [Fact]
    public void Probabilities_RoundingErrorWithinTolerance_IsAccepted()
    {
        var act = () => Guard.Probabilities([0.1, 0.2, 0.3, 0.4 + 5e-10], "p");

        act.Should().NotThrow();
    }

    [Fact]
    public void Probabilities_Empty_Throws()
    {
        var act = () => Guard.Probabilities<double>([], "p");

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p is empty*");
    }

    [Fact]
    public void SameLength_Mismatch_NamesBothLengths()
    {
        var act = () => Guard.SameLength(3, 4, "p", "q");

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("p has length 3 but q has length 4*");
    }

    [Fact]
    public void Defined_EveryNamedValue_Passes()
    {
        foreach (var unit in Enum.GetValues<LogBase>())
        {
            Guard.Defined(unit, "unit");
        }

        foreach (var estimator in Enum.GetValues<EntropyEstimator>())
        {
            Guard.Defined(estimator, "estimator");
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Defined_UndefinedValue_NamesParameterValueAndTheNames(int value)
    {
        var act = () => Guard.Defined((LogBase)value, "unit");

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("unit")
            .WithMessage($"unit is {value}; expected one of Nats, Bits, Hartleys.*");
    }

    [Fact]
    public void Defined_UndefinedValue_NamesTheParameterAndListsTheNames()
    {
        var act = () => Guard.Defined((InfoTheory.Continuous.MonteCarloEstimator)7, "Estimator");

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("Estimator")
            .WithMessage("Estimator is 7; expected one of K1, K2, K3, AbsoluteLogRatio.*");
    }

    [Fact]
    public void Label_Null_NamesParameterAndPosition()
    {
        var act = () => Guard.Label<string>(null!, 4, "samples");

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("samples[4] is null*");
    }

    [Fact]
    public void SumTolerance_OfFloat_IsFourFloatEpsilonsGrowingWithTheRootOfTheLength()
    {
        // 2⁻²³ is the spacing of floats at 1 (numpy.finfo(numpy.float32).eps = 1.1920929e-07).
        const double Epsilon = 1.1920928955078125e-07;

        Guard.SumTolerance<float>(1).Should().Be(4 * Epsilon);
        Guard.SumTolerance<float>(100).Should().Be(40 * Epsilon);
        Guard.SumTolerance<double>(100).Should().Be(Guard.SumTolerance(100));
    }
}
