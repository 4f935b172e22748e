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

    [Theory]
    [InlineData("SquaredDifference")]
    [InlineData("GeneralizedKullbackLeibler")]
    [InlineData("ItakuraSaito")]
    public void Sum_LongInput_IsItsFixedPartsAddedInOrderOnAnyThreadCount(string term)
    {
        // 100 003 entries are cut into 8 parts of whole 4096-entry blocks (the last takes the rest), each summed alone (shorter
        // than a partitioned pass) and added in part order: the same bits on 1, 2, 3 or 8 threads.
        var rng = new Random(100_003);
        double[] x = [.. Enumerable.Range(0, 100_003).Select(_ => Math.Exp((rng.NextDouble() * 6) - 3))];
        double[] y = [.. Enumerable.Range(0, 100_003).Select(_ => Math.Exp((rng.NextDouble() * 6) - 3))];
        double inOrder = 0;
        for (int part = 0; part < 8; part++)
        {
            (int start, int end) = (25 * part / 8 * 4096, part == 7 ? x.Length : 25 * (part + 1) / 8 * 4096);
            inOrder += Sum(term, x[start..end], y[start..end], SimdWidths.Best, out _, out _, out _);
        }

        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            Sum(term, x, y, SimdWidths.Best, out bool finite, out double minX, out double minY, threads).Should().Be(inOrder, $"{threads} threads");
            finite.Should().BeTrue();
            minX.Should().Be(x.Min());
            minY.Should().Be(y.Min());
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

    private static double Sum(string term, double[] x, double[] y, SimdWidth width, out bool finite, out double minX, out double minY, int threads = 1) => term switch
    {
        "SquaredDifference" => VectorPairPass<SquaredDifferenceTerm>.Sum(x, y, width, out finite, out minX, out minY, threads),
        "GeneralizedKullbackLeibler" => VectorPairPass<GeneralizedKullbackLeiblerTerm>.Sum(x, y, width, out finite, out minX, out minY, threads),
        _ => VectorPairPass<ItakuraSaitoTerm>.Sum(x, y, width, out finite, out minX, out minY, threads),
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
