using InfoTheory.Inference;

namespace InfoTheory.Tests;

/// <summary>
/// Bias-corrected mutual information (src/InfoTheory/MutualInformation.BiasCorrected.cs): the entropy decompositions
/// against <see cref="Entropy.FromCounts"/> on counts built here, Miller–Madow by hand, the shuffle correction against
/// the permutation test, and the corrections' behaviour on independent labels.
/// </summary>
public class MutualInformationBiasCorrectedTests
{
    // Labels 0, 2, 5 (gaps in the int range) and a joint table with unobserved cells: 3 × 2 = 6 cells, 4 seen.
    private static readonly int[] X = [0, 0, 2, 5, 5, 5, 2, 0, 5, 2, 0, 5];
    private static readonly string[] Y = ["a", "a", "b", "b", "b", "a", "b", "a", "b", "b", "a", "b"];
    private static readonly int[] Z = [1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 2, 2];

    public static TheoryData<EntropyEstimator> Estimators =>
    [
        EntropyEstimator.PlugIn, EntropyEstimator.MillerMadow, EntropyEstimator.ChaoShen, EntropyEstimator.JamesSteinShrinkage, EntropyEstimator.Nsb,
    ];

    [Fact]
    public void FromSamples_MillerMadow_IsPlugInPlusTheCorrectionsByHand()
    {
        // m_x = 3, m_y = 2, m_xy = 4 observed cells, N = 12: Î + ((3 − 1) + (2 − 1) − (4 − 1))/(2·12) = Î + 0.
        // X against Z: m_z = 2, m_xz = 5 of 6 cells seen, so Î + ((3 − 1) + (2 − 1) − (5 − 1))/24 = Î − 1/24.
        double plugInXy = MutualInformation.FromSamples<int, string>(X, Y);
        double plugInXz = MutualInformation.FromSamples<int, int>(X, Z);

        MutualInformation.FromSamples<int, string>(X, Y, EntropyEstimator.MillerMadow).Should().BeApproximately(plugInXy, 1e-15);
        MutualInformation.FromSamples<int, int>(X, Z, EntropyEstimator.MillerMadow).Should().BeApproximately(plugInXz - (1.0 / 24), 1e-15);
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void FromSamples_EachEstimator_EqualsTheEntropyDecompositionOfTheCounts(EntropyEstimator estimator)
    {
        // Counts by hand: X 0, 2, 5 → 4, 3, 5; Y a, b → 5, 7; joint rows x = 0, 2, 5 over columns a, b.
        long[] cx = [4, 3, 5], cy = [5, 7], cxy = [4, 0, 0, 3, 1, 4];
        double expected = Entropy.FromCounts(cx, estimator) + Entropy.FromCounts(cy, estimator) - Entropy.FromCounts(cxy, estimator);

        MutualInformation.FromSamples<int, string>(X, Y, estimator).Should().BeApproximately(expected, 1e-12);
        MutualInformation.FromSamples(X.ToList(), Y.ToList(), estimator, LogBase.Bits).Should().BeApproximately(expected / Math.Log(2), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Conditional_EachEstimator_EqualsTheEntropyDecompositionOfTheCounts(EntropyEstimator estimator)
    {
        // Counts by hand over x ∈ {0, 2, 5}, y ∈ {a, b}, z ∈ {1, 2}, tables in row-major order of their labels.
        long[] cz = [6, 6];
        long[] cxz = [1, 3, 3, 0, 2, 3];                  // (x, z)
        long[] cyz = [1, 4, 5, 2];                        // (y, z)
        long[] cxyz = [1, 3, 0, 0, 0, 0, 3, 0, 0, 1, 2, 2]; // (x, y, z)
        double expected = Entropy.FromCounts(cxz, estimator) + Entropy.FromCounts(cyz, estimator)
            - Entropy.FromCounts(cxyz, estimator) - Entropy.FromCounts(cz, estimator);

        MutualInformation.Conditional<int, string, int>(X, Y, Z, estimator).Should().BeApproximately(expected, 1e-12);
        MutualInformation.Conditional(X.ToList(), Y.ToList(), Z.ToList(), estimator).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void FromSamples_PlugInEstimator_IsThePlugInOverloadExactly()
    {
        MutualInformation.FromSamples<int, string>(X, Y, EntropyEstimator.PlugIn, LogBase.Bits)
            .Should().Be(MutualInformation.FromSamples<int, string>(X, Y, LogBase.Bits));
        MutualInformation.Conditional<int, string, int>(X, Y, Z, EntropyEstimator.PlugIn)
            .Should().Be(MutualInformation.Conditional<int, string, int>(X, Y, Z));
    }

    [Theory]
    [InlineData(EntropyEstimator.MillerMadow)]
    [InlineData(EntropyEstimator.ChaoShen)]
    [InlineData(EntropyEstimator.JamesSteinShrinkage)]
    [InlineData(EntropyEstimator.Nsb)]
    public void FromSamples_IndependentLabels_CorrectedIsCloserToZeroThanPlugIn(EntropyEstimator estimator)
    {
        // 100 seeded pairs of 60 independent uniform labels over 4 × 4: plug-in's mean is about 9/120 nats.
        (double plugIn, double corrected) = MeansOverIndependentLabels(21, 100, (x, y, _) => MutualInformation.FromSamples<int, int>(x, y, estimator));

        Math.Abs(corrected).Should().BeLessThan(plugIn / 4);
    }

    [Fact]
    public void ShuffleCorrected_IndependentLabels_IsCloserToZeroThanPlugIn()
    {
        (double plugIn, double corrected) = MeansOverIndependentLabels(22, 50, (x, y, r) => MutualInformation.ShuffleCorrected<int, int>(x, y, 99, seed: r));

        Math.Abs(corrected).Should().BeLessThan(plugIn / 5);
    }

    [Fact]
    public void ShuffleCorrected_IsThePermutationStatisticMinusItsNullMean()
    {
        var test = Significance.MutualInformation<int, string>(X, Y, 199, seed: 4, LogBase.Bits);

        MutualInformation.ShuffleCorrected<int, string>(X, Y, 199, seed: 4, LogBase.Bits, maxDegreeOfParallelism: 1)
            .Should().Be(test.Statistic - test.NullMean);
    }

    [Fact]
    public void BiasCorrected_BadInput_ThrowsNamingTheParameter()
    {
        FluentActions.Invoking(() => MutualInformation.FromSamples<int, string>(X, Y, (EntropyEstimator)9))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("estimator");
        FluentActions.Invoking(() => MutualInformation.FromSamples<int, string>(X, Y, EntropyEstimator.Nsb, (LogBase)9))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("unit");
        FluentActions.Invoking(() => MutualInformation.FromSamples<int, int>(X, [1, 2], EntropyEstimator.MillerMadow))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("y");
        FluentActions.Invoking(() => MutualInformation.FromSamples<int, int>([], [], EntropyEstimator.MillerMadow))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("x");
        FluentActions.Invoking(() => MutualInformation.Conditional<int, string, int>(X, Y, [1], EntropyEstimator.ChaoShen))
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("z");
        FluentActions.Invoking(() => MutualInformation.FromSamples((IReadOnlyList<int>)null!, new[] { 1 }, EntropyEstimator.ChaoShen))
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("x");
        FluentActions.Invoking(() => MutualInformation.ShuffleCorrected<int, string>(X, Y, 0, 1))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("permutations");
    }

    /// <summary>The means of plug-in MI and of <paramref name="corrected"/> over seeded pairs of 60 independent uniform labels over 4 × 4.</summary>
    private static (double PlugIn, double Corrected) MeansOverIndependentLabels(int seed, int repetitions, Func<int[], int[], int, double> corrected)
    {
        var random = new Random(seed);
        double plugIn = 0, sum = 0;
        for (int r = 0; r < repetitions; r++)
        {
            int[] x = [.. Enumerable.Range(0, 60).Select(_ => random.Next(4))];
            int[] y = [.. Enumerable.Range(0, 60).Select(_ => random.Next(4))];
            plugIn += MutualInformation.FromSamples<int, int>(x, y) / repetitions;
            sum += corrected(x, y, r) / repetitions;
        }

        return (plugIn, sum);
    }
}
