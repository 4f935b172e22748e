using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

public class MatrixProductOptionsTests
{
    [Fact]
    public void MaxDegreeOfParallelism_ByDefault_IsAllCoresAsInParallelOptions()
    {
        // System.Threading.Tasks.ParallelOptions documents −1 as its default, meaning no limit.
        new MatrixProductOptions().MaxDegreeOfParallelism.Should().Be(new ParallelOptions().MaxDegreeOfParallelism).And.Be(-1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaxDegreeOfParallelism_ZeroOrBelowMinusOne_ThrowsWhenSet(int degree)
    {
        // The values ParallelOptions.MaxDegreeOfParallelism rejects, rejected as it does: when set, naming the property.
        var act = () => new MatrixProductOptions { MaxDegreeOfParallelism = degree };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(MatrixProductOptions.MaxDegreeOfParallelism)).WithMessage($"*is {degree}*-1 (all cores) or >= 1*");
    }

    [Fact]
    public void MatMul_WithThePortableKernel_GivesTheTextbookSumsBitForBit()
    {
        // The portable kernel adds the products of each output element in increasing depth, one rounding per
        // multiply and per add: the textbook loop below. The SIMD kernel fuses multiply-adds, so with 300 terms per
        // element its bits differ, and honouring the option is what makes these equal, forward and backward.
        const int m = 3, k = 300, n = 5;
        var random = new Random(300);
        var a = AutodiffTensor.RandomUniform(random, -1f, 1f, m, k).RequiringGrad();
        var b = AutodiffTensor.RandomUniform(random, -1f, 1f, k, n);
        var portable = new MatrixProductOptions { UsePortableKernel = true, MaxDegreeOfParallelism = 1 };

        var y = AutodiffTensor.MatMul(a, b, portable);
        y.Sum().Backward();

        float[] av = a.ToArray(), bv = b.ToArray();
        var expected = new float[m * n];
        var expectedGradient = new float[m * k];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    sum += av[(i * k) + p] * bv[(p * n) + j];
                }

                expected[(i * n) + j] = sum;
            }

            // ∂Σy/∂A = 1·Bᵀ: row p of B summed in column order.
            for (int p = 0; p < k; p++)
            {
                float sum = 0f;
                for (int j = 0; j < n; j++)
                {
                    sum += 1f * bv[(p * n) + j];
                }

                expectedGradient[(i * k) + p] = sum;
            }
        }

        y.ToArray().Should().Equal(expected);
        a.Gradient.ToArray().Should().Equal(expectedGradient);
    }
}
