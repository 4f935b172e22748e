using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>IndexSelect against torch.index_select's definition: out[…, k, …] = x[…, indices[k], …], gradients scatter-added.</summary>
public class IndexingTests
{
    [Fact]
    public void IndexSelect_RowsWithARepeat_TakesThemInOrderAndScatterAddsTheGradient()
    {
        var x = AutodiffTensor.FromValues<double>([1, 2, 3, 4, 5, 6], 3, 2).RequiringGrad();

        var y = x.IndexSelect(0, [2, 0, 2]);
        (y * AutodiffTensor.FromValues<double>([1, 10, 100, 1000, 2, 20], 3, 2)).Sum().Backward();

        y.Shape.ToArray().Should().Equal(3, 2);
        y.ToArray().Should().Equal(5, 6, 1, 2, 5, 6);
        // Row 1 is never taken; row 2, taken twice, gets both gradients.
        x.Gradient.ToArray().Should().Equal(100, 1000, 0, 0, 3, 30);
    }

    [Fact]
    public void IndexSelect_LastAxis_PicksColumns()
    {
        var x = AutodiffTensor.FromValues<float>([1, 2, 3, 4, 5, 6], 2, 3);

        x.IndexSelect(-1, [2, 1]).ToArray().Should().Equal(3, 2, 6, 5);
    }

    [Fact]
    public void IndexSelect_IndexPastTheExtent_ThrowsNamingIndices()
    {
        var act = () => AutodiffTensor.Zeros<float>(3, 2).IndexSelect(0, [0, 3]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("indices").WithMessage("indices[1] is 3*[0, 2]*");
    }
}
