using static InfoTheory.Tests.MultivariateSamples;

namespace InfoTheory.Tests;

public class EntropyMultivariateTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Joint_AllVariables_IsTheShannonEntropyOfTheTable()
    {
        var d = Random(new Random(11), 2, 3, 1, 4);

        Entropy.Joint(d).Should().BeApproximately(Entropy.Shannon(d.Probabilities), Tolerance);
        Entropy.Joint(d, [0, 1, 2, 3]).Should().BeApproximately(Entropy.Shannon(d.Probabilities), Tolerance);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 2, 0, 3 })]
    public void Joint_Subset_IsTheEntropyOfTheBruteForceMarginal(int[] variables)
    {
        var d = Random(new Random(5), 2, 3, 2, 3);

        Entropy.Joint(d, variables).Should().BeApproximately(BruteEntropy(d, variables), Tolerance);
    }

    [Fact]
    public void Joint_EmptySubset_IsZero()
    {
        Entropy.Joint(GiantBit(3), []).Should().Be(0);
    }

    [Fact]
    public void Joint_TwoVariables_EqualsTheJointDistributionEntropy()
    {
        var d = Random(new Random(2), 3, 4);
        var joint = JointDistribution.FromProbabilities(d.Probabilities, 3, 4);

        Entropy.Joint(d, LogBase.Bits).Should().BeApproximately(Entropy.Joint(joint, LogBase.Bits), Tolerance);
        Entropy.Conditional(d, [0], [1], LogBase.Bits).Should().BeApproximately(Entropy.Conditional(joint, LogBase.Bits), Tolerance);
    }

    [Fact]
    public void Conditional_ChainRule_HoldsForSubsets()
    {
        var d = Random(new Random(9), 2, 2, 3, 2);

        double h = Entropy.Conditional(d, [0, 2], [3]);

        h.Should().BeApproximately(BruteEntropy(d, 0, 2, 3) - BruteEntropy(d, 3), Tolerance);
    }

    [Fact]
    public void Conditional_GiantBit_IsZeroGivenAnyOtherVariable()
    {
        Entropy.Conditional(GiantBit(3), [0, 1], [2], LogBase.Bits).Should().BeApproximately(0, Tolerance);
        Entropy.Conditional(GiantBit(3), [0, 1], [], LogBase.Bits).Should().BeApproximately(1, Tolerance);
    }

    [Fact]
    public void Conditional_OverlappingSets_ThrowsNamingGiven()
    {
        FluentActions.Invoking(() => Entropy.Conditional(GiantBit(3), [0, 1], [1])).Should()
            .Throw<ArgumentException>().WithParameterName("given").WithMessage("given holds variable 1, which is also in variables*");
    }

    [Fact]
    public void Joint_NullDistribution_ThrowsNamingDistribution()
    {
        FluentActions.Invoking(() => Entropy.Joint((MultivariateDistribution)null!)).Should()
            .Throw<ArgumentNullException>().WithParameterName("distribution");
    }
}
