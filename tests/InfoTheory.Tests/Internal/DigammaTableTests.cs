using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Tests.Internal;

public class DigammaTableTests
{
    [Fact]
    public void Of_IntegersInAnyOrderAndRepeated_EqualsMathNetDiGammaBits()
    {
        // A reused pooled buffer holds stale values; the table must still compute each entry once, from MathNet.
        using (var stale = new DigammaTable(300))
        {
            for (int n = 1; n <= 300; n++)
            {
                stale.Of(n);
            }
        }

        using var table = new DigammaTable(300);
        foreach (int n in new[] { 300, 1, 7, 7, 2, 299, 1, 150 })
        {
            table.Of(n).Should().Be(SpecialFunctions.DiGamma(n));
        }

        // ψ(1) = −γ, ψ(n + 1) = ψ(n) + 1/n (Abramowitz & Stegun 6.3.2, 6.3.5); MathNet is a few ulps off −γ.
        table.Of(1).Should().BeApproximately(-0.57721566490153286, 1e-14);
        table.Of(8).Should().BeApproximately(-0.57721566490153286 + 1 + (1.0 / 2) + (1.0 / 3) + (1.0 / 4) + (1.0 / 5) + (1.0 / 6) + (1.0 / 7), 1e-14);
    }
}
