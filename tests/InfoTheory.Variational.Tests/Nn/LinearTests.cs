using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Tests.Nn;

public class LinearTests
{
    [Fact]
    public void XavierUniform_WeightsStayWithinTheGlorotBound_WithTheUniformVariance()
    {
        // Glorot & Bengio (2010): U(−a, a), a = √(6 / (fan_in + fan_out)); variance a²/3.
        var layer = new Linear<double>(300, 200, new Random(1));
        double a = Math.Sqrt(6.0 / 500);

        var w = layer.Weight.ToArray();
        double variance = w.Select(v => v * v).Average();

        w.Should().OnlyContain(v => Math.Abs(v) <= a);
        variance.Should().BeApproximately(a * a / 3, 0.03 * a * a / 3);
        layer.Bias!.ToArray().Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Constructor_UndefinedInitialization_ThrowsLikeEveryEnumCheck()
    {
        // One rule for enums across both packages (Guard.Defined / Guard.Undefined): the value and the names it may take.
        var act = () => new Linear<double>(2, 2, new Random(1), (WeightInitialization)9);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialization")
            .WithMessage("initialization is 9; expected one of XavierUniform, HeNormal, UniformFanIn*");
    }

    [Fact]
    public void HeNormal_WeightVarianceIsTwoOverFanIn()
    {
        // He et al. (2015): N(0, 2 / fan_in).
        var layer = new Linear<double>(400, 250, new Random(2), WeightInitialization.HeNormal);

        double variance = layer.Weight.ToArray().Select(v => v * v).Average();

        variance.Should().BeApproximately(2.0 / 400, 0.03 * 2.0 / 400);
    }

    [Fact]
    public void UniformFanIn_WeightsAndBiasesFillPlusMinusOneOverSqrtFanIn()
    {
        // PyTorch nn.Linear's default: U(−1/√fan_in, 1/√fan_in) for weight and bias; variance bound²/3.
        var layer = new Linear<double>(400, 250, new Random(3), WeightInitialization.UniformFanIn);
        double bound = 1 / Math.Sqrt(400);

        double[] w = layer.Weight.ToArray();
        double[] b = layer.Bias!.ToArray();

        w.Should().OnlyContain(v => Math.Abs(v) <= bound);
        b.Should().OnlyContain(v => Math.Abs(v) <= bound);
        b.Should().Contain(v => v != 0);
        w.Select(v => v * v).Average().Should().BeApproximately(bound * bound / 3, 0.03 * bound * bound / 3);
    }

    [Fact]
    public void SameSeed_GivesIdenticalWeights()
    {
        var a = new Linear<float>(10, 5, new Random(42));
        var b = new Linear<float>(10, 5, new Random(42));

        a.Weight.ToArray().Should().Equal(b.Weight.ToArray());
    }

    [Fact]
    public void Forward_IsInputTimesWeightPlusBias()
    {
        var layer = new Linear<double>(3, 2, new Random(3));
        layer.Bias!.Values.Fill(0.5);
        var x = AutodiffTensor.FromValues<double>([1, 2, 3], 1, 3);

        var y = layer.Forward(x).ToArray();

        var w = layer.Weight;
        y[0].Should().BeApproximately((1 * w[0, 0]) + (2 * w[1, 0]) + (3 * w[2, 0]) + 0.5, 1e-12);
        y[1].Should().BeApproximately((1 * w[0, 1]) + (2 * w[1, 1]) + (3 * w[2, 1]) + 0.5, 1e-12);
    }

    [Fact]
    public void Constructor_ZeroWidth_Throws()
    {
        var act = () => new Linear<float>(0, 3, new Random(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inFeatures");
    }

    [Fact]
    public void Backward_AfterZeroGrad_GivesOnePassNotTheSumOfPasses()
    {
        var layer = new Linear<double>(3, 2, new Random(4));
        var x = AutodiffTensor.FromValues<double>([1, 2, 3], 1, 3);
        layer.Forward(x).Sum().Backward();
        var once = layer.Weight.Gradient.ToArray();

        layer.Forward(x).Sum().Backward();
        layer.ZeroGrad();
        layer.Forward(x).Sum().Backward();

        // d/dW Σ(xW + b) = xᵀ·1: row i of the gradient is x_i.
        once.Should().Equal(1, 1, 2, 2, 3, 3);
        layer.Weight.Gradient.ToArray().Should().Equal(once);
    }

    [Fact]
    public void Backward_LayerAppliedTwice_AccumulatesBothUses()
    {
        var layer = new Linear<double>(2, 2, new Random(5));
        var x = AutodiffTensor.FromValues<double>([1, 2], 1, 2);

        (layer.Forward(x) + layer.Forward(x * 3.0)).Sum().Backward();

        // xᵀ·1 + (3x)ᵀ·1 = 4x in each column.
        layer.Weight.Gradient.ToArray().Should().Equal(4, 4, 8, 8);
        layer.Bias!.Gradient.ToArray().Should().Equal(2, 2);
    }

    [Fact]
    public void Constructor_WeightBeyondTheTensorSizeLimit_ThrowsNamingOutFeatures()
    {
        var act = () => new Linear<float>(65536, 65536, new Random(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outFeatures").WithMessage("*65536 × 65536*");
    }

    [Fact]
    public void Forward_WrongInputWidth_ThrowsNamingInput()
    {
        var layer = new Linear<double>(3, 2, new Random(1));

        // Before: the fused operation's check named 'weight'.
        layer.Invoking(l => l.Forward(AutodiffTensor.Zeros<double>(4, 5))).Should().Throw<ArgumentException>().WithParameterName("input").WithMessage("*[4, 5]*[3]*InFeatures = 3*");
        layer.Invoking(l => l.Forward(AutodiffTensor.Full(1.0))).Should().Throw<ArgumentException>().WithParameterName("input");
        layer.Invoking(l => l.Forward(null!)).Should().Throw<ArgumentNullException>().WithParameterName("input");
    }

    [Fact]
    public void Forward_WithMatrixProducts_IsTheLinearOperationWithThoseOptions()
    {
        var layer = new Linear<float>(37, 21, new Random(3));
        var x = AutodiffTensor.RandomNormal(new Random(4), 0f, 1f, 9, 37);
        var portable = new MatrixProductOptions { UsePortableKernel = true };

        layer.UseMatrixProducts(portable);

        layer.Forward(x).ToArray().Should().Equal(AutodiffTensor.Linear(x, layer.Weight, layer.Bias, portable).ToArray());
    }
}
