using InfoTheory.Continuous;

namespace InfoTheory.Tests;

/// <summary>
/// The README's quick start, run as written: the region below is the README's block line for line
/// (<see cref="ReadmeSnippetsTests"/> compares them), and the assertions check the values its comments quote.
/// </summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void QuickStart_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: QuickStart
        double[] p = [0.1, 0.6, 0.3];
        double[] q = [0.2, 0.3, 0.5];

        double h   = Entropy.Shannon(p);                               // 0.8979 nats
        double hb  = Entropy.Shannon(p, LogBase.Bits);                 // 1.2955 bits
        double kl  = Divergence.KullbackLeibler(p, q);                 // 0.1933 nats (scipy: 0.1933259)
        double jsd = Divergence.JensenShannon(p, q, LogBase.Bits);     // in [0, 1] with base-2 logs
        double[] w = Distribution.Normalize([1.0, 2.0, 3.0]);          // normalising is always explicit

        // Mutual information of two label sequences, of any equatable type.
        int[] x = [1, 1, 2, 2, 3, 3];
        string[] y = ["a", "a", "b", "b", "b", "a"];
        double mi  = MutualInformation.FromSamples(x, y);              // 0.4621 nats; types inferred, also from List<T>
        double nmi = MutualInformation.Normalized(x, y, MutualInformationNormalization.Arithmetic);

        // A joint distribution: marginals, joint and conditional entropy.
        var joint = JointDistribution.FromProbabilities(new[,] { { 0.2, 0.1, 0.15 }, { 0.1, 0.2, 0.25 } });
        double hxy = Entropy.Joint(joint);
        double hXgivenY = Entropy.Conditional(joint);                  // H(X|Y), X the rows
        double ixy = MutualInformation.Of(joint);                      // 0.0416 nats (R entropy: mi.plugin)

        // Entropy estimators from counts (Miller–Madow, Chao–Shen, James–Stein shrinkage).
        double hjs = Entropy.FromCounts([4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1], EntropyEstimator.JamesSteinShrinkage);

        // Continuous: analytic and Monte Carlo KL, with the log-ratio clipped to ±20.
        var n1 = Gaussian.Diagonal([1.0], [0.25]);
        var n2 = Gaussian.Diagonal([1.1], [0.09]);
        double exact = Gaussian.KullbackLeibler(n1, n2);               // 0.4336 nats
        Estimate mc = MonteCarlo.KullbackLeibler(n1, n2, samples: 100_000, seed: 42,
                                                 MonteCarloOptions.Clipped(20));
        Console.WriteLine($"{exact:F4} vs {mc}");                      // value ± standard error (n, clipped %)

        // KL penalty from token log-probabilities of samples drawn from P (the policy), as RL fine-tuning computes it:
        // Schulman's k3 with log r clamped to ±20 and the term to [−10, 10], padding masked out.
        float[] logPolicy    = [-1.20f, -0.70f, -2.10f, 0f];
        float[] logReference = [-1.25f, -0.60f, -2.00f, 0f];
        bool[] mask = [true, true, true, false];
        var k3 = MonteCarloOptions.Clipped(20, MonteCarloEstimator.K3) with { TermMin = -10, TermMax = 10 };
        Estimate penalty = MonteCarlo.KullbackLeibler(logPolicy, logReference, mask, k3);   // KL(policy‖reference) over 3 tokens
        #endregion

        // −(0.1 ln 0.1 + 0.6 ln 0.6 + 0.3 ln 0.3), by hand; KL from scipy stats/tests/test_entropy.py.
        h.Should().BeApproximately(0.89794572, 1e-8);
        hb.Should().BeApproximately(0.89794572 / Math.Log(2), 1e-8);
        kl.Should().BeApproximately(0.1933259, 1e-7);

        // ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q)/2 = (0.15, 0.45, 0.4), in bits, by hand.
        jsd.Should().BeApproximately(0.06724889839732032, 1e-15);
        w.Should().Equal(1.0 / 6, 2.0 / 6, 3.0 / 6);

        // x determines y except in the third class: I = H(Y) − H(Y|X) = ln 2 − (1/3) ln 2; the arithmetic
        // normalisation (scikit-learn's normalized_mutual_info_score default) is 2I / (H(X) + H(Y)) = 2I / (ln 3 + ln 2).
        mi.Should().BeApproximately(2.0 / 3 * Math.Log(2), 1e-12);
        nmi.Should().BeApproximately(4.0 / 3 * Math.Log(2) / (Math.Log(3) + Math.Log(2)), 1e-12);

        hxy.Should().BeApproximately(hXgivenY + Entropy.Shannon([0.3, 0.3, 0.4]), 1e-12);
        ixy.Should().BeApproximately(0.041605017473507776, 1e-12); // R package entropy, mi.plugin
        hjs.Should().BeApproximately(2.379602895309956, 1e-12);    // R package entropy, entropy.shrink

        exact.Should().BeApproximately(0.4336188206784539, 1e-12); // TF Probability's Gaussian KL Monte Carlo test
        mc.Value.Should().BeApproximately(exact, 4 * mc.StandardError);
        mc.ToString().Should().Contain("n = 100000");

        // k3 = (r − 1) − log r with log r = logReference − logPolicy, averaged over the three unmasked tokens.
        double expected = Enumerable.Range(0, 3)
            .Select(i => (double)logReference[i] - logPolicy[i])
            .Average(lr => Math.Exp(lr) - 1 - lr);
        penalty.Value.Should().BeApproximately(expected, 1e-15);
        penalty.SampleCount.Should().Be(3);
        penalty.ClippedFraction.Should().Be(0);
    }
    [Fact]
    public void FromYourDataModelOutputs_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: FromYourDataModelOutputs
        // A classifier's softmax outputs in float sum to 1 only within float rounding (here 1 − 7e-9, 1 + 3e-8); the float overloads
        // accept that (4·2⁻²³·max(1, √n)) and compute in double.
        float[] p = [0.70f, 0.20f, 0.10f];
        float[] q = [0.60f, 0.25f, 0.15f];
        double kl = Divergence.KullbackLeibler(p, q);                  // 0.02273 nats

        // Logits straight from two models, a batch of 2 rows × 3 classes: KL(teacher‖student) per row at temperature 2,
        // by a stable log-softmax (no probabilities are formed, so logits 1e4 apart are fine). −∞ masks a class.
        float[] teacher = [2.0f, 0.5f, -1.0f,   1.0f, 1.0f, float.NegativeInfinity];
        float[] student = [1.5f, 0.5f, -0.5f,   0.0f, 2.0f, float.NegativeInfinity];
        double[] perRow = new double[2];
        Logits.KullbackLeiblerRows(teacher, student, classes: 3, perRow, temperature: 2.0);
        // perRow = [0.01684, 0.12011] nats, PyTorch's kl_div(log_softmax(student / 2), log_softmax(teacher / 2), log_target=True)

        // Labels must be categories: a double feature with mostly distinct values is refused (bin it, or use Knn);
        // exact values that really are categories go through Labels.Encode.
        double[] setPoints = [0.5, 0.5, 1.5, 1.5, 2.5, 2.5];
        int[] outcome = [0, 0, 1, 1, 1, 0];
        double mi = MutualInformation.FromSamples(Labels.Encode(setPoints), outcome);   // 0.4621 nats
        #endregion

        // numpy 1.24 on the widened floats: (p * np.log(p / q)).sum() = 0.022730212458870143; p.sum() = 0.9999999925494194,
        // q.sum() = 1.0000000298023224, both outside the double rule's 1e-9.
        kl.Should().BeApproximately(0.022730212458870143, 1e-15);
        FluentActions.Invoking(() => Divergence.KullbackLeibler([.. p.Select(v => (double)v)], [.. q.Select(v => (double)v)]))
            .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 0.9999999925494194*");

        // PyTorch 1.13, float64: F.kl_div(F.log_softmax(s / 2, 0), F.log_softmax(t / 2, 0), log_target=True, reduction='sum'),
        // row 1 with the masked class dropped (PyTorch gives NaN for 0·log(0/0)).
        perRow[0].Should().BeApproximately(0.016842930913899302, 1e-15);
        perRow[1].Should().BeApproximately(0.12011450695827755, 1e-15);

        // scikit-learn 1.2: mutual_info_score([0.5, 0.5, 1.5, 1.5, 2.5, 2.5], [0, 0, 1, 1, 1, 0]) = 0.4620981203732969.
        mi.Should().BeApproximately(0.4620981203732969, 1e-15);
    }
}
