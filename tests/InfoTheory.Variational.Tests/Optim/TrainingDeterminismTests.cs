using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Tests.Optim;

public class TrainingDeterminismTests
{
    private static float[] Train(int seed)
    {
        var random = new Random(seed);
        var model = new Sequential<float>(new Linear<float>(8, 16, random, WeightInitialization.HeNormal), new Relu<float>(), new Linear<float>(16, 8, random));
        var optimizer = new Adam<float>(model.Parameters(), learningRate: 0.01);
        for (int step = 0; step < 30; step++)
        {
            using (TensorScope.Begin())
            {
                var x = AutodiffTensor.RandomUniform(random, 0f, 1f, 32, 8);
                var loss = AutodiffTensor.BinaryCrossEntropyWithLogits(model.Forward(x), x, LossReduction.Sum) * (1f / 32);
                optimizer.ZeroGrad();
                loss.Backward();
                GradientClipping.ClipByNorm(optimizer.Parameters, 5.0);
                optimizer.Step();
            }
        }

        return [.. model.Parameters().SelectMany(p => p.ToArray())];
    }

    [Fact]
    public void TrainingTwice_WithTheSameSeed_GivesIdenticalBits()
    {
        Train(11).Should().Equal(Train(11));
    }

    [Fact]
    public void Training_ReducesTheLoss()
    {
        var random = new Random(3);
        var model = new Sequential<float>(new Linear<float>(4, 8, random), new Tanh<float>(), new Linear<float>(8, 4, random));
        var optimizer = new Adam<float>(model.Parameters(), learningRate: 0.02);
        var x = AutodiffTensor.RandomUniform(random, 0f, 1f, 16, 4);
        float first = 0, last = 0;
        for (int step = 0; step < 200; step++)
        {
            using (TensorScope.Begin())
            {
                var loss = (model.Forward(x) - x).Square().Mean();
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                first = step == 0 ? loss.Item : first;
                last = loss.Item;
            }
        }

        last.Should().BeLessThan(first / 10);
    }
}
