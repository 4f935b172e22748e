using CsCheck;

namespace InfoTheory.Tests;

public class DivergenceFDivergencesTests
{
    // The scipy test vectors of DivergenceTests.
    private static readonly double[] P = [0.1, 0.6, 0.3];
    private static readonly double[] Q = [0.2, 0.3, 0.5];

    // The named generators rebuilt as a caller would, so Divergence.F runs its scalar loop over them: an independent
    // computation of each member (the named generators themselves run the members' fused passes).
    private static readonly FGenerator KullbackLeiblerByHand = new(t => t * Math.Log(t), 0.0, double.PositiveInfinity);
    private static readonly FGenerator SquaredHellingerByHand = new(t => 0.5 * (Math.Sqrt(t) - 1) * (Math.Sqrt(t) - 1), 0.5, 0.5);
    private static readonly FGenerator TotalVariationByHand = new(t => 0.5 * Math.Abs(t - 1), 0.5, 0.5);
    private static readonly FGenerator PearsonByHand = new(t => (t - 1) * (t - 1), 1.0, double.PositiveInfinity);
    private static readonly FGenerator NeymanByHand = new(t => (t - 1) * (t - 1) / t, double.PositiveInfinity, 1.0);
    private static readonly FGenerator JeffreysByHand = new(t => (t - 1) * Math.Log(t), double.PositiveInfinity, double.PositiveInfinity);
    private static readonly FGenerator TriangularByHand = new(t => (t - 1) * (t - 1) / (t + 1), 1.0, 1.0);

    private delegate double Measure(ReadOnlySpan<double> p, ReadOnlySpan<double> q);

    private delegate double FloatMeasure(ReadOnlySpan<float> p, ReadOnlySpan<float> q);

    /// <summary>Every named member with its generator's form (through <see cref="Divergence.F"/>), and its f''(1) where f is smooth at 1.</summary>
    public static TheoryData<string> Members => new()
    {
        "Hellinger", "TotalVariation", "Pearson", "Neyman", "Jeffreys", "BhattacharyyaCoefficient", "Bhattacharyya", "Triangular",
    };

    private static Measure Named(string member) => Overloads(member).Double;

    private static FloatMeasure NamedFloat(string member) => Overloads(member).Single;

    /// <summary>The double and float overloads of a member.</summary>
    private static (Measure Double, FloatMeasure Single) Overloads(string member) => member switch
    {
        "Hellinger" => ((p, q) => Divergence.Hellinger(p, q), (p, q) => Divergence.Hellinger(p, q)),
        "TotalVariation" => ((p, q) => Divergence.TotalVariation(p, q), (p, q) => Divergence.TotalVariation(p, q)),
        "Pearson" => ((p, q) => Divergence.ChiSquare(p, q), (p, q) => Divergence.ChiSquare(p, q)),
        "Neyman" => ((p, q) => Divergence.ChiSquare(p, q, ChiSquareForm.Neyman), (p, q) => Divergence.ChiSquare(p, q, ChiSquareForm.Neyman)),
        "Jeffreys" => ((p, q) => Divergence.Jeffreys(p, q), (p, q) => Divergence.Jeffreys(p, q)),
        "BhattacharyyaCoefficient" => ((p, q) => Divergence.BhattacharyyaCoefficient(p, q), (p, q) => Divergence.BhattacharyyaCoefficient(p, q)),
        "Bhattacharyya" => ((p, q) => Divergence.Bhattacharyya(p, q), (p, q) => Divergence.Bhattacharyya(p, q)),
        _ => ((p, q) => Divergence.Triangular(p, q), (p, q) => Divergence.Triangular(p, q)),
    };

    /// <summary>The member through a caller-built copy of its generator: H = √D_f, BC = 1 − D_f and D_B = −ln(1 − D_f) for f = ½(√t − 1)².</summary>
    private static Measure ThroughGenerator(string member) => member switch
    {
        "Hellinger" => (p, q) => Math.Sqrt(Divergence.F(p, q, SquaredHellingerByHand)),
        "TotalVariation" => (p, q) => Divergence.F(p, q, TotalVariationByHand),
        "Pearson" => (p, q) => Divergence.F(p, q, PearsonByHand),
        "Neyman" => (p, q) => Divergence.F(p, q, NeymanByHand),
        "Jeffreys" => (p, q) => Divergence.F(p, q, JeffreysByHand),
        "BhattacharyyaCoefficient" => (p, q) => 1 - Divergence.F(p, q, SquaredHellingerByHand),
        "Bhattacharyya" => (p, q) => -Math.Log(1 - Divergence.F(p, q, SquaredHellingerByHand)),
        _ => (p, q) => Divergence.F(p, q, TriangularByHand),
    };

    /// <summary>The named generators with the member whose fused pass Divergence.F runs for each.</summary>
    public static TheoryData<string> NamedGenerators => new()
    {
        "KullbackLeibler", "SquaredHellinger", "TotalVariation", "PearsonChiSquare", "NeymanChiSquare", "Jeffreys", "Triangular",
    };

    [Theory]
    [MemberData(nameof(NamedGenerators))]
    public void F_NamedGenerator_IsItsMemberAndAgreesWithTheScalarLoop(string name)
    {
        (FGenerator named, FGenerator byHand, Measure member) = name switch
        {
            "KullbackLeibler" => (FGenerator.KullbackLeibler, KullbackLeiblerByHand, (Measure)((p, q) => Divergence.KullbackLeibler(p, q))),
            "SquaredHellinger" => (FGenerator.SquaredHellinger, SquaredHellingerByHand, (p, q) => 1 - Divergence.BhattacharyyaCoefficient(p, q)),
            "TotalVariation" => (FGenerator.TotalVariation, TotalVariationByHand, (p, q) => Divergence.TotalVariation(p, q)),
            "PearsonChiSquare" => (FGenerator.PearsonChiSquare, PearsonByHand, (p, q) => Divergence.ChiSquare(p, q)),
            "NeymanChiSquare" => (FGenerator.NeymanChiSquare, NeymanByHand, (p, q) => Divergence.ChiSquare(p, q, ChiSquareForm.Neyman)),
            "Jeffreys" => (FGenerator.Jeffreys, JeffreysByHand, (p, q) => Divergence.Jeffreys(p, q)),
            _ => (FGenerator.Triangular, TriangularByHand, (p, q) => Divergence.Triangular(p, q)),
        };
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.2);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.2);
            double fast = Divergence.F(p, q, named), scalar = Divergence.F(p, q, byHand);
            fast.Should().BeApproximately(member(p, q), 1e-15 * (1 + fast));
            if (double.IsPositiveInfinity(scalar))
            {
                fast.Should().Be(double.PositiveInfinity);
            }
            else
            {
                fast.Should().BeApproximately(scalar, 1e-12 * (1 + scalar));
            }
        }, iter: 200);
    }

    [Theory]
    // scipy 1.10.1 / numpy 1.24.2, p = [.1, .6, .3], q = [.2, .3, .5]:
    [InlineData("Hellinger", 0.21683228641053506)] // distance.euclidean(np.sqrt(p), np.sqrt(q)) / np.sqrt(2)
    [InlineData("TotalVariation", 0.30000000000000004)] // distance.cityblock(p, q) / 2
    [InlineData("Pearson", 0.43)] // stats.chisquare(f_obs=p, f_exp=q).statistic
    [InlineData("Neyman", 0.3833333333333335)] // stats.power_divergence(f_obs=p, f_exp=q, lambda_="neyman").statistic
    [InlineData("Jeffreys", 0.3794239969771762)] // special.rel_entr(p, q).sum() + special.rel_entr(q, p).sum()
    [InlineData("BhattacharyyaCoefficient", 0.9529837595699797)] // np.sum(np.sqrt(p * q))
    [InlineData("Bhattacharyya", 0.04815741684776861)] // -np.log(np.sum(np.sqrt(p * q)))
    [InlineData("Triangular", 0.18333333333333335)] // np.sum((p - q)**2 / (p + q))
    public void Member_ScipyTestVectors_MatchScipy(string member, double expected)
    {
        Named(member)(P, Q).Should().BeApproximately(expected, 1e-15 * (1 + expected));
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_EqualsItsGeneratorsFDivergence(string member)
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.2);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0.2);
            double named = Named(member)(p, q), general = ThroughGenerator(member)(p, q);

            // −ln(1 − D_f) is ill-conditioned where the overlap BC is tiny; Bhattacharyya_TinyOverlap_… pins D_B there.
            if (member == "Bhattacharyya" && Divergence.BhattacharyyaCoefficient(p, q) < 1e-3)
            {
                return;
            }

            if (double.IsPositiveInfinity(general))
            {
                named.Should().Be(double.PositiveInfinity);
            }
            else
            {
                named.Should().BeApproximately(general, 1e-12 * (1 + general));
            }
        }, iter: 300);
    }

    [Fact]
    public void F_KullbackLeiblerGenerator_EqualsKullbackLeibler()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: seed % 2 == 0 ? 0 : 0.2);
            double kl = Divergence.KullbackLeibler(p, q);
            double f = Divergence.F(p, q, KullbackLeiblerByHand);
            if (double.IsPositiveInfinity(kl))
            {
                f.Should().Be(kl);
            }
            else
            {
                f.Should().BeApproximately(kl, 1e-12 * (1 + kl));
            }
        }, iter: 300);
    }

    [Fact]
    public void TotalVariation_Pinsker_IsAtMostRootHalfKullbackLeibler()
    {
        // Pinsker's inequality, TV ≤ √(KL/2) with KL in nats.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            Divergence.TotalVariation(p, q).Should().BeLessThanOrEqualTo(Math.Sqrt(Divergence.KullbackLeibler(p, q) / 2) + 1e-15);
        }, iter: 1000);
    }

    [Fact]
    public void Hellinger_BracketsTotalVariation()
    {
        // With H² = 1 − BC: H² ≤ TV ≤ √(1 − BC²) = H·√(2 − H²) ≤ √2·H (Le Cam; Tsybakov 2009, lemma 2.3).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);
            double h = Divergence.Hellinger(p, q), tv = Divergence.TotalVariation(p, q);
            (h * h).Should().BeLessThanOrEqualTo(tv + 1e-15);
            tv.Should().BeLessThanOrEqualTo((h * Math.Sqrt(2 - (h * h))) + 1e-15);
            tv.Should().BeLessThanOrEqualTo((Math.Sqrt(2) * h) + 1e-15);
        }, iter: 1000);
    }

    [Fact]
    public void Triangular_BracketsJensenShannon()
    {
        // Topsøe 2000, theorem 2, for C = 2·JSD: ½Δ ≤ C ≤ ln 2·Δ.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);
            double triangular = Divergence.Triangular(p, q), jsd = Divergence.JensenShannon(p, q);
            jsd.Should().BeGreaterThanOrEqualTo((0.25 * triangular) - 1e-15);
            jsd.Should().BeLessThanOrEqualTo((0.5 * Math.Log(2) * triangular) + 1e-15);
        }, iter: 1000);
    }

    [Theory]
    [InlineData("Hellinger")]
    [InlineData("TotalVariation")]
    [InlineData("Jeffreys")]
    [InlineData("BhattacharyyaCoefficient")]
    [InlineData("Bhattacharyya")]
    [InlineData("Triangular")]
    public void SymmetricMember_SwappedArguments_SameValue(string member)
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n);
            double forward = Named(member)(p, q);
            Named(member)(q, p).Should().BeApproximately(forward, 1e-14 * (1 + forward));
        }, iter: 300);
    }

    [Fact]
    public void ChiSquare_IsNotSymmetric_AndNeymanIsPearsonSwapped()
    {
        // Pearson 0.43 and Neyman 0.38333 on the scipy vectors (values above).
        double pearson = Divergence.ChiSquare(P, Q);
        Divergence.ChiSquare(Q, P).Should().NotBeApproximately(pearson, 1e-2);
        Divergence.ChiSquare(Q, P).Should().BeApproximately(Divergence.ChiSquare(P, Q, ChiSquareForm.Neyman), 1e-15);
    }

    [Theory]
    // Axiom 3 of the notes: D_f(p : p + dp) = f''(1)·½ dξᵀ G dξ + O(‖dξ‖³), with the generators' f''(1).
    [InlineData("SquaredHellinger", 0.25)]
    [InlineData("Pearson", 2.0)]
    [InlineData("Neyman", 2.0)]
    [InlineData("Jeffreys", 2.0)]
    [InlineData("Triangular", 1.0)]
    [InlineData("Bhattacharyya", 0.25)]
    public void Member_SmallStep_IsFSecondDerivativeTimesFisherQuadraticForm(string member, double secondDerivative)
    {
        double[] p = [0.1, 0.2, 0.3, 0.4];
        double[] direction = [0.3, -0.5, 0.1];
        Func<double[], double[], double> divergence = member switch
        {
            "SquaredHellinger" => (a, b) => Math.Pow(Divergence.Hellinger(a, b), 2),
            "Pearson" => (a, b) => Divergence.ChiSquare(a, b),
            "Neyman" => (a, b) => Divergence.ChiSquare(a, b, ChiSquareForm.Neyman),
            "Jeffreys" => (a, b) => Divergence.Jeffreys(a, b),
            "Triangular" => (a, b) => Divergence.Triangular(a, b),
            _ => (a, b) => Divergence.Bhattacharyya(a, b),
        };

        // The ratio to the quadratic form tends to 1 with an error O(h): it shrinks about tenfold per step and ends small.
        double previous = double.PositiveInfinity;
        foreach (double h in new[] { 1e-2, 1e-3, 1e-4 })
        {
            double[] step = [.. direction.Select(d => d * h)];
            double[] moved = [p[0] + step[0], p[1] + step[1], p[2] + step[2], p[3] - step.Sum()];
            double ratio = divergence(p, moved) / (secondDerivative * FisherInformation.QuadraticForm(p, step));
            double error = Math.Abs(ratio - 1);

            // Neyman's χ²(p‖p + dp) = Σ dpᵢ²/pᵢ is the quadratic form itself: its error is rounding from the start.
            error.Should().Match(e => e < previous / 5 || e < 1e-12, $"h = {h}");
            previous = error;
        }

        previous.Should().BeLessThan(1e-3);
    }

    [Fact]
    public void Bhattacharyya_NearlyEqualVectors_KeepsTheirTinyDistance()
    {
        // mpmath 1.x at 50 digits, q = 0.5 ± 2⁻²⁷ (exact, summing to exactly 1): −ln Σ √(pq) = 2.7755575615628915822e-17,
        // where BC rounds to 1 in double and −ln BC to 0.
        double[] p = [0.5, 0.5], q = [0.5 + Math.Pow(2, -27), 0.5 - Math.Pow(2, -27)];
        Divergence.Bhattacharyya(p, q).Should().BeApproximately(2.7755575615628915822e-17, 1e-27);
    }

    [Fact]
    public void Bhattacharyya_TinyOverlap_KeepsItsRelativeAccuracy()
    {
        // BC = √(1e-300·(1 − 1e-300)) + √((1 − 1e-300)·1e-300) = 2e-150, so D_B = 150 ln 10 − ln 2 = 344.69... (by the formula).
        double[] p = [1e-300, 1], q = [1, 1e-300];
        Divergence.Bhattacharyya(p, q).Should().BeApproximately((150 * Math.Log(10)) - Math.Log(2), 1e-12);
        Divergence.BhattacharyyaCoefficient(p, q).Should().BeApproximately(2e-150, 1e-163);
    }

    [Fact]
    public void Members_DisjointSupports_TakeTheirBounds()
    {
        double[] p = [0.5, 0.5, 0, 0], q = [0, 0, 0.25, 0.75];
        Divergence.Hellinger(p, q).Should().BeApproximately(1, 1e-15);
        Divergence.TotalVariation(p, q).Should().Be(1);
        Divergence.Triangular(p, q).Should().Be(2);
        Divergence.BhattacharyyaCoefficient(p, q).Should().Be(0);
        Divergence.Bhattacharyya(p, q).Should().Be(double.PositiveInfinity);
        Divergence.Jeffreys(p, q).Should().Be(double.PositiveInfinity);
        Divergence.ChiSquare(p, q).Should().Be(double.PositiveInfinity);
        Divergence.ChiSquare(p, q, ChiSquareForm.Neyman).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void ChiSquareAndJeffreys_OneSidedZero_FollowTheirInfinityRules()
    {
        // q = 0 < p: Pearson +∞, Neyman's term p²/p = p; p = 0 < q: the reverse. Jeffreys is +∞ both ways.
        double[] p = [0.5, 0.5], q = [1, 0];
        Divergence.ChiSquare(p, q).Should().Be(double.PositiveInfinity);
        Divergence.ChiSquare(p, q, ChiSquareForm.Neyman).Should().BeApproximately((0.25 / 0.5) + 0.5, 1e-15);
        Divergence.ChiSquare(q, p).Should().BeApproximately((0.25 / 0.5) + 0.5, 1e-15);
        Divergence.ChiSquare(q, p, ChiSquareForm.Neyman).Should().Be(double.PositiveInfinity);
        Divergence.Jeffreys(p, q).Should().Be(double.PositiveInfinity);
        Divergence.Jeffreys(q, p).Should().Be(double.PositiveInfinity);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_SharedZeros_AreDropped(string member)
    {
        // 0·f(0/0) = 0: an entry where both are 0 changes nothing.
        double[] p = [0.1, 0.6, 0, 0.3], q = [0.2, 0.3, 0, 0.5];
        double expected = Named(member)(P, Q);
        Named(member)(p, q).Should().BeApproximately(expected, 1e-15 * (1 + expected));
    }

    [Fact]
    public void Jeffreys_IsBothKullbackLeiblers_AndTakesUnits()
    {
        double both = Divergence.KullbackLeibler(P, Q) + Divergence.KullbackLeibler(Q, P);
        Divergence.Jeffreys(P, Q).Should().BeApproximately(both, 1e-15);
        Divergence.Jeffreys(P, Q, LogBase.Bits).Should().BeApproximately(both / Math.Log(2), 1e-15);
        Divergence.Bhattacharyya(P, Q, LogBase.Hartleys).Should().BeApproximately(0.04815741684776861 / Math.Log(10), 1e-15);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_FloatOverload_EqualsDoubleOnWidenedValues(string member)
    {
        foreach (int length in new[] { 1, 7, 8, 9, 1031 })
        {
            (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(length);
            NamedFloat(member)(p, q).Should().Be(Named(member)(pd, qd), $"length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void Member_BadInput_ThrowsNamingTheParameter(string member)
    {
        Measure measure = Named(member);
        FluentActions.Invoking(() => measure([0.5, 0.6], [0.5, 0.5])).Should().Throw<ArgumentException>()
            .WithParameterName("p").WithMessage("p sums to 1.1*");
        FluentActions.Invoking(() => measure([0.5, 0.5], [double.NaN, 0.5])).Should().Throw<ArgumentException>()
            .WithParameterName("q").WithMessage("q[0] is NaN*");
        FluentActions.Invoking(() => measure([1.5, -0.5], [0.5, 0.5])).Should().Throw<ArgumentException>()
            .WithParameterName("p").WithMessage("p[1] is -0.5*");
        FluentActions.Invoking(() => measure([0.5, 0.5], [1.0])).Should().Throw<ArgumentException>().WithParameterName("q");
        FluentActions.Invoking(() => measure([], [])).Should().Throw<ArgumentException>().WithParameterName("p");
        float[] off = [0.5f, 0.5001f], ok = [0.5f, 0.5f];
        FluentActions.Invoking(() => NamedFloat(member)(ok, off)).Should().Throw<ArgumentException>().WithParameterName("q");
    }

    [Fact]
    public void ChiSquareAndUnits_Undefined_ThrowOutOfRange()
    {
        FluentActions.Invoking(() => Divergence.ChiSquare(P, Q, (ChiSquareForm)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("form");
        FluentActions.Invoking(() => Divergence.Jeffreys(P, Q, (LogBase)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
        FluentActions.Invoking(() => Divergence.Bhattacharyya(P, Q, (LogBase)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    [Fact]
    public void F_UserGenerator_ReverseKullbackLeibler_IsKullbackLeiblerTheOtherWay()
    {
        // f(t) = −ln t: f(0) = +∞, f*(0) = lim −ln t / t = 0, and D_f(p‖q) = Σ q ln(q/p) = KL(q‖p).
        var reverse = new FGenerator(t => -Math.Log(t), atZero: double.PositiveInfinity, slopeAtInfinity: 0);
        double[] p = [0.5, 0.5, 0], q = [0.25, 0.5, 0.25];
        Divergence.F(q, p, reverse).Should().BeApproximately(Divergence.KullbackLeibler(p, q), 1e-15);
        Divergence.F(p, q, reverse).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void F_GeneratorNaNAtARatio_ThrowsNamingGenerator()
    {
        // f(t) = (t − 1)² on (0, 2], NaN beyond: p/q = 2.5 falls outside.
        var partial = new FGenerator(t => t <= 2 ? (t - 1) * (t - 1) : double.NaN, 1, double.PositiveInfinity);
        FluentActions.Invoking(() => Divergence.F([0.5, 0.5], [0.2, 0.8], partial)).Should().Throw<ArgumentException>()
            .WithParameterName("generator").WithMessage("generator is NaN at t = 2.5*");
        FluentActions.Invoking(() => Divergence.F([0.5, 0.6], [0.5, 0.5], FGenerator.KullbackLeibler)).Should().Throw<ArgumentException>()
            .WithParameterName("p");
        FluentActions.Invoking(() => Divergence.F([0.5, 0.5], [1.0], FGenerator.KullbackLeibler)).Should().Throw<ArgumentException>()
            .WithParameterName("q");
        FluentActions.Invoking(() => Divergence.F(P, Q, null!)).Should().Throw<ArgumentNullException>().WithParameterName("generator");
    }

    [Fact]
    public void ReadmeExample_FDivergencesAndBregman()
    {
        #region snippet: FDivergences
        double[] p = [0.1, 0.6, 0.3], q = [0.2, 0.3, 0.5];

        double h = Divergence.Hellinger(p, q);              // 0.2168 = √(1 − Σ √(pᵢqᵢ)), in [0, 1]
        double tv = Divergence.TotalVariation(p, q);        // 0.3 = ½ Σ |pᵢ − qᵢ| ≤ √(KL/2) = 0.3109 (Pinsker)
        double chi2 = Divergence.ChiSquare(p, q);           // 0.43, Pearson's; ChiSquareForm.Neyman gives 0.3833
        double j = Divergence.Jeffreys(p, q, LogBase.Bits); // 0.5474 bits = KL(p‖q) + KL(q‖p)

        // Any convex f with f(1) = 0, given with f(0) and lim f(t)/t: f(t) = −ln t gives KL(q‖p).
        var reverse = new FGenerator(t => -Math.Log(t), atZero: double.PositiveInfinity, slopeAtInfinity: 0);
        double klBack = Divergence.F(p, q, reverse);        // 0.1861

        // Bregman divergences take unnormalised vectors: Itakura–Saito between two power spectra.
        double[] s1 = [1.0, 2.0, 4.0], s2 = [1.5, 2.0, 3.0];
        double d = Divergence.Bregman(s1, s2, BregmanGenerator.ItakuraSaito); // 0.1178
        #endregion

        h.Should().BeApproximately(0.2168, 5e-5);
        tv.Should().BeApproximately(0.3, 1e-15).And.BeLessThan(Math.Sqrt(Divergence.KullbackLeibler(p, q) / 2));
        Math.Sqrt(Divergence.KullbackLeibler(p, q) / 2).Should().BeApproximately(0.3109, 5e-5);
        chi2.Should().BeApproximately(0.43, 1e-15);
        Divergence.ChiSquare(p, q, ChiSquareForm.Neyman).Should().BeApproximately(0.3833, 5e-5);
        j.Should().BeApproximately(0.5474, 5e-5);
        klBack.Should().BeApproximately(Divergence.KullbackLeibler(q, p), 1e-15).And.BeApproximately(0.1861, 5e-5);
        d.Should().BeApproximately(0.1178, 5e-5); // numpy: np.sum(x/y - np.log(x/y) - 1) = 0.1177830356563836
    }
}
