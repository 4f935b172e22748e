using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Kernels;

namespace InfoTheory.Variational.Tests.Kernels;

public class GemmTests
{
    // Sizes around every SIMD width, register tile (6×16 single, 6×8 double) and depth block (256) boundary.
    private static readonly int[] AwkwardSizes = [0, 1, 7, 8, 9, 17, 31, 33, 65, 127, 129];

    public static TheoryData<bool, bool, bool> TransposeAndAccumulate()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (bool transposeA in new[] { false, true })
        {
            foreach (bool transposeB in new[] { false, true })
            {
                foreach (bool accumulate in new[] { false, true })
                {
                    data.Add(transposeA, transposeB, accumulate);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransposeAndAccumulate))]
    public void Compute_Single_MatchesNaiveDoubleLoop_OverAwkwardSizes(bool transposeA, bool transposeB, bool accumulate)
    {
        var random = new Random(20261125);
        foreach ((int m, int k, int n) in AwkwardShapes())
        {
            CheckSingle(random, m, k, n, transposeA, transposeB, accumulate, MatrixProductOptions.Default);
        }
    }

    [Theory]
    [MemberData(nameof(TransposeAndAccumulate))]
    public void Compute_SinglePortable_MatchesNaiveDoubleLoop(bool transposeA, bool transposeB, bool accumulate)
    {
        var random = new Random(7);
        foreach ((int m, int k, int n) in SmallShapes())
        {
            CheckSingle(random, m, k, n, transposeA, transposeB, accumulate, new MatrixProductOptions { UsePortableKernel = true });
        }
    }

    [Theory]
    [MemberData(nameof(TransposeAndAccumulate))]
    public void Compute_Double_MatchesNaiveLoop(bool transposeA, bool transposeB, bool accumulate)
    {
        var random = new Random(11);
        foreach ((int m, int k, int n) in SmallShapes())
        {
            CheckDouble(random, m, k, n, transposeA, transposeB, accumulate, MatrixProductOptions.Default);
            CheckDouble(random, m, k, n, transposeA, transposeB, accumulate, new MatrixProductOptions { UsePortableKernel = true });
        }
    }

    [Theory]
    [InlineData(131, 300, 133, false, false)] // split over columns, two depth blocks
    [InlineData(400, 300, 20, true, false)]   // split over rows (few column panels)
    [InlineData(784, 128, 400, true, false)]  // Aᵀ·B of a VAE backward pass
    [InlineData(128, 400, 784, false, true)]  // A·Bᵀ of a VAE backward pass
    public void Compute_Single_ParallelShapes_MatchNaiveDoubleLoop(int m, int k, int n, bool transposeA, bool transposeB)
    {
        var random = new Random(3);
        CheckSingle(random, m, k, n, transposeA, transposeB, accumulate: false, MatrixProductOptions.Default);
        CheckSingle(random, m, k, n, transposeA, transposeB, accumulate: true, new MatrixProductOptions { MaxDegreeOfParallelism = 2 });
    }

    [Theory]
    [InlineData(131, 300, 67, false, false)]
    [InlineData(600, 400, 9, true, true)]
    public void Compute_Double_ParallelShapes_MatchNaiveLoop(int m, int k, int n, bool transposeA, bool transposeB)
    {
        var random = new Random(13);
        CheckDouble(random, m, k, n, transposeA, transposeB, accumulate: true, new MatrixProductOptions { MaxDegreeOfParallelism = 2 });
        CheckDouble(random, m, k, n, transposeA, transposeB, accumulate: false, new MatrixProductOptions { MaxDegreeOfParallelism = 3 });
    }

    [Theory]
    [InlineData(131, 300, 133, false, false)]
    [InlineData(400, 300, 20, false, true)]
    [InlineData(97, 515, 45, true, true)]
    [InlineData(7, 400_000, 17, false, false)] // several packing chunks
    public void Compute_Single_SameBitsForAnyThreadCount(int m, int k, int n, bool transposeA, bool transposeB)
    {
        var random = new Random(5);
        float[] a = RandomMatrix(random, m * k);
        float[] b = RandomMatrix(random, k * n);
        float[] start = RandomMatrix(random, m * n);

        float[] reference = Run(1);
        foreach (int threads in new[] { 1, 2, 3, 4, -1 })
        {
            Run(threads).Should().Equal(reference, $"{threads} threads must reproduce the single-thread bits");
        }

        float[] Run(int threads)
        {
            float[] c = (float[])start.Clone();
            Gemm.Compute(a, b, c, m, k, n, Mode(transposeA, transposeB, accumulate: true), new MatrixProductOptions { MaxDegreeOfParallelism = threads });
            return c;
        }
    }

    [Fact]
    public void Compute_ParallelProductsOnSeveralThreadsAtOnce_EachGivesTheSingleThreadBits()
    {
        // Each calling thread has its own partition job and the workers help whichever was dispatched last, so
        // concurrent products must neither wait for one another nor mix their partitions.
        const int m = 131, k = 300, n = 133;
        var random = new Random(17);
        float[][] a = [RandomMatrix(random, m * k), RandomMatrix(random, m * k), RandomMatrix(random, m * k)];
        float[] b = RandomMatrix(random, k * n);
        var single = new MatrixProductOptions { MaxDegreeOfParallelism = 1 };
        float[][] expected = a.Select(ai =>
        {
            float[] c = new float[m * n];
            Gemm.Compute(ai, b, c, m, k, n, GemmMode.None, single);
            return c;
        }).ToArray();

        var results = new float[a.Length][];
        Parallel.For(0, a.Length, new ParallelOptions { MaxDegreeOfParallelism = a.Length }, t =>
        {
            float[] c = new float[m * n];
            for (int repeat = 0; repeat < 20; repeat++)
            {
                Gemm.Compute(a[t], b, c, m, k, n);
            }

            results[t] = c;
        });

        for (int t = 0; t < a.Length; t++)
        {
            results[t].Should().Equal(expected[t], $"thread {t} must get its own product");
        }
    }

    [Fact]
    public void PackedLength_HugeDepth_IsBoundedNotProportionalToK()
    {
        // 1 × 10⁸ times 10⁸ × 1: whole-depth packing would rent (6 + 16)·10⁸ floats, 8.8 GB for 0.8 GB of input.
        long packed = GemmBlocked<float, GemmMicroKernel256<float>>.PackedLength(1, 100_000_000, 1);
        long packedDeeper = GemmBlocked<float, GemmMicroKernel256<float>>.PackedLength(1, 140_000_000, 1);

        packed.Should().BeInRange(1, 1L << 23);
        packedDeeper.Should().Be(packed, "beyond the budget the depth is packed a chunk at a time");
        GemmBlocked<float, GemmMicroKernel256<float>>.PackedLength(128, 784, 400).Should().Be((132 + 400) * 784L, "a product that fits is packed whole");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Compute_DepthBeyondOnePackingChunk_MatchesNaiveLoop(bool transposeA, bool transposeB)
    {
        var random = new Random(17);
        int k = 400_000;
        GemmBlocked<float, GemmMicroKernel256<float>>.DepthChunk(7, k, 17).Should().BeLessThan(k / 2, "the shape must need several chunks");
        GemmBlocked<double, GemmMicroKernel256<double>>.DepthChunk(7, k, 9).Should().BeLessThan(k);

        CheckSingle(random, 7, k, 17, transposeA, transposeB, accumulate: false, MatrixProductOptions.Default);
        CheckSingle(random, 7, k, 17, transposeA, transposeB, accumulate: true, new MatrixProductOptions { MaxDegreeOfParallelism = 1 });
        CheckDouble(random, 7, k, 9, transposeA, transposeB, accumulate: true, new MatrixProductOptions { MaxDegreeOfParallelism = 2 });
    }

    [Fact]
    public void Compute_Single_RepeatedCallsGiveSameBits()
    {
        var random = new Random(9);
        const int m = 128, k = 784, n = 400;
        float[] a = RandomMatrix(random, m * k);
        float[] b = RandomMatrix(random, k * n);
        float[] first = new float[m * n];
        float[] second = new float[m * n];

        Gemm.Compute(a, b, first, m, k, n);
        Gemm.Compute(a, b, second, m, k, n);

        second.Should().Equal(first);
    }

    [Fact]
    public void Compute_ZeroDepth_ClearsOrKeepsDestination()
    {
        float[] c = [1f, 2f, 3f, 4f, 5f, 6f];

        Gemm.Compute(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, c, 2, 0, 3, GemmMode.Accumulate);
        c.Should().Equal(1f, 2f, 3f, 4f, 5f, 6f);

        Gemm.Compute(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, c, 2, 0, 3);
        c.Should().Equal(0f, 0f, 0f, 0f, 0f, 0f);
    }

    [Fact]
    public void Compute_TwoByTwo_MatchesHandComputedProduct()
    {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50]; with Aᵀ: [1 3; 2 4]·[5 6; 7 8] = [26 30; 38 44].
        float[] a = [1, 2, 3, 4];
        float[] b = [5, 6, 7, 8];
        float[] c = new float[4];

        Gemm.Compute(a, b, c, 2, 2, 2);
        c.Should().Equal(19f, 22f, 43f, 50f);

        Gemm.Compute(a, b, c, 2, 2, 2, GemmMode.TransposeA);
        c.Should().Equal(26f, 30f, 38f, 44f);
    }

    [Fact]
    public void Compute_LongerSpans_TouchesOnlyTheProduct()
    {
        float[] a = [1, 2, 3, 4, 99];
        float[] b = [1, 0, 0, 1, 99];
        float[] c = [0, 0, 0, 0, -7];

        Gemm.Compute(a, b, c, 2, 2, 2);

        c.Should().Equal(1f, 2f, 3f, 4f, -7f);
    }

    [Theory]
    [InlineData(-1, 2, 2, "m")]
    [InlineData(2, -1, 2, "k")]
    [InlineData(2, 2, -1, "n")]
    public void Compute_NegativeDimension_Throws(int m, int k, int n, string parameter)
    {
        float[] buffer = new float[16];
        Action act = () => Gemm.Compute(buffer, buffer, buffer.AsSpan(), m, k, n);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Theory]
    [InlineData(5, 6, 6, "a")]
    [InlineData(6, 5, 6, "b")]
    [InlineData(6, 6, 5, "c")]
    public void Compute_ShortSpan_ThrowsNamingItAndTheSizes(int aLength, int bLength, int cLength, string parameter)
    {
        // m × k = 2 × 3 needs 6 elements of A, k × n = 3 × 2 needs 6 of B, m × n = 2 × 2 needs 4 of C.
        Action act = () => Gemm.Compute(new float[aLength], new float[bLength], new float[cLength - 2], 2, 3, 2);
        act.Should().Throw<ArgumentException>().WithParameterName(parameter).WithMessage("*needs at least*");
    }

    [Fact]
    public void Compute_Double_ShortSpan_Throws()
    {
        Action act = () => Gemm.Compute(new double[5], new double[6], new double[4], 2, 3, 2, GemmMode.TransposeA);
        act.Should().Throw<ArgumentException>().WithParameterName("a").WithMessage("*k × m = 3 × 2*");
    }

    private static IEnumerable<(int M, int K, int N)> AwkwardShapes()
    {
        // Every combination, except that at most one dimension is large, to keep the naive oracle cheap.
        foreach (int m in AwkwardSizes)
        {
            foreach (int k in AwkwardSizes)
            {
                foreach (int n in AwkwardSizes)
                {
                    if ((m >= 65 ? 1 : 0) + (k >= 65 ? 1 : 0) + (n >= 65 ? 1 : 0) <= 1)
                    {
                        yield return (m, k, n);
                    }
                }
            }
        }
    }

    private static IEnumerable<(int M, int K, int N)> SmallShapes()
    {
        int[] sizes = [0, 1, 7, 8, 9, 17, 33];
        foreach (int m in sizes)
        {
            foreach (int k in sizes)
            {
                foreach (int n in sizes)
                {
                    yield return (m, k, n);
                }
            }
        }

        yield return (65, 300, 31);
    }

    private static void CheckSingle(Random random, int m, int k, int n, bool transposeA, bool transposeB, bool accumulate, MatrixProductOptions options)
    {
        float[] a = RandomMatrix(random, m * k);
        float[] b = RandomMatrix(random, k * n);
        float[] c = RandomMatrix(random, m * n);
        double[] start = Array.ConvertAll(c, x => (double)x);
        (double[] expected, double[] magnitude) = Naive(
            Array.ConvertAll(a, x => (double)x), Array.ConvertAll(b, x => (double)x), start, m, k, n, transposeA, transposeB, accumulate);

        Gemm.Compute(a, b, c, m, k, n, Mode(transposeA, transposeB, accumulate), options);

        AssertWithinRoundingBound(Array.ConvertAll(c, x => (double)x), expected, magnitude, k, Math.ScaleB(1.0, -24), (m, k, n));
    }

    private static void CheckDouble(Random random, int m, int k, int n, bool transposeA, bool transposeB, bool accumulate, MatrixProductOptions options)
    {
        double[] a = Array.ConvertAll(RandomMatrix(random, m * k), x => (double)x);
        double[] b = Array.ConvertAll(RandomMatrix(random, k * n), x => (double)x);
        double[] c = Array.ConvertAll(RandomMatrix(random, m * n), x => (double)x);
        (double[] expected, double[] magnitude) = Naive(a, b, c, m, k, n, transposeA, transposeB, accumulate);

        Gemm.Compute(a, b, c, m, k, n, Mode(transposeA, transposeB, accumulate), options);

        // Both the kernel and the oracle round in double here, so the bound is doubled.
        AssertWithinRoundingBound(c, expected, magnitude, 2 * k, Math.ScaleB(1.0, -53), (m, k, n));
    }

    // A sum of k products and a start value, in any order and blocking, rounds at most 2(k + 1) times
    // (k + ⌈k/256⌉ + 1 in the blocked kernel), so its error is within 2(k + 1)·u·Σ|terms| (Higham,
    // "Accuracy and Stability of Numerical Algorithms", 2nd ed., §3.1); another factor 2 is slack.
    private static void AssertWithinRoundingBound(double[] actual, double[] expected, double[] magnitude, int k, double unitRoundoff,
                                                  (int M, int K, int N) shape)
    {
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = (4.0 * (k + 1) * unitRoundoff * magnitude[i]) + double.Epsilon;
            double excess = Math.Abs(actual[i] - expected[i]) - tolerance;
            if (!(excess <= worstExcess))
            {
                worst = i;
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
            }
        }

        worst.Should().Be(-1, $"element {worst} of shape {shape} is {(worst < 0 ? 0 : actual[worst])}, expected {(worst < 0 ? 0 : expected[worst])}");
    }

    // The oracle: the textbook triple loop in double, with the sum of |terms| that scales the rounding bound.
    private static (double[] Product, double[] Magnitude) Naive(double[] a, double[] b, double[] start, int m, int k, int n,
                                                                 bool transposeA, bool transposeB, bool accumulate)
    {
        double[] product = new double[m * n];
        double[] magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = accumulate ? start[(i * n) + j] : 0.0;
                double size = Math.Abs(sum);
                for (int p = 0; p < k; p++)
                {
                    double term = (transposeA ? a[(p * m) + i] : a[(i * k) + p]) * (transposeB ? b[(j * k) + p] : b[(p * n) + j]);
                    sum += term;
                    size += Math.Abs(term);
                }

                product[(i * n) + j] = sum;
                magnitude[(i * n) + j] = size;
            }
        }

        return (product, magnitude);
    }

    private static float[] RandomMatrix(Random random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((2.0 * random.NextDouble()) - 1.0);
        }

        return values;
    }

    private static GemmMode Mode(bool transposeA, bool transposeB, bool accumulate)
        => (transposeA ? GemmMode.TransposeA : GemmMode.None) | (transposeB ? GemmMode.TransposeB : GemmMode.None)
           | (accumulate ? GemmMode.Accumulate : GemmMode.None);
}
