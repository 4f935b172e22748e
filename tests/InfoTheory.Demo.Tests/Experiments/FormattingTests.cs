using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class FormattingTests
{
    [Fact]
    public void VectorAndMatrix_UseFourDecimalsAndInvariantDigits()
    {
        Formatting.Vector([0.5, -1.0 / 3]).Should().Be("(0.5, -0.3333)");
        Formatting.Matrix(new[,] { { 0.3125, 0.25 }, { 0.25, 0.40625 } }).Should().Be("[[0.3125, 0.25], [0.25, 0.4063]]");
    }

    [Fact]
    public void Estimate_ShowsValueStandardErrorSamplesAndClippedShare()
    {
        Formatting.Estimate(new Estimate(0.37791, 0.00504, 20000, 0.0125)).Should().Be("0.3779 ± 0.0050 nats (n = 20000, 1.25% clipped)");
    }
}
