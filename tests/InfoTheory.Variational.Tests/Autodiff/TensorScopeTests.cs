using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

public class TensorScopeTests
{
    [Fact]
    public void Dispose_ReleasesTensorsCreatedInside_AndLeavesOutsideOnesAlone()
    {
        var w = Tensor.FromValues<float>([1f, 2f], 2).RequiringGrad();
        Tensor<float> inside;
        float loss;
        using (TensorScope.Begin())
        {
            inside = (w * w).Sum();
            inside.Backward();
            loss = inside.Item;
        }

        loss.Should().Be(5f);
        w.Gradient.ToArray().Should().Equal(2f, 4f);
        var act = () => inside.Item;
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Scopes_Nest_InnerReleasesOnlyItsOwn()
    {
        using var outer = TensorScope.Begin();
        var a = Tensor.Ones<float>(3);
        Tensor<float> b;
        using (TensorScope.Begin())
        {
            b = a + 1f;
        }

        a.Values[0].Should().Be(1f);
        var act = () => b.Values[0];
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void PooledBuffers_AreReusedAcrossScopes_WithCorrectValues()
    {
        var x = Tensor.FromValues<float>([1f, 2f, 3f], 3);
        for (int step = 0; step < 3; step++)
        {
            using (TensorScope.Begin())
            {
                var y = (x * (step + 1f)).Exp().Log();
                y.ToArray().Should().Equal([1f * (step + 1), 2f * (step + 1), 3f * (step + 1)], (p, q) => Math.Abs(p - q) < 1e-5f);
            }
        }
    }

    [Fact]
    public void Dispose_OutOfOrder_Throws()
    {
        var outer = TensorScope.Begin();
        var inner = TensorScope.Begin();

        var act = () => outer.Dispose();

        act.Should().Throw<InvalidOperationException>();
        inner.Dispose();
        outer.Dispose();
    }
}
