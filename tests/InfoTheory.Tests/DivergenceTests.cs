using CsCheck;

namespace InfoTheory.Tests;

public class DivergenceTests
{
    private const double Ln2 = 0.69314718055994530942;

    [Theory]
    [InlineData(new[] { 0.1, 0.6, 0.3 }, new[] { 0.2, 0.3, 0.5 }, 0.1933259)] // scipy stats/tests/test_entropy.py
    [InlineData(new[] { 0.2, 0.3, 0.5 }, new[] { 0.1, 0.6, 0.3 }, 0.18609809)] // scipy stats/tests/test_entropy.py, reversed
    public void KullbackLeibler_ScipyTestVectors_MatchPublishedValues(double[] p, double[] q, double expected)
    {
        // scipy stats/tests/test_entropy.py, quoted there to 1e-7.
        Divergence.KullbackLeibler(p, q).Should().BeApproximately(expected, 1e-7);
    }

    [Fact]
    public void KullbackLeibler_ScipyRowsAfterNormalising_MatchPublishedValue()
    {
        // scipy stats/tests/test_entropy.py: rows [.1, .2] vs [.2, .1] and [.6, .3] vs [.3, .6], which scipy normalises.
        Divergence.KullbackLeibler(Distribution.Normalize([0.1, 0.2]), Distribution.Normalize([0.2, 0.1])).Should().BeApproximately(0.23104906, 1e-7);
        Divergence.KullbackLeibler(Distribution.Normalize([0.6, 0.3]), Distribution.Normalize([0.3, 0.6])).Should().BeApproximately(0.23104906, 1e-7);
    }

    [Fact]
    public void KullbackLeibler_QZeroWherePPositive_IsPositiveInfinity()
    {
        // scipy stats/tests/test_entropy.py: q = [0, .3, .5] normalised has no mass where p does.
        Divergence.KullbackLeibler(Distribution.Normalize([0.1, 0.6, 0.3]), Distribution.Normalize([0.0, 0.3, 0.5]))
            .Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void KullbackLeibler_InBits_MatchesScipyDocstring()
    {
        // scipy.stats.entropy docstring: KL([.5, .5] ‖ [.9, .1]) = 0.7369655941662062 bits.
        Divergence.KullbackLeibler([0.5, 0.5], [0.9, 0.1], LogBase.Bits).Should().BeApproximately(0.7369655941662062, 1e-15);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5, 0.0 }, new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 }, 0.5849625007211563)] // dit tests/divergences: [½, ½] vs uniform over 3, bits
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.4, 0.6 }, 0.0294468445267841)] // dit tests/divergences, bits
    public void KullbackLeibler_InBits_MatchesDit(double[] p, double[] q, double expected)
    {
        // dit tests/divergences: KL in bits.
        Divergence.KullbackLeibler(p, q, LogBase.Bits).Should().BeApproximately(expected, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_MatchesREntropyPackage()
    {
        // R package entropy (Hausser & Strimmer), KL.plugin(c(.2, .2, .6), c(.1, .4, .5)).
        Divergence.KullbackLeibler([0.2, 0.2, 0.6], [0.1, 0.4, 0.5]).Should().BeApproximately(0.10939293407637275, 1e-15);
    }

    [Fact]
    public void KullbackLeibler_IsNonNegative_AndZeroExactlyForEqualInputs()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.05);

            Divergence.KullbackLeibler(p, p).Should().Be(0.0);
            if (!p.SequenceEqual(q))
            {
                Divergence.KullbackLeibler(p, q).Should().BePositive();
            }
        }, iter: 1000);
    }

    [Fact]
    public void KullbackLeibler_IsNotSymmetric()
    {
        // The notes: a divergence need not be symmetric. Rows 2 and 3 above are the same pair swapped.
        Divergence.KullbackLeibler([0.1, 0.6, 0.3], [0.2, 0.3, 0.5])
            .Should().NotBeApproximately(Divergence.KullbackLeibler([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]), 1e-3);
    }

    [Fact]
    public void KullbackLeibler_UnitConversions_AreConsistent()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            double nats = Divergence.KullbackLeibler(p, q);

            Divergence.KullbackLeibler(p, q, LogBase.Bits).Should().BeApproximately(nats / Ln2, 1e-14 * (1 + nats));
            Divergence.KullbackLeibler(p, q, LogBase.Hartleys).Should().BeApproximately(nats / Math.Log(10), 1e-14 * (1 + nats));
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannonDistance_ScipyTestVectors_MatchPublishedValues()
    {
        // scipy spatial/tests/test_distance.py (the [1, 2] vs [3, 4] inputs normalised as scipy does).
        Divergence.JensenShannonDistance([1.0, 0.0], [0.5, 0.5]).Should().BeApproximately(0.46450140402245893, 1e-15);
        Divergence.JensenShannonDistance(Distribution.Normalize([1.0, 2.0]), Distribution.Normalize([3.0, 4.0]))
            .Should().BeApproximately(0.0694067875446836, 1e-15);
        Divergence.JensenShannonDistance([1.0, 0.0], [0.0, 1.0]).Should().BeApproximately(0.8325546111576977, 1e-15);
        Divergence.JensenShannonDistance([1.0, 0.0], [0.0, 1.0], LogBase.Bits).Should().Be(1.0);
    }

    [Fact]
    public void JensenShannon_InBits_MatchesDit()
    {
        // dit tests: disjoint supports give 1 bit, half overlap 0.5 bit.
        Divergence.JensenShannon([1.0, 0.0], [0.0, 1.0], LogBase.Bits).Should().Be(1.0);
        Divergence.JensenShannon([0.5, 0.5, 0.0], [0.0, 0.5, 0.5], LogBase.Bits).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void JensenShannon_SubnormalAgainstZero_IsFiniteAndTiny()
    {
        // scipy #19436: jensenshannon([0, 1], [5e-324, 1]) returns inf. The true divergence is about 1.7e-324.
        double jsd = Divergence.JensenShannon([0.0, 1.0], [double.Epsilon, 1.0]);
        double distance = Divergence.JensenShannonDistance([0.0, 1.0], [double.Epsilon, 1.0]);

        jsd.Should().BeInRange(0.0, 1e-320);
        distance.Should().BeInRange(0.0, 1e-160);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(33)]
    public void KullbackLeibler_SubnormalReference_IsFiniteOnEveryLanePath(int length)
    {
        // q has one entry 5e-324 = 2^-1074 where p has 1/length: p/q overflows, but the term is (1/n)·ln(2^1074/n).
        // With q uniform over the other n − 1 entries: KL = ((n − 1)/n)·ln((n − 1)/n) + (1/n)·(1074 ln 2 − ln n).
        double[] p = [.. Enumerable.Repeat(1.0 / length, length)];
        double[] q = [.. Enumerable.Repeat(1.0 / (length - 1), length)];
        q[length / 2] = double.Epsilon;
        double n = length;
        double expected = ((n - 1) / n * Math.Log((n - 1) / n)) + ((1074 * Math.Log(2)) - Math.Log(n)) / n;

        Divergence.KullbackLeibler(p, q).Should().BeApproximately(expected, 1e-12 * expected);
    }

    [Fact]
    public void JensenShannon_NearlyIdenticalVectors_IsAccurateNotNoise()
    {
        // scipy #20083/#20779: rounding makes jensenshannon negative, so its square root is NaN. The value here
        // comes from the definition evaluated in 60-digit decimal arithmetic (python3 decimal) on these exact doubles;
        // the textbook double-precision formula gives 7.3e-17, a hundred times too large.
        double[] p = [0.3, 0.7];
        double[] q = [0.300000001, 0.699999999];

        Divergence.JensenShannon(p, q).Should().BeApproximately(5.952381072615289e-19, 1e-30);
        Divergence.JensenShannonDistance(p, q).Should().BeApproximately(Math.Sqrt(5.952381072615289e-19), 1e-20);
    }

    [Fact]
    public void JensenShannon_IdenticalVectors_IsExactlyZero()
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(5), 1031);

        Divergence.JensenShannon(p, p).Should().Be(0.0);
        Divergence.JensenShannonDistance(p, p).Should().Be(0.0);
    }

    [Fact]
    public void JensenShannon_IsSymmetric_AndHalfTheKlOfEachSideToTheMidpoint()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.4);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.4);
            double pq = Divergence.JensenShannon(p, q);

            // The definition, through KL: JSD = ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q)/2, finite since m > 0 wherever p or q is.
            double[] m = [.. p.Zip(q, (a, b) => (a + b) / 2)];
            double viaKl = (Divergence.KullbackLeibler(p, m) + Divergence.KullbackLeibler(q, m)) / 2;
            pq.Should().BeApproximately(viaKl, 1e-13);
            Divergence.JensenShannon(q, p).Should().BeApproximately(pq, 1e-15);
            Divergence.JensenShannonDistance(p, q, LogBase.Bits).Should().BeApproximately(Math.Sqrt(pq / Ln2), 1e-7);
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannonDistance_SatisfiesTriangleInequality()
    {
        // Endres & Schindelin (2003): √JSD is a metric.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 20);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);
            double[] r = ProbabilityVectorSamples.Vector(rng, n);

            Divergence.JensenShannonDistance(p, r)
                .Should().BeLessThanOrEqualTo(Divergence.JensenShannonDistance(p, q) + Divergence.JensenShannonDistance(q, r) + 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannon_UnitConversions_AreConsistent()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);
            double nats = Divergence.JensenShannon(p, q);

            Divergence.JensenShannon(p, q, LogBase.Bits).Should().BeApproximately(nats / Ln2, 1e-15);
            Divergence.JensenShannonDistance(p, q, LogBase.Hartleys).Should().BeApproximately(Math.Sqrt(nats / Math.Log(10)), 1e-15);
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannon_Weighted_WithTwoEqualWeights_IsTheTwoDistributionDivergence()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 70);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);

            Divergence.JensenShannon([p, q], [0.5, 0.5]).Should().BeApproximately(Divergence.JensenShannon(p, q), 1e-14);
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannon_Weighted_IsMixtureEntropyMinusMeanEntropy()
    {
        // Lin (1991), eq. (4.1): JSD_w = H(Σ wᵢPᵢ) − Σ wᵢH(Pᵢ), evaluated here from the entropies directly.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            int k = rng.Next(1, 6);
            double[][] distributions = Enumerable.Range(0, k).Select(_ => ProbabilityVectorSamples.Vector(rng, n)).ToArray();
            double[] w = ProbabilityVectorSamples.Vector(rng, k);
            var mixture = new double[n];
            double meanEntropy = 0;
            for (int i = 0; i < k; i++)
            {
                meanEntropy += w[i] * Entropy.Shannon(distributions[i]);
                for (int j = 0; j < n; j++)
                {
                    mixture[j] += w[i] * distributions[i][j];
                }
            }

            double expected = Entropy.Shannon(Distribution.Normalize(mixture)) - meanEntropy;
            double jsd = Divergence.JensenShannon(distributions, w);

            jsd.Should().BeApproximately(Math.Max(expected, 0), 1e-12);
            jsd.Should().BeInRange(0.0, Entropy.Shannon(w));
        }, iter: 1000);
    }

    [Fact]
    public void JensenShannon_Weighted_DisjointSupports_IsEntropyOfWeights()
    {
        double[] w = [0.2, 0.3, 0.5];

        Divergence.JensenShannon([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]], w).Should().BeApproximately(Entropy.Shannon(w), 1e-15);
    }

    [Fact]
    public void JensenShannon_Weighted_AcceptsAList()
    {
        var distributions = new List<double[]> { new[] { 1.0, 0.0 }, new[] { 0.5, 0.5 } };

        Divergence.JensenShannon(distributions, [0.5, 0.5]).Should().BeApproximately(0.46450140402245893 * 0.46450140402245893, 1e-15);
    }

    [Theory]
    [InlineData(0.05, 0.2, 0.09394302602433154)] // p ln(p/q) + (1−p) ln((1−p)/(1−q)), python3 math
    [InlineData(0.3, 0.3, 0.0)]
    [InlineData(0.0, 0.5, 0.69314718055994530942)] // ln 2
    [InlineData(1.0, 0.25, 1.3862943611198906188)] // ln 4
    public void Bernoulli_MatchesClosedForm(double p, double q, double expected)
    {
        Divergence.Bernoulli(p, q).Should().BeApproximately(expected, 1e-15);
    }

    [Fact]
    public void Bernoulli_EqualsKullbackLeiblerOfTwoOutcomeVectors()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double p = rng.NextDouble();
            double q = rng.NextDouble();

            Divergence.Bernoulli(p, q).Should().BeApproximately(Divergence.KullbackLeibler([p, 1 - p], [q, 1 - q]), 1e-13);
        }, iter: 1000);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 0.0)]
    public void Bernoulli_ReferenceCannotProduceAnOutcome_IsPositiveInfinity(double p, double q)
    {
        Divergence.Bernoulli(p, q).Should().Be(double.PositiveInfinity);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    public void Bernoulli_DegenerateAndEqual_IsZero(double p, double q)
    {
        Divergence.Bernoulli(p, q).Should().Be(0.0);
    }

    [Theory]
    [InlineData(-0.1, 0.5, "p")]
    [InlineData(1.1, 0.5, "p")]
    [InlineData(double.NaN, 0.5, "p")]
    [InlineData(0.5, -1e-9, "q")]
    [InlineData(0.5, double.PositiveInfinity, "q")]
    public void Bernoulli_ProbabilityOutsideUnitInterval_Throws(double p, double q, string parameter)
    {
        var act = () => Divergence.Bernoulli(p, q);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void KullbackLeibler_NegativeEntryInQ_NamesQAndIndex()
    {
        var act = () => Divergence.KullbackLeibler([0.5, 0.5], [1.2, -0.2]);

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q[1] is -0.2*");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void KullbackLeibler_NonFiniteEntry_Throws(double bad)
    {
        var act = () => Divergence.KullbackLeibler([bad, 1.0], [0.5, 0.5]);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[0] is *");
    }

    [Fact]
    public void KullbackLeibler_WrongSum_ReportsTheSum()
    {
        var act = () => Divergence.KullbackLeibler([0.5, 0.5], [0.3, 0.3]);

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q sums to 0.6*");
    }

    [Fact]
    public void KullbackLeibler_LengthMismatch_Throws()
    {
        var act = () => Divergence.KullbackLeibler([1.0], [0.5, 0.5]);

        act.Should().Throw<ArgumentException>().WithParameterName("q");
    }

    [Fact]
    public void KullbackLeibler_Empty_Throws()
    {
        var act = () => Divergence.KullbackLeibler([], []);

        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p is empty*");
    }

    [Fact]
    public void JensenShannon_InvalidInputs_NameTheParameter()
    {
        FluentActions.Invoking(() => Divergence.JensenShannon([0.5, -0.5, 1.0], [0.2, 0.3, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p[1] is -0.5*");
        FluentActions.Invoking(() => Divergence.JensenShannon([1.0], [double.NaN]))
            .Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("q[0] is NaN*");
        FluentActions.Invoking(() => Divergence.JensenShannon([1.0], [1.0, 0.0]))
            .Should().Throw<ArgumentException>().WithParameterName("q");
        FluentActions.Invoking(() => Divergence.JensenShannon(Array.Empty<double>(), []))
            .Should().Throw<ArgumentException>().WithParameterName("p");
        FluentActions.Invoking(() => Divergence.JensenShannonDistance([0.5, 0.6], [0.5, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("p sums to 1.1*");
        FluentActions.Invoking(() => Divergence.JensenShannon([1.0], [1.0], (LogBase)9))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    [Fact]
    public void JensenShannon_Weighted_InvalidInputs_NameTheParameterAndRow()
    {
        double[] ok = [0.5, 0.5];
        FluentActions.Invoking(() => Divergence.JensenShannon((IReadOnlyList<double[]>)null!, [1.0]))
            .Should().Throw<ArgumentNullException>().WithParameterName("distributions");
        FluentActions.Invoking(() => Divergence.JensenShannon(Array.Empty<double[]>(), []))
            .Should().Throw<ArgumentException>().WithParameterName("distributions").WithMessage("distributions is empty*");
        FluentActions.Invoking(() => Divergence.JensenShannon([ok, ok], [1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("weights");
        FluentActions.Invoking(() => Divergence.JensenShannon([ok, ok], [0.5, 0.6]))
            .Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights sums to 1.1*");
        FluentActions.Invoking(() => Divergence.JensenShannon([ok, null!], [0.5, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("distributions").WithMessage("distributions[1] is null*");
        FluentActions.Invoking(() => Divergence.JensenShannon([ok, [1.0, 0, 0]], [0.5, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("distributions").WithMessage("distributions[1] has length 3*");
        FluentActions.Invoking(() => Divergence.JensenShannon([ok, [1.5, -0.5]], [0.5, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("distributions").WithMessage("distributions[1][1] is -0.5*");
        FluentActions.Invoking(() => Divergence.JensenShannon([[0.5, 0.4], ok], [0.5, 0.5]))
            .Should().Throw<ArgumentException>().WithParameterName("distributions").WithMessage("distributions[0] sums to 0.9*");
    }

    [Fact]
    public void SpanPaths_AllocateNothing()
    {
        double[] p = ProbabilityVectorSamples.Vector(new Random(3), 1031);
        double[] q = ProbabilityVectorSamples.Vector(new Random(4), 1031, zeroFraction: 0);
        Divergence.KullbackLeibler(p, q);
        Divergence.JensenShannon(p, q);
        Divergence.JensenShannonDistance(p, q);
        Divergence.Bernoulli(0.1, 0.2);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Divergence.KullbackLeibler(p, q);
        Divergence.JensenShannon(p, q);
        Divergence.JensenShannonDistance(p, q);
        Divergence.Bernoulli(0.1, 0.2);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void KullbackLeibler_FloatSoftmaxOffOneByItsRounding_IsAccepted()
    {
        // The scipy vectors in float: 0.1f + 0.6f + 0.3f = 1 + 3.7e-8 in double, outside the double rule's 1e-9.
        float[] p = [0.1f, 0.6f, 0.3f];
        float[] q = [0.2f, 0.3f, 0.5f];
        double[] pd = ProbabilityVectorSamples.Widened(p), qd = ProbabilityVectorSamples.Widened(q);
        FluentActions.Invoking(() => Divergence.KullbackLeibler(pd, qd)).Should().Throw<ArgumentException>().WithMessage("p sums to 1.0000000372529*");

        // Σ pᵢ ln(pᵢ/qᵢ) over the widened floats, written plainly; scipy stats/tests/test_entropy.py gives 0.1933259 for the decimals.
        double plain = 0;
        for (int i = 0; i < p.Length; i++)
        {
            plain += pd[i] * Math.Log(pd[i] / qd[i]);
        }

        Divergence.KullbackLeibler(p, q).Should().BeApproximately(plain, 1e-16);
        Divergence.KullbackLeibler(p, q).Should().BeApproximately(0.1933259, 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1031)]
    public void FloatOverloads_AgreeWithTheDoubleOverloadsOnTheSameValues(int length)
    {
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);

        // KL of floats runs in float registers with SIMD: within its documented 2⁻¹⁸ of KL + |Σq − Σp| (here Σq = Σp within 1e-10).
        double kl = Divergence.KullbackLeibler(pd, qd);
        Divergence.KullbackLeibler(p, q).Should().BeApproximately(kl, Math.ScaleB(kl + 1e-10, -18));
        Divergence.JensenShannon(p, q, LogBase.Bits).Should().Be(Divergence.JensenShannon(pd, qd, LogBase.Bits));
        Divergence.JensenShannonDistance(p, q).Should().Be(Divergence.JensenShannonDistance(pd, qd));
    }

    [Fact]
    public void KullbackLeibler_FloatQZeroWherePPositive_IsPositiveInfinity()
    {
        float[] p = [0.5f, 0.5f], q = [1f, 0f];
        Divergence.KullbackLeibler(p, q).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void FloatOverloads_SumOffMoreThanFloatTolerance_Throw()
    {
        // The float rule: 4·2⁻²³·max(1, √n) = 4.76837158203125E-07 for n = 2.
        float[] off = [0.5f, 0.5001f];
        float[] ok = [0.5f, 0.5f];

        FluentActions.Invoking(() => Divergence.KullbackLeibler(off, ok)).Should().Throw<ArgumentException>()
            .WithParameterName("p").WithMessage("p sums to 1.00010001659393*within 6.743495761743046E-07*");
        FluentActions.Invoking(() => Divergence.JensenShannon(ok, off)).Should().Throw<ArgumentException>().WithParameterName("q");
        float[] nan = [0.5f, float.NaN], single = [1f];
        FluentActions.Invoking(() => Divergence.JensenShannonDistance(nan, ok)).Should().Throw<ArgumentException>()
            .WithParameterName("p").WithMessage("p[1] is NaN*");
        FluentActions.Invoking(() => Divergence.KullbackLeibler(ok, single)).Should().Throw<ArgumentException>().WithParameterName("q");
    }
}
