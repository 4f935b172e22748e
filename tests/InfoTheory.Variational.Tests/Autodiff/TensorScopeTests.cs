using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Tests.Autodiff;

public class TensorScopeTests
{
    [Fact]
    public void Dispose_ReleasesTensorsCreatedInside_AndLeavesOutsideOnesAlone()
    {
        var w = AutodiffTensor.FromValues<float>([1f, 2f], 2).RequiringGrad();
        AutodiffTensor<float> inside;
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
        var a = AutodiffTensor.Ones<float>(3);
        AutodiffTensor<float> b;
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
        var x = AutodiffTensor.FromValues<float>([1f, 2f, 3f], 3);
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

    [Fact]
    public void Dispose_Twice_IsANoOp_AndLeavesALaterScopeAlone()
    {
        var first = TensorScope.Begin();
        first.Dispose();
        using var later = TensorScope.Begin();
        var kept = AutodiffTensor.Ones<float>(2) + 1f;

        first.Dispose();

        kept.ToArray().Should().Equal(2f, 2f);
        var disposeLater = () => later.Dispose();
        disposeLater.Should().NotThrow();
    }

    [Fact]
    public void Training_InsideScopes_GivesTheSameBitsAsWithoutScopes()
    {
        // Pooled buffers are reused dirty; any rule that forgot to overwrite or clear would show here.
        static float[] Train(bool scoped)
        {
            var random = new Random(21);
            var model = new Sequential<float>(new Linear<float>(6, 10, random), new Relu<float>(), new Linear<float>(10, 6, random));
            var optimizer = new Adam<float>(model.Parameters(), learningRate: 0.01);
            for (int step = 0; step < 6; step++)
            {
                var scope = scoped ? TensorScope.Begin() : default;
                var x = AutodiffTensor.RandomUniform(random, 0f, 1f, 8, 6);
                var h = model.Forward(x);
                var loss = AutodiffTensor.BinaryCrossEntropyWithLogits(h, x, LossReduction.Sum) + (h.Softmax() * x).Sum() + h.Slice(1, 2, 3).Square().Mean();
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                scope.Dispose();
            }

            return [.. model.Parameters().SelectMany(p => p.ToArray())];
        }

        Train(scoped: true).Should().Equal(Train(scoped: false));
    }
}
