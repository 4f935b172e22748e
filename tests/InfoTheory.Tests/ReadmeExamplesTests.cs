using InfoTheory.Continuous;

namespace InfoTheory.Tests;

/// <summary>The README's quick start, compiled and checked: if this file has to change, so does the README.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void QuickStart_DiscreteMeasures_GiveTheValuesTheReadmeQuotes()
    {
        double[] p = [0.1, 0.6, 0.3];
        double[] q = [0.2, 0.3, 0.5];

        double h = Entropy.Shannon(p);
        double hb = Entropy.Shannon(p, LogBase.Bits);
        double kl = Divergence.KullbackLeibler(p, q);
        double jsd = Divergence.JensenShannon(p, q, LogBase.Bits);
        double[] w = Distribution.Normalize([1.0, 2.0, 3.0]);

        // −(0.1 ln 0.1 + 0.6 ln 0.6 + 0.3 ln 0.3), by hand; KL from scipy stats/tests/test_entropy.py.
        h.Should().BeApproximately(0.89794572, 1e-8);
        hb.Should().BeApproximately(0.89794572 / Math.Log(2), 1e-8);
        kl.Should().BeApproximately(0.1933259, 1e-7);
        jsd.Should().BeInRange(0, 1);
        w.Should().Equal(1.0 / 6, 2.0 / 6, 3.0 / 6);
    }

    [Fact]
    public void QuickStart_LabelsAndTables_GiveTheValuesTheReadmeQuotes()
    {
        int[] x = [1, 1, 2, 2, 3, 3];
        string[] y = ["a", "a", "b", "b", "b", "a"];
        double mi = MutualInformation.FromSamples<int, string>(x, y);
        double nmi = MutualInformation.Normalized<int, string>(x, y, MutualInformationNormalization.Arithmetic);

        var joint = JointDistribution.FromProbabilities(new[,] { { 0.2, 0.1, 0.15 }, { 0.1, 0.2, 0.25 } });
        double hxy = Entropy.Joint(joint);
        double hXgivenY = Entropy.Conditional(joint);
        double ixy = MutualInformation.Of(joint);
        double hjs = Entropy.FromCounts([4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1], EntropyEstimator.JamesSteinShrinkage);

        // x determines y except in the third class: I = H(Y) − H(Y|X) = ln 2 − (1/3) ln 2.
        mi.Should().BeApproximately(2.0 / 3 * Math.Log(2), 1e-12);
        nmi.Should().BeInRange(0, 1);
        hxy.Should().BeApproximately(hXgivenY + Entropy.Shannon([0.3, 0.3, 0.4]), 1e-12);
        ixy.Should().BeApproximately(0.041605017473507776, 1e-12); // R package entropy, mi.plugin
        hjs.Should().BeApproximately(2.379602895309956, 1e-12);    // R package entropy, entropy.shrink
    }

    [Fact]
    public void QuickStart_GaussianKl_MonteCarloAgreesWithTheExactValue()
    {
        var n1 = Gaussian.Diagonal([1.0], [0.25]);
        var n2 = Gaussian.Diagonal([1.1], [0.09]);
        double exact = Gaussian.KullbackLeibler(n1, n2);
        Estimate mc = MonteCarlo.KullbackLeibler(n1, n2, samples: 100_000, seed: 42, MonteCarloOptions.Clipped(20));

        exact.Should().BeApproximately(0.4336188206784539, 1e-12); // TF Probability's Gaussian KL Monte Carlo test
        mc.Value.Should().BeApproximately(exact, 4 * mc.StandardError);
        mc.ToString().Should().Contain("n = 100000");
    }

    [Fact]
    public void QuickStart_LogProbabilityKl_IsTheMaskedMeanOfK3()
    {
        float[] logPolicy = [-1.20f, -0.70f, -2.10f, 0f];
        float[] logReference = [-1.25f, -0.60f, -2.00f, 0f];
        bool[] mask = [true, true, true, false];
        var k3 = MonteCarloOptions.Clipped(20, MonteCarloEstimator.K3) with { TermMin = -10, TermMax = 10 };
        Estimate penalty = MonteCarlo.KullbackLeibler(logPolicy, logReference, mask, k3);

        // k3 = (r − 1) − log r with log r = logReference − logPolicy, averaged over the three unmasked tokens.
        double expected = Enumerable.Range(0, 3)
            .Select(i => (double)logReference[i] - logPolicy[i])
            .Average(lr => Math.Exp(lr) - 1 - lr);
        penalty.Value.Should().BeApproximately(expected, 1e-15);
        penalty.SampleCount.Should().Be(3);
        penalty.ClippedFraction.Should().Be(0);
    }
}
