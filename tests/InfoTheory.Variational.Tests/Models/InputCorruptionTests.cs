using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Models;

public class InputCorruptionTests
{
    [Fact]
    public void Forward_CorruptsInTrainingModeOnly()
    {
        var layer = new InputCorruption(Corruption.Masking(1.0)) { Generator = new Random(1) };
        var x = AutodiffTensor.FromValues<float>([0.5f, 1f, 2f, 3f], 2, 2);

        layer.Forward(x).ToArray().Should().Equal([0f, 0f, 0f, 0f], "masking with ν = 1 zeroes every input");
        layer.Eval();
        layer.Forward(x).Should().BeSameAs(x, "evaluation mode passes the input through untouched");
    }

    [Fact]
    public void DenoisingReconstruct_IsDeterministicAndUncorrupted_InEvaluationMode()
    {
        // ν = 0.9 would change nearly every output if Reconstruct corrupted: it must equal decode(encode(x)).
        var model = new DenoisingAutoencoder(64, [16], 8, seed: 1, Corruption.Masking(0.9));
        model.Fit(ModelTestData.Train, new TrainingOptions { Epochs = 1, Seed = 3 });

        float[,] first = model.Reconstruct(ModelTestData.Test);
        model.Reconstruct(ModelTestData.Test).Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        model.Decode(model.Encode(ModelTestData.Test)).Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        model.Core.Training.Should().BeFalse();

        // The same network in training mode corrupts: the mode, not the verb, decides.
        model.Core.Train();
        using (Autograd.NoGrad())
        {
            model.Core.Corruption!.Generator = new Random(4);
            var x = AutodiffTensor.FromValues<float>(ModelTestData.Test.Features, ModelTestData.Test.Count, 64);
            model.Core.Forward(x).ToArray().Should().NotEqual(first.Cast<float>());
        }
    }
}
