using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>
/// Max and Min, over every element and along an axis, with PyTorch's amax/amin gradient rule ("amax/amin evenly
/// distributes gradient between equal values", torch.amax documentation), and the SIMD kernels behind them.
/// </summary>
public class ExtremaTests
{
    [Fact]
    public void Max_TiedMaximum_SharesTheGradientEvenly()
    {
        var x = AutodiffTensor.FromValues<double>([1, 3, 3, 2], 4).RequiringGrad();

        var y = x.Max();
        y.Backward();

        y.Item.Should().Be(3);
        x.Gradient.ToArray().Should().Equal(0, 0.5, 0.5, 0);
    }

    [Fact]
    public void MaxAndMin_AlongAxis0_TieCountsPerColumn()
    {
        // Columns [1, 4, 4] and [5, 5, 0]: max 4 (two ties) and 5 (two ties); min 1 and 0 (single).
        var x = AutodiffTensor.FromValues<double>([1, 5, 4, 5, 4, 0], 3, 2).RequiringGrad();

        var max = x.Max(0);
        (max * AutodiffTensor.FromValues<double>([2, 4], 2)).Sum().Backward();
        var maxGradient = x.Gradient.ToArray();
        x.ZeroGrad();
        var min = x.Min(0, keepDims: true);
        min.Sum().Backward();

        max.ToArray().Should().Equal(4, 5);
        maxGradient.Should().Equal(0, 2, 1, 2, 1, 0);
        min.Shape.ToArray().Should().Equal(1, 2);
        min.ToArray().Should().Equal(1, 0);
        x.Gradient.ToArray().Should().Equal(1, 0, 0, 0, 0, 1);
    }

    [Fact]
    public void Max_NaNAnywhere_IsNaN()
    {
        AutodiffTensor.FromValues<float>([1, float.NaN, 2], 3).Max().Item.Should().Be(float.NaN);
    }

    [Fact]
    public void MaxAndMin_Empty_AreTheIdentities()
    {
        var empty = AutodiffTensor.Zeros<double>(2, 0);

        empty.Max().Item.Should().Be(double.NegativeInfinity);
        empty.Min(1).ToArray().Should().Equal(double.PositiveInfinity, double.PositiveInfinity);
    }

    [Theory]
    [InlineData(1, 1031, 1)]
    [InlineData(3, 37, 1)]
    [InlineData(2, 7, 19)]
    [InlineData(2, 5, 33)]
    public void Kernels_Float_MatchLinqAndCountEveryTie(int outer, int n, int inner)
    {
        // Values on a coarse grid so that lines have many ties, spread over SIMD widths and their tails.
        var random = new Random(n + inner);
        var x = Enumerable.Range(0, outer * n * inner).Select(_ => (float)random.Next(4)).ToArray();
        var max = new float[outer * inner];
        var g = Enumerable.Range(1, outer * inner).Select(k => (float)k).ToArray();
        var dx = new float[x.Length];

        ExtremumKernels<float>.Reduce(x, outer, n, inner, max, max: true);
        ExtremumKernels<float>.Backward(x, max, g, outer, n, inner, dx);

        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int line = (o * inner) + i;
                var positions = Enumerable.Range(0, n).Select(j => (((o * n) + j) * inner) + i).ToArray();
                float expected = positions.Max(p => x[p]);
                int ties = positions.Count(p => x[p] == expected);
                max[line].Should().Be(expected, $"line {line}");
                foreach (int p in positions)
                {
                    dx[p].Should().Be(x[p] == expected ? g[line] / ties : 0f, $"element {p} of line {line}");
                }
            }
        }
    }
}
