using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Tests.Models;

/// <summary>
/// The divergence guard every Fit shares, driven by hand-made steps: plain SGD with η = 1 on loss = g·x, so each
/// step reports a chosen loss for the current x and then moves x to x − g.
/// </summary>
public class ParameterCheckpointTests
{
    private readonly AutodiffTensor<double> _x = AutodiffTensor.FromValues<double>([1.0], 1).RequiringGrad();
    private readonly Sgd<double> _sgd;
    private readonly ParameterCheckpoint<double> _checkpoint;

    public ParameterCheckpointTests()
    {
        _sgd = new Sgd<double>([_x], learningRate: 1);
        _checkpoint = new ParameterCheckpoint<double>(_sgd);
    }

    private double X => _x.Values[0];

    // Reports `loss` for the current x, then steps to `next`.
    private Func<double> Step(double loss, double next) => () =>
    {
        double g = X - next;
        _sgd.ZeroGrad();
        (_x * g).Sum().Backward();
        _sgd.Step();
        return loss;
    };

    [Fact]
    public void Step_NonFiniteLossLaterInTheEpoch_RestoresTheEpochStart()
    {
        _checkpoint.BeginEpoch();
        _checkpoint.Step(Step(loss: 5, next: 2), 1, 1);
        _checkpoint.Step(Step(loss: 4, next: 3), 1, 2);

        var diverged = FluentActions.Invoking(() => _checkpoint.Step(Step(loss: double.NaN, next: 4), 1, 3))
            .Should().Throw<TrainingDivergedException>().WithMessage("*epoch 1, batch 3*NaN*lower the learning rate*1)*").Which;
        (diverged.Epoch, diverged.Batch, diverged.LearningRate).Should().Be((1, 3, 1.0));
        X.Should().Be(1);
    }

    [Fact]
    public void Step_NonFiniteLossAtTheFirstBatch_RestoresTheStartOfTheEpochBefore()
    {
        _checkpoint.BeginEpoch();
        _checkpoint.Step(Step(loss: 5, next: 2), 1, 1);
        _checkpoint.Step(Step(loss: 4, next: 3), 1, 2);
        _checkpoint.BeginEpoch();

        // The infinite loss belongs to x = 3, the start of epoch 2; the last values with a finite loss started epoch 1.
        FluentActions.Invoking(() => _checkpoint.Step(Step(loss: double.PositiveInfinity, next: 4), 2, 1)).Should().Throw<TrainingDivergedException>();
        X.Should().Be(1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Step_NonFiniteUpdate_RestoresTheEpochStart(double next)
    {
        _checkpoint.BeginEpoch();
        _checkpoint.Step(Step(loss: 5, next: 2), 1, 1);
        _checkpoint.BeginEpoch();

        // x = 2 gave a finite loss, so it is good; only its update failed.
        FluentActions.Invoking(() => _checkpoint.Step(Step(loss: 4, next: next), 2, 1)).Should().Throw<TrainingDivergedException>().WithMessage("*non-finite*");
        X.Should().Be(2);
    }

    [Fact]
    public void Step_UnusableUpdate_RestoresTheEpochStart()
    {
        _checkpoint.BeginEpoch();
        FluentActions.Invoking(() => _checkpoint.Step(Step(loss: 5, next: 1e300), 1, 1, usable: () => X < 1e10)).Should().Throw<TrainingDivergedException>();
        X.Should().Be(1);
    }

    [Fact]
    public void Step_ThatThrows_RestoresAndRethrows()
    {
        _checkpoint.BeginEpoch();
        _checkpoint.Step(Step(loss: 5, next: 2), 1, 1);
        FluentActions.Invoking(() => _checkpoint.Step(
            () =>
            {
                _x.Values[0] = double.NaN;
                throw new NonFiniteValueException("trapped");
            },
            1,
            2)).Should().Throw<NonFiniteValueException>().WithMessage("trapped");
        X.Should().Be(1);
    }

    [Fact]
    public void Step_FiniteRun_LeavesEveryUpdateInPlace()
    {
        for (int i = 0; i < 5; i++)
        {
            _checkpoint.BeginEpoch();
            _checkpoint.Step(Step(loss: i, next: i + 10), i + 1, 1).Should().Be(i);
        }

        X.Should().Be(14);
    }
}
