using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The power-sum kernels (<see cref="PowerSumKernel{TElement}"/>, <see cref="PowerEntropyKernel{TElement}"/>) at every
/// <see cref="SimdWidth"/> over awkward lengths, against the sums written out plainly with <see cref="Math.Pow(double, double)"/>.
/// </summary>
public class PowerSumKernelTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    public static TheoryData<int, double> LengthsAndExponents()
    {
        var data = new TheoryData<int, double>();
        foreach (int length in new[] { 1, 2, 7, 8, 9, 15, 16, 17, 1031 })
        {
            foreach (double t in new[] { -1.0, -0.5, -1e-7, 1e-7, 1.0, 4.0 })
            {
                data.Add(length, t);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LengthsAndExponents))]
    public void PairedSum_EveryWidth_MatchesPlainSum(int length, double t)
    {
        // q has zeros only where t < 0 allows them (t > 0 with q = 0 < p is +∞, pinned separately).
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0.3);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: t < 0 ? 0.3 : 0);
        (double scaledLog, double excess) = PlainSum(p, q, t);

        foreach (SimdWidth width in Widths)
        {
            PowerSum sum = PowerSumKernel<double>.Sum(p, q, t, "p", "q", width);
            sum.Unbounded.Should().BeFalse();
            sum.ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * Math.Abs(scaledLog) + 1e-15, $"width {width}");
            sum.Excess.Should().BeApproximately(excess, 1e-13 * (1 + Math.Abs(excess)), $"width {width}");
        }
    }

    [Theory]
    [MemberData(nameof(LengthsAndExponents))]
    public void EntropySum_EveryWidth_MatchesPlainSum(int length, double t)
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(length), length, zeroFraction: 0.3);
        (double scaledLog, double excess) = PlainSum(p, [.. p.Select(_ => 1.0)], t);

        foreach (SimdWidth width in Widths)
        {
            PowerSum sum = PowerEntropyKernel<double>.Sum(p, t, "p", width);
            sum.ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * Math.Abs(scaledLog) + 1e-15, $"width {width}");
            sum.Excess.Should().BeApproximately(excess, 1e-13 * (1 + Math.Abs(excess)), $"width {width}");
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1031)]
    public void PairedSum_SubnormalEntries_EveryWidthMatchesPlainSum(int length)
    {
        // Entries between 1e-318 and 1e-308 send registers through the subnormal path of the logarithm and the zero masks.
        var rng = new Random(500 + length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0.2);
        double[] q = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        for (int i = 1; i < length; i += 3)
        {
            q[i] = Math.Pow(10, -308 - (10 * rng.NextDouble()));
        }

        q = Distribution.Normalize(q);
        (double scaledLog, double excess) = PlainSum(p, q, -0.5);

        foreach (SimdWidth width in Widths)
        {
            PowerSum sum = PowerSumKernel<double>.Sum(p, q, -0.5, "p", "q", width);
            sum.ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * Math.Abs(scaledLog), $"width {width}");
            sum.Excess.Should().BeApproximately(excess, 1e-13, $"width {width}");
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(1031)]
    public void PairedSum_ExponentsBeyondTheDoubleRange_TakeTheScaledSumAtEveryWidth(int length)
    {
        // t = 400 with ratios up to 1e6 makes e^(tℓ) ≈ e^5500: the fast pass clamps and the sum is redone with the
        // largest term factored out, which the plain sum here does by hand.
        var rng = new Random(length);
        double[] p = ProbabilityVectorSamples.Vector(rng, length, zeroFraction: 0);
        double[] q = [.. p.Select((v, i) => i % 2 == 0 ? v * 1e-6 : v)];
        q = Distribution.Normalize(q);
        double shift = p.Zip(q, (a, b) => Math.Log(a / b)).Max();
        double expected = shift + (Math.Log(p.Zip(q, (a, b) => a * Math.Exp(400 * (Math.Log(a / b) - shift))).Sum()) / 400);

        foreach (SimdWidth width in Widths)
        {
            PowerSumKernel<double>.Sum(p, q, 400, "p", "q", width).ScaledLog.Should().BeApproximately(expected, 1e-12 * expected, $"width {width}");
        }
    }

    [Theory]
    [InlineData(708.5)]
    [InlineData(709.6)]
    [InlineData(709.9)]
    public void PairedSum_OneExponentNearTheDoubleLimit_MatchesPlainSumAtEveryWidth(double exponent)
    {
        // t·ℓ₀ = 708.5 sums directly (e^x finite, 2^k normal); 709.6 rounds to k = 1024 with r < 0, so the fast term is NaN;
        // 709.9 overflows to +∞. The last two must be noticed and redone by the scaled sum.
        const double t = 2.0;
        var rng = new Random(9);
        double[] p = ProbabilityVectorSamples.Vector(rng, 9, zeroFraction: 0);
        double[] q = ProbabilityVectorSamples.Vector(rng, 9, zeroFraction: 0);
        double tiny = p[0] * Math.Exp(-exponent / t);
        (q[0], q[1]) = (tiny, q[1] + q[0] - tiny);

        // (1/t)·ln Σ pᵢe^(tℓᵢ) with ℓ₀, the largest ℓ, factored out by hand, since e^709.9 overflows a double.
        double shift = Math.Log(p[0] / q[0]);
        double scaledLog = shift + (Math.Log(p.Zip(q, (a, b) => a * Math.Exp(t * (Math.Log(a / b) - shift))).Sum()) / t);

        foreach (SimdWidth width in Widths)
        {
            PowerSumKernel<double>.Sum(p, q, t, "p", "q", width).ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * scaledLog, $"width {width}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(1031)]
    public void EntropySum_PowersThatUnderflow_TakeTheScaledSumAtEveryWidth(int length)
    {
        // Σ (1/n)^1000 underflows to 0 in double; the scaled sum keeps (1/t)·ln Σ pᵢ^(1+t) = −ln n exactly (Rényi: H = ln n).
        double[] p = [.. Enumerable.Repeat(1.0 / length, length)];

        foreach (SimdWidth width in Widths)
        {
            PowerEntropyKernel<double>.Sum(p, 999, "p", width).ScaledLog.Should().BeApproximately(-Math.Log(length), 1e-13, $"width {width}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void PairedSum_ZeroReferenceWithPositiveOrder_IsUnbounded(int length)
    {
        double[] p = [.. Enumerable.Repeat(1.0 / length, length)];
        double[] q = new double[length];
        q[0] = 1;
        if (length == 1)
        {
            p = [0.5, 0.5];
            q = [1, 0];
        }

        foreach (SimdWidth width in Widths)
        {
            PowerSum sum = PowerSumKernel<double>.Sum(p, q, 0.5, "p", "q", width);
            sum.Unbounded.Should().BeTrue($"width {width}");
            sum.ScaledLog.Should().Be(double.PositiveInfinity);
        }
    }

    [Fact]
    public void PairedSum_EmptyInput_ThrowsNamingP()
    {
        Action act = () => PowerSumKernel<double>.Sum([], [], 0.5, "p", "q", SimdWidth.Scalar);

        act.Should().Throw<ArgumentException>().WithParameterName("p");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(1031)]
    public void PairedSum_FloatInput_EqualsTheDoubleKernelOnTheWidenedValuesAtEveryWidth(int length)
    {
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);

        foreach (SimdWidth width in Widths)
        {
            PowerSumKernel<float>.Sum(p, q, 1.5, "p", "q", width).Should().Be(PowerSumKernel<double>.Sum(pd, qd, 1.5, "p", "q", width));
            PowerEntropyKernel<float>.Sum(p, -0.5, "p", width).Should().Be(PowerEntropyKernel<double>.Sum(pd, -0.5, "p", width));
        }
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.0)]
    public void PairedSum_LongInput_GivesTheSameBitsOnOneThreadAndOnSeveral(double t)
    {
        // 100 003 elements are cut into 8 parts, some holding zeros (the out-of-line path) and a scalar tail in the last.
        var rng = new Random(100_003);
        double[] p = ProbabilityVectorSamples.Vector(rng, 100_003, zeroFraction: 0.001);
        double[] q = ProbabilityVectorSamples.Vector(rng, 100_003, zeroFraction: t < 0 ? 0.001 : 0);
        (float[] pf, float[] qf, _, _) = ProbabilityVectorSamples.FloatPair(100_003);
        (double scaledLog, double excess) = PlainSum(p, q, t);

        PowerSum one = PowerSumKernel<double>.Sum(p, q, t, "p", "q", SimdWidths.Best, threads: 1);
        PowerSumKernel<double>.Sum(p, q, t, "p", "q", SimdWidths.Best, threads: 8).Should().Be(one);
        PowerSumKernel<double>.Sum(p, q, t, "p", "q", SimdWidths.Best, threads: 2).Should().Be(one);
        PowerSumKernel<float>.Sum(pf, qf, t, "p", "q", SimdWidths.Best, threads: 8)
            .Should().Be(PowerSumKernel<float>.Sum(pf, qf, t, "p", "q", SimdWidths.Best, threads: 1));
        one.ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * Math.Abs(scaledLog));
        one.Excess.Should().BeApproximately(excess, 1e-13 * (1 + Math.Abs(excess)));
    }

    [Fact]
    public void EntropySum_LongInput_GivesTheSameBitsOnOneThreadAndOnSeveral()
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(65_537), 65_537, zeroFraction: 0.001);
        (double scaledLog, _) = PlainSum(p, [.. p.Select(_ => 1.0)], 1.0);

        PowerSum one = PowerEntropyKernel<double>.Sum(p, 1.0, "p", SimdWidths.Best, threads: 1);
        PowerEntropyKernel<double>.Sum(p, 1.0, "p", SimdWidths.Best, threads: 8).Should().Be(one);
        one.ScaledLog.Should().BeApproximately(scaledLog, 1e-12 * Math.Abs(scaledLog));
    }

    [Fact]
    public void PairedSum_LongInputWithANegativeEntryInALatePart_ThrowsNamingQ()
    {
        // The minimum is kept only on the zero path, which a negative entry takes too; the part holding it is not the first.
        var rng = new Random(40_000);
        double[] p = ProbabilityVectorSamples.Vector(rng, 40_000, zeroFraction: 0);
        double[] q = ProbabilityVectorSamples.Vector(rng, 40_000, zeroFraction: 0);
        (q[39_000], q[39_001]) = (-q[39_000], q[39_001] + (2 * q[39_000]));

        Action act = () => PowerSumKernel<double>.Sum(p, q, 1.0, "p", "q", SimdWidths.Best, threads: 2);

        act.Should().Throw<ArgumentException>().WithParameterName("q");
    }

    /// <summary>(1/t)·ln Σ pᵢ^(1+t) qᵢ^(−t) and Σ (pᵢ^(1+t) qᵢ^(−t) − pᵢ), term by term; zeros by the stated rules.</summary>
    /// <remarks>
    /// Each term is pᵢe^(tℓᵢ) with ℓᵢ = ln pᵢ − ln qᵢ (a difference, so a subnormal qᵢ cannot overflow a quotient). Near t = 0
    /// e^x − 1 and ln(1 + s) are taken from their Taylor series, since Math.Exp(x) − 1 and Math.Log(1 + s) lose the digits
    /// the kernels are asked to keep.
    /// </remarks>
    private static (double ScaledLog, double Excess) PlainSum(double[] p, double[] q, double t)
    {
        double power = 0, excess = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0)
            {
                continue;
            }

            if (q[i] == 0)
            {
                excess -= p[i];
                continue;
            }

            double x = t * (Math.Log(p[i]) - Math.Log(q[i]));
            power += p[i] * Math.Exp(x);
            excess += p[i] * (Math.Abs(x) < 1e-3 ? x + (x * x / 2) + (x * x * x / 6) + (x * x * x * x / 24) : Math.Exp(x) - 1);
        }

        double log = Math.Abs(excess) < 1e-3 ? excess - (excess * excess / 2) + (excess * excess * excess / 3) - (excess * excess * excess * excess / 4) : Math.Log(power);
        return (log / t, excess);
    }
}
