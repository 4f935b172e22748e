using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>Forward values against results worked out by hand or with Python's math module, and the documented gradients at kinks.</summary>
public class OperationValueTests
{
    [Fact]
    public void Negate_Zero_GivesNegativeZero()
    {
        // IEEE 754 negation flips the sign bit, so −(+0) is −0, while the subtraction 0 − (+0) gives +0.
        var y = AutodiffTensor.FromValues<double>([0.0, 2.5], 2).Negate().ToArray();

        double.IsNegative(y[0]).Should().BeTrue();
        y[1].Should().Be(-2.5);
    }

    [Fact]
    public void Divide_ByAConstant_IsTheProductWithItsReciprocal()
    {
        // Documented: x / c is one multiply by 1/c per element. For x = 5, c = 3 in float that rounds differently from
        // the correctly rounded quotient: fl(5·fl(1/3)) = 1.66666675 (0x3FD55556), fl(5/3) = 1.66666663 (0x3FD55555).
        var y = AutodiffTensor.Divide(AutodiffTensor.FromValues<float>([5f], 1), 3f).Item;

        BitConverter.SingleToInt32Bits(y).Should().Be(0x3FD55556);
        (AutodiffTensor.FromValues<float>([5f], 1) / 3f).Item.Should().Be(y);
    }

    [Fact]
    public void SinAndCos_SpecialAngles_MatchTheUnitCircle()
    {
        var x = AutodiffTensor.FromValues<double>([0, Math.PI / 6, Math.PI / 2], 3);

        var sin = x.Sin().ToArray();
        var cos = x.Cos().ToArray();

        sin[0].Should().Be(0);
        sin[1].Should().BeApproximately(0.5, 1e-15);
        sin[2].Should().BeApproximately(1, 1e-15);
        cos[0].Should().Be(1);
        cos[1].Should().BeApproximately(Math.Sqrt(3) / 2, 1e-15);
        cos[2].Should().BeApproximately(0, 1e-15);
    }

    [Fact]
    public void FromValues_FloatMatrix_IsRowsByColumnsInRowMajorOrder()
    {
        var t = AutodiffTensor.FromValues(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        t.Shape.ToArray().Should().Equal(2, 3);
        t[1, 0].Should().Be(4);
        t.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void FromValues_DoubleMatrix_CopiesTheValues()
    {
        var matrix = new double[,] { { 0.5 }, { -1.5 } };

        var t = AutodiffTensor.FromValues(matrix);
        matrix[0, 0] = 9;

        t.Shape.ToArray().Should().Equal(2, 1);
        t.ToArray().Should().Equal(0.5, -1.5);
    }

    [Fact]
    public void FromValues_EmptyMatrix_KeepsItsShape()
    {
        AutodiffTensor.FromValues(new double[0, 4]).Shape.ToArray().Should().Equal(0, 4);
    }

    [Fact]
    public void Add_RowBroadcast_AddsTheRowToEveryRow()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);
        var b = AutodiffTensor.FromValues<float>([10, 20, 30], 3);

        var y = a + b;

        y.Shape.ToArray().Should().Equal(2, 3);
        y.ToArray().Should().Equal(11, 22, 33, 14, 25, 36);
    }

    [Fact]
    public void Subtract_ColumnMinusRow_BroadcastsToAMatrix()
    {
        var column = AutodiffTensor.FromValues<float>([1, 2], 2, 1);
        var row = AutodiffTensor.FromValues<float>([10, 20, 30], 3);

        var y = column - row;

        y.Shape.ToArray().Should().Equal(2, 3);
        y.ToArray().Should().Equal(-9, -19, -29, -8, -18, -28);
    }

    [Fact]
    public void MatMul_2x3By3x2_MatchesHandComputedProduct()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);
        var b = AutodiffTensor.FromValues<float>([7, 8, 9, 10, 11, 12], 3, 2);

        AutodiffTensor.MatMul(a, b).ToArray().Should().Equal(58, 64, 139, 154);
    }

    [Fact]
    public void MatMul_Batched_EqualsEachBatchMultipliedAlone()
    {
        var a = TestTensors.Uniform(1, 3, 2, 4);
        var b = TestTensors.Uniform(2, 3, 4, 5);

        var y = AutodiffTensor.MatMul(a, b);

        for (int i = 0; i < 3; i++)
        {
            var single = AutodiffTensor.MatMul(a.Slice(0, i, 1).Reshape(2, 4), b.Slice(0, i, 1).Reshape(4, 5));
            y.Slice(0, i, 1).ToArray().Should().Equal(single.ToArray());
        }
    }

    [Fact]
    public void Linear_EqualsMatMulPlusBias()
    {
        var x = TestTensors.Uniform(1, 5, 3);
        var w = TestTensors.Uniform(2, 3, 4);
        var b = TestTensors.Uniform(3, 4);

        var fused = AutodiffTensor.Linear(x, w, b).ToArray();
        var composed = (AutodiffTensor.MatMul(x, w) + b).ToArray();

        fused.Should().Equal(composed, (p, q) => Math.Abs(p - q) < 1e-12);
    }

    [Fact]
    public void Transpose_SwapsRowsAndColumns()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);

        var t = a.Transpose();

        t.Shape.ToArray().Should().Equal(3, 2);
        t.ToArray().Should().Equal(1, 4, 2, 5, 3, 6);
    }

    [Fact]
    public void SliceAndConcat_AlongColumns_RoundTrip()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);

        var left = a.Slice(1, 0, 1);
        var right = a.Slice(-1, 1, 2);

        left.ToArray().Should().Equal(1, 4);
        right.ToArray().Should().Equal(2, 3, 5, 6);
        AutodiffTensor.Concat(1, left, right).ToArray().Should().Equal(a.ToArray());
    }

    [Fact]
    public void Reshape_MinusOne_InfersTheExtent()
    {
        var a = AutodiffTensor.Zeros<float>(2, 3, 4);

        a.Reshape(4, -1).Shape.ToArray().Should().Equal(4, 6);
    }

    [Fact]
    public void SumAndMean_AlongAxes_MatchHandSums()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);

        a.Sum().Item.Should().Be(21);
        a.Mean().Item.Should().Be(3.5f);
        a.Sum(0).ToArray().Should().Equal(5, 7, 9);
        a.Sum(1, keepDims: true).Shape.ToArray().Should().Equal(2, 1);
        a.Mean(-1).ToArray().Should().Equal(2, 5);
    }

    [Fact]
    public void Softmax_OneTwoThree_MatchesPython()
    {
        // Python: [e^k / (e + e² + e³) for k in 1, 2, 3]
        var y = AutodiffTensor.FromValues<double>([1, 2, 3], 3).Softmax();

        y.ToArray().Should().Equal([0.09003057317038046, 0.24472847105479767, 0.6652409557748219], (p, q) => Math.Abs(p - q) < 1e-15);
    }

    [Fact]
    public void LogSoftmax_IsLogOfSoftmax()
    {
        var x = TestTensors.Uniform(4, 2, 5);

        var direct = x.LogSoftmax().ToArray();
        var composed = x.Softmax().Log().ToArray();

        direct.Should().Equal(composed, (p, q) => Math.Abs(p - q) < 1e-12);
    }

    [Fact]
    public void LogSumExp_HugeEqualValues_DoesNotOverflow()
    {
        // ln(2·e^1000) = 1000 + ln 2, although e^1000 overflows every float type.
        var x = AutodiffTensor.FromValues<double>([1000, 1000], 2);

        x.LogSumExp(0).Item.Should().BeApproximately(1000.6931471805599, 1e-12);
    }

    [Fact]
    public void Softplus_FarTails_KeepsFullPrecision()
    {
        // Python: math.log1p(math.exp(-30)) and 30 + math.log1p(math.exp(-30))
        var y = AutodiffTensor.FromValues<double>([-30, 30], 2).Softplus();

        y.Values[0].Should().BeApproximately(9.357622968839737e-14, 1e-27);
        y.Values[1].Should().BeApproximately(30.000000000000092, 1e-12);
    }

    [Fact]
    public void LogSigmoid_VeryNegative_DoesNotOverflow()
    {
        var y = AutodiffTensor.FromValues<double>([-800], 1).LogSigmoid();

        y.Values[0].Should().Be(-800);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_MatchesTheTextbookFormula()
    {
        // Python: Σ −[x ln σ(z) + (1 − x) ln(1 − σ(z))] for z = (0.5, −1, 3), x = (1, 0, 0.3)
        var z = AutodiffTensor.FromValues<double>([0.5, -1, 3], 3);
        var x = AutodiffTensor.FromValues<double>([1, 0, 0.3], 3);

        AutodiffTensor.BinaryCrossEntropyWithLogits(z, x, LossReduction.Sum).Item.Should().BeApproximately(2.935926023272074, 1e-12);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_ThousandZeroLogits_SumIsThousandTimesTheMean()
    {
        // The user's report: at z = 0 every term is ln 2, so the sum is 1000 ln 2 = 693.147 and the mean ln 2 = 0.693147;
        // PyTorch: F.binary_cross_entropy_with_logits(zeros(1000), zeros(1000)) = 0.6931 (reduction='mean', its default).
        var z = AutodiffTensor.Zeros<double>(1000).RequiringGrad();
        var x = AutodiffTensor.Zeros<double>(1000);

        var sum = AutodiffTensor.BinaryCrossEntropyWithLogits(z, x, LossReduction.Sum);
        var mean = AutodiffTensor.BinaryCrossEntropyWithLogits(z, x, LossReduction.Mean);
        mean.Backward();

        sum.Item.Should().BeApproximately(1000 * Math.Log(2), 1e-10);
        mean.Item.Should().BeApproximately(Math.Log(2), 1e-13);
        z.Gradient[0].Should().BeApproximately((0.5 - 0) / 1000, 1e-16, "∂/∂zᵢ of the mean is (σ(zᵢ) − xᵢ)/n");
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_ReductionNotChosen_ThrowsNamingReduction()
    {
        // default(LossReduction) is deliberately not a value, so a forgotten reduction cannot pass for one of the two.
        var act = () => AutodiffTensor.BinaryCrossEntropyWithLogits(AutodiffTensor.Zeros<float>(2), AutodiffTensor.Zeros<float>(2), default);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("reduction");
    }

    [Fact]
    public void Clamp_GradientAtTheBounds_PassesThrough()
    {
        var x = AutodiffTensor.FromValues<double>([-1, 1, 2, -3, 0.5], 5).RequiringGrad();

        x.Clamp(-1, 1).Sum().Backward();

        x.Gradient.ToArray().Should().Equal(1, 1, 0, 0, 1);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void Relu_GradientInFloat_IsOneExactlyWherePositive(int length)
    {
        // Awkward lengths cover the SIMD body and its scalar tail.
        var x = AutodiffTensor.RandomUniform(new Random(length), -1f, 1f, length).RequiringGrad();

        (x.Relu() * 3f).Sum().Backward();

        var values = x.ToArray();
        x.Gradient.ToArray().Should().Equal(values.Select(v => v > 0 ? 3f : 0f));
    }

    [Fact]
    public void ReluAndAbs_GradientAtZero_IsZero()
    {
        var x = AutodiffTensor.FromValues<double>([0], 1).RequiringGrad();

        (x.Relu() + x.Abs()).Sum().Backward();

        x.Gradient[0].Should().Be(0);
    }

    [Fact]
    public void TriangularHelpers_BuildACholeskyFactor()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, 3);

        a.LowerTriangular().ToArray().Should().Equal(1, 0, 0, 4, 5, 0, 7, 8, 9);
        a.LowerTriangular(-1).ToArray().Should().Equal(0, 0, 0, 4, 0, 0, 7, 8, 0);
        a.Diagonal().ToArray().Should().Equal(1, 5, 9);
        AutodiffTensor.FromValues<float>([1, 2], 2).DiagonalMatrix().ToArray().Should().Equal(1, 0, 0, 2);
        AutodiffTensor.LowerTriangularMask<float>(3).ToArray().Should().Equal(1, 0, 0, 1, 1, 0, 1, 1, 1);
    }

    [Fact]
    public void Indexer_ReadsAndWritesRowMajor()
    {
        var a = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);

        a[1, 2].Should().Be(6);
        a[0, 1] = 9;
        a.Values[1].Should().Be(9);
    }

    [Fact]
    public void RandomNormal_SameSeed_SameBits_AndMomentsMatch()
    {
        var a = AutodiffTensor.RandomNormal(new Random(7), 1.0, 2.0, 20_000);
        var b = AutodiffTensor.RandomNormal(new Random(7), 1.0, 2.0, 20_000);

        a.ToArray().Should().Equal(b.ToArray());
        double mean = a.Mean().Item;
        double variance = (a - mean).Square().Mean().Item;
        mean.Should().BeApproximately(1.0, 4 * 2.0 / Math.Sqrt(20_000), "within 4 standard errors");
        variance.Should().BeApproximately(4.0, 4 * 4.0 * Math.Sqrt(2.0 / 20_000), "within 4 standard errors of σ² (sd of s² = σ²√(2/n))");
    }

    [Fact]
    public void RandomNormal_SameSeedAsACoreGaussianSample_SameDraws()
    {
        // Both packages draw normals with one sampler, so a seed means the same noise in a model and in an estimator.
        var core = new double[9];
        InfoTheory.Continuous.Gaussian.Standard(1).Sample(new Random(5), core);

        AutodiffTensor.RandomNormal(new Random(5), 0.0, 1.0, 9).ToArray().Should().Equal(core);
    }

    [Theory]
    [InlineData(int.MaxValue, 9)]
    [InlineData(int.MinValue, 0)]
    [InlineData(1, 8)]
    public void LowerTriangularMask_ExtremeDiagonals_KeepTheRightNumberOfOnes(int diagonal, int ones)
    {
        AutodiffTensor.LowerTriangularMask<float>(3, diagonal).ToArray().Count(v => v == 1f).Should().Be(ones);
    }

    [Fact]
    public void RandomUniform_WholeDoubleRange_GivesFiniteDrawsOnBothSides()
    {
        double[] draws = AutodiffTensor.RandomUniform(new Random(3), -double.MaxValue, double.MaxValue, 4000).ToArray();

        draws.Should().OnlyContain(v => double.IsFinite(v));
        // Uniform on [−M, M]: a quarter of the draws below −M/2 and a quarter above M/2, within 5 standard deviations (27).
        draws.Count(v => v < -double.MaxValue / 2).Should().BeInRange(1000 - 137, 1000 + 137);
        draws.Count(v => v > double.MaxValue / 2).Should().BeInRange(1000 - 137, 1000 + 137);
    }

    [Fact]
    public void Sigmoid_EmptyTensor_IsEmptyAndBacksUp()
    {
        var x = AutodiffTensor.Zeros<float>(0, 3).RequiringGrad();

        var y = x.Sigmoid();
        (y.Sum() + x.Softplus().Sum() + x.LogSigmoid().Sum()).Backward();

        y.Shape.ToArray().Should().Equal(0, 3);
        x.Gradient.Length.Should().Be(0);
        new InfoTheory.Variational.Nn.Sigmoid<float>().Forward(x).Length.Should().Be(0);
    }
}
