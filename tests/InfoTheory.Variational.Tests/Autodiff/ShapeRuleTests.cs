using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>Bad shapes and arguments fail loudly, naming the parameter and showing the shapes involved.</summary>
public class ShapeRuleTests
{
    [Fact]
    public void Add_IncompatibleShapes_MessageShowsBothShapes()
    {
        var act = () => AutodiffTensor.Zeros<float>(2, 3) + AutodiffTensor.Zeros<float>(4);

        act.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4]*");
    }

    [Fact]
    public void MatMul_InnerExtentsDiffer_MessageShowsBothShapes()
    {
        var act = () => AutodiffTensor.MatMul(AutodiffTensor.Zeros<float>(2, 3), AutodiffTensor.Zeros<float>(4, 5));

        act.Should().Throw<ArgumentException>().WithParameterName("right").WithMessage("*[2, 3]*[4, 5]*");
    }

    [Fact]
    public void Linear_WeightDoesNotFit_Throws()
    {
        var act = () => AutodiffTensor.Linear(AutodiffTensor.Zeros<float>(2, 3), AutodiffTensor.Zeros<float>(4, 5), null);

        act.Should().Throw<ArgumentException>().WithParameterName("weight").WithMessage("*[2, 3]*[4, 5]*");
    }

    [Fact]
    public void Concat_ShapesDifferOffTheAxis_Throws()
    {
        var act = () => AutodiffTensor.Concat(0, AutodiffTensor.Zeros<float>(2, 3), AutodiffTensor.Zeros<float>(2, 4));

        act.Should().Throw<ArgumentException>().WithParameterName("tensors").WithMessage("*[2, 3]*[2, 4]*");
    }

    [Fact]
    public void BinaryCrossEntropy_ShapesDiffer_Throws()
    {
        var act = () => AutodiffTensor.BinaryCrossEntropyWithLogits(AutodiffTensor.Zeros<float>(2, 3), AutodiffTensor.Zeros<float>(3, 2), LossReduction.Sum);

        act.Should().Throw<ArgumentException>().WithParameterName("targets").WithMessage("*[2, 3]*[3, 2]*");
    }

    [Fact]
    public void Reshape_WrongElementCount_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2, 3).Reshape(4, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("shape").WithMessage("*[2, 3]*[4, 2]*");
    }

    [Fact]
    public void Sum_AxisOutOfRange_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2, 3).Sum(2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("axis");
    }

    [Fact]
    public void Slice_PastTheEnd_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2, 3).Slice(1, 2, 2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("length");
    }

    [Fact]
    public void Zeros_NegativeExtent_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2, -1);

        act.Should().Throw<ArgumentException>().WithParameterName("shape");
    }

    [Fact]
    public void FromValues_CountDiffersFromShape_Throws()
    {
        var act = () => AutodiffTensor.FromValues<float>([1, 2, 3], 2, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("values");
    }

    [Fact]
    public void Clamp_MaxBelowMin_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2).Clamp(1, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("max");
    }

    [Fact]
    public void Indexer_WrongRankOrOutOfRange_Throws()
    {
        var a = AutodiffTensor.Zeros<float>(2, 3);

        var wrongRank = () => a[1];
        var outside = () => a[0, 3];

        wrongRank.Should().Throw<ArgumentException>().WithParameterName("index");
        outside.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void RandomNormal_NegativeStandardDeviation_Throws()
    {
        var act = () => AutodiffTensor.RandomNormal(new Random(1), 0f, -1f, 3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
    }

    [Fact]
    public void Item_OnManyElements_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(2).Item;

        act.Should().Throw<InvalidOperationException>().WithMessage("*[2]*");
    }

    [Fact]
    public void Diagonal_OfAVector_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(3).Diagonal();

        act.Should().Throw<InvalidOperationException>().WithMessage("*[3]*");
    }

    [Fact]
    public void Zeros_ZeroExtentBesideHugeOnes_IsEmpty()
    {
        var t = AutodiffTensor.Zeros<float>(65536, 65537, 0);

        t.Length.Should().Be(0);
        t.Shape.ToArray().Should().Equal(65536, 65537, 0);
    }

    [Fact]
    public void Zeros_MoreThanIntMaxValueElements_ThrowsNamingShape()
    {
        var act = () => AutodiffTensor.Zeros<float>(65536, 65537);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shape").WithMessage("*65536 × 65537*");
    }

    [Fact]
    public void LowerTriangularMask_MoreThanIntMaxValueElements_ThrowsNamingN()
    {
        var act = () => AutodiffTensor.LowerTriangularMask<float>(50_000);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
    }

    [Fact]
    public void MatMul_ResultTooLargeToExist_ThrowsNamingRight()
    {
        var act = () => AutodiffTensor.MatMul(AutodiffTensor.Zeros<float>(65536, 1), AutodiffTensor.Zeros<float>(1, 65536));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("right").WithMessage("*65536 × 65536*");
    }

    [Fact]
    public void Linear_ResultTooLargeToExist_ThrowsNamingWeight()
    {
        var act = () => AutodiffTensor.Linear(AutodiffTensor.Zeros<float>(65536, 1), AutodiffTensor.Zeros<float>(1, 65536), null);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
    }

    [Fact]
    public void Add_BroadcastTooLargeToExist_ThrowsNamingRight()
    {
        var act = () => AutodiffTensor.Zeros<float>(65536, 1) + AutodiffTensor.Zeros<float>(1, 65536);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("right");
    }

    [Fact]
    public void Diagonal_OfANonSquareMatrix_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(4, 2, 3).Diagonal();

        act.Should().Throw<InvalidOperationException>().WithMessage("*[4, 2, 3]*2 rows, 3 columns*");
    }

    [Fact]
    public void Concat_ExtentsSummingPastIntMaxValue_ThrowsNamingTensors()
    {
        var empty = AutodiffTensor.Zeros<float>(0, 1_500_000_000);

        var act = () => AutodiffTensor.Concat(1, empty, empty);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tensors").WithMessage("*3000000000*");
    }

    [Fact]
    public void Concat_ResultTooLargeToExist_ThrowsNamingTensors()
    {
        var half = AutodiffTensor.Zeros<float>(2, 40_000);

        var act = () => AutodiffTensor.Concat(0, [.. Enumerable.Repeat(half, 30_000)]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tensors");
    }

    [Fact]
    public void DiagonalMatrix_ResultTooLargeToExist_Throws()
    {
        var act = () => AutodiffTensor.Zeros<float>(65536).DiagonalMatrix();

        act.Should().Throw<InvalidOperationException>().WithMessage("*[65536]*4294967296 elements*");
    }

    [Fact]
    public void ScalarOperators_NullTensor_ThrowNamingTheOperand()
    {
        AutodiffTensor<double> none = null!;

        ((Func<AutodiffTensor<double>>)(() => none + 1.0)).Should().Throw<ArgumentNullException>().WithParameterName("left");
        ((Func<AutodiffTensor<double>>)(() => none - 1.0)).Should().Throw<ArgumentNullException>().WithParameterName("left");
        ((Func<AutodiffTensor<double>>)(() => none * 2.0)).Should().Throw<ArgumentNullException>().WithParameterName("left");
        ((Func<AutodiffTensor<double>>)(() => none / 2.0)).Should().Throw<ArgumentNullException>().WithParameterName("left");
        ((Func<AutodiffTensor<double>>)(() => 1.0 + none)).Should().Throw<ArgumentNullException>().WithParameterName("right");
        ((Func<AutodiffTensor<double>>)(() => 1.0 - none)).Should().Throw<ArgumentNullException>().WithParameterName("right");
        ((Func<AutodiffTensor<double>>)(() => 2.0 * none)).Should().Throw<ArgumentNullException>().WithParameterName("right");
        ((Func<AutodiffTensor<double>>)(() => 2.0 / none)).Should().Throw<ArgumentNullException>().WithParameterName("right");
    }
}
