using System.Reflection;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>The oracle itself: it must let documented answers through and catch each kind of broken contract.</summary>
public sealed class ContractOracleTests
{
    private static readonly MethodBase JensenShannon =
        typeof(Divergence).GetMethod(nameof(Divergence.JensenShannon), [typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<double>), typeof(LogBase)])!;

    [Fact]
    public void Judge_ArgumentExceptionNamingAParameter_Passes() =>
        ContractOracle.Judge(JensenShannon, new ArgumentException("p[0] is NaN; probabilities must be finite.", "p"), null).Should().BeNull();

    [Fact]
    public void Judge_ArgumentExceptionNamingAPathIntoAParameter_Passes() =>
        ContractOracle.Judge(JensenShannon, new ArgumentOutOfRangeException("q[1]", "q[1] is -1; probabilities must be >= 0."), null).Should().BeNull();

    [Theory]
    [InlineData("value")]
    [InlineData("raw")]
    public void Judge_ArgumentExceptionNamingAnInternalName_Fails(string name) =>
        ContractOracle.Judge(JensenShannon, new ArgumentException("bad", name), null).Should().Contain("not a parameter");

    [Fact]
    public void Judge_MessageNamingTwoParameters_Fails() =>
        ContractOracle.Judge(JensenShannon, new ArgumentException("bad (Parameter 'x')", "p"), null).Should().Contain("garbled");

    [Fact]
    public void Judge_OverflowException_Fails() =>
        ContractOracle.Judge(JensenShannon, new OverflowException(), null).Should().StartWith("throws OverflowException");

    [Fact]
    public void Judge_TheUsersOwnException_Passes() =>
        ContractOracle.Judge(JensenShannon, new FormatException("the user's sampler failed"), typeof(FormatException)).Should().BeNull();

    [Theory]
    [InlineData(LogBase.Nats, 0.6931)]
    [InlineData(LogBase.Bits, 1.0)]
    public void Judge_JensenShannonInsideLn2_Passes(LogBase unit, double value) =>
        ContractOracle.Judge(JensenShannon, value, [null, null, null, unit]).Should().BeNull();

    [Theory]
    [InlineData(LogBase.Nats, 0.7)]
    [InlineData(LogBase.Bits, 1.001)]
    [InlineData(LogBase.Nats, double.NaN)]
    [InlineData(LogBase.Nats, -1e-3)]
    public void Judge_JensenShannonOutsideLn2_Fails(LogBase unit, double value) =>
        ContractOracle.Judge(JensenShannon, value, [null, null, null, unit]).Should().NotBeNull();
}
