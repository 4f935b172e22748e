using CsCheck;

namespace InfoTheory.Tests;

public class EntropyTests
{
    private const double Ln2 = 0.69314718055994530942;

    [Fact]
    public void Shannon_ScipyTestVector_MatchesPublishedValue()
    {
        // scipy stats/tests/test_entropy.py: entropy([0, 1, 2]) after scipy's own normalisation.
        double[] p = Distribution.Normalize([0.0, 1.0, 2.0]);

        Entropy.Shannon(p).Should().BeApproximately(0.63651416829481278, 1e-15);
    }

    [Fact]
    public void Shannon_InBits_MatchesScipyDocstring()
    {
        // scipy.stats.entropy docstring: a biased coin [0.9, 0.1] in base 2.
        Entropy.Shannon([0.9, 0.1], LogBase.Bits).Should().BeApproximately(0.46899559358928117, 1e-15);
    }

    [Fact]
    public void Shannon_Uniform_IsLogOfLength()
    {
        // H(uniform over n) = ln n (Cover & Thomas, Theorem 2.6.4): checked for a length that is no multiple of a SIMD width.
        var p = Enumerable.Repeat(1.0 / 1031, 1031).ToArray();

        Entropy.Shannon(p).Should().BeApproximately(Math.Log(1031), 1e-13);
        Entropy.Shannon(p).Should().BeLessThanOrEqualTo(Math.Log(1031));
    }

    [Fact]
    public void Shannon_PointMass_IsExactlyZero()
    {
        Entropy.Shannon([0.0, 1.0, 0.0]).Should().Be(0.0);
    }

    [Fact]
    public void Shannon_SubnormalEntries_AreCountedNotDropped()
    {
        // The term -ε ln ε of ε = 5e-324 is 3.7e-321: tiny, but a correct log must not turn it into NaN or infinity.
        double h = Entropy.Shannon([double.Epsilon, 1.0]);

        h.Should().Be(-double.Epsilon * Math.Log(double.Epsilon));
    }

    [Fact]
    public void Shannon_RandomVectors_IsMinusTheSumOfPLogP()
    {
        // The result is clamped into [0, ln n], so a range check could not fail; the definition, summed naively, can.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double naive = -p.Where(x => x > 0).Sum(x => x * Math.Log(x));

            Entropy.Shannon(p).Should().BeApproximately(naive, 1e-13 * (1 + naive));
        }, iter: 1000);
    }

    [Fact]
    public void Shannon_UnitConversions_AreConsistent()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double[] p = ProbabilityVectorSamples.Vector(rng, rng.Next(1, 70));
            double nats = Entropy.Shannon(p);

            Entropy.Shannon(p, LogBase.Bits).Should().BeApproximately(nats / Ln2, 1e-14 * (1 + nats));
            Entropy.Shannon(p, LogBase.Hartleys).Should().BeApproximately(nats / Math.Log(10), 1e-14 * (1 + nats));
        }, iter: 1000);
    }

    [Fact]
    public void Cross_InBits_MatchesScipyDocstring()
    {
        // scipy.stats.entropy docstring: cross-entropy of [0.5, 0.5] under [0.9, 0.1], base 2.
        Entropy.Cross([0.5, 0.5], [0.9, 0.1], LogBase.Bits).Should().BeApproximately(1.736965594166206, 1e-14);
    }

    [Fact]
    public void Cross_OfDistributionWithItself_IsItsEntropy()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4];

        Entropy.Cross(p, p).Should().BeApproximately(Entropy.Shannon(p), 1e-15);
    }

    [Fact]
    public void Cross_MissingSupport_IsPositiveInfinity()
    {
        Entropy.Cross([0.5, 0.5], [1.0, 0.0]).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Cross_ZeroWhereQIsZero_IsFinite()
    {
        // 0·log 0 = 0: outcomes p never produces cost nothing, whatever q says.
        Entropy.Cross([1.0, 0.0], [0.5, 0.5]).Should().BeApproximately(Math.Log(2), 1e-15);
        Entropy.Cross([1.0, 0.0], [1.0, 0.0]).Should().Be(0.0);
    }

    [Fact]
    public void Cross_IsEntropyPlusKullbackLeibler()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.05);
            double cross = Entropy.Cross(p, q);
            double kl = Divergence.KullbackLeibler(p, q);

            if (double.IsPositiveInfinity(kl))
            {
                cross.Should().Be(double.PositiveInfinity);
            }
            else
            {
                cross.Should().BeApproximately(Entropy.Shannon(p) + kl, 1e-12 * (1 + cross));
            }
        }, iter: 1000);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 0.69314718055994530942)] // ln 2
    [InlineData(0.25, 1.3862943611198906188)] // ln 4
    [InlineData(1e-300, 690.77552789821370521)] // 300 ln 10
    public void SelfInformation_IsMinusLogProbability(double value, double expected)
    {
        Entropy.SelfInformation(value).Should().BeApproximately(expected, 1e-13);
    }

    [Fact]
    public void SelfInformation_CertainEvent_IsPositiveZero()
    {
        double.IsPositive(Entropy.SelfInformation(1.0)).Should().BeTrue();
    }

    [Fact]
    public void SelfInformation_InBits_OfFairCoin_IsOneBit()
    {
        Entropy.SelfInformation(0.5, LogBase.Bits).Should().Be(1.0);
    }

    [Fact]
    public void SelfInformation_ImpossibleEvent_IsPositiveInfinity()
    {
        Entropy.SelfInformation(0.0).Should().Be(double.PositiveInfinity);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SelfInformation_ProbabilityOutsideUnitInterval_Throws(double value)
    {
        var act = () => Entropy.SelfInformation(value);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("probability");
    }

    [Fact]
    public void Shannon_NegativeEntry_NamesIndex()
    {
        var act = () => Entropy.Shannon([0.5, 0.7, -0.2]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[2] is -0.2*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Shannon_NonFiniteEntry_Throws(double bad)
    {
        var act = () => Entropy.Shannon([0.5, bad, 0.5]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[1] is *; probabilities must be finite.*");
    }

    [Fact]
    public void Shannon_WrongSum_ReportsTheSum()
    {
        var act = () => Entropy.Shannon([0.5, 0.6]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 1.1*");
    }

    [Fact]
    public void Shannon_Empty_Throws()
    {
        var act = () => Entropy.Shannon([]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p is empty*");
    }

    [Fact]
    public void Shannon_UndefinedUnit_Throws()
    {
        var act = () => Entropy.Shannon([1.0], (LogBase)3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    [Fact]
    public void Cross_LengthMismatch_Throws()
    {
        var act = () => Entropy.Cross([0.5, 0.5], [1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("p has length 2 but q has length 1*");
    }

    [Fact]
    public void Cross_InvalidQ_NamesQ()
    {
        var act = () => Entropy.Cross([0.5, 0.5], [1.5, -0.5]);

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q[1] is -0.5*");
    }

    [Fact]
    public void Cross_InvalidP_NamesP()
    {
        var act = () => Entropy.Cross([0.5, 0.4], [0.5, 0.5]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 0.9*");
    }

    [Fact]
    public void Cross_Empty_Throws()
    {
        var act = () => Entropy.Cross([], []);

        act.Should().Throw<ArgumentException>().WithParameterName("p");
    }

    [Fact]
    public void SpanPaths_AllocateNothing()
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(1), 1031);
        double[] q = ProbabilityVectorSamples.Vector(new Random(2), 1031, zeroFraction: 0);
        Entropy.Shannon(p);
        Entropy.Cross(p, q);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Entropy.Shannon(p);
        Entropy.Cross(p, q);
        Entropy.SelfInformation(0.3);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void FloatOverloads_EqualTheDoubleOverloadsOnTheSameValues(int length)
    {
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);

        Entropy.Shannon(p, LogBase.Bits).Should().Be(Entropy.Shannon(pd, LogBase.Bits));
        Entropy.Cross(p, q).Should().Be(Entropy.Cross(pd, qd));
    }

    [Fact]
    public void Shannon_FloatSoftmax_IsAcceptedAndComputedInDouble()
    {
        // 0.1f + 0.6f + 0.3f = 1 + 3.7e-8 in double: the float rule (4·2⁻²³) accepts it; −Σ pᵢ ln pᵢ of the widened values, plainly.
        float[] p = [0.1f, 0.6f, 0.3f];
        double expected = -p.Sum(v => (double)v * Math.Log(v));

        Entropy.Shannon(p).Should().BeApproximately(expected, 1e-15);
        Entropy.Cross(p, p).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void FloatOverloads_BadInput_ThrowsNamingTheParameter()
    {
        // Float arrays: an untyped collection expression such as [1f] means doubles (the double overloads take precedence).
        float[] negative = [0.5f, -0.1f, 0.6f], one = [1f], tooLittle = [0.9f];
        FluentActions.Invoking(() => Entropy.Shannon(negative)).Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[1] is -0.1*");
        FluentActions.Invoking(() => Entropy.Cross(one, tooLittle)).Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q sums to 0.89999997*within 4.76837158203125E-07*");
        FluentActions.Invoking(() => Entropy.Shannon(ReadOnlySpan<float>.Empty)).Should().Throw<ArgumentException>().WithParameterName("p");
    }
}
