using InfoTheory.Binning;
using InfoTheory.Sampled;

namespace InfoTheory.Tests.Sampled;

public class DriftTests
{
    private static readonly double[] Reference = [.. Enumerable.Range(0, 1000).Select(i => (double)i)];
    private static readonly double[] Shifted = [.. Enumerable.Range(0, 800).Select(i => (i * 1.1) + 30)];

    [Fact]
    public void PopulationStabilityIndex_ShiftedSample_MatchesNumpy()
    {
        // numpy 1.24 / scipy 1.10:
        //   ref = np.arange(1000.0); cur = np.arange(800) * 1.1 + 30
        //   edges = np.quantile(ref, np.linspace(0, 1, 11))
        //   rc, cc = (np.histogram(np.clip(s, edges[0], edges[-1]), edges)[0] for s in (ref, cur))   # cc = [64, 91, 91, 90, 91, 91, 91, 91, 91, 9]
        //   r, c = rc / rc.sum(), cc / cc.sum()
        //   np.sum((c - r) * np.log(c / r)) -> 0.21223650547559228
        //   scipy.stats.entropy(c, r) -> 0.07340325846612121; scipy.spatial.distance.jensenshannon(c, r) ** 2 -> 0.02262621729355457
        //   np.sqrt(0.5 * np.sum((np.sqrt(c) - np.sqrt(r)) ** 2)) -> 0.1561240813903335
        DriftReport psi = Drift.PopulationStabilityIndex(Reference, Shifted);

        psi.Value.Should().BeApproximately(0.21223650547559228, 1e-15);
        psi.CurrentShares.ToArray().Should().Equal([.. new[] { 64, 91, 91, 90, 91, 91, 91, 91, 91, 9 }.Select(c => c / 800.0)]);
        psi.KullbackLeibler.Should().BeApproximately(0.07340325846612121, 1e-15);
        psi.JensenShannon.Should().BeApproximately(0.02262621729355457, 1e-15);
        psi.Hellinger.Should().BeApproximately(0.1561240813903335, 1e-15);
        psi.Jeffreys.Should().BeApproximately(psi.Value, 1e-15, "without empty bins the index is the Jeffreys divergence");
    }

    [Fact]
    public void PopulationStabilityIndexFromCounts_TwoBins_IsAQuarterOfLnThree()
    {
        // (0.25 − 0.5) ln(0.25/0.5) + (0.75 − 0.5) ln(0.75/0.5) = 0.25 (ln 2 + ln 1.5) = 0.25 ln 3.
        DriftReport psi = Drift.PopulationStabilityIndexFromCounts([50, 50], [25, 75]);

        psi.Value.Should().BeApproximately(0.25 * Math.Log(3), 1e-16);
        psi.Contributions.ToArray().Should().HaveCount(2).And.SatisfyRespectively(
            a => a.Should().BeApproximately(0.25 * Math.Log(2), 1e-16),
            b => b.Should().BeApproximately(0.25 * Math.Log(1.5), 1e-16));
        Drift.PopulationStabilityIndexFromCounts([50, 50], [25, 75], LogBase.Bits).Value.Should().BeApproximately(0.25 * Math.Log2(3), 1e-16);
    }

    [Fact]
    public void PopulationStabilityIndexFromCounts_EmptyReferenceBin_UsesTheSmallShareAndKlIsInfinite()
    {
        DriftReport psi = Drift.PopulationStabilityIndexFromCounts([100, 0], [50, 50]);

        // r = (1, 1e-4) for the index: (0.5 − 1) ln 0.5 + (0.5 − 1e-4) ln(0.5 / 1e-4), by hand.
        psi.Value.Should().BeApproximately((0.5 * Math.Log(2)) + (0.4999 * Math.Log(5000)), 1e-14);
        psi.KullbackLeibler.Should().Be(double.PositiveInfinity);
        psi.Jeffreys.Should().Be(double.PositiveInfinity);

        // m = (0.75, 0.25): JSD = ½(0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25)) + ½ ln(1/0.75); Hellinger = √(1 − √0.5).
        psi.JensenShannon.Should().BeApproximately((0.5 * ((0.5 * Math.Log(0.5 / 0.75)) + (0.5 * Math.Log(2)))) + (0.5 * Math.Log(1 / 0.75)), 1e-15);
        psi.Hellinger.Should().BeApproximately(Math.Sqrt(1 - Math.Sqrt(0.5)), 1e-15);
    }

    [Fact]
    public void PopulationStabilityIndex_SameSample_IsZero()
    {
        DriftReport psi = Drift.PopulationStabilityIndex(Reference, Reference);

        psi.Value.Should().Be(0);
        psi.Hellinger.Should().Be(0);
    }

    [Fact]
    public void PopulationStabilityIndex_CurrentOutsideTheReference_IsClampedIntoTheEndBins()
    {
        DriftReport psi = Drift.PopulationStabilityIndex(Reference, [-1e9, 2e9, double.PositiveInfinity, 500.0]);

        psi.CurrentShares.ToArray().Should().Equal(0.25, 0, 0, 0, 0, 0.25, 0, 0, 0, 0.5);
    }

    [Fact]
    public void PopulationStabilityIndex_Rule_ChoosesTheBins()
    {
        DriftReport psi = Drift.PopulationStabilityIndex(Reference, Shifted, BinningRule.EqualWidth(4));

        psi.ReferenceShares.ToArray().Should().Equal(0.25, 0.25, 0.25, 0.25);
    }

    [Fact]
    public void PopulationStabilityIndex_NaNInCurrent_ThrowsNamingCurrent()
    {
        var act = () => Drift.PopulationStabilityIndex(Reference, [1.0, double.NaN]);

        act.Should().Throw<ArgumentException>().WithParameterName("current").WithMessage("current[1] is NaN*");
    }

    [Fact]
    public void PopulationStabilityIndex_EmptyCurrent_Throws()
    {
        var act = () => Drift.PopulationStabilityIndex(Reference, []);

        act.Should().Throw<ArgumentException>().WithParameterName("current");
    }

    [Fact]
    public void PopulationStabilityIndexFromCounts_BadCounts_Throw()
    {
        ((Action)(() => Drift.PopulationStabilityIndexFromCounts([1, 2], [1, 2, 3]))).Should().Throw<ArgumentException>().WithParameterName("currentCounts");
        ((Action)(() => Drift.PopulationStabilityIndexFromCounts([0, 0], [1, 2]))).Should().Throw<ArgumentException>().WithParameterName("referenceCounts");
        ((Action)(() => Drift.PopulationStabilityIndexFromCounts([1, 2], [1, -2]))).Should().Throw<ArgumentException>().WithParameterName("currentCounts");
    }

    [Fact]
    public void CategoricalPopulationStabilityIndex_UnseenCategory_GetsItsOwnBin()
    {
        CategoricalDriftReport<string> psi = Drift.CategoricalPopulationStabilityIndex(["a", "a", "b", "c"], ["a", "b", "b", "d"]);

        // Shares r = (.5, .25, .25, 0), c = (.25, .5, 0, .25); the empty shares are 1e-4 in the index. By hand:
        psi.Categories.Should().Equal("a", "b", "c", "d");
        double expected = (0.25 * Math.Log(2)) + (0.25 * Math.Log(2)) + ((1e-4 - 0.25) * Math.Log(1e-4 / 0.25)) + ((0.25 - 1e-4) * Math.Log(0.25 / 1e-4));
        psi.Value.Should().BeApproximately(expected, 1e-14);
        psi.ReferenceShares.ToArray().Should().Equal(0.5, 0.25, 0.25, 0);
        psi.KullbackLeibler.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void CategoricalPopulationStabilityIndex_Reject_ThrowsNamingTheCategory()
    {
        var act = () => Drift.CategoricalPopulationStabilityIndex(["a", "a", "b"], ["a", "b", "b", "d"], UnseenCategories.Reject);

        act.Should().Throw<ArgumentException>().WithParameterName("current").WithMessage("current[3] is the category 'd'*UnseenCategories.OwnBins*");
    }

    [Fact]
    public void CategoricalPopulationStabilityIndex_ReferenceOnlyCategories_KeepTheirBins()
    {
        CategoricalDriftReport<int> psi = Drift.CategoricalPopulationStabilityIndex([1, 2, 2, 3], [2, 2], UnseenCategories.Reject);

        psi.Categories.Should().Equal(1, 2, 3);
        psi.CurrentShares.ToArray().Should().Equal(0, 1, 0);
    }

    [Fact]
    public void CategoricalPopulationStabilityIndex_NullLabel_ThrowsNamingItsPosition()
    {
        var act = () => Drift.CategoricalPopulationStabilityIndex(["a"], ["a", null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("current").WithMessage("current[1] is null*");
    }
}
