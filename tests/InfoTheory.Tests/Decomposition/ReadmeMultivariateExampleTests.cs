using InfoTheory.Decomposition;

namespace InfoTheory.Tests.Decomposition;

/// <summary>The README's "Multivariate information and PID" example, run as written, with the values its comments quote.</summary>
public class ReadmeMultivariateExampleTests
{
    [Fact]
    public void MultivariateInformation_ReadmeExample_GivesTheQuotedValues()
    {
        #region snippet: FamiliesMultivariate
        // Y = X₀ XOR X₁ of two fair bits, as one label column per variable.
        var xor = MultivariateDistribution.FromSamples([0, 0, 1, 1], [0, 1, 0, 1], [0, 1, 1, 0]);
        double tc = MultivariateInformation.TotalCorrelation(xor, LogBase.Bits);      // 1 bit
        double dtc = MultivariateInformation.DualTotalCorrelation(xor, LogBase.Bits); // 2 bits
        double co = MultivariateInformation.CoInformation(xor, LogBase.Bits);         // −1 bit (dit's sign)
        double cmi = MultivariateInformation.CoInformation(xor, [0, 1], [2], LogBase.Bits); // I(X₀;X₁|Y) = 1 bit

        // What the sources X₀, X₁ tell about the target Y: nothing alone, one bit together.
        TwoSourceDecomposition pid = PartialInformation.TwoSources(xor, RedundancyMeasure.MinimumSpecificInformation, LogBase.Bits);
        // Redundancy 0, UniqueFirst 0, UniqueSecond 0, Synergy 1

        // Three sources: Y = X₀ + X₁ + X₂ of fair bits, over the 18-node redundancy lattice.
        int[] a = [0, 0, 0, 0, 1, 1, 1, 1], b = [0, 0, 1, 1, 0, 0, 1, 1], c = [0, 1, 0, 1, 0, 1, 0, 1];
        var sum = MultivariateDistribution.FromSamples(a, b, c, [.. a.Select((v, i) => v + b[i] + c[i])]);
        ThreeSourceDecomposition lattice = PartialInformation.ThreeSources(sum, unit: LogBase.Bits);
        double everyOne = lattice.Atom(Antichain.Of([0], [1], [2]));       // 0.3113 bits from any one source
        double anyTwo = lattice.Atom(Antichain.Of([0, 1], [0, 2], [1, 2])); // 0.5 bits from any two
        double allThree = lattice.Atom(Antichain.Of([0, 1, 2]));           // 1 bit only from all three
        #endregion

        tc.Should().BeApproximately(1, 1e-12);
        dtc.Should().BeApproximately(2, 1e-12);
        co.Should().BeApproximately(-1, 1e-12);
        cmi.Should().BeApproximately(1, 1e-12);
        pid.Should().Be(new TwoSourceDecomposition(0, 0, 0, 1));
        everyOne.Should().BeApproximately(0.3113, 5e-5);
        anyTwo.Should().BeApproximately(0.5, 1e-12);
        allThree.Should().BeApproximately(1, 1e-12);
    }
}
