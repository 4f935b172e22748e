using MathNet.Numerics.Statistics;

namespace InfoTheory.Tests.Accumulators;

/// <summary>The README's accumulators example, run as written; the assertions check the values its comments quote against one pass over all the data.</summary>
public class ReadmeAccumulatorsExampleTests
{
    [Fact]
    public void Accumulators_RunsAsWritten_AndEqualsOnePassOverAllTheData()
    {
        #region snippet: Accumulators
        // Three partitions of (city, x, y, temperature, sales) rows, each counted where it lives.
        string[][] city = [["Oslo", "Rome", "Oslo"], ["Rome", "Lima"], ["Oslo", "Lima", "Lima", "Oslo"]];
        int[][] x = [[0, 1, 0], [1, 2], [0, 2, 2, 0]], y = [[1, 0, 1], [0, 1], [1, 1, 1, 0]];
        double[][] temperature = [[12, 25, 9], [28, 19], [7, 21, 23, 11]], sales = [[30, 70, 26], [80, 52], [20, 60, 66, 29]];
        using var wire = new MemoryStream(); // what the partitions send: one block per accumulator
        for (int p = 0; p < 3; p++)
        {
            var labels = new LabelCounts<string>();
            labels.Add(city[p]);
            var pairs = new ContingencyTable();
            pairs.Add(x[p], y[p]);
            var moments = new StreamingMoments(2);
            moments.Add(temperature[p], sales[p]);
            labels.WriteTo(wire);
            pairs.WriteTo(wire);
            moments.WriteTo(wire);
        }

        // The reducer reads the blocks back and merges them; any order gives the same bits.
        wire.Position = 0;
        var allLabels = new LabelCounts<string>();
        var allPairs = new ContingencyTable();
        var allMoments = new StreamingMoments(2);
        for (int p = 0; p < 3; p++)
        {
            allLabels.Merge(LabelCounts<string>.ReadFrom(wire));
            allPairs.Merge(ContingencyTable.ReadFrom(wire));
            allMoments.Merge(StreamingMoments.ReadFrom(wire));
        }

        double h = allLabels.Entropy(unit: LogBase.Bits);               // 1.5305 bits: Oslo 4, Lima 3, Rome 2 of 9
        double mi = MutualInformation.Of(allPairs.ToJointDistribution()); // 0.3866 nats, as over all 9 pairs at once
        double gmi = allMoments.GaussianMutualInformation([0], [1]);       // 2.6449 nats = −½ ln(1 − ρ²), ρ = 0.9975
        #endregion

        string[] allCities = [.. city.SelectMany(c => c)];
        int[] allX = [.. x.SelectMany(v => v)], allY = [.. y.SelectMany(v => v)];
        double[] allT = [.. temperature.SelectMany(v => v)], allS = [.. sales.SelectMany(v => v)];
        double rho = Correlation.Pearson(allT, allS);

        h.Should().BeApproximately(-((4.0 / 9 * Math.Log2(4.0 / 9)) + (3.0 / 9 * Math.Log2(3.0 / 9)) + (2.0 / 9 * Math.Log2(2.0 / 9))), 1e-12);
        h.Should().BeApproximately(1.5305, 5e-5);
        mi.Should().BeApproximately(MutualInformation.FromSamples<int, int>(allX, allY), 1e-12);
        mi.Should().BeApproximately(0.3866, 5e-5);
        gmi.Should().BeApproximately(-0.5 * Math.Log(1 - (rho * rho)), 1e-10);
        gmi.Should().BeApproximately(2.6449, 5e-5);
        rho.Should().BeApproximately(0.9975, 5e-5);
    }
}
