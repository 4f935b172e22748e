using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Models;

public class TrainingOptionsTests
{
    [Fact]
    public void OptionRecords_DoNotInheritFromOneAnother()
    {
        // Before, DenoisingOptions, SparseOptions and VaeOptions derived from TrainingOptions and models downcast them to
        // pick their objective; the objective is now the model's, given at construction.
        var options = typeof(TrainingOptions).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)).ToList();

        options.Should().Contain(typeof(TrainingOptions));
        options.Should().OnlyContain(t => t.BaseType == typeof(object) || t.IsValueType, "options compose, they do not inherit");
        options.Where(t => !t.IsValueType).Should().OnlyContain(t => t.IsSealed);
    }

    [Fact]
    public void Init_BadValues_ThrowNamingTheProperty_SoNoInvalidOptionsExist()
    {
        FluentActions.Invoking(() => new TrainingOptions { Epochs = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Epochs");
        FluentActions.Invoking(() => new TrainingOptions { BatchSize = -1 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BatchSize");
        FluentActions.Invoking(() => new TrainingOptions { LearningRate = double.NaN }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LearningRate");
        FluentActions.Invoking(() => new TrainingOptions { LearningRate = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("LearningRate");
        FluentActions.Invoking(() => new TrainingOptions() with { Epochs = -3 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Epochs");
    }
}
