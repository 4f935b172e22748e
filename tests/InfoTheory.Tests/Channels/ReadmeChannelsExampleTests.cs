using InfoTheory.Channels;

namespace InfoTheory.Tests.Channels;

/// <summary>The README's channels example, run as written; the assertions check the values its comments quote.</summary>
public class ReadmeChannelsExampleTests
{
    [Fact]
    public void FamiliesChannels_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: FamiliesChannels
        // The Z channel: 0 arrives intact, 1 turns into 0 with probability 0.3.
        var z = Channel.FromProbabilities(new[,] { { 1.0, 0.0 }, { 0.3, 0.7 } });
        ChannelCapacity c = z.Capacity(LogBase.Bits);
        // c.Capacity = 0.5037 bits = log2(1 + 0.7·0.3^(0.3/0.7)); c.Input = (0.579, 0.421);
        // LowerBound ≤ C ≤ UpperBound, 1e-9 nats apart; c.Converged = true after c.Iterations evaluations

        // A Bernoulli(0.3) source under Hamming distortion, at slope −2 of R(D): D = 1/(1 + e²), R = h(0.3) − h(D).
        RateDistortionPoint point = RateDistortion.AtSlope([0.7, 0.3], new[,] { { 0.0, 1.0 }, { 1.0, 0.0 } }, slope: -2);
        // point.Distortion = 0.1192, point.Rate = 0.2455 nats, point.TestChannel = q(x̂|x)

        // Two clusters T of X keeping what X says about Y (β = 5, a seeded start).
        var joint = JointDistribution.FromProbabilities(new[,] { { 0.2, 0.05, 0.05 }, { 0.02, 0.25, 0.03 }, { 0.1, 0.0, 0.3 } });
        BottleneckResult ib = InformationBottleneck.Fit(joint, beta: 5, clusters: 2, seed: 1);
        // ib.Encoder = p(t|x); ib.InformationXT = 0.6059 nats, ib.InformationTY = 0.2951 of I(X;Y) = 0.4395
        #endregion

        c.Capacity.Should().BeApproximately(0.5037, 5e-5);
        c.Capacity.Should().BeApproximately(Math.Log2(1 + (0.7 * Math.Pow(0.3, 0.3 / 0.7))), 1e-10);
        c.Input.Should().Equal([0.579, 0.421], (a, b) => Math.Abs(a - b) < 5e-4);
        (c.UpperBound - c.LowerBound).Should().BeLessThanOrEqualTo(1e-9 / Math.Log(2));
        c.Converged.Should().BeTrue();
        point.Distortion.Should().BeApproximately(1 / (1 + Math.Exp(2)), 1e-7).And.BeApproximately(0.1192, 5e-5);
        point.Rate.Should().BeApproximately(0.2455, 5e-5);
        ib.InformationXT.Should().BeApproximately(0.6059, 5e-5);
        ib.InformationTY.Should().BeApproximately(0.2951, 5e-5);
        MutualInformation.Of(joint).Should().BeApproximately(0.4395, 5e-5);
    }
}
