using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The f-divergence terms through <see cref="PairTermKernel{TTerm}"/> at every <see cref="SimdWidth"/> (the scalar path
/// forced included) over lengths that leave every SIMD tail, against the textbook loop written out here.
/// </summary>
public class PairTermKernelTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    public static TheoryData<string, int> TermsAndLengths()
    {
        var data = new TheoryData<string, int>();
        foreach (string term in new[] { "SquaredHellinger", "Bhattacharyya", "AbsoluteDifference", "Pearson", "Neyman", "Triangular", "Jeffreys" })
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
        // p and q share their zeros, so every term is finite, and the zeros land in every lane position.
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0.2);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        for (int i = 0; i < length; i++)
        {
            q[i] = p[i] == 0 ? 0 : q[i];
        }

        q = Distribution.Normalize(q);
        double expected = Textbook(term, p, q);

        foreach (SimdWidth width in Widths)
        {
            Sum(term, p, q, width).Should().BeApproximately(expected, 1e-13 * (1 + expected), $"width {width}");
        }
    }

    [Theory]
    [InlineData("Pearson")]
    [InlineData("Neyman")]
    [InlineData("Jeffreys")]
    public void Term_OneSidedZeroInAnyLane_IsPositiveInfinityAtEveryWidth(string term)
    {
        // Pearson is +∞ where q = 0 < p, Neyman where p = 0 < q, Jeffreys both ways: put the zero at each index of 17 in turn.
        for (int zero = 0; zero < 17; zero++)
        {
            double[] p = ProbabilityVectorSamples.Vector(new Random(zero), 17, zeroFraction: 0);
            double[] q = (double[])p.Clone();
            (term == "Neyman" ? p : q)[zero] = 0;
            q = Distribution.Normalize(q);
            p = Distribution.Normalize(p);
            foreach (SimdWidth width in Widths)
            {
                Sum(term, p, q, width).Should().Be(double.PositiveInfinity, $"zero at {zero}, width {width}");
            }
        }
    }

    [Theory]
    [InlineData("SquaredHellinger")]
    [InlineData("Bhattacharyya")]
    [InlineData("AbsoluteDifference")]
    [InlineData("Pearson")]
    [InlineData("Neyman")]
    [InlineData("Triangular")]
    [InlineData("Jeffreys")]
    public void Sum_LongInput_GivesTheSameBitsOnOneThreadAndOnSeveral(string term)
    {
        // 100 003 entries are cut into 8 fixed parts; how many threads run them must not change a bit, double or float.
        var rng = new Random(100_003);
        double[] p = ProbabilityVectorSamples.Vector(rng, 100_003, zeroFraction: 0);
        double[] q = ProbabilityVectorSamples.Vector(rng, 100_003, zeroFraction: 0);
        float[] pf = ProbabilityVectorSamples.FloatVector(rng, 100_003, zeroFraction: 0);
        float[] qf = ProbabilityVectorSamples.FloatVector(rng, 100_003, zeroFraction: 0);
        double single = Sum(term, p, q, SimdWidths.Best, threads: 1);
        double singleFloat = SumSingle(term, pf, qf, threads: 1);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            Sum(term, p, q, SimdWidths.Best, threads).Should().Be(single, $"{threads} threads");
            SumSingle(term, pf, qf, threads).Should().Be(singleFloat, $"{threads} threads, float");
        }
    }

    [Fact]
    public void Sum_EmptyOrInvalid_ThrowsNamingTheParameter()
    {
        FluentActions.Invoking(() => PairTermKernel<PearsonTerm>.Sum<double>([], [], "p", "q", SimdWidths.Best)).Should()
            .Throw<ArgumentException>().WithParameterName("p");
        double[] p = ProbabilityVectorSamples.Vector(new Random(1), 9);
        double[] bad = (double[])p.Clone();
        bad[8] = -bad[8];
        FluentActions.Invoking(() => PairTermKernel<SquaredHellingerTerm>.Sum<double>(p, bad, "p", "q", SimdWidths.Best)).Should()
            .Throw<ArgumentException>().WithParameterName("q").WithMessage("q[8] is -*");
    }

    private static double Sum(string term, double[] p, double[] q, SimdWidth width, int threads = 1) => term switch
    {
        "SquaredHellinger" => PairTermKernel<SquaredHellingerTerm>.Sum<double>(p, q, "p", "q", width, threads),
        "Bhattacharyya" => PairTermKernel<BhattacharyyaTerm>.Sum<double>(p, q, "p", "q", width, threads),
        "AbsoluteDifference" => PairTermKernel<AbsoluteDifferenceTerm>.Sum<double>(p, q, "p", "q", width, threads),
        "Pearson" => PairTermKernel<PearsonTerm>.Sum<double>(p, q, "p", "q", width, threads),
        "Neyman" => PairTermKernel<NeymanTerm>.Sum<double>(p, q, "p", "q", width, threads),
        "Triangular" => PairTermKernel<TriangularTerm>.Sum<double>(p, q, "p", "q", width, threads),
        _ => PairTermKernel<JeffreysTerm>.Sum<double>(p, q, "p", "q", width, threads),
    };

    private static double SumSingle(string term, float[] p, float[] q, int threads) => term switch
    {
        "SquaredHellinger" => PairTermKernel<SquaredHellingerTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "Bhattacharyya" => PairTermKernel<BhattacharyyaTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "AbsoluteDifference" => PairTermKernel<AbsoluteDifferenceTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "Pearson" => PairTermKernel<PearsonTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "Neyman" => PairTermKernel<NeymanTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "Triangular" => PairTermKernel<TriangularTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
        _ => PairTermKernel<JeffreysTerm>.Sum<float>(p, q, "p", "q", SimdWidths.Best, threads),
    };

    /// <summary>Each term as its formula reads, with Math.Sqrt and Math.Log and the zero rules spelled out.</summary>
    private static double Textbook(string term, double[] p, double[] q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double a = p[i], b = q[i], d = a - b;
            sum += term switch
            {
                "SquaredHellinger" => (Math.Sqrt(a) - Math.Sqrt(b)) * (Math.Sqrt(a) - Math.Sqrt(b)),
                "Bhattacharyya" => Math.Sqrt(a * b),
                "AbsoluteDifference" => Math.Abs(d),
                "Pearson" => b == 0 ? (a == 0 ? 0 : double.PositiveInfinity) : d * d / b,
                "Neyman" => a == 0 ? (b == 0 ? 0 : double.PositiveInfinity) : d * d / a,
                "Triangular" => a + b == 0 ? 0 : d * d / (a + b),
                _ => a == b ? 0 : (a == 0 || b == 0 ? double.PositiveInfinity : d * (Math.Log(a) - Math.Log(b))),
            };
        }

        return sum;
    }
}
