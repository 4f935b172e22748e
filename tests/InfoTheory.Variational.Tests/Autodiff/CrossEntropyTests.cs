using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>
/// CrossEntropyWithLogits against PyTorch's definition of F.cross_entropy(input [N, C], target [N]):
/// ℓᵢ = −log(exp(zᵢ,yᵢ) / Σⱼ exp(zᵢⱼ)), mean over N by default or summed; values from Python's math module.
/// </summary>
public class CrossEntropyTests
{
    [Fact]
    public void CrossEntropyWithLogits_TwoExamples_MatchesPyTorchsDefinition()
    {
        // ln(e + e² + e³) = 3.40760596444438; ℓ = (3.4076 − 3, 3.4076 − 1) = (0.40760596444438013, 2.40760596444438).
        var z = AutodiffTensor.FromValues<double>([1, 2, 3, 1, 2, 3], 2, 3).RequiringGrad();

        var mean = AutodiffTensor.CrossEntropyWithLogits(z, [2, 0], LossReduction.Mean);
        var sum = AutodiffTensor.CrossEntropyWithLogits(z, [2, 0], LossReduction.Sum);
        mean.Backward();

        mean.Item.Should().BeApproximately(1.4076059644443801, 1e-14);
        sum.Item.Should().BeApproximately(2.8152119288887603, 1e-14);

        // ∂/∂zᵢⱼ = (softmax(zᵢ)ⱼ − [j = yᵢ]) / N with softmax(1, 2, 3) = (0.0900306, 0.2447285, 0.6652410).
        double[] expected = [0.09003057317038048 / 2, 0.2447284710547977 / 2, (0.665240955774822 - 1) / 2, (0.09003057317038048 - 1) / 2, 0.2447284710547977 / 2, 0.665240955774822 / 2];
        for (int k = 0; k < 6; k++)
        {
            z.Gradient[k].Should().BeApproximately(expected[k], 1e-15, $"element {k}");
        }
    }

    [Fact]
    public void CrossEntropyWithLogits_HugeLogits_StaysFinite()
    {
        // LSE(1000, 0) = 1000 + ln(1 + e⁻¹⁰⁰⁰) = 1000 in float; a naive exp(1000) would be +∞.
        var z = AutodiffTensor.FromValues<float>([1000, 0, -1000, 0], 2, 2);

        AutodiffTensor.CrossEntropyWithLogits(z, [1, 0], LossReduction.Sum).Item.Should().Be(2000f);
    }

    [Fact]
    public void CrossEntropyWithLogits_LabelOutsideTheClasses_ThrowsNamingLabels()
    {
        var act = () => AutodiffTensor.CrossEntropyWithLogits(AutodiffTensor.Zeros<float>(2, 3), [0, 3], LossReduction.Mean);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("labels").WithMessage("labels[1] is 3*[0, 2]*classes*");
    }

    [Fact]
    public void CrossEntropyWithLogits_OneLabelShort_ThrowsNamingLabels()
    {
        var act = () => AutodiffTensor.CrossEntropyWithLogits(AutodiffTensor.Zeros<float>(2, 3), [0], LossReduction.Mean);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("*1 entries*2 rows*");
    }

    [Fact]
    public void CrossEntropyWithLogits_VectorOfLogits_ThrowsNamingLogits()
    {
        var act = () => AutodiffTensor.CrossEntropyWithLogits(AutodiffTensor.Zeros<float>(3), [0], LossReduction.Mean);

        act.Should().Throw<ArgumentException>().WithParameterName("logits");
    }
}
