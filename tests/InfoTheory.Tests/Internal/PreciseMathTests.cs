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
            Numerics.Log1P(x).Should().BeApproximately(x - (x * x / 2), Math.Abs(x) * 1e-15);
            PreciseMath.ExpM1(x).Should().BeApproximately(x + (x * x / 2), Math.Abs(x) * 1e-15);
        }

        PreciseMath.ExpM1(Numerics.Log1P(x)).Should().BeApproximately(x, Math.Abs(x) * 1e-14);
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

    [Theory]
    [InlineData(0.5, 1e-12, 4.9348022005362648e-12)]
    [InlineData(3.0, 2.0, 0.58333333333333333)]
    [InlineData(1e18, 2.0, 2e-18)]
    [InlineData(12.0, 1e20, 43.609040179905102)]
    [InlineData(2.0, 4.6e18, 42.549803642289404)]
    public void DigammaDifference_MatchesHighPrecisionValues(double y, double d, double expected)
    {
        // Expected: ψ(y + d) − ψ(y) in mpmath at 40 digits; two doubles near 41 would cancel to noise in the third row.
        PreciseMath.DigammaDifference(y, d).Should().BeApproximately(expected, 1e-14 * expected);
    }

    [Theory]
    [InlineData(0.3, 2.5, -0.86377807330324789)]
    [InlineData(4.6e18, 1e-15, -34.538776394910642)]
    [InlineData(1e6, 37.5, 420.56055506733161)]
    [InlineData(50.0, 50.0, 70.002717476885627)]
    public void LogInverseBeta_MatchesHighPrecisionValues(double a, double b, double expected)
    {
        // Expected: ln Γ(a + b) − ln Γ(a) − ln Γ(b) in mpmath at 40 digits.
        PreciseMath.LogInverseBeta(a, b).Should().BeApproximately(expected, 1e-13 * Math.Abs(expected));
        PreciseMath.LogInverseBeta(b, a).Should().BeApproximately(expected, 1e-13 * Math.Abs(expected));
    }

    [Theory]
    [InlineData(100.0, 7, 0.20559154583758127)]
    [InlineData(50.0, 40, 12.606165786408333)]
    [InlineData(1e20, 1L << 62, 104740258571947548.24)]
    [InlineData(3e19, 1L << 60, 21875335083573158.649)]
    public void LogRisingExcess_MatchesHighPrecisionValues(double beta, long n, double expected)
    {
        // Expected: ln Γ(β + n) − ln Γ(β) − n ln β in mpmath at 40 digits; the log rising factorial itself is ~1e21 here.
        PreciseMath.LogRisingExcess(beta, n).Should().BeApproximately(expected, 1e-13 * expected);
    }
}
