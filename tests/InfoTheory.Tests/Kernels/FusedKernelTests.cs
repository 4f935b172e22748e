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
            EntropyKernel.Nats(p, "p", width).Should().BeApproximately(expected, 1e-13 * (1 + expected), $"width {width}");
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
            EntropyKernel.Nats(p, "p", width).Should().BeApproximately(entropy, 1e-13 * (1 + entropy), $"width {width}");
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
            FluentActions.Invoking(() => EntropyKernel.Nats([], "p", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => CrossEntropyKernel.Nats([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => KullbackLeiblerKernel.Nats([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
            FluentActions.Invoking(() => JensenShannonKernel.Nats([], [], "p", "q", width)).Should().Throw<ArgumentException>().WithParameterName("p");
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
                FluentActions.Invoking(() => EntropyKernel.Nats(broken, "p", width))
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
            FluentActions.Invoking(() => EntropyKernel.Nats(p, "p", width))
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
}
