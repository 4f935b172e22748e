using InfoTheory.Binning;
using InfoTheory.Sampled;

namespace InfoTheory.Tests.Binning;

/// <summary>The README's "From your data" binning example, run as written; the assertions check the values its comments quote.</summary>
public class ReadmeBinningExampleTests
{
    [Fact]
    public void FromYourDataBinning_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: FromYourDataBinning
        // A model input as it was in training (the reference) and as it is in production (shifted, wider).
        double[] training = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];
        double[] production = [.. Enumerable.Range(0, 800).Select(i => (i * 1.1) + 30)];

        // Ten quantile bins of the reference; production values outside its range go to the end bins.
        var bins = Histogram.Fit(training, BinningRule.Quantile(10), OutOfRangePolicy.Clamp);
        long[] counts = bins.Count(production);                    // 64, 91, 91, 90, 91, 91, 91, 91, 91, 9

        // The population stability index over the same bins; above 0.25 is usually read as a major shift.
        DriftReport drift = Drift.PopulationStabilityIndex(training, production);
        double psi = drift.Value;                                  // 0.2122 nats (numpy: 0.21223650547559228)
        double kl = drift.KullbackLeibler;                         // 0.0734 nats, KL(production‖training)

        // Counts go into the measures as they are: the entropy of the binned production column.
        double h = Entropy.FromCounts(counts);                     // 2.2292 nats (scipy.stats.entropy(counts))

        // numpy's rules give numpy's edges to the last bit: np.histogram_bin_edges(training, "fd").
        double[] edges = Histogram.Fit(training, BinningRule.FreedmanDiaconis).Edges.ToArray();   // 0, 99.9, …, 999
        #endregion

        counts.Should().Equal(64L, 91L, 91L, 90L, 91L, 91L, 91L, 91L, 91L, 9L);
        psi.Should().BeApproximately(0.21223650547559228, 1e-15);
        kl.Should().BeApproximately(0.07340325846612121, 1e-15);
        h.Should().BeApproximately(2.2291818345279246, 1e-15);
        edges.Should().HaveCount(11).And.StartWith([0.0, 99.9, 199.8]).And.EndWith(999.0);
    }
}
