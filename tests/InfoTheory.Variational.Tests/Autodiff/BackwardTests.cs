using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>How Backward walks the graph: order, accumulation, sharing, and the switches that stop it.</summary>
public class BackwardTests
{
    [Fact]
    public void Backward_ChainOf100000Nodes_DoesNotOverflowTheStack()
    {
        var x = AutodiffTensor.Scalar(1.0f).RequiringGrad();
        var y = x;
        for (int i = 0; i < 100_000; i++)
        {
            y = y + 1.0f;
        }

        y.Backward();

        x.Gradient[0].Should().Be(1.0f);
        y.Item.Should().Be(100_001.0f);
    }

    [Fact]
    public void Backward_NodeUsedTwice_ReceivesBothContributions()
    {
        // micrograd's first bug: b = a + a must give db/da = 2, not 1.
        var a = AutodiffTensor.Scalar(3.0).RequiringGrad();

        (a + a).Backward();

        a.Gradient[0].Should().Be(2.0);
    }

    [Fact]
    public void Backward_SharedSubexpression_SumsAllPaths()
    {
        // f = x·y + exp(x·y) at x = 2, y = 3: df/dx = y(1 + e^{xy}) = 3(1 + e^6), df/dy = 2(1 + e^6).
        var x = AutodiffTensor.Scalar(2.0).RequiringGrad();
        var y = AutodiffTensor.Scalar(3.0).RequiringGrad();
        var p = x * y;

        (p + p.Exp()).Backward();

        x.Gradient[0].Should().BeApproximately(3 * (1 + Math.Exp(6)), 1e-9);
        y.Gradient[0].Should().BeApproximately(2 * (1 + Math.Exp(6)), 1e-9);
    }

    [Fact]
    public void Backward_CalledTwice_AccumulatesUntilZeroGrad()
    {
        var w = AutodiffTensor.FromValues<double>([1, 2], 2).RequiringGrad();
        var loss = (w * 3.0).Sum();

        loss.Backward();
        loss.Backward();
        w.Gradient.ToArray().Should().Equal(6.0, 6.0);

        w.ZeroGrad();
        w.Gradient.ToArray().Should().Equal(0.0, 0.0);
    }

    [Fact]
    public void Backward_InputNotRequiringGrad_GetsNoGradient()
    {
        var w = AutodiffTensor.FromValues<double>([1, 2], 2).RequiringGrad();
        var x = AutodiffTensor.FromValues<double>([5, 7], 2);

        (w * x).Sum().Backward();

        w.Gradient.ToArray().Should().Equal(5.0, 7.0);
        x.HasGradient.Should().BeFalse();
    }

    [Fact]
    public void Backward_NonScalar_Throws()
    {
        var w = AutodiffTensor.Ones<float>(2, 2).RequiringGrad();

        var act = () => (w * 2f).Backward();

        act.Should().Throw<InvalidOperationException>().WithMessage("*[2, 2]*");
    }

    [Fact]
    public void NoGrad_ResultsDoNotRequireGrad_AndBackwardThrows()
    {
        var w = AutodiffTensor.Ones<float>(3).RequiringGrad();
        AutodiffTensor<float> loss;
        using (Autograd.NoGrad())
        {
            loss = (w * 2f).Sum();
            Autograd.IsGradEnabled.Should().BeFalse();
        }

        Autograd.IsGradEnabled.Should().BeTrue();
        loss.RequiresGrad.Should().BeFalse();
        var act = () => loss.Backward();
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Detach_StopsGradientFlow()
    {
        var x = AutodiffTensor.FromValues<double>([2.0], 1).RequiringGrad();

        (x.Detach() * x).Sum().Backward();

        x.Gradient[0].Should().Be(2.0, "only the non-detached factor contributes: d/dx (c·x) = c = 2");
    }

    [Fact]
    public void RequiresGrad_SetOnComputedTensor_Throws()
    {
        var x = AutodiffTensor.Ones<float>(2).RequiringGrad();
        var y = x * 2f;

        var act = () => y.RequiresGrad = false;

        act.Should().Throw<InvalidOperationException>().WithMessage("*multiply constant*");
    }

    [Fact]
    public void TrapNonFinite_NamesTheFirstOperationThatProducedInfinity()
    {
        var x = AutodiffTensor.FromValues<float>([1f, 0f], 2);
        Autograd.TrapNonFinite = true;
        try
        {
            var act = () => (x * 2f).Log().Exp();

            act.Should().Throw<NonFiniteValueException>().Which.Operation.Should().Be("log");
        }
        finally
        {
            Autograd.TrapNonFinite = false;
        }
    }

    [Fact]
    public void TrapNonFinite_NamesTheBackwardRuleThatProducedInfinity()
    {
        // sqrt(0) = 0 is finite, but its derivative 1/(2·sqrt 0) is not.
        var x = AutodiffTensor.FromValues<double>([4.0, 0.0], 2).RequiringGrad();
        Autograd.TrapNonFinite = true;
        try
        {
            var loss = x.Sqrt().Sum();
            var act = () => loss.Backward();

            act.Should().Throw<NonFiniteValueException>().Which.Operation.Should().Be("backward of sqrt");
        }
        finally
        {
            Autograd.TrapNonFinite = false;
        }
    }

    [Fact]
    public void TrapNonFinite_Off_LetsInfinityThrough()
    {
        var y = AutodiffTensor.FromValues<float>([0f], 1).Log();

        float.IsNegativeInfinity(y.Values[0]).Should().BeTrue();
    }
}
