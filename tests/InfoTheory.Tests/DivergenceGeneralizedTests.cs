using CsCheck;

namespace InfoTheory.Tests;

public class DivergenceGeneralizedTests
{
    private static readonly double[] P = [0.1, 0.2, 0.3, 0.4];
    private static readonly double[] Q = [0.25, 0.25, 0.4, 0.1];

    // mpmath, 40 digits: fsum(x*log(x/y)) over (P, Q) and over (Q, P).
    private const double KlPQ = 0.33195533926216451163;
    private const double KlQP = 0.26130196366581451433;

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.14916512461371794485)]
    [InlineData(2.0, 0.70556970055850246273)]
    [InlineData(3.5, 1.0281506950471012547)]
    [InlineData(double.PositiveInfinity, 1.3862943611198906188)]
    public void Renyi_FourOutcomes_MatchesFortyDigitValue(double alpha, double nats)
    {
        // mpmath, 40 digits: log(fsum(x**a * y**(1-a))) / (a - 1) over (P, Q); α = ∞: max log(x/y) = ln 4; numpy agrees at
        // α = 2 (np.log(np.sum(p**2 / q)) = 0.7055697005585027).
        Divergence.Renyi(P, Q, alpha).Should().BeApproximately(nats, 2e-15);
    }

    [Fact]
    public void Renyi_DitTestValues_AreOneBitAndInfinity()
    {
        // dit tests, divergences/test_renyi: renyi_divergence(d1, d2, ½) = log₂ 2, (d2, d3, ½) = log₂ 2, (d1, d3, ½) = ∞, with
        // d1 = (0, 1), d2 = (½, ½), d3 = (1, 0).
        Divergence.Renyi([0.0, 1.0], [0.5, 0.5], 0.5, LogBase.Bits).Should().BeApproximately(1, 1e-15);
        Divergence.Renyi([0.5, 0.5], [1.0, 0.0], 0.5, LogBase.Bits).Should().BeApproximately(1, 1e-15);
        Divergence.Renyi([0.0, 1.0], [1.0, 0.0], 0.5, LogBase.Bits).Should().Be(double.PositiveInfinity);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Renyi_AgainstUniform_IsLogNMinusTheRenyiEntropy(double alpha)
    {
        // dit tests, divergences/test_renyi (test_renyi): H_α(p) = H_α(uniform) − D_α(p‖uniform), p = (¼, ½, ¼).
        double[] p = [0.25, 0.5, 0.25];
        double[] uniform = [1.0 / 3, 1.0 / 3, 1.0 / 3];

        Divergence.Renyi(p, uniform, alpha).Should().BeApproximately(Math.Log(3) - Entropy.Renyi(p, alpha), 1e-15);
    }

    [Fact]
    public void Renyi_OrderZero_IsMinusLogOfTheReferenceMassOnTheSupport()
    {
        // D₀(p‖q) = −log Σ_{pᵢ>0} qᵢ.
        Divergence.Renyi([0.5, 0.5, 0], [0.3, 0.2, 0.5], 0).Should().BeApproximately(-Math.Log(0.5), 1e-15);
    }

    [Theory]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    [InlineData(1e-6)]
    public void Renyi_NearOrderOne_FollowsKullbackLeiblerAlongItsSlope(double epsilon)
    {
        // dD_α/dα at α = 1 is ½Var_p[ℓ], ℓ = ln(p/q) (expansion of ln Σ pᵢe^(εℓᵢ)); next term O(ε²).
        double[] l = [.. P.Zip(Q, (a, b) => Math.Log(a / b))];
        double variance = P.Zip(l, (a, x) => a * x * x).Sum() - (KlPQ * KlPQ);

        Divergence.Renyi(P, Q, 1 + epsilon).Should().BeApproximately(KlPQ + (epsilon / 2 * variance), 1e-15 + (epsilon * epsilon));
        Divergence.Renyi(P, Q, 1).Should().BeApproximately(KlPQ, 1e-15);
    }

    [Fact]
    public void Renyi_LargeOrders_TendToTheWorstCaseLogRatio()
    {
        // D_α = ℓ* + (1/(α−1))·ln Σ pᵢe^((α−1)(ℓᵢ − ℓ*)) → ℓ* = ln(0.4/0.1); at α = 1e6 only the largest ratio's term survives, so
        // D = ln 4 + ln(0.4)/(α − 1). α = 1000 takes e^(999·ln 4), past the double range, through the scaled sum.
        Divergence.Renyi(P, Q, 1e6).Should().BeApproximately(Math.Log(4) + (Math.Log(0.4) / (1e6 - 1)), 1e-15);
        double brute = Math.Log(4) + (Math.Log(P.Zip(Q, (a, b) => a * Math.Exp(999 * (Math.Log(a / b) - Math.Log(4)))).Sum()) / 999);
        Divergence.Renyi(P, Q, 1000).Should().BeApproximately(brute, 1e-15);
    }

    [Fact]
    public void Renyi_IncreasingOrder_NeverDecreases()
    {
        // van Erven and Harremoës (2014), Theorem 3: D_α is non-decreasing in α.
        double[] orders = [0, 0.1, 0.5, 1 - 1e-9, 1, 1 + 1e-9, 2, 7.5, 50, 1000, double.PositiveInfinity];
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = 1 + (seed & 31);
            double[] p = ProbabilityVectorSamples.Vector(rng, n);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            double[] d = [.. orders.Select(a => Divergence.Renyi(p, q, a))];
            for (int i = 1; i < d.Length; i++)
            {
                d[i].Should().BeGreaterThanOrEqualTo(d[i - 1] - 1e-13, $"α = {orders[i]} after {orders[i - 1]}");
            }
        }, iter: 200);
    }

    [Fact]
    public void EveryPowerDivergence_IsZeroForEqualInputsAndPositiveOtherwise()
    {
        // Axioms 1–2 of a divergence: D(p : q) ≥ 0 with equality iff p = q.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = 2 + (seed & 15);
            double[] p = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            double[] q = ProbabilityVectorSamples.Vector(rng, n, zeroFraction: 0);
            foreach (double order in new[] { 0.3, 2.0 })
            {
                Divergence.Renyi(p, p, order).Should().BeApproximately(0, 1e-15);
                Divergence.Tsallis(p, p, order).Should().BeApproximately(0, 1e-15);
                Divergence.Alpha(p, p, order - 1).Should().BeApproximately(0, 1e-15);
                Divergence.Renyi(p, q, order).Should().BePositive();
                Divergence.Tsallis(p, q, order).Should().BePositive();
                Divergence.Alpha(p, q, order - 1).Should().BePositive();
            }
        }, iter: 200);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void RenyiAndTsallis_ReferenceZeroWherePIsNot_AreFiniteBelowOrderOneAndInfiniteFromIt(double order)
    {
        // q₂ = 0 < p₂: the term pᵢ^α qᵢ^(1−α) is 0 for α < 1 and +∞ for α > 1 (KL's rule at α = 1).
        double[] p = [0.5, 0.5];
        double[] q = [1.0, 0.0];
        bool infinite = order >= 1;

        if (infinite)
        {
            Divergence.Renyi(p, q, order).Should().Be(double.PositiveInfinity);
            Divergence.Tsallis(p, q, order).Should().Be(double.PositiveInfinity);
        }
        else
        {
            Divergence.Renyi(p, q, order).Should().BeApproximately(-Math.Log(Math.Sqrt(0.5)) / 0.5, 1e-15);
            Divergence.Tsallis(p, q, order).Should().BeApproximately((Math.Sqrt(0.5) - 1) / -0.5, 1e-15);
        }
    }

    [Theory]
    [InlineData(0.5, 0.14373831545565321011)]
    [InlineData(2.0, 1.025)]
    [InlineData(0.0, 0.0)]
    public void Tsallis_FourOutcomes_MatchesFortyDigitValue(double order, double expected)
    {
        // mpmath, 40 digits: (fsum(x**a * y**(1-a)) - 1) / (a - 1) over (P, Q).
        Divergence.Tsallis(P, Q, order).Should().BeApproximately(expected, 2e-15);
    }

    [Theory]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    public void Tsallis_NearOrderOne_FollowsKullbackLeiblerAlongItsSlope(double epsilon)
    {
        // dD_q/dq at q = 1 is ½Σ pᵢℓᵢ² (expansion of Σ pᵢ(e^(εℓᵢ) − 1)/ε); next term O(ε²).
        double slope = 0.5 * P.Zip(Q, (a, b) => a * Math.Log(a / b) * Math.Log(a / b)).Sum();

        Divergence.Tsallis(P, Q, 1 + epsilon).Should().BeApproximately(KlPQ + (epsilon * slope), 1e-15);
        Divergence.Tsallis(P, Q, 1).Should().BeApproximately(KlPQ, 1e-15);
    }

    [Theory]
    [InlineData(-3.0, 0.5125)]
    [InlineData(-0.5, 0.30703313238353093139)]
    [InlineData(0.0, 0.28747663091130642021)]
    [InlineData(0.5, 0.2724459502895681916)]
    [InlineData(3.0, 0.24791666666666666667)]
    public void Alpha_FourOutcomes_MatchesFortyDigitValue(double alpha, double expected)
    {
        // mpmath, 40 digits: 4/(1 - a*a) * (1 - fsum(x**((1-a)/2) * y**((1+a)/2))) over (P, Q); numpy agrees at α = ½
        // (0.27244595028956786).
        Divergence.Alpha(P, Q, alpha).Should().BeApproximately(expected, 2e-15);
    }

    [Theory]
    [InlineData(-1, KlPQ)]
    [InlineData(1, KlQP)]
    public void Alpha_AtMinusAndPlusOne_IsKullbackLeiblerInEachDirection(double alpha, double kl)
    {
        // With p^((1−α)/2) q^((1+α)/2), α → −1 leaves Σ p (q/p)^(ε/2) ≈ 1 − (ε/2)KL(p‖q): D₋₁ = KL(p‖q), D₊₁ = KL(q‖p) (Amari 1985:
        // "when α = −1 this reduces to the Kullback divergence"). Continuous there: the slope is finite, so ±1e-9 moves it by ~1e-9.
        Divergence.Alpha(P, Q, alpha).Should().BeApproximately(kl, 1e-15);
        Divergence.Alpha(P, Q, alpha + 1e-9).Should().BeApproximately(kl, 2e-9);
        Divergence.Alpha(P, Q, alpha - 1e-9).Should().BeApproximately(kl, 2e-9);
        Math.Abs(Divergence.Alpha(P, Q, alpha + 1e-9) - Divergence.Alpha(P, Q, alpha - 1e-9)).Should().BeLessThan(3e-9);
    }

    [Fact]
    public void Alpha_ExchangingTheDistributions_NegatesTheIndex()
    {
        // D_α[p : q] = D₋α[q : p] (Amari 2016, ch. 3).
        foreach (double alpha in new[] { -2.5, -0.7, 0, 0.3, 1, 4 })
        {
            Divergence.Alpha(P, Q, alpha).Should().BeApproximately(Divergence.Alpha(Q, P, -alpha), 1e-15, $"α = {alpha}");
        }
    }

    [Fact]
    public void Alpha_IndexZero_IsFourTimesOneMinusTheBhattacharyyaCoefficient()
    {
        double coefficient = P.Zip(Q, (a, b) => Math.Sqrt(a * b)).Sum();

        Divergence.Alpha(P, Q, 0).Should().BeApproximately(4 * (1 - coefficient), 1e-15);
    }

    [Fact]
    public void Alpha_SupportMismatch_IsFiniteInsideMinusOneToOneAndInfiniteBeyondOnTheMissingSide()
    {
        // q₂ = 0 < p₂: q's exponent (1+α)/2 is negative below α = −1, so that side is +∞; p's exponent is never negative there.
        double[] p = [0.5, 0.5];
        double[] q = [1.0, 0.0];

        Divergence.Alpha(p, q, 0).Should().BeApproximately(4 * (1 - Math.Sqrt(0.5)), 1e-15);
        Divergence.Alpha(p, q, -3).Should().Be(double.PositiveInfinity);
        Divergence.Alpha(p, q, 3).Should().BeApproximately(4 / (1 - 9.0) * (1 - Math.Pow(0.5, -1) * 1.0), 1e-15);
        Divergence.Alpha(q, p, 3).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Alpha_IndicesWhosePowersOverflow_StayOnTheFormula()
    {
        // D_α = 4(P − 1)/(α² − 1), P = Σ qᵢ(qᵢ/pᵢ)^((α−1)/2) for α > 1. With q/p = (1.5, 2/3) and α = 3515, ln P =
        // ln 0.6 + 1757·ln 1.5 ≈ 711.9 overflows a double, yet ln D = ln 4 + ln P − ln(α² − 1) ≈ 696.9 does not (the other
        // term, 0.4·(2/3)^1757 ≈ e^−713, is below P's rounding).
        double[] p = [0.4, 0.6];
        double[] q = [0.6, 0.4];
        double logP = Math.Log(0.6) + (1757 * Math.Log(1.5));
        double expected = Math.Exp(Math.Log(4) + logP - Math.Log((3515.0 * 3515) - 1));

        Divergence.Alpha(p, q, 3515).Should().BeApproximately(expected, 1e-12 * expected);

        // At α = 1e200, α² overflows too and D itself is past the double range: +∞, not NaN.
        Divergence.Alpha(P, Q, 1e200).Should().Be(double.PositiveInfinity);
    }

    public static TheoryData<string, double, double> LocalConstants => new()
    {
        { "Renyi", 0.5, 0.5 },
        { "Renyi", 3.0, 3.0 },
        { "Tsallis", 0.5, 0.5 },
        { "Tsallis", 2.0, 2.0 },
        { "Alpha", -3.0, 1.0 },
        { "Alpha", 0.0, 1.0 },
        { "Alpha", 0.6, 1.0 },
    };

    [Theory]
    [MemberData(nameof(LocalConstants))]
    public void PowerDivergence_SmallStep_IsItsConstantTimesHalfTheFisherQuadraticForm(string divergence, double order, double constant)
    {
        // The notes' axiom 3: D(ξ : ξ + dξ) = c·½ dξᵀ G dξ + O(‖dξ‖³), with c = α for Rényi, q for Tsallis, 1 for every α-divergence.
        // The ratio to c·½ dξᵀ G dξ tends to 1 linearly in the step, which shrinking it ten-fold shows.
        double[] p = [0.2, 0.3, 0.1, 0.4];
        double[] direction = [0.3, -0.5, 0.4];
        double previous = double.PositiveInfinity;
        foreach (double h in new[] { 1e-2, 1e-3, 1e-4 })
        {
            double[] step = [.. direction.Select(d => d * h)];
            double[] moved = [p[0] + step[0], p[1] + step[1], p[2] + step[2], p[3] - step.Sum()];
            double d = divergence switch
            {
                "Renyi" => Divergence.Renyi(p, moved, order),
                "Tsallis" => Divergence.Tsallis(p, moved, order),
                _ => Divergence.Alpha(p, moved, order),
            };
            double error = Math.Abs((d / (constant * FisherInformation.QuadraticForm(p, step))) - 1);

            error.Should().BeLessThan(previous / 5, $"step {h}");
            error.Should().BeLessThan(20 * h, $"step {h}");
            previous = error;
        }
    }

    [Fact]
    public void EveryPowerDivergence_FloatInput_EqualsTheDoubleOverloadOnTheWidenedValues()
    {
        (float[] p, float[] q, double[] pd, double[] qd) = ProbabilityVectorSamples.FloatPair(1031);

        foreach (double order in new[] { 0, 0.5, 2, 40, double.PositiveInfinity })
        {
            Divergence.Renyi(p, q, order).Should().Be(Divergence.Renyi(pd, qd, order), $"α = {order}");
        }

        Divergence.Tsallis(p, q, 2.5).Should().Be(Divergence.Tsallis(pd, qd, 2.5));
        Divergence.Alpha(p, q, 0.5).Should().Be(Divergence.Alpha(pd, qd, 0.5));
        Divergence.Alpha(p, q, -0.5).Should().Be(Divergence.Alpha(pd, qd, -0.5));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.5)]
    public void RenyiAndTsallis_BadOrder_ThrowNamingIt(double order)
    {
        Action renyi = () => Divergence.Renyi(P, Q, order);
        Action tsallis = () => Divergence.Tsallis(P, Q, order);

        renyi.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        tsallis.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(order));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void TsallisAndAlpha_InfiniteOrNaNIndex_ThrowNamingIt(double order)
    {
        Action tsallis = () => Divergence.Tsallis(P, Q, order);
        Action alpha = () => Divergence.Alpha(P, Q, order);

        tsallis.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(order));
        alpha.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(double.PositiveInfinity)]
    public void EveryPowerDivergence_BadVectors_ThrowNamingTheVector(double order)
    {
        double tsallisOrder = double.IsInfinity(order) ? 2 : order;
        Action[] mismatched =
        [
            () => Divergence.Renyi(P, [0.5, 0.5], order),
            () => Divergence.Tsallis(P, [0.5, 0.5], tsallisOrder),
            () => Divergence.Alpha(P, [0.5, 0.5], tsallisOrder - 1),
        ];
        Action[] notProbabilities =
        [
            () => Divergence.Renyi(P, [0.25, 0.25, 0.25, 0.3], order),
            () => Divergence.Tsallis(P, [0.25, 0.25, 0.25, 0.3], tsallisOrder),
            () => Divergence.Alpha(P, [0.25, 0.25, 0.25, 0.3], tsallisOrder - 1),
            () => Divergence.Alpha(P, [0.25, 0.25, 0.25, 0.3], 1 - tsallisOrder),
        ];

        foreach (Action act in mismatched)
        {
            act.Should().Throw<ArgumentException>().Which.ParamName.Should().BeOneOf("p", "q");
        }

        foreach (Action act in notProbabilities)
        {
            act.Should().Throw<ArgumentException>().WithParameterName("q");
        }

        Action emptyP = () => Divergence.Renyi([], [], order);
        emptyP.Should().Throw<ArgumentException>().WithParameterName("p");
    }

    [Fact]
    public void ReadmeSnippet_GeneralizedMeasures_QuotesTheseValues()
    {
        #region snippet: GeneralizedMeasures
        double[] p = [0.1, 0.2, 0.3, 0.4];
        double[] q = [0.25, 0.25, 0.4, 0.1];

        double h2 = Entropy.Renyi(p, 2);                          // 1.2040 nats = −ln Σ pᵢ², the collision entropy
        double hMin = Entropy.Renyi(p, double.PositiveInfinity);  // 0.9163 = −ln 0.4, the min-entropy
        double s2 = Entropy.Tsallis(p, 2);                        // 0.7 = 1 − Σ pᵢ²
        double d2 = Divergence.Renyi(p, q, 2);                    // 0.7056 nats; order 1 is KL(p‖q) = 0.3320
        double t2 = Divergence.Tsallis(p, q, order: 2);           // 1.025 = Σ pᵢ²/qᵢ − 1
        double a0 = Divergence.Alpha(p, q, 0);                    // 0.2875 = 4(1 − Σ √(pᵢqᵢ))
        double aKl = Divergence.Alpha(p, q, -1);                  // 0.3320 = KL(p‖q); α = +1 gives KL(q‖p) = 0.2613
        #endregion

        h2.Should().BeApproximately(1.2040, 5e-5);
        hMin.Should().BeApproximately(0.9163, 5e-5);
        s2.Should().BeApproximately(0.7, 1e-15);
        d2.Should().BeApproximately(0.7056, 5e-5);
        Divergence.Renyi(p, q, 1).Should().BeApproximately(0.3320, 5e-5);
        t2.Should().BeApproximately(1.025, 1e-15);
        a0.Should().BeApproximately(0.2875, 5e-5);
        aKl.Should().BeApproximately(0.3320, 5e-5);
        Divergence.Alpha(p, q, 1).Should().BeApproximately(0.2613, 5e-5);
    }
}
