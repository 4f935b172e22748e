using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The fused entropy, cross-entropy, KL and JSD kernels, run at every <see cref="SimdWidth"/> (the scalar
/// path forced included) over lengths that leave every possible SIMD tail, against <see cref="ScalarReference"/>.
/// </summary>
public class FusedKernelTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    public static TheoryData<int> AwkwardLengths => new() { 1, 2, 3, 7, 8, 9, 15, 16, 17, 1031 };

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void Entropy_EveryWidth_MatchesScalarReference(int length)
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(length), length);
        double expected = ScalarReference.Entropy(p);

        foreach (SimdWidth width in Widths)
        {
            EntropyKernel<double>.Nats(p, "p", width).Should().BeApproximately(expected, 1e-13 * (1 + expected), $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void CrossEntropy_EveryWidth_MatchesScalarReference(int length)
    {
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        double expected = ScalarReference.CrossEntropy(p, q);

        foreach (SimdWidth width in Widths)
        {
            CrossEntropyKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(expected, 1e-13 * (1 + expected), $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void KullbackLeibler_EveryWidth_MatchesScalarReference(int length)
    {
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        double expected = ScalarReference.KullbackLeibler(p, q);

        foreach (SimdWidth width in Widths)
        {
            KullbackLeiblerKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(expected, 1e-13 * (1 + expected), $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void JensenShannon_EveryWidth_MatchesScalarReference(int length)
    {
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0.3);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0.3);
        double expected = ScalarReference.JensenShannon(p, q);

        foreach (SimdWidth width in Widths)
        {
            JensenShannonKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(expected, 1e-13, $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void JensenShannon_CloseInputs_EveryWidthAgreesWithScalarPath(int length)
    {
        // Small relative differences send every lane through the series branch, large ones through the logs;
        // mixing both within one register exercises the blend.
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        double[] q = Distribution.Normalize(p.Select(v => v * (1 + (rng.NextDouble() < 0.5 ? 1e-3 : 0.5) * rng.NextDouble())).ToArray());
        double scalar = JensenShannonKernel.Nats(p, q, "p", "q", SimdWidth.Scalar);

        scalar.Should().BeApproximately(ScalarReference.JensenShannon(p, q), 1e-15);
        foreach (SimdWidth width in Widths)
        {
            JensenShannonKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(scalar, 1e-15 + 1e-13 * scalar, $"width {width}");
        }
    }

    [Theory]
    [InlineData(0.3, 0.2333807449551071, 2.84241219164301707e-3)] // t = 0.1249: series
    [InlineData(0.3, 0.23328593013954313, 2.85084991129549935e-3)] // t = 0.1251: logarithms
    [InlineData(0.3, 0.3857926620185164, 4.09136040667638664e-3)] // t = −0.1251
    [InlineData(0.25, 0.19444444444444445, 2.23679797845839994e-3)] // t = 0.125
    [InlineData(0.4, 0.3999999992, 3.33333323841682479e-19)] // t = 1e−9
    [InlineData(0.2, 0.06666666666666667, 2.00082420611405688e-2)] // t = 0.5
    [InlineData(0.0045, 2.2613065326633184e-05, 1.49874598574923971e-3)] // t = 0.99
    public void JensenShannon_EitherSideOfTheSeriesThreshold_MatchesHighPrecisionValue(double x, double y, double expected)
    {
        // Expected: ½Σ[p ln(2p/(p+q)) + q ln(2q/(p+q))] for p = (x, 1−x), q = (y, 1−y), evaluated from the exact
        // binary values with 60-digit decimal arithmetic in Python. Splitting each entry into 8 equal parts (exact)
        // leaves the divergence unchanged; alternating them puts series and logarithm lanes in one register.
        // Just past |t| = 1/8 the two logarithms still cancel by a factor of about 17, hence 2e-14 rather than a few ulps.
        double[] p = [.. Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? x : 1 - x) / 8)];
        double[] q = [.. Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? y : 1 - y) / 8)];

        foreach (SimdWidth width in Widths)
        {
            JensenShannonKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(expected, 2e-14 * expected, $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void EveryKernel_SubnormalEntries_EveryWidthMatchesScalarReference(int length)
    {
        // Entries between 1e-318 and 1e-308 take the subnormal path of the logarithm inside the vector body.
        var rng = new Random(1000 + length);
        double[] p = WithSubnormals(rng, ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0));
        double[] q = WithSubnormals(rng, ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0));

        double entropy = ScalarReference.Entropy(p);
        double cross = ScalarReference.CrossEntropy(p, q);
        double kl = ScalarReference.KullbackLeibler(p, q);
        double jsd = ScalarReference.JensenShannon(p, q);

        foreach (SimdWidth width in Widths)
        {
            EntropyKernel<double>.Nats(p, "p", width).Should().BeApproximately(entropy, 1e-13 * (1 + entropy), $"width {width}");
            CrossEntropyKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(cross, 1e-13 * (1 + cross), $"width {width}");
            KullbackLeiblerKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(kl, 1e-13 * (1 + kl), $"width {width}");
            JensenShannonKernel.Nats(p, q, "p", "q", width).Should().BeApproximately(jsd, 1e-13, $"width {width}");
        }
    }

    [Fact]
    public void EveryKernel_EmptyInput_Throws()
    {
        foreach (SimdWidth width in Widths)
        {
            FluentActions.Invoking(() => EntropyKernel<double>.Nats([], "p", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => CrossEntropyKernel.Nats<double>([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => KullbackLeiblerKernel.Nats<double>([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => JensenShannonKernel.Nats<double>([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(500)]
    [InlineData(1030)]
    public void EveryKernel_BadEntryInsideOrAfterTheVectorBody_NamesItsIndex(int index)
    {
        foreach (double bad in new[] { -1e-3, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            double[] good = ProbabilityVectorSamples.Vector(new Random(index), 1031, zeroFraction: 0);
            double[] broken = (double[])good.Clone();
            broken[index] = bad;
            string message = $"p[{index}] is *";
            foreach (SimdWidth width in Widths)
            {
                FluentActions.Invoking(() => EntropyKernel<double>.Nats(broken, "p", width))
                    .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage(message);
                FluentActions.Invoking(() => CrossEntropyKernel.Nats(broken, good, "p", "q", width))
                    .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage(message);
                FluentActions.Invoking(() => KullbackLeiblerKernel.Nats(good, broken, "q", "p", width))
                    .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage(message);
                FluentActions.Invoking(() => JensenShannonKernel.Nats(good, broken, "q", "p", width))
                    .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage(message);
            }
        }
    }

    [Fact]
    public void EveryKernel_SumOffOne_ReportsTheSum()
    {
        var p = Enumerable.Repeat(1.0 / 1000, 1031).ToArray();
        foreach (SimdWidth width in Widths)
        {
            FluentActions.Invoking(() => EntropyKernel<double>.Nats(p, "p", width))
                .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 1.03*");
            FluentActions.Invoking(() => JensenShannonKernel.Nats(p, p, "p", "q", width))
                .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 1.03*");
        }
    }

    [Fact]
    public void CrossEntropyAndKullbackLeibler_MissingSupportInVectorBody_IsPositiveInfinity()
    {
        foreach (SimdWidth width in Widths)
        {
            var p = Enumerable.Repeat(1.0 / 16, 16).ToArray();
            var q = Enumerable.Repeat(1.0 / 15, 16).ToArray();
            q[5] = 0;

            CrossEntropyKernel.Nats(p, q, "p", "q", width).Should().Be(double.PositiveInfinity, $"width {width}");
            KullbackLeiblerKernel.Nats(p, q, "p", "q", width).Should().Be(double.PositiveInfinity, $"width {width}");
        }
    }

    private static double[] WithSubnormals(Random rng, double[] p)
    {
        for (int i = 1; i < p.Length; i += 3)
        {
            p[i] = Math.Pow(10, -308 - 10 * rng.NextDouble());
        }

        return Distribution.Normalize(p);
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void EveryKernelButKullbackLeibler_FloatInput_EqualsTheDoubleKernelOnTheWidenedValuesAtEveryWidth(int length)
    {
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);

        foreach (SimdWidth width in Widths)
        {
            EntropyKernel<float>.Nats(p, "p", width).Should().Be(EntropyKernel<double>.Nats(pd, "p", width), $"width {width}");
            CrossEntropyKernel.Nats<float>(p, q, "p", "q", width).Should().Be(CrossEntropyKernel.Nats<double>(pd, qd, "p", "q", width), $"width {width}");
            JensenShannonKernel.Nats<float>(p, q, "p", "q", width).Should().Be(JensenShannonKernel.Nats<double>(pd, qd, "p", "q", width), $"width {width}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void KullbackLeibler_FloatInputAtScalarWidth_EqualsTheDoubleKernelBitForBit(int length)
    {
        // The scalar path widens every float and runs the double arithmetic.
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);

        KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", SimdWidth.Scalar).Should().Be(KullbackLeiblerKernel.Nats<double>(pd, qd, "p", "q", SimdWidth.Scalar));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    [InlineData(40_000)]
    public void KullbackLeibler_FloatRegisters_AgreeWithTheDoubleKernelToFloatRounding(int extra)
    {
        // Lengths 16k + extra leave every tail of 8- and 16-float registers; 40 000 + 16k is cut into parts for several cores.
        int length = 16 * 7 + extra;
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);
        double expected = KullbackLeiblerKernel.Nats<double>(pd, qd, "p", "q", SimdWidth.Scalar);

        foreach (SimdWidth width in Widths)
        {
            // The documented bound: 2⁻¹⁹ of KL + |Σq − Σp|, here Σq = Σp within 1e-10.
            KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", width).Should().BeApproximately(expected, Math.ScaleB(expected, -19), $"width {width}");
        }
    }

    [Theory]
    [InlineData(1e-3, 8)]
    [InlineData(1e-3, 1031)]
    [InlineData(1e-5, 9)]
    [InlineData(1e-5, 1031)]
    [InlineData(1e-5, 70_000)]
    public void KullbackLeibler_NearlyEqualFloatDistributions_KeepTheSmallDivergence(double delta, int length)
    {
        // q = p·(1 + δ·εᵢ) in float, with Σq = Σp to 1e-22: the terms p ln(p/q) are O(δ) of both signs and cancel to O(δ²).
        var rng = new Random(length);
        float[] p = ProbabilityVectorSamples.FloatVector(rng, length, zeroFraction: 0);
        float[] q = NearlyEqual(p, delta, rng);
        double[] pd = ProbabilityVectorSamples.Widened(p), qd = ProbabilityVectorSamples.Widened(q);

        // Σ pᵢ ln(pᵢ/qᵢ) over the widened floats in double, written plainly (each log of a quotient within 1 ulp).
        double plain = 0;
        for (int i = 0; i < length; i++)
        {
            plain += pd[i] * Math.Log(pd[i] / qd[i]);
        }

        foreach (SimdWidth width in Widths)
        {
            KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", width).Should().BeApproximately(plain, 1e-5 * plain, $"width {width}");
        }
    }

    [Fact]
    public void KullbackLeibler_FloatZerosAndSubnormals_GiveExactTermsAtEveryWidth()
    {
        // 40 entries: zeros in p (term 0), a subnormal in p and in q (the block runs in double), the rest ordinary.
        var rng = new Random(5);
        float[] p = ProbabilityVectorSamples.FloatVector(rng, 40, zeroFraction: 0.3);
        float[] q = ProbabilityVectorSamples.FloatVector(rng, 40, zeroFraction: 0);
        int zero = Array.IndexOf(p, 0f);
        (p[zero], p[3]) = (p[3], 1e-40f);
        (q[20], q[21]) = (q[20] + q[21], 3e-41f);
        double[] pd = ProbabilityVectorSamples.Widened(p), qd = ProbabilityVectorSamples.Widened(q);
        double plain = 0;
        for (int i = 0; i < p.Length; i++)
        {
            plain += pd[i] == 0 ? 0 : pd[i] * Math.Log(pd[i] / qd[i]);
        }

        float[] missing = [.. q];
        int gone = Array.FindIndex(p, v => v > 0.001f);
        (missing[gone], missing[gone + 1]) = (0, missing[gone] + missing[gone + 1]);
        foreach (SimdWidth width in Widths)
        {
            KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", width).Should().BeApproximately(plain, Math.ScaleB(plain, -19), $"width {width}");
            KullbackLeiblerKernel.Nats<float>(p, missing, "p", "q", width).Should().Be(double.PositiveInfinity, $"width {width}");
        }
    }

    [Fact]
    public void KullbackLeibler_LongFloatInput_GivesTheSameBitsOnOneThreadAndOnAll()
    {
        (float[] p, float[] q, _, _) = ProbabilityVectorSamples.FloatPair(100_003);

        KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", SimdWidths.Best, threads: 1)
            .Should().Be(KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", SimdWidths.Best, threads: 8));
    }

    // p·(1 + δ·εᵢ) with Σ pᵢεᵢ = 0, rounded to float, then Σ(pᵢ − qᵢ) (each difference exact in double) moved onto entries that can take it
    // within δ of themselves, the smallest such first, until the sums agree to 1e-22.
    private static float[] NearlyEqual(float[] p, double delta, Random rng)
    {
        double[] e = [.. p.Select(_ => (2 * rng.NextDouble()) - 1)];
        double mean = p.Select((v, i) => v * e[i]).Sum() / p.Sum(v => (double)v);
        float[] q = [.. p.Select((v, i) => (float)(v * (1 + (delta * (e[i] - mean)))))];
        var used = new HashSet<int>();
        for (int round = 0; round < 12; round++)
        {
            double residual = p.Select((v, i) => (double)v - q[i]).Sum();
            int j = Enumerable.Range(0, p.Length).Where(i => !used.Contains(i) && p[i] >= 2 * Math.Abs(residual) / delta).DefaultIfEmpty(-1).MinBy(i => i < 0 ? 0 : p[i]);
            if (Math.Abs(residual) < 1e-22 || j < 0)
            {
                break;
            }

            used.Add(j);
            q[j] = (float)(q[j] + residual);
        }

        return q;
    }
}
