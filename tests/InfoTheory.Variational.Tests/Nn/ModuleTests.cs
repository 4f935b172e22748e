using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Tests.Nn;

public class ModuleTests
{
    // PyTorch's nn.Module.train(mode)/eval(): a module starts in training mode and the call sets every descendant.
    [Fact]
    public void EvalAndTrain_SetTheModeOfEveryDescendant_AndNotOfTheParent()
    {
        var random = new Random(1);
        var inner = new Sequential<float>(new Linear<float>(2, 3, random), new Relu<float>());
        var outer = new Sequential<float>(inner, new Linear<float>(3, 1, random), new Sigmoid<float>());
        Module<float>[] all = [outer, inner, .. inner.Layers, .. outer.Layers.Skip(1)];

        all.Should().OnlyContain(m => m.Training, "modules start in training mode");
        outer.Eval();
        all.Should().OnlyContain(m => !m.Training);
        inner.Train();
        outer.Training.Should().BeFalse("a child's mode does not reach its parent");
        inner.Layers.Append(inner).Should().OnlyContain(m => m.Training);
        outer.Layers[1].Training.Should().BeFalse();
        outer.Train();
        all.Should().OnlyContain(m => m.Training);
    }

    [Fact]
    public void UseMatrixProducts_SetsTheOptionsOfEveryDescendant()
    {
        var random = new Random(1);
        var inner = new Sequential<float>(new Linear<float>(2, 3, random), new Relu<float>());
        var outer = new Sequential<float>(inner, new Linear<float>(3, 1, random));
        var portable = new MatrixProductOptions { UsePortableKernel = true };

        outer.UseMatrixProducts(portable);

        Module<float>[] all = [outer, inner, .. inner.Layers, .. outer.Layers.Skip(1)];
        all.Should().OnlyContain(m => ReferenceEquals(m.MatrixProducts, portable));
        outer.UseMatrixProducts(null);
        all.Should().OnlyContain(m => m.MatrixProducts == null);
    }
}
