using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>
/// The SIMD softmax kernels in float against a straightforward scalar reference in double, written from
/// PyTorch's documented definitions (torch.logsumexp: log Σⱼ exp(xⱼ); torch.softmax: exp(xᵢ) / Σⱼ exp(xⱼ);
/// torch.log_softmax: log(softmax(x))), the sums taken in double after the max shift so that the reference
/// itself is exact to double precision.
/// </summary>
public class SoftmaxKernelsTests
{
    private const double FloatEpsilon = 1.1920928955078125e-7;

    /// <summary>(outer, n, inner): last-axis lines short, long and over a SIMD width plus tail; middle axes with inner positions vectorised.</summary>
    public static TheoryData<int, int, int> Layouts => new()
    {
        { 3, 37, 1 },
        { 1, 1031, 1 },
        { 4, 1, 1 },
        { 2, 5, 19 },
        { 4, 1, 7 },
        { 2, 9, 33 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void LogSumExp_Float_MatchesDoubleReferenceToAFewUlps(int outer, int n, int inner)
    {
        var x = Logits(outer * n * inner, seed: n + inner);
        var lse = new float[outer * inner];

        SoftmaxKernels<float>.LogSumExp(x, outer, n, inner, lse);

        var reference = ReferenceLogSumExp(x, outer, n, inner);
        for (int k = 0; k < lse.Length; k++)
        {
            lse[k].Should().BeApproximately((float)reference[k], (float)(4 * FloatEpsilon * Math.Max(Math.Abs(reference[k]), 1)), $"position {k}");
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Softmax_Float_MatchesDoubleReferenceToAFewUlps(int outer, int n, int inner)
    {
        var x = Logits(outer * n * inner, seed: n * inner);
        var y = new float[x.Length];
        var logY = new float[x.Length];

        SoftmaxKernels<float>.Softmax(x, outer, n, inner, y, log: false);
        SoftmaxKernels<float>.Softmax(x, outer, n, inner, logY, log: true);

        var lse = ReferenceLogSumExp(x, outer, n, inner);
        ForEach(outer, n, inner, (p, line) =>
        {
            double exact = Math.Exp(x[p] - lse[line]);
            // exp(xᵢ − m) carries the rounding of its argument, a relative error of about ε|xᵢ − m|.
            ((double)y[p]).Should().BeApproximately(exact, 4 * FloatEpsilon * exact * (2 + Math.Abs(x[p] - lse[line])), $"softmax at {p}");
            double exactLog = x[p] - lse[line];
            ((double)logY[p]).Should().BeApproximately(exactLog, 4 * FloatEpsilon * Math.Max(Math.Abs(exactLog), Math.Abs(lse[line])), $"log softmax at {p}");
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Backward_Float_MatchesTheDoubleChainRule(int outer, int n, int inner)
    {
        var x = Logits(outer * n * inner, seed: 7 * n);
        var g = Logits(outer * n * inner, seed: 11 * inner);
        var gReduced = g.AsSpan(0, outer * inner).ToArray();
        var y = new float[x.Length];
        var logY = new float[x.Length];
        var lse = new float[outer * inner];
        SoftmaxKernels<float>.Softmax(x, outer, n, inner, y, log: false);
        SoftmaxKernels<float>.Softmax(x, outer, n, inner, logY, log: true);
        SoftmaxKernels<float>.LogSumExp(x, outer, n, inner, lse);

        // Start from 1, not 0, so the kernels are seen to add into the gradient rather than overwrite it.
        float[] dSoftmax = Ones(x.Length), dLogSoftmax = Ones(x.Length), dLse = Ones(x.Length);
        SoftmaxKernels<float>.SoftmaxBackward(y, g, outer, n, inner, dSoftmax);
        SoftmaxKernels<float>.LogSoftmaxBackward(logY, g, outer, n, inner, dLogSoftmax);
        SoftmaxKernels<float>.LogSumExpBackward(x, lse, gReduced, outer, n, inner, dLse);

        // ∂/∂xⱼ: softmax yⱼ(gⱼ − Σₖ gₖyₖ); log-softmax gⱼ − yⱼ Σₖ gₖ; log-sum-exp ḡ yⱼ (y the exact softmax).
        var exactLse = ReferenceLogSumExp(x, outer, n, inner);
        var dot = new double[outer * inner];
        var total = new double[outer * inner];
        ForEach(outer, n, inner, (p, line) =>
        {
            double s = Math.Exp(x[p] - exactLse[line]);
            dot[line] += g[p] * s;
            total[line] += g[p];
        });
        ForEach(outer, n, inner, (p, line) =>
        {
            double s = Math.Exp(x[p] - exactLse[line]);
            double scale = 16 * FloatEpsilon * (1 + (Math.Abs(g[p]) + Math.Abs(dot[line]) + Math.Abs(total[line])));
            ((double)dSoftmax[p]).Should().BeApproximately(1 + (s * (g[p] - dot[line])), scale, $"softmax at {p}");
            ((double)dLogSoftmax[p]).Should().BeApproximately(1 + g[p] - (s * total[line]), scale, $"log softmax at {p}");
            ((double)dLse[p]).Should().BeApproximately(1 + (gReduced[line] * s), scale, $"log sum exp at {p}");
        });
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Kernels_SameInputTwice_SameBits(int outer, int n, int inner)
    {
        var x = Logits(outer * n * inner, seed: 3);
        var first = new float[x.Length];
        var second = new float[x.Length];
        var firstGrad = new float[x.Length];
        var secondGrad = new float[x.Length];

        SoftmaxKernels<float>.Softmax(x, outer, n, inner, first, log: false);
        SoftmaxKernels<float>.SoftmaxBackward(first, x, outer, n, inner, firstGrad);
        SoftmaxKernels<float>.Softmax(x, outer, n, inner, second, log: false);
        SoftmaxKernels<float>.SoftmaxBackward(second, x, outer, n, inner, secondGrad);

        first.Should().Equal(second);
        firstGrad.Should().Equal(secondGrad);
    }

    [Fact]
    public void Softmax_HugeLogits_IsTheSoftmaxOfTheShiftedLogits()
    {
        // softmax is invariant under a common shift; exp(1000) overflows, so only the max shift gets this right.
        // softmax([0, 1, 2]) = [0.09003057, 0.24472847, 0.66524096] (e^k / (1 + e + e²)).
        float[] x = [1000f, 1001f, 1002f, 1002f, 1001f, 1000f];
        var y = new float[6];
        var columns = new float[6];

        SoftmaxKernels<float>.Softmax(x, 2, 3, 1, y, log: false);
        SoftmaxKernels<float>.Softmax(x, 1, 2, 3, columns, log: false);

        float[] expected = [0.09003057f, 0.24472847f, 0.66524096f, 0.66524096f, 0.24472847f, 0.09003057f];
        for (int i = 0; i < 6; i++)
        {
            y[i].Should().BeApproximately(expected[i], 1e-7f, $"element {i}");
        }

        columns[0].Should().BeApproximately(0.11920292f, 3e-8f, "softmax([1000, 1002])₀ = 1/(1 + e²)");
    }

    [Fact]
    public void LogSumExp_InfiniteAndEmptyLines_FollowTheLimits()
    {
        // ln Σ exp over nothing is ln 0 = −∞; all −∞ is also −∞; any +∞ dominates.
        float[] x = [float.NegativeInfinity, float.NegativeInfinity, float.PositiveInfinity, 1f];
        var rows = new float[2];
        var empty = new float[3];

        SoftmaxKernels<float>.LogSumExp(x, 2, 2, 1, rows);
        SoftmaxKernels<float>.LogSumExp([], 1, 0, 3, empty);

        rows.Should().Equal(float.NegativeInfinity, float.PositiveInfinity);
        empty.Should().Equal(float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity);
    }

    private static float[] Logits(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 20) - 10)).ToArray();
    }

    private static float[] Ones(int length) => Enumerable.Repeat(1f, length).ToArray();

    private static double[] ReferenceLogSumExp(float[] x, int outer, int n, int inner)
    {
        var max = Enumerable.Repeat(double.NegativeInfinity, outer * inner).ToArray();
        ForEach(outer, n, inner, (p, line) => max[line] = Math.Max(max[line], x[p]));
        var sum = new double[outer * inner];
        ForEach(outer, n, inner, (p, line) => sum[line] += Math.Exp(x[p] - max[line]));
        return max.Select((m, k) => m + Math.Log(sum[k])).ToArray();
    }

    /// <summary>Visits every element p with the index of its line along the axis, in the scalar row-major order.</summary>
    private static void ForEach(int outer, int n, int inner, Action<int, int> visit)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int i = 0; i < inner; i++)
                {
                    visit((((o * n) + j) * inner) + i, (o * inner) + i);
                }
            }
        }
    }
}
