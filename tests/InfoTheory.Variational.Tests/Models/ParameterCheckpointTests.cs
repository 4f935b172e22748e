using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Models;

/// <summary>The divergence guard every Fit shares, driven by hand-written steps that set the parameter and report a loss.</summary>
public class ParameterCheckpointTests
{
    private static (Tensor<double> Parameter, ParameterCheckpoint<double> Checkpoint) Start(double value)
    {
        var parameter = Tensor.FromValues<double>([value], 1).RequiringGrad();
        return (parameter, new ParameterCheckpoint<double>([parameter]));
    }

    // A step in the shape of a real one: the loss belongs to the values it starts from, then the update writes the next.
    private static Func<double> Step(Tensor<double> parameter, double loss, double next) => () =>
    {
        parameter.Values[0] = next;
        return loss;
    };

    [Fact]
    public void Step_NonFiniteLoss_RestoresTheValuesBeforeThePreviousStep()
    {
        var (x, checkpoint) = Start(1);
        checkpoint.Step(Step(x, loss: 5, next: 2), 1, 1, 0.1);

        // The NaN loss is that of x = 2, which step 1 wrote; the last values with a finite loss are x = 1.
        var diverged = FluentActions.Invoking(() => checkpoint.Step(Step(x, loss: double.NaN, next: 3), 4, 7, 0.1))
            .Should().Throw<TrainingDivergedException>().WithMessage("*epoch 4, batch 7*NaN*lower the learning rate*0.1*").Which;
        (diverged.Epoch, diverged.Batch, diverged.LearningRate).Should().Be((4, 7, 0.1));
        x.Values[0].Should().Be(1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Step_NonFiniteUpdate_RestoresTheValuesBeforeTheStep(double next)
    {
        var (x, checkpoint) = Start(1);
        checkpoint.Step(Step(x, loss: 5, next: 2), 1, 1, 0.1);

        // The loss of x = 2 was finite, so x = 2 is good; only its update failed.
        FluentActions.Invoking(() => checkpoint.Step(Step(x, loss: 4, next: next), 1, 2, 0.1)).Should().Throw<TrainingDivergedException>();
        x.Values[0].Should().Be(2);
    }

    [Fact]
    public void Step_UnusableUpdate_RestoresTheValuesBeforeTheStep()
    {
        var (x, checkpoint) = Start(1);
        FluentActions.Invoking(() => checkpoint.Step(Step(x, loss: 5, next: 1e300), 1, 1, 0.1, usable: () => x.Values[0] < 1e10))
            .Should().Throw<TrainingDivergedException>();
        x.Values[0].Should().Be(1);
    }

    [Fact]
    public void Step_ThatThrows_RestoresTheLastGoodValuesAndRethrows()
    {
        var (x, checkpoint) = Start(1);
        checkpoint.Step(Step(x, loss: 5, next: 2), 1, 1, 0.1);
        FluentActions.Invoking(() => checkpoint.Step(
            () =>
            {
                x.Values[0] = double.NaN;
                throw new NonFiniteValueException("trapped");
            },
            1,
            2,
            0.1)).Should().Throw<NonFiniteValueException>().WithMessage("trapped");
        x.Values[0].Should().Be(1);
    }

    [Fact]
    public void Step_FiniteRun_LeavesEveryUpdateInPlace()
    {
        var (x, checkpoint) = Start(1);
        for (int i = 0; i < 5; i++)
        {
            checkpoint.Step(Step(x, loss: i, next: i + 10), 1, i + 1, 0.1).Should().Be(i);
        }

        x.Values[0].Should().Be(14);
    }
}
