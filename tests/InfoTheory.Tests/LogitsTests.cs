namespace InfoTheory.Tests;

public class LogitsTests
{
    private static readonly double[] A = [1.0, 2.0, -0.5, 3.0, 0.25, -1.0, 2.5];
    private static readonly double[] B = [0.5, 2.5, -1.0, 2.0, 1.25, 0.0, 2.0];

    // PyTorch 1.13, float64:
    //   lp = F.log_softmax(a / T, 0); lq = F.log_softmax(b / T, 0)
    //   kl = F.kl_div(lq, lp, log_target=True, reduction='sum'); ce = -(lp.exp() * lq).sum(); h = -(lp.exp() * lp).sum()
    //   lm = torch.logsumexp(torch.stack([lp, lq]), 0) - log 2
    //   jsd = 0.5 * F.kl_div(lm, lp, log_target=True, reduction='sum') + 0.5 * F.kl_div(lm, lq, log_target=True, reduction='sum')
    [Theory]
    [InlineData(1.0, 0.21602474365211038, 1.5979823594112448, 1.3819576157591345, 0.055438797600342885)]
    [InlineData(2.5, 0.042197813969071546, 1.846683719375276, 1.8044859054062043, 0.010686558662231758)]
    public void Measures_WithTemperature_MatchPyTorch(double temperature, double kl, double crossEntropy, double entropy, double jsd)
    {
        Logits.KullbackLeibler(A, B, temperature).Should().BeApproximately(kl, 1e-15);
        Logits.CrossEntropy(A, B, temperature).Should().BeApproximately(crossEntropy, 1e-15);
        Logits.Entropy(A, temperature).Should().BeApproximately(entropy, 1e-15);
        Logits.JensenShannon(A, B, temperature).Should().BeApproximately(jsd, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void Measures_AwkwardLengths_MatchTheProbabilityPath(int n)
    {
        var random = new Random(n);
        double[] a = Logit(random, n), b = Logit(random, n);
        const double T = 1.7;
        double[] p = Softmax(a, T), q = Softmax(b, T);

        Logits.Entropy(a, T).Should().BeApproximately(Entropy.Shannon(p), 1e-13);
        Logits.CrossEntropy(a, b, T).Should().BeApproximately(Entropy.Cross(p, q), 1e-13);
        Logits.KullbackLeibler(a, b, T).Should().BeApproximately(Divergence.KullbackLeibler(p, q), 1e-13);
        Logits.JensenShannon(a, b, T).Should().BeApproximately(Divergence.JensenShannon(p, q), 1e-13);
    }

    [Fact]
    public void Measures_InBits_AreNatsOverLn2()
    {
        Logits.KullbackLeibler(A, B, unit: LogBase.Bits).Should().BeApproximately(0.21602474365211038 / Math.Log(2), 1e-15);
    }

    [Fact]
    public void KullbackLeibler_NearlyEqualLogits_KeepsTheSmallDivergence()
    {
        // For b = a + δ·d the divergence is ½δ²·Var_p(d) to leading order (the Fisher metric of the softmax family).
        const double Delta = 1e-6;
        double[] b = [.. A.Select((v, i) => v + (Delta * ((i % 3) - 1)))];
        double[] p = Softmax(A, 1);
        double[] d = [.. A.Select((_, i) => (double)((i % 3) - 1))];
        double mean = p.Zip(d, (pi, di) => pi * di).Sum();
        double variance = p.Zip(d, (pi, di) => pi * (di - mean) * (di - mean)).Sum();

        Logits.KullbackLeibler(A, b).Should().BeApproximately(0.5 * Delta * Delta * variance, 1e-3 * Delta * Delta);
    }

    [Fact]
    public void Measures_LogitsTenThousandApart_AreExactWhereFormingProbabilitiesOverflows()
    {
        double[] a = [1e4, 0, -1e4, 5000];
        double[] b = [0, 1e4, 2, 9999];

        // The textbook softmax exp(z)/Σ exp(z) overflows: exp(1e4) = +∞, and ∞/∞ is NaN.
        Math.Exp(a[0]).Should().Be(double.PositiveInfinity);

        // PyTorch 1.13, float64: F.kl_div(F.log_softmax(b, 0), F.log_softmax(a, 0), log_target=True, reduction='sum'), and reversed.
        Logits.KullbackLeibler(a, b).Should().BeApproximately(10000.31326168752, 1e-10);
        Logits.KullbackLeibler(b, a).Should().BeApproximately(8654.710690041135, 1e-10);

        // p is a point mass to within e^−5000: H(p) = 0; the supports are disjoint to within e^−1e4: JSD = ln 2.
        Logits.Entropy(a).Should().Be(0);
        Logits.JensenShannon(a, b).Should().BeApproximately(Math.Log(2), 1e-15);
    }

    [Fact]
    public void Measures_MaskedClasses_FollowTheKlRules()
    {
        double[] p = [1.0, double.NegativeInfinity, 2.0];
        double[] q = [0.5, double.NegativeInfinity, 1.0];
        double[] qMissing = [double.NegativeInfinity, 0.0, 1.0];

        // A class masked in both is 0·log(0/0) = 0: the measures of the other two classes (PyTorch's kl_div gives NaN here).
        Logits.KullbackLeibler(p, q).Should().BeApproximately(Logits.KullbackLeibler([1.0, 2.0], [0.5, 1.0]), 1e-15);
        Logits.Entropy(p).Should().BeApproximately(Entropy.Shannon(Softmax([1.0, 2.0], 1)), 1e-15);
        Logits.JensenShannon(p, q).Should().BeApproximately(Logits.JensenShannon([1.0, 2.0], [0.5, 1.0]), 1e-15);

        // q = 0 < p: +∞, however small p is; the reverse direction only has p = 0 where q > 0, which is finite.
        Logits.KullbackLeibler(p, qMissing).Should().Be(double.PositiveInfinity);
        Logits.CrossEntropy(p, qMissing).Should().Be(double.PositiveInfinity);
        Logits.KullbackLeibler([1000.0, 0.0], [double.NegativeInfinity, 0.0]).Should().Be(double.PositiveInfinity);
        Logits.KullbackLeibler(qMissing, q).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Measures_FloatLogits_AgreeWithTheDoubleOverloadOnTheSameValues()
    {
        var random = new Random(11);
        float[] a = [.. Logit(random, 1031).Select(v => (float)v)];
        float[] b = [.. Logit(random, 1031).Select(v => (float)v)];
        double[] ad = [.. a.Select(v => (double)v)], bd = [.. b.Select(v => (double)v)];

        // KL of float logits runs in float registers: within its documented 2⁻¹⁹ relative of the double result.
        double kl = Logits.KullbackLeibler(ad, bd, 2.0);
        Logits.KullbackLeibler(a, b, 2.0).Should().BeApproximately(kl, Math.ScaleB(kl, -19));
        Logits.CrossEntropy(a, b).Should().Be(Logits.CrossEntropy(ad, bd));
        Logits.Entropy(a, 0.5).Should().Be(Logits.Entropy(ad, 0.5));
        Logits.JensenShannon(a, b).Should().Be(Logits.JensenShannon(ad, bd));

        // PyTorch 1.13 in float32 (kl_div of float32 log_softmax at T = 2.5) rounds every step to float: it agrees to float precision.
        float[] af = [.. A.Select(v => (float)v)], bf = [.. B.Select(v => (float)v)];
        Logits.KullbackLeibler(af, bf, 2.5).Should().BeApproximately(0.04219784960150719, 1e-6 * 0.0422);
    }

    [Fact]
    public void KullbackLeiblerRows_EachRow_MatchesPyTorch()
    {
        // PyTorch 1.13, float64, T = 2: [F.kl_div(F.log_softmax(Q[r] / 2, 0), F.log_softmax(P[r] / 2, 0), log_target=True, reduction='sum') for r in range(3)]
        double[] p = [2.41, 0.52, 0.27, -1.84, 0.14, -4.1, 1.01, 3.03, -4.31, 2.93, 1.57, 3.71, -2.59, 0.9, 1.26];
        double[] q = [-0.24, 2.78, 2.45, 1.49, -0.49, -2.03, -3.18, 2.24, 0.72, -1.18, 0.46, -3.55, 1.6, -4.35, -1.89];
        var destination = new double[3];

        Logits.KullbackLeiblerRows(p, q, classes: 5, destination, temperature: 2.0);

        destination.Should().Equal([0.6252765817495759, 0.6230133626224176, 1.4275424296498336], (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void Rows_EveryMeasure_EqualsTheSingleVectorFormRowByRow()
    {
        var random = new Random(3);
        const int Rows = 4, Classes = 9;
        float[] p = [.. Logit(random, Rows * Classes).Select(v => (float)v)];
        float[] q = [.. Logit(random, Rows * Classes).Select(v => (float)v)];
        var entropy = new double[Rows];
        var cross = new double[Rows];
        var kl = new double[Rows];
        var jsd = new double[Rows];

        Logits.EntropyRows(p, Classes, entropy, 1.5, LogBase.Bits);
        Logits.CrossEntropyRows(p, q, Classes, cross, 1.5, LogBase.Bits);
        Logits.KullbackLeiblerRows(p, q, Classes, kl, 1.5, LogBase.Bits);
        Logits.JensenShannonRows(p, q, Classes, jsd, 1.5, LogBase.Bits);

        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> rowP = p.AsSpan(r * Classes, Classes), rowQ = q.AsSpan(r * Classes, Classes);
            entropy[r].Should().Be(Logits.Entropy(rowP, 1.5, LogBase.Bits));
            cross[r].Should().Be(Logits.CrossEntropy(rowP, rowQ, 1.5, LogBase.Bits));
            kl[r].Should().Be(Logits.KullbackLeibler(rowP, rowQ, 1.5, LogBase.Bits));
            jsd[r].Should().Be(Logits.JensenShannon(rowP, rowQ, 1.5, LogBase.Bits));
        }
    }

    [Fact]
    public void KullbackLeiblerRows_LongBlockCutIntoParts_EqualsTheSingleVectorFormRowByRow()
    {
        // 41 × 1031 logits: past the length from which rows are shared among cores; a −∞ and a far-off row take the double kernel.
        var random = new Random(41);
        const int Rows = 41, Classes = 1031;
        float[] p = [.. Logit(random, Rows * Classes).Select(v => (float)v)];
        float[] q = [.. Logit(random, Rows * Classes).Select(v => (float)v)];
        q[(7 * Classes) + 5] = float.NegativeInfinity;
        p[(30 * Classes) + 2] = 1e4f;
        var kl = new double[Rows];

        Logits.KullbackLeiblerRows(p, q, Classes, kl, 1.5);

        for (int r = 0; r < Rows; r++)
        {
            kl[r].Should().Be(Logits.KullbackLeibler(p.AsSpan(r * Classes, Classes), q.AsSpan(r * Classes, Classes), 1.5), $"row {r}");
        }

        kl[7].Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void KullbackLeiblerRows_LongBlockWithTwoBadRows_NamesTheFirst()
    {
        var random = new Random(2);
        const int Rows = 40, Classes = 1000;
        float[] p = [.. Logit(random, Rows * Classes).Select(v => (float)v)];
        float[] q = [.. p];
        q[(33 * Classes) + 1] = float.NaN;
        q[(12 * Classes) + 9] = float.PositiveInfinity;

        var act = () => Logits.KullbackLeiblerRows(p, q, Classes, new double[Rows]);

        act.Should().Throw<ArgumentException>().WithParameterName("logitsQ").WithMessage("logitsQ[12,9] is Infinity*");
    }

    [Fact]
    public void Rows_NoRows_WritesNothing()
    {
        Logits.KullbackLeiblerRows(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, 10, Span<double>.Empty);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void KullbackLeibler_NaNOrPositiveInfinityLogit_ThrowsNamingTheIndex(double bad, string shown)
    {
        double[] q = [.. B];
        q[3] = bad;

        var act = () => Logits.KullbackLeibler(A, q);

        act.Should().Throw<ArgumentException>().WithParameterName("logitsQ").WithMessage($"logitsQ[3] is {shown}; logits must be finite*");
    }

    [Fact]
    public void EntropyRows_NaNLogit_ThrowsNamingRowAndColumn()
    {
        double[] logits = [0, 1, 2, 3, 4, double.NaN];

        var act = () => Logits.EntropyRows(logits, 3, new double[2]);

        act.Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("logits[1,2] is NaN*");
    }

    [Fact]
    public void Entropy_EveryLogitMasked_Throws()
    {
        var act = () => Logits.Entropy([double.NegativeInfinity, double.NegativeInfinity]);
        var actRows = () => Logits.KullbackLeiblerRows([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, double.NegativeInfinity, double.NegativeInfinity], 2, new double[2]);

        act.Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("Every logit of logits is -Infinity*");
        actRows.Should().Throw<ArgumentException>().WithParameterName("logitsQ").WithMessage("Every logit of row 1 of logitsQ is -Infinity*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e-310)]
    public void KullbackLeibler_BadTemperature_Throws(double temperature)
    {
        var act = () => Logits.KullbackLeibler(A, B, temperature);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(temperature));
    }

    [Fact]
    public void Measures_BadShapes_ThrowNamingTheParameter()
    {
        double[] six = [0, 1, 2, 3, 4, 5];

        FluentActions.Invoking(() => Logits.Entropy(ReadOnlySpan<double>.Empty)).Should().Throw<ArgumentException>().WithParameterName("logits");
        FluentActions.Invoking(() => Logits.KullbackLeibler(A, six)).Should().Throw<ArgumentException>().WithParameterName("logitsQ");
        FluentActions.Invoking(() => Logits.EntropyRows(six, 0, new double[1])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("classes");
        FluentActions.Invoking(() => Logits.EntropyRows(six, 4, new double[1])).Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("*not a multiple of classes = 4*");
        FluentActions.Invoking(() => Logits.KullbackLeiblerRows(six, six, 3, new double[3])).Should().Throw<ArgumentException>().WithParameterName("destination").WithMessage("destination has length 3 but the input has 2 rows*");
        FluentActions.Invoking(() => Logits.KullbackLeiblerRows(six, six.AsSpan(0, 3), 3, new double[2])).Should().Throw<ArgumentException>().WithParameterName("logitsQ");
        FluentActions.Invoking(() => Logits.EntropyRows(six, 3, six.AsSpan(4, 2))).Should().Throw<ArgumentException>().WithParameterName("destination").WithMessage("destination overlaps logits*");
        FluentActions.Invoking(() => Logits.Entropy(A, unit: (LogBase)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    private static double[] Logit(Random random, int n)
    {
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = 6 * (random.NextDouble() - 0.5);
        }

        return z;
    }

    // The textbook softmax, written plainly: exp((zᵢ − max z)/T) / Σⱼ exp((zⱼ − max z)/T).
    private static double[] Softmax(double[] z, double temperature)
    {
        double max = z.Max();
        double[] e = [.. z.Select(v => Math.Exp((v - max) / temperature))];
        double sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }
}
