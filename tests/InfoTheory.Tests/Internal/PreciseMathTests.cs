using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class PreciseMathTests
{
    [Theory]
    [InlineData(1e-20)]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    [InlineData(0.5)]
    [InlineData(-0.75)]
    public void Log1PAndExpM1_AreInverseAndMatchTheSeriesNearZero(double x)
    {
        // Near 0, log(1+x) = x − x²/2 + x³/3 and eˣ − 1 = x + x²/2 + x³/6 to well below double rounding.
        if (Math.Abs(x) < 1e-6)
        {
            PreciseMath.Log1P(x).Should().BeApproximately(x - (x * x / 2), Math.Abs(x) * 1e-15);
            PreciseMath.ExpM1(x).Should().BeApproximately(x + (x * x / 2), Math.Abs(x) * 1e-15);
        }

        PreciseMath.ExpM1(PreciseMath.Log1P(x)).Should().BeApproximately(x, Math.Abs(x) * 1e-14);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(10.0)]
    [InlineData(30.5)]
    public void Trigamma_MatchesZetaValuesThroughTheRecurrence(double z)
    {
        // ψ₁(1) = π²/6 and ψ₁(½) = π²/2; ψ₁(z + k) = ψ₁(z) − Σ_{j<k} 1/(z + j)² reaches the others exactly.
        double start = z % 1 == 0 ? Math.PI * Math.PI / 6 : Math.PI * Math.PI / 2, at = z % 1 == 0 ? 1 : 0.5;
        double expected = start;
        for (double j = at; j < z; j++)
        {
            expected -= 1 / (j * j);
        }

        PreciseMath.Trigamma(z).Should().BeApproximately(expected, 1e-14 * expected);
    }

    [Fact]
    public void LogRising_MatchesTheDirectSumOfLogs()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double x = Math.Exp((rng.NextDouble() * 30) - 15);
            long n = rng.Next(0, 3000);
            double direct = 0;
            for (long j = 0; j < n; j++)
            {
                direct += Math.Log(x + j);
            }

            PreciseMath.LogRising(x, n).Should().BeApproximately(direct, 1e-12 * Math.Max(1, Math.Abs(direct)));
        }, iter: 1000);
    }
}
