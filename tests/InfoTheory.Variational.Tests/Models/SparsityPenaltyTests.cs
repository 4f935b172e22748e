using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Models;

namespace InfoTheory.Variational.Tests.Models;

public class SparsityPenaltyTests
{
    [Theory]
    [InlineData(0.05, 1)]
    [InlineData(0.05, 2)]
    [InlineData(0.3, 3)]
    [InlineData(0.9, 4)]
    public void Evaluate_EqualsTheSumOfTheCoreBernoulliDivergences(double rho, int seed)
    {
        var random = new Random(seed);
        var activations = AutodiffTensor.RandomUniform(random, 0.01, 0.99, 7, 5);

        double expected = 0;
        for (int j = 0; j < 5; j++)
        {
            double meanActivation = Enumerable.Range(0, 7).Average(i => activations[i, j]);
            expected += Divergence.Bernoulli(rho, meanActivation);
        }

        SparsityPenalty.Evaluate(activations, rho).Item.Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void Evaluate_UnitsFiringExactlyAtTheTarget_CostNothing()
    {
        var activations = AutodiffTensor.FromValues<double>([0.1, 0.0, 0.0, 0.1], 2, 2);
        SparsityPenalty.Evaluate(activations, 0.05).Item.Should().BeApproximately(0, 1e-15);
    }

    [Fact]
    public void Evaluate_SaturatedUnit_IsLargeAndFiniteWithAFiniteGradient()
    {
        // The core divergence is +∞ here; the clamp at 1e-6 keeps training alive.
        var activations = AutodiffTensor.FromValues<double>([1.0, 0.05, 1.0, 0.05], 2, 2).RequiringGrad();
        var penalty = SparsityPenalty.Evaluate(activations, 0.05);
        penalty.Backward();

        double.IsPositiveInfinity(Divergence.Bernoulli(0.05, 1.0)).Should().BeTrue();
        penalty.Item.Should().BeApproximately(Divergence.Bernoulli(0.05, 1 - SparsityPenalty.ActivationFloor), 1e-9);
        activations.Gradient.ToArray().Should().OnlyContain(g => double.IsFinite(g));
    }

    [Fact]
    public void Evaluate_GradientMatchesFiniteDifferences()
    {
        var activations = AutodiffTensor.RandomUniform(new Random(5), 0.05, 0.95, 4, 3);
        var result = GradCheck.Run(x => SparsityPenalty.Evaluate(x[0], 0.2), activations);
        result.WorstRelativeError.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void Evaluate_BadArguments_Throw()
    {
        var ok = AutodiffTensor.Full(0.5, 2, 2);
        FluentActions.Invoking(() => SparsityPenalty.Evaluate(AutodiffTensor.Full(0.5, 4), 0.05)).Should().Throw<ArgumentException>().WithParameterName("activations");
        FluentActions.Invoking(() => SparsityPenalty.Evaluate(AutodiffTensor.Zeros<double>(0, 3), 0.05)).Should().Throw<ArgumentException>().WithParameterName("activations");
        FluentActions.Invoking(() => SparsityPenalty.Evaluate(ok, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetActivation");
        FluentActions.Invoking(() => SparsityPenalty.Evaluate(ok, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetActivation");
        FluentActions.Invoking(() => SparsityPenalty.Evaluate<double>(null!, 0.05)).Should().Throw<ArgumentNullException>().WithParameterName("activations");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Evaluate_ActivationOutsideTheUnitInterval_ThrowsNamingActivations(double bad)
    {
        // ρ̂ is a firing rate; a value outside [0, 1] means the activations are not sigmoid outputs and the KL is meaningless.
        var activations = AutodiffTensor.Full(0.5, 3, 2);
        activations.Values[4] = bad;
        FluentActions.Invoking(() => SparsityPenalty.Evaluate(activations, 0.05))
            .Should().Throw<ArgumentException>().WithParameterName("activations").WithMessage("activations[4]*[0, 1]*");
    }
}
