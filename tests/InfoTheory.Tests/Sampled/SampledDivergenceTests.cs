using InfoTheory.Sampled;

namespace InfoTheory.Tests.Sampled;

public class SampledDivergenceTests
{
    // Histograms over {a, b, c}: first = (2, 1, 1), second = (1, 3, 0). Expected values by hand in python3.
    private static readonly string[] First = ["a", "a", "b", "c"];
    private static readonly string[] Second = ["a", "b", "b", "b"];

    [Fact]
    public void KullbackLeibler_LabelUnseenInSecond_IsInfiniteWithoutSmoothing()
    {
        SampledDivergence.KullbackLeibler(First, Second).Should().Be(double.PositiveInfinity);
        SampledDivergence.KullbackLeibler(Second, First).Should().BeApproximately(0.6506724213610959, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_Laplace_AddsOneToEveryCount()
    {
        // p = (3, 2, 2)/7, q = (2, 4, 1)/7.
        SampledDivergence.KullbackLeibler(First, Second, Smoothing.Laplace).Should().BeApproximately(0.17377076061778474, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_Jeffreys_AddsOneHalf()
    {
        SampledDivergence.KullbackLeibler(First, Second, Smoothing.Jeffreys).Should().BeApproximately(0.30073376397024276, 1e-14);
        SampledDivergence.KullbackLeibler(First, Second, Smoothing.Additive(0.5)).Should().BeApproximately(0.30073376397024276, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_Alphabet_SmoothsLabelsSeenInNeitherSample()
    {
        // Alphabet {a, b, c, d} with Laplace: p = (3, 2, 2, 1)/8, q = (2, 4, 1, 1)/8.
        SampledDivergence.KullbackLeibler(First, Second, Smoothing.Laplace, ["a", "b", "c", "d"]).Should().BeApproximately(0.15204941554056164, 1e-14);
    }

    [Fact]
    public void JensenShannon_RawHistograms_IsFiniteAndMatchesHandValue()
    {
        SampledDivergence.JensenShannon(First, Second).Should().BeApproximately(0.1732867951399863, 1e-14);
        SampledDivergence.JensenShannon(First, Second, Smoothing.Laplace).Should().BeApproximately(0.043598191295688316, 1e-14);
    }

    [Fact]
    public void JensenShannon_DisjointLabels_IsOneBit()
    {
        SampledDivergence.JensenShannon([1, 1, 2], [3, 4], unit: LogBase.Bits).Should().BeApproximately(1.0, 1e-15);
    }

    [Fact]
    public void KullbackLeibler_EmptySample_Throws()
    {
        var act = () => SampledDivergence.KullbackLeibler(First, Array.Empty<string>());

        act.Should().Throw<ArgumentException>().WithParameterName("second");
    }

    [Fact]
    public void KullbackLeibler_LabelOutsideAlphabet_Throws()
    {
        var act = () => SampledDivergence.KullbackLeibler(First, Second, Smoothing.Laplace, ["a", "b"]);

        act.Should().Throw<ArgumentException>().WithParameterName("first").WithMessage("first contains the label 'c'*");
    }

    [Fact]
    public void Additive_NegativePseudoCount_Throws()
    {
        var act = () => Smoothing.Additive(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pseudoCount");
    }

    [Theory]
    [InlineData(double.MaxValue)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(1.000001e290)]
    public void Additive_PseudoCountPastMaximum_ThrowsAtConstruction(double alpha)
    {
        // double.MaxValue was accepted; N + αK then overflowed and KL failed later with "p sums to 0".
        var act = () => Smoothing.Additive(alpha);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pseudoCount");
    }

    [Fact]
    public void Additive_MaximumPseudoCount_GivesUniformHistograms()
    {
        // α = 1e290 swamps the counts: both histograms are uniform over {a, b, c}, so both divergences are 0 to rounding.
        var smoothing = Smoothing.Additive(Smoothing.MaxPseudoCount);

        SampledDivergence.KullbackLeibler(First, Second, smoothing).Should().BeApproximately(0, 1e-15);
        SampledDivergence.JensenShannon(First, Second, smoothing).Should().BeApproximately(0, 1e-15);
    }

    [Fact]
    public void KullbackLeibler_NullLabel_NamesTheSampleAndPosition()
    {
        string[] withNull = ["a", null!, "b"];
        var first = () => SampledDivergence.KullbackLeibler(withNull, Second);
        var second = () => SampledDivergence.JensenShannon(First, withNull);
        var alphabet = () => SampledDivergence.KullbackLeibler(First, Second, Smoothing.Laplace, withNull);

        first.Should().Throw<ArgumentException>().WithParameterName("first").WithMessage("first[1] is null*");
        second.Should().Throw<ArgumentException>().WithParameterName("second").WithMessage("second[1] is null*");
        alphabet.Should().Throw<ArgumentException>().WithParameterName("alphabet").WithMessage("alphabet[1] is null*");
    }
}
