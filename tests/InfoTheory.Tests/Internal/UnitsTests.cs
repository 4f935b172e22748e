using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class UnitsTests
{
    [Theory]
    [InlineData(LogBase.Nats, 1.0)]
    [InlineData(LogBase.Bits, 1.4426950408889634)] // 1 / ln 2
    [InlineData(LogBase.Hartleys, 0.43429448190325176)] // 1 / ln 10
    public void FromNats_OneNat_ConvertsByTheLogOfTheBase(LogBase unit, double expected)
    {
        Units.FromNats(1.0, unit).Should().BeApproximately(expected, 1e-16);
    }

    [Fact]
    public void FromNats_UndefinedBase_Throws()
    {
        var unit = (LogBase)7;
        var act = () => Units.FromNats(1.0, unit);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }
}
