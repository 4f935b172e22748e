using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>KL of float logits in float registers, at every <see cref="SimdWidth"/>, against the double kernel on the same values.</summary>
public class SingleLogitKullbackLeiblerTests
{
    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void Nats_ScalarWidth_IsTheDoubleKernelBitForBit(int n)
    {
        (float[] a, float[] b) = Pair(new Random(n), n, 1.0);

        LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, a, b, 0.5, "a", "b", -1, SimdWidth.Scalar)
            .Should().Be(Double(a, b, 0.5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1031)]
    public void Nats_EveryWidth_AgreesWithTheDoubleKernelToFloatRounding(int n)
    {
        (float[] a, float[] b) = Pair(new Random(n), n, 1.0);
        double expected = Double(a, b, 0.5);

        foreach (SimdWidth width in Widths)
        {
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, a, b, 0.5, "a", "b", -1, width)
                .Should().BeApproximately(expected, Math.ScaleB(expected, -19), $"width {width}");
        }
    }

    [Theory]
    [InlineData(1e-3, 7)]
    [InlineData(1e-3, 1031)]
    [InlineData(1e-5, 9)]
    [InlineData(1e-5, 1031)]
    [InlineData(1e-5, 50_000)]
    public void Nats_NearlyEqualRows_KeepTheSmallDivergence(double delta, int n)
    {
        // b = a + δ·d in float: the log-ratios are O(δ) of both signs and their p-weighted sum cancels to O(δ²).
        var random = new Random(n);
        float[] a = [.. Enumerable.Range(0, n).Select(_ => (float)(8 * (random.NextDouble() - 0.5)))];
        float[] b = [.. a.Select(v => (float)(v + (delta * ((2 * random.NextDouble()) - 1))))];
        double expected = NonNegativeTerms(a, b);

        // The vector widths run in float; the double kernel (scalar width) keeps an absolute error of a few ulps of 1 instead.
        foreach (SimdWidth width in new[] { SimdWidth.Vector256, SimdWidth.Vector512 })
        {
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, a, b, 1.0, "a", "b", -1, width)
                .Should().BeApproximately(expected, 1e-5 * expected, $"width {width}");
        }
    }

    [Fact]
    public void Nats_HugeOrMaskedLogits_AgreeWithTheDoubleKernel()
    {
        // 10⁴ apart (past float's exponentials: in p the row goes to the double kernel, in q the terms k3 ≈ 10⁴ stay in float),
        // and a masked class on either side (the double kernel); 20 classes so that whole registers run.
        (float[] a, float[] b) = Pair(new Random(3), 20, 1.0);
        float[] huge = [.. a];
        huge[4] = 1e4f;
        float[] masked = [.. b];
        masked[11] = float.NegativeInfinity;

        foreach (SimdWidth width in Widths)
        {
            double far = Double(b, huge, 1.0);
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, huge, b, 1.0, "a", "b", -1, width).Should().Be(Double(huge, b, 1.0, width), $"width {width}");
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, b, huge, 1.0, "a", "b", -1, width).Should().BeApproximately(far, Math.ScaleB(far, -19), $"width {width}");
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, a, masked, 1.0, "a", "b", -1, width).Should().Be(double.PositiveInfinity, $"width {width}");
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, masked, a, 1.0, "a", "b", -1, width).Should().Be(Double(masked, a, 1.0, width), $"width {width}");
        }
    }

    [Fact]
    public void Nats_FarApartRowsWithinFloat_StayInFloatAndAgree()
    {
        // Logits 60 apart at β = 1: e_p underflows to 0 for some classes where e^{β(b − a)} is large, the lost-lane check's case.
        var random = new Random(9);
        float[] a = [.. Enumerable.Range(0, 64).Select(i => (float)(i % 2 == 0 ? -60 + random.NextDouble() : random.NextDouble()))];
        float[] b = [.. Enumerable.Range(0, 64).Select(i => (float)(i % 2 == 0 ? random.NextDouble() : -60 + random.NextDouble()))];
        double expected = Double(a, b, 1.5);

        foreach (SimdWidth width in Widths)
        {
            LogitKernels.Nats<float>(LogitMeasure.KullbackLeibler, a, b, 1.5, "a", "b", -1, width)
                .Should().BeApproximately(expected, Math.ScaleB(expected, -19), $"width {width}");
        }
    }

    private static double Double(float[] a, float[] b, double beta, SimdWidth width = SimdWidth.Scalar)
        => LogitKernels.Nats<double>(LogitMeasure.KullbackLeibler, [.. a.Select(v => (double)v)], [.. b.Select(v => (double)v)], beta, "a", "b", -1, width);

    private static (float[] A, float[] B) Pair(Random random, int n, double spread)
        => ([.. Enumerable.Range(0, n).Select(_ => (float)(8 * spread * (random.NextDouble() - 0.5)))],
            [.. Enumerable.Range(0, n).Select(_ => (float)(8 * spread * (random.NextDouble() - 0.5)))]);

    // KL = Σ pᵢ k3(xᵢ), xᵢ = ℓq,ᵢ − ℓp,ᵢ, k3(x) = e^x − 1 − x ≥ 0 (Σ qᵢ = Σ pᵢ = 1), in double written plainly with the softmax
    // of the widened logits at T = 1; k3 by its series x²/2 + x³/6 + x⁴/24 (next term below 1e-20 relative) for |x| < 1e-3.
    private static double NonNegativeTerms(float[] a, float[] b)
    {
        double maxA = a.Max(), maxB = b.Max();
        double lseA = maxA + Math.Log(a.Sum(v => Math.Exp(v - maxA)));
        double lseB = maxB + Math.Log(b.Sum(v => Math.Exp(v - maxB)));
        double kl = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double x = ((double)b[i] - a[i]) - (lseB - lseA);
            double k3 = Math.Abs(x) < 1e-3 ? x * x * (0.5 + (x * ((1.0 / 6) + (x / 24)))) : Math.Exp(x) - 1 - x;
            kl += Math.Exp(a[i] - lseA) * k3;
        }

        return kl;
    }
}
