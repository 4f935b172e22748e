using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The separable Bregman terms through <see cref="VectorPairPass{TTerm}"/> at every <see cref="SimdWidth"/> over lengths that
/// leave every SIMD tail, against the textbook loop written out here, and the pass's finiteness and minimum tallies.
/// </summary>
public class VectorPairPassTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    public static TheoryData<string, int> TermsAndLengths()
    {
        var data = new TheoryData<string, int>();
        foreach (string term in new[] { "SquaredDifference", "GeneralizedKullbackLeibler", "ItakuraSaito" })
        {
            foreach (int length in new[] { 1, 7, 8, 9, 15, 16, 17, 1031 })
            {
                data.Add(term, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TermsAndLengths))]
    public void Term_EveryWidth_MatchesTextbookLoop(string term, int length)
    {
        // Positive entries over several decades, nearly equal pairs (the series branches) and, for the generalized KL, x = 0.
        var rng = new Random(length);
        double[] x = new double[length], y = new double[length];
        for (int i = 0; i < length; i++)
        {
            y[i] = Math.Pow(10, (rng.NextDouble() * 6) - 3);
            x[i] = (i % 3) switch { 0 => y[i] * (1 + (1e-3 * (rng.NextDouble() - 0.5))), 1 => Math.Pow(10, (rng.NextDouble() * 6) - 3), _ => term == "GeneralizedKullbackLeibler" ? 0 : y[i] * 3 };
        }

        double expected = Textbook(term, x, y);

        foreach (SimdWidth width in Widths)
        {
            Sum(term, x, y, width, out bool finite, out double minX, out double minY).Should().BeApproximately(expected, 1e-12 * (1 + expected), $"width {width}");
            finite.Should().BeTrue();
            minX.Should().Be(x.Min());
            minY.Should().Be(y.Min());
        }
    }

    [Fact]
    public void Sum_NonFiniteEntryInAnyLane_IsReportedAtEveryWidth()
    {
        foreach (double poison in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            for (int at = 0; at < 17; at++)
            {
                double[] x = [.. Enumerable.Range(1, 17).Select(i => (double)i)];
                double[] y = (double[])x.Clone();
                y[at] = poison;
                foreach (SimdWidth width in Widths)
                {
                    Sum("SquaredDifference", x, y, width, out bool finite, out _, out _);
                    finite.Should().BeFalse($"{poison} at {at}, width {width}");
                }
            }
        }
    }

    [Fact]
    public void GeneralizedKullbackLeibler_ZeroYUnderPositiveX_IsPositiveInfinity()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9], y = [1, 2, 3, 4, 0, 6, 7, 8, 9];
        foreach (SimdWidth width in Widths)
        {
            Sum("GeneralizedKullbackLeibler", x, y, width, out _, out _, out _).Should().Be(double.PositiveInfinity);
        }
    }

    private static double Sum(string term, double[] x, double[] y, SimdWidth width, out bool finite, out double minX, out double minY) => term switch
    {
        "SquaredDifference" => VectorPairPass<SquaredDifferenceTerm>.Sum(x, y, width, out finite, out minX, out minY),
        "GeneralizedKullbackLeibler" => VectorPairPass<GeneralizedKullbackLeiblerTerm>.Sum(x, y, width, out finite, out minX, out minY),
        _ => VectorPairPass<ItakuraSaitoTerm>.Sum(x, y, width, out finite, out minX, out minY),
    };

    /// <summary>Each term as its formula reads, with Math.Log and the zero rule spelled out.</summary>
    private static double Textbook(string term, double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double a = x[i], b = y[i];
            sum += term switch
            {
                "SquaredDifference" => (a - b) * (a - b),
                "GeneralizedKullbackLeibler" => a == 0 ? b : (a * Math.Log(a / b)) - a + b,
                _ => (a / b) - Math.Log(a / b) - 1,
            };
        }

        return sum;
    }
}
