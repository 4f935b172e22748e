using CsCheck;

namespace InfoTheory.Tests;

public class EntropyJointTests
{
    // The table of R entropy's mi.plugin example, [[.2, .1, .15], [.1, .2, .25]]; H values computed by hand in python3 (math.log over the six cells and the marginals).
    private static readonly JointDistribution RTable = JointDistribution.FromProbabilities(new double[,] { { 0.2, 0.1, 0.15 }, { 0.1, 0.2, 0.25 } });

    [Fact]
    public void Joint_RTable_MatchesHandComputedValue()
    {
        Entropy.Joint(RTable).Should().BeApproximately(1.735433771585304, 1e-15);
    }

    [Fact]
    public void Conditional_RTable_IsEntropyOfRowsGivenColumns()
    {
        // H(X|Y) = H(X,Y) − H(Y) = 1.735433771585304 − 1.0888999753452238.
        Entropy.Conditional(RTable).Should().BeApproximately(0.6465337962400803, 1e-15);
    }

    [Fact]
    public void Conditional_XAFunctionOfY_IsZero()
    {
        var joint = JointDistribution.FromProbabilities(new double[,] { { 0.3, 0, 0 }, { 0, 0.3, 0.4 } });

        Entropy.Conditional(joint).Should().Be(0);
    }

    [Fact]
    public void Joint_InBits_OfTwoFairCoins_IsTwo()
    {
        Entropy.Joint(JointDistribution.Independent([0.5, 0.5], [0.5, 0.5]), LogBase.Bits).Should().BeApproximately(2, 1e-15);
    }

    [Fact]
    public void Joint_RandomTables_SatisfiesTheChainRuleAndMatchesShannon()
    {
        // H(X,Y) = H(X|Y) + H(Y), and H(X,Y) is the Shannon entropy of the flattened table (Entropy.Shannon, an independent kernel).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            var joint = JointDistribution.FromProbabilities(DiscreteSamples.Table(rng, rng.Next(1, 7), rng.Next(1, 7)));
            double h = Entropy.Joint(joint);

            h.Should().BeApproximately(Entropy.Shannon(joint.Probabilities), 1e-13);
            h.Should().BeApproximately(Entropy.Conditional(joint) + Entropy.Shannon(joint.ColumnMarginal), 1e-13);
            Entropy.Conditional(joint).Should().BeLessThanOrEqualTo(Entropy.Shannon(joint.RowMarginal) + 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void Joint_IndependentProducts_IsSumOfMarginalEntropies()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double[] px = DiscreteSamples.Positive(rng, rng.Next(1, 8)), py = DiscreteSamples.Positive(rng, rng.Next(1, 8));
            var joint = JointDistribution.Independent(px, py);

            Entropy.Joint(joint).Should().BeApproximately(Entropy.Shannon(px) + Entropy.Shannon(py), 1e-13);
            Entropy.Conditional(joint).Should().BeApproximately(Entropy.Shannon(px), 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void JointAndConditional_Null_Throw()
    {
        var joint = () => Entropy.Joint((JointDistribution)null!);
        var conditional = () => Entropy.Conditional(null!);

        joint.Should().Throw<ArgumentNullException>().WithParameterName("joint");
        conditional.Should().Throw<ArgumentNullException>().WithParameterName("joint");
    }

    [Fact]
    public void Joint_UndefinedUnit_Throws()
    {
        var act = () => Entropy.Joint(RTable, (LogBase)5);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }
}
