using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Tests.Optim;

public class GradientClippingTests
{
    private static AutodiffTensor<double> WithGradient(params double[] g)
    {
        var p = AutodiffTensor.Zeros<double>(g.Length).RequiringGrad();
        (p * AutodiffTensor.FromValues<double>(g, g.Length)).Sum().Backward();
        return p;
    }

    [Fact]
    public void ClipByNorm_AboveTheLimit_RescalesToTheLimitKeepingDirection()
    {
        // Joint norm of (3, 4) and (12) is 13; clipping to 6.5 halves every gradient.
        var a = WithGradient(3, 4);
        var b = WithGradient(12);

        double norm = GradientClipping.ClipByNorm([a, b], 6.5);

        norm.Should().Be(13);
        a.Gradient.ToArray().Should().Equal(1.5, 2.0);
        b.Gradient.ToArray().Should().Equal(6.0);
    }

    [Fact]
    public void ClipByNorm_BelowTheLimit_LeavesGradientsAlone()
    {
        var a = WithGradient(3, 4);

        GradientClipping.ClipByNorm([a], 10).Should().Be(5);

        a.Gradient.ToArray().Should().Equal(3.0, 4.0);
    }

    [Fact]
    public void ClipByNorm_NonPositiveLimit_Throws()
    {
        var act = () => GradientClipping.ClipByNorm([WithGradient(1)], 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxNorm");
    }
}
