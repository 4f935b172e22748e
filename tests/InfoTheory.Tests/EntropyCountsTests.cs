using CsCheck;

namespace InfoTheory.Tests;

public class EntropyCountsTests
{
    // The R package `entropy` (Hausser & Strimmer), man pages and source: entropy.plugin,
    // entropy.MillerMadow, entropy.ChaoShen, entropy.shrink on these counts.
    private static readonly long[] RCounts = [4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1];

    [Theory]
    [InlineData(EntropyEstimator.PlugIn, 1.9683824087283812)]
    [InlineData(EntropyEstimator.MillerMadow, 2.152592935044171)]
    [InlineData(EntropyEstimator.ChaoShen, 2.201137101279585)]
    [InlineData(EntropyEstimator.JamesSteinShrinkage, 2.379602895309956)]
    public void FromCounts_REntropyPackageExample_MatchesPublishedValue(EntropyEstimator estimator, double expected)
    {
        Entropy.FromCounts(RCounts, estimator).Should().BeApproximately(expected, 1e-13);
    }

    [Fact]
    public void FromCounts_Nsb_MatchesREntropyPackageAndAnIndependentIntegration()
    {
        // R package entropy: entropy.NSB gives 2.187774 (to 1e-6). The second value integrates the same posterior in
        // python3 (trapezoid over log β with step 0.01, digamma/trigamma from their series, Γ ratios as exact products).
        double h = Entropy.FromCounts(RCounts, EntropyEstimator.Nsb);

        h.Should().BeApproximately(2.187774, 1e-6);
        h.Should().BeApproximately(2.187774463047094, 1e-9);
    }

    [Theory]
    [InlineData(new long[] { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 }, 2.036057628074808)]
    [InlineData(new long[] { 50, 0, 0 }, 0.01825731257131731)]
    [InlineData(new long[] { 10, 20, 30, 40 }, 1.2849404579765302)]
    [InlineData(new long[] { 100, 1 }, 0.06478085500823863)]
    public void FromCounts_Nsb_MatchesAnIndependentIntegration(long[] counts, double expected)
    {
        // Expected: the same posterior integrated in python3 (trapezoid over log β in [−40, 22], step 0.01), covering all
        // singletons, a single occupied bin, and a well-sampled case.
        Entropy.FromCounts(counts, EntropyEstimator.Nsb).Should().BeApproximately(expected, 1e-8);
    }

    [Theory]
    [InlineData(new long[] { 1, 1, 1L << 58 }, 2.9265557395968775e-16)]
    [InlineData(new long[] { 1, 1000000 }, 0.000015995139260710084)]
    [InlineData(new long[] { 7, 0, 1000000 }, 0.000091403587816762571)]
    [InlineData(new long[] { 1L << 60, 1L << 60 }, 0.6931471805599453)]
    [InlineData(new long[] { 1, 1L << 62 }, 9.8379296535733216e-18)]
    [InlineData(new long[] { 3, 1L << 40, 5L << 39 }, 0.59826958860770235)]
    [InlineData(new long[] { 7, 0, (1L << 53) + 1 }, 2.7971430249520840e-14)]
    public void FromCounts_NsbOnHugeTotals_MatchesHighPrecisionIntegration(long[] counts, double expected)
    {
        // Expected: the NSB posterior mean integrated independently in python3 with mpmath at 50 digits (log-gammas and
        // digammas of the exact integer counts, trapezoid of 400-1200 points over log β where the weight is within e⁻⁶⁰
        // of its peak; both grids agree to 20 digits). Before, [1, 1, 2⁵⁸] gave 0 and [2⁶⁰, 2⁶⁰] an IndexOutOfRangeException;
        // [1, 10⁶] is a moderate total where the coarser grid was off by 4e-8 relative.
        Entropy.FromCounts(counts, EntropyEstimator.Nsb).Should().BeApproximately(expected, 1e-9 * expected);
    }

    [Fact]
    public void FromCounts_NsbOnManyObservations_ApproachesPlugIn()
    {
        // With 10^6 observations over 4 categories every estimator's bias is ~1e-6, so NSB and Miller–Madow agree closely.
        long[] counts = [100_000, 200_000, 300_000, 400_000];
        double n = 1_000_000, plugIn = Entropy.FromCounts(counts);

        Entropy.FromCounts(counts, EntropyEstimator.Nsb).Should().BeApproximately(plugIn + (3 / (2 * n)), 1e-6);
    }

    [Fact]
    public void ShrinkageIntensity_REntropyPackageExample_MatchesPublishedLambda()
    {
        // R package entropy: freqs.shrink reports lambda.freqs = 0.766393442622951 for these counts.
        Entropy.ShrinkageIntensity(RCounts).Should().BeApproximately(0.766393442622951, 1e-14);
    }

    [Fact]
    public void FromCounts_MillerMadow_AddsHalfOfObservedCategoriesMinusOneOverN()
    {
        // Miller (1955): 8 non-zero categories, n = 19, so the correction is 7/38.
        double gap = Entropy.FromCounts(RCounts, EntropyEstimator.MillerMadow) - Entropy.FromCounts(RCounts);

        gap.Should().BeApproximately(7.0 / 38, 1e-15);
    }

    [Fact]
    public void FromCounts_AllSingletons_ChaoShenStaysFinite()
    {
        // Every count 1 makes the coverage 1 − f1/n zero; Chao & Shen (2003) then use f1 = n − 1. By hand with n = 3:
        // C = 1/3, p = 1/9, each term −p ln p / (1 − (8/9)³) and three equal terms.
        double p = 1.0 / 9, expected = -3 * p * Math.Log(p) / (1 - Math.Pow(8.0 / 9, 3));

        Entropy.FromCounts([1, 1, 1], EntropyEstimator.ChaoShen).Should().BeApproximately(expected, 1e-14);
    }

    [Theory]
    [InlineData(EntropyEstimator.PlugIn)]
    [InlineData(EntropyEstimator.MillerMadow)]
    [InlineData(EntropyEstimator.ChaoShen)]
    [InlineData(EntropyEstimator.JamesSteinShrinkage)]
    public void FromCounts_SingleObservation_IsZero(EntropyEstimator estimator)
    {
        // One observation of one category: every estimator reports no uncertainty (James–Stein shrinks fully to the 1-category target).
        Entropy.FromCounts([1], estimator).Should().Be(0);
    }

    [Fact]
    public void FromCounts_UniformCounts_JamesSteinEqualsPlugIn()
    {
        // The frequencies already equal the uniform target, so λ = 1 and the estimate is log K either way.
        Entropy.ShrinkageIntensity([5, 5, 5, 5]).Should().Be(1);
        Entropy.FromCounts([5, 5, 5, 5], EntropyEstimator.JamesSteinShrinkage).Should().BeApproximately(Math.Log(4), 1e-15);
    }

    [Fact]
    public void FromCounts_InBits_IsNatsOverLn2()
    {
        Entropy.FromCounts(RCounts, EntropyEstimator.ChaoShen, LogBase.Bits)
            .Should().BeApproximately(2.201137101279585 / Math.Log(2), 1e-13);
    }

    [Fact]
    public void FromSamples_ScipyExample_MatchesShannonOfFrequencies()
    {
        // scipy stats/tests/test_entropy.py in label form: counts [0, 1, 2] are the labels {1, 2, 2}; scipy gives 0.63651416829481278.
        Entropy.FromSamples<int>([2, 1, 2]).Should().BeApproximately(0.63651416829481278, 1e-15);
    }

    [Fact]
    public void FromSamples_StringLabels_CountLikeIntegers()
    {
        string[] labels = ["a", "b", "a", "c", "a", "b"];
        int[] codes = [0, 1, 0, 2, 0, 1];

        Entropy.FromSamples<string>(labels, EntropyEstimator.ChaoShen)
            .Should().BeApproximately(Entropy.FromSamples<int>(codes, EntropyEstimator.ChaoShen), 1e-15);
    }

    [Fact]
    public void FromSamples_StringLabels_SameBitsAsTheirCodes()
    {
        // String labels are counted in the pass that hashes them (on every core above 2^18 labels); the counts, in
        // first-appearance order, and so every bit of each estimate, must be those of the labels' codes.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = seed % 8 == 0 ? (1 << 18) + rng.Next(1000) : rng.Next(1, 3000);
            string[] labels = [.. DiscreteSamples.Labels(rng, n, rng.Next(1, rng.Next(2) == 0 ? 20 : 2000)).Select(v => $"s{v}")];
            int[] codes = Labels.Encode<string>(labels);

            foreach (EntropyEstimator estimator in Enum.GetValues<EntropyEstimator>())
            {
                Entropy.FromSamples<string>(labels, estimator).Should().Be(Entropy.FromSamples<int>(codes, estimator), $"{estimator}");
            }
        }, iter: 24);
    }

    [Fact]
    public void FromSamples_EveryEstimatorOverRandomLabels_EqualsFromCountsOfTheObservedCategories()
    {
        // Oracle: counts gathered with a Dictionary. Label ranges cover the dense path (small range), the hashed path
        // (range past the dense limit) and negative labels.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 200);
            int spread = rng.Next(3) switch { 0 => 1, 1 => 1000, _ => 100_000_000 };
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = (rng.Next(-3, 8) * spread) + (spread > 1 ? 1 : 0);
            }

            var counts = new Dictionary<int, long>();
            foreach (int label in labels)
            {
                counts[label] = counts.GetValueOrDefault(label) + 1;
            }

            long[] observed = [.. counts.Values];
            foreach (EntropyEstimator estimator in Enum.GetValues<EntropyEstimator>())
            {
                Entropy.FromSamples<int>(labels, estimator)
                    .Should().BeApproximately(Entropy.FromCounts(observed, estimator), 1e-12);
            }
        }, iter: 1000);
    }

    [Fact]
    public void FromCounts_RandomCounts_EstimatorsAreOrderedAndBounded()
    {
        // Invariants: 0 ≤ plug-in ≤ log m (m observed categories); Miller–Madow adds (m − 1)/(2n) ≥ 0; James–Stein is the
        // entropy of a distribution over all K categories, so it lies in [0, log K], and so does NSB, a posterior mean of such
        // entropies; Chao–Shen is a sum of non-negative terms.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            var counts = new long[rng.Next(1, 20)];
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] = rng.NextDouble() < 0.3 ? 0 : rng.Next(1, 50);
            }

            counts[rng.Next(counts.Length)] += 1;
            int m = counts.Count(c => c > 0);
            double plugIn = Entropy.FromCounts(counts);
            plugIn.Should().BeInRange(0, Math.Log(m) + 1e-12);
            Entropy.FromCounts(counts, EntropyEstimator.MillerMadow).Should().BeGreaterThanOrEqualTo(plugIn);
            Entropy.FromCounts(counts, EntropyEstimator.JamesSteinShrinkage).Should().BeInRange(0, Math.Log(counts.Length) + 1e-12);
            Entropy.FromCounts(counts, EntropyEstimator.ChaoShen).Should().BeGreaterThanOrEqualTo(0);
            Entropy.FromCounts(counts, EntropyEstimator.Nsb).Should().BeInRange(0, Math.Log(counts.Length) + 1e-9);

            // Hausser and Strimmer (2009): the shrinkage estimate is the plug-in entropy of λ/K + (1 − λ) n_k/n.
            double lambda = Entropy.ShrinkageIntensity(counts);
            double n = counts.Sum();
            double[] shrunk = [.. counts.Select(c => (lambda / counts.Length) + ((1 - lambda) * c / n))];
            Entropy.FromCounts(counts, EntropyEstimator.JamesSteinShrinkage).Should().BeApproximately(Entropy.Shannon(shrunk), 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void FromCounts_Empty_Throws()
    {
        var act = () => Entropy.FromCounts([]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts");
    }

    [Fact]
    public void FromCounts_NegativeCount_NamesIndex()
    {
        var act = () => Entropy.FromCounts([3, -1, 2]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("counts[1] is -1; counts must be >= 0.*");
    }

    [Fact]
    public void FromCounts_ZeroTotal_Throws()
    {
        var act = () => Entropy.FromCounts([0, 0]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("counts sums to 0*");
    }

    [Fact]
    public void FromCounts_TotalPastLongMaxValue_Throws()
    {
        var act = () => Entropy.FromCounts([long.MaxValue, 1]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts");
    }

    [Fact]
    public void FromCounts_UndefinedEstimator_Throws()
    {
        var act = () => Entropy.FromCounts([1, 2], (EntropyEstimator)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("estimator");
    }

    [Fact]
    public void FromCounts_UndefinedUnit_Throws()
    {
        var act = () => Entropy.FromCounts([1, 2], EntropyEstimator.PlugIn, (LogBase)9);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    [Fact]
    public void ShrinkageIntensity_NegativeCount_Throws()
    {
        var act = () => Entropy.ShrinkageIntensity([-2]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts");
    }

    [Fact]
    public void FromSamples_Empty_Throws()
    {
        var act = () => Entropy.FromSamples<int>([]);

        act.Should().Throw<ArgumentException>().WithParameterName("samples");
    }

    [Fact]
    public void FromSamples_NullLabel_NamesIndex()
    {
        string[] labels = ["a", null!, "b"];
        var act = () => Entropy.FromSamples<string>(labels);

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("samples[1] is null*");
    }

    [Fact]
    public void FromSamples_UndefinedEstimator_Throws()
    {
        var act = () => Entropy.FromSamples<int>([1, 2], (EntropyEstimator)(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("estimator");
    }
    [Fact]
    public void FromSamples_List_InfersTheLabelType()
    {
        // Three equally frequent labels: ln 3.
        List<string> labels = ["a", "b", "c", "a", "b", "c"];

        Entropy.FromSamples(labels).Should().BeApproximately(1.0986122886681096, 1e-15);
        Entropy.FromSamples(labels, EntropyEstimator.MillerMadow).Should().BeApproximately(1.0986122886681096 + (2.0 / 12), 1e-15);
    }

    [Fact]
    public void FromSamples_DistinctDoubles_ThrowsUnlessEncoded()
    {
        double[] values = [.. Enumerable.Range(0, 50).Select(i => Math.Sqrt(i))];

        FluentActions.Invoking(() => Entropy.FromSamples(values)).Should().Throw<ArgumentException>().WithParameterName("samples")
            .WithMessage("samples holds 50 Double labels of which 50 are distinct*Labels.Encode(samples)*");
        Entropy.FromSamples(Labels.Encode(values)).Should().BeApproximately(Math.Log(50), 1e-15);
    }
}
