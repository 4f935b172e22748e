using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Tests.Nn;

public class SequentialTests
{
    private static Sequential<double> Mlp(int seed)
    {
        var random = new Random(seed);
        return new Sequential<double>(
            new Linear<double>(3, 4, random), new Tanh<double>(),
            new Linear<double>(4, 4, random), new Relu<double>(),
            new Linear<double>(4, 2, random, bias: false), new Sigmoid<double>(),
            new LeakyRelu<double>(0.1), new Softplus<double>());
    }

    [Fact]
    public void NamedParameters_AreDottedPathsInRegistrationOrder()
    {
        var names = Mlp(1).NamedParameters().Select(p => p.Key);

        names.Should().Equal("0.weight", "0.bias", "2.weight", "2.bias", "4.weight");
    }

    [Fact]
    public void Forward_EqualsApplyingTheLayersByHand()
    {
        var model = Mlp(2);
        var x = AutodiffTensor.RandomUniform(new Random(3), -1.0, 1.0, 5, 3);
        var l = model.Layers;

        var expected = ((Linear<double>)l[4]).Forward(((Linear<double>)l[2]).Forward(((Linear<double>)l[0]).Forward(x).Tanh()).Relu())
            .Sigmoid().LeakyRelu(0.1).Softplus();

        model.Forward(x).ToArray().Should().Equal(expected.ToArray());
    }

    [Fact]
    public void Parameters_PassGradientCheckThroughTheWholeNetwork()
    {
        var model = Mlp(4);
        var x = AutodiffTensor.RandomUniform(new Random(5), -1.0, 1.0, 5, 3);

        var result = GradCheck.Run(_ => model.Forward(x), [.. model.Parameters()]);

        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void ZeroGrad_ClearsEveryParameter()
    {
        var model = Mlp(6);
        model.Forward(AutodiffTensor.Ones<double>(2, 3)).Sum().Backward();

        model.ZeroGrad();

        model.Parameters().SelectMany(p => p.Gradient.ToArray()).Should().OnlyContain(g => g == 0);
    }

    [Fact]
    public void Constructor_NoLayers_Throws()
    {
        var act = () => new Sequential<float>();

        act.Should().Throw<ArgumentException>().WithParameterName("layers");
    }

    [Fact]
    public void Parameters_LayerUsedTwice_ListsItsTensorsOnce()
    {
        var layer = new Linear<float>(3, 3, new Random(1));
        var model = new Sequential<float>(layer, layer);

        model.Parameters().Should().HaveCount(2).And.ContainInOrder(layer.Weight, layer.Bias!);
        model.NamedParameters().Select(p => p.Key).Should().Equal("0.weight", "0.bias");
    }
}
