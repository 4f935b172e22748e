namespace InfoTheory.Tests;

/// <summary>
/// The core package's README (src/InfoTheory/PACKAGE.md, shipped as the package's README.md) example, run as written:
/// the region is that block line for line (<see cref="ReadmeSnippetsTests"/> compares them), and the assertions check
/// the values its comments quote.
/// </summary>
public class PackageReadmeExamplesTests
{
    [Fact]
    public void PackageCore_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: PackageCore
        double[] p = [0.1, 0.6, 0.3];
        double[] q = [0.2, 0.3, 0.5];

        double h  = Entropy.Shannon(p);                                // 0.8979 nats
        double kl = Divergence.KullbackLeibler(p, q, LogBase.Bits);    // 0.2789 bits

        int[] x = [1, 1, 2, 2, 3, 3];
        string[] y = ["a", "a", "b", "b", "b", "a"];
        double mi = MutualInformation.FromSamples(x, y);               // 0.4621 nats
        #endregion

        // By hand: H = −Σ pᵢ ln pᵢ; KL in bits = scipy.stats.entropy(p, q, base=2) = 0.1933259 / ln 2.
        h.Should().BeApproximately(-((0.1 * Math.Log(0.1)) + (0.6 * Math.Log(0.6)) + (0.3 * Math.Log(0.3))), 1e-15);
        h.Should().BeApproximately(0.8979, 5e-5);
        kl.Should().BeApproximately(((0.1 * Math.Log(0.5)) + (0.6 * Math.Log(2.0)) + (0.3 * Math.Log(0.6))) / Math.Log(2), 1e-15);
        kl.Should().BeApproximately(0.2789, 5e-5);
        // scikit-learn mutual_info_score([1,1,2,2,3,3], ["a","a","b","b","b","a"]) = 0.46209812.
        mi.Should().BeApproximately(0.46209812, 1e-8);
    }
}
