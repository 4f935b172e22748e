using InfoTheory.Continuous;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public class MonteCarloTests
{
    public static TheoryData<int> Dimensions => new() { 1, 2, 5 };

    [Fact]
    public void KullbackLeibler_ReferenceRow21_LandsWithinTolerance()
    {
        // TF Probability's Gaussian KL Monte Carlo test: 4.5e5 samples within 0.01 of 0.4336188206784539.
        var p = Gaussian.Diagonal([1.0], [0.25]);
        var q = Gaussian.Diagonal([1.1], [0.09]);

        var estimate = MonteCarlo.KullbackLeibler(p, q, 450_000, seed: 1);

        estimate.Value.Should().BeApproximately(0.4336188206784539, 0.01);
        estimate.SampleCount.Should().Be(450_000);
        estimate.ClippedFraction.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void KullbackLeibler_Gaussians_WithinFourStandardErrorsOfAnalytic(int dimension)
    {
        var (p, q) = RandomPair(dimension, new Random(100 + dimension));
        double exact = Gaussian.KullbackLeibler(p, q);

        foreach (var estimator in new[] { MonteCarloEstimator.K1, MonteCarloEstimator.K3 })
        {
            var estimate = MonteCarlo.KullbackLeibler(p, q, 20_000, seed: 7, new MonteCarloOptions { Estimator = estimator });

            estimate.StandardError.Should().BePositive();
            estimate.Value.Should().BeApproximately(exact, 4 * estimate.StandardError, $"{estimator} in {dimension} dimensions");
        }
    }

    [Fact]
    public void KullbackLeibler_ReportedStandardError_MatchesSpreadOverFiftySeeds()
    {
        var (p, q) = RandomPair(2, new Random(3));
        var estimates = Enumerable.Range(0, 50).Select(seed => MonteCarlo.KullbackLeibler(p, q, 2000, seed)).ToArray();

        double mean = estimates.Average(e => e.Value);
        double spread = Math.Sqrt(estimates.Sum(e => (e.Value - mean) * (e.Value - mean)) / 49);
        double reported = estimates.Average(e => e.StandardError);

        // A standard deviation from 50 values has a relative error of about 1/√98 ≈ 10%; allow 3 of those.
        (spread / reported).Should().BeInRange(0.7, 1.3);
    }

    [Fact]
    public void KullbackLeibler_K3_HasSmallerErrorOnClosePair()
    {
        var p = Gaussian.Diagonal([0.0, 0.0], [1.0, 1.0]);
        var q = Gaussian.Diagonal([0.1, 0.0], [1.1, 1.0]);

        var k1 = MonteCarlo.KullbackLeibler(p, q, 20_000, seed: 2);
        var k3 = MonteCarlo.KullbackLeibler(p, q, 20_000, seed: 2, new MonteCarloOptions { Estimator = MonteCarloEstimator.K3 });

        // Schulman (2020): for nearby distributions k3 has far lower variance than k1, the plain log-ratio.
        k3.StandardError.Should().BeLessThan(k1.StandardError / 5);
    }

    [Fact]
    public void KullbackLeibler_SameSeed_SameBitsOnOneOrAllCores()
    {
        var p = new GaussianMixture([0.5, 0.5], [Gaussian.Diagonal([0.0, 0.0], [0.0625, 0.25]), Gaussian.Diagonal([1.0, 1.0], [0.0625, 0.0625])]);
        var q = Gaussian.Diagonal([0.5, 0.5], [1.0, 1.0]);
        const int n = (4 * MonteCarlo.BlockSize) + 123;

        var serial = MonteCarlo.KullbackLeibler(p, q, n, seed: 9, new MonteCarloOptions { MaxDegreeOfParallelism = 1 });
        var parallel = MonteCarlo.KullbackLeibler(p, q, n, seed: 9);
        var again = MonteCarlo.KullbackLeibler(p, q, n, seed: 9);
        var other = MonteCarlo.KullbackLeibler(p, q, n, seed: 10);

        parallel.Should().Be(serial);
        again.Should().Be(serial);
        other.Value.Should().NotBe(serial.Value);
    }

    [Fact]
    public void KullbackLeibler_CallersRandom_IsDeterministicAndAdvancesIt()
    {
        var p = Gaussian.Standard(1);
        var q = Gaussian.Diagonal([1.0], [2.0]);
        var random = new Random(4);

        var first = MonteCarlo.KullbackLeibler(p, q, 1000, random);
        var second = MonteCarlo.KullbackLeibler(p, q, 1000, random);

        MonteCarlo.KullbackLeibler(p, q, 1000, new Random(4)).Should().Be(first);
        second.Value.Should().NotBe(first.Value);
    }

    [Fact]
    public void KullbackLeibler_QZeroWherePIsNot_IsInfiniteUnlessClipped()
    {
        var p = new UnivariateDensity(new ContinuousUniform(0, 2));
        var q = new UnivariateDensity(new ContinuousUniform(0, 1));
        const int n = 10_000;

        var plain = MonteCarlo.KullbackLeibler(p, q, n, seed: 1);
        var clipped = MonteCarlo.KullbackLeibler(p, q, n, seed: 1, MonteCarloOptions.Clipped(20));

        plain.Value.Should().Be(double.PositiveInfinity);
        plain.StandardError.Should().Be(double.PositiveInfinity);

        // Half the draws fall in (1, 2] where ℓ = +∞ → 20; the rest have ℓ = ln(½ / 1).
        double tolerance = 4 * Math.Sqrt(0.25 / n);
        clipped.ClippedFraction.Should().BeApproximately(0.5, tolerance);
        clipped.Value.Should().BeApproximately((clipped.ClippedFraction * 20) + ((1 - clipped.ClippedFraction) * Math.Log(0.5)), 1e-9);
    }

    [Fact]
    public void KullbackLeibler_DegenerateInterval_ClipsEveryTerm()
    {
        var options = new MonteCarloOptions { LogRatioMin = 0.25, LogRatioMax = 0.25 };

        var estimate = MonteCarlo.KullbackLeibler(Gaussian.Standard(2), Gaussian.Diagonal([1.0, 0.0], [2.0, 1.0]), 500, seed: 1, options);

        estimate.Should().Be(new Estimate(0.25, 0.0, 500, 1.0));
    }

    [Fact]
    public void KullbackLeibler_HeavyTailedStudentT_ClippingReducesSpreadAndReportsFraction()
    {
        // p = Student-t with ν = 3, q = N(0, 1): ℓ(x) grows like x²/2 and E_p[ℓ²] = ∞ (E|x|⁴ diverges).
        var t = new StudentT(0, 1, 3);
        var p = new UnivariateDensity(t);
        var q = new UnivariateDensity(new Normal(0, 1));
        var clip = MonteCarloOptions.Clipped(3);

        double[] plain = Enumerable.Range(0, 20).Select(s => MonteCarlo.KullbackLeibler(p, q, 2000, s).Value).ToArray();
        double[] clipped = Enumerable.Range(0, 20).Select(s => MonteCarlo.KullbackLeibler(p, q, 2000, s, clip).Value).ToArray();

        StandardDeviation(clipped).Should().BeLessThan(StandardDeviation(plain) / 2);

        // ℓ has its minimum (about −0.3) at |x| = 1 and increases beyond, so only ℓ > 3 is clipped:
        // exactly when |x| > x₀ with ℓ(x₀) = 3, which happens with probability 2(1 − F_t(x₀)).
        double LogRatio(double x) => t.DensityLn(x) - Normal.PDFLn(0, 1, x);
        double lo = 1, hi = 50;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            (LogRatio(mid) > 3 ? ref hi : ref lo) = mid;
        }

        double expectedFraction = 2 * (1 - t.CumulativeDistribution(lo));
        const int n = 40_000;
        var estimate = MonteCarlo.KullbackLeibler(p, q, n, seed: 5, clip);
        estimate.ClippedFraction.Should().BeApproximately(expectedFraction, 4 * Math.Sqrt(expectedFraction * (1 - expectedFraction) / n));
    }

    [Fact]
    public void JensenShannon_OneDimension_MatchesQuadrature()
    {
        var p = Gaussian.Diagonal([0.0], [1.0]);
        var q = Gaussian.Diagonal([1.5], [0.64]);

        // q is not much narrower than p, so the control variate's q/p term has finite variance under both.
        // Independent value: Simpson's rule for ½∫p ln(p/m) + ½∫q ln(q/m) on [−15, 15].
        double exact = Simpson(
            x =>
            {
                double a = Normal.PDF(0, 1, x), b = Normal.PDF(1.5, 0.8, x), m = 0.5 * (a + b);
                return (a > 0 ? 0.5 * a * Math.Log(a / m) : 0) + (b > 0 ? 0.5 * b * Math.Log(b / m) : 0);
            },
            -15,
            15,
            30_000);

        foreach (var estimator in new[] { MonteCarloEstimator.K1, MonteCarloEstimator.K3 })
        {
            var estimate = MonteCarlo.JensenShannon(p, q, 20_000, seed: 3, new MonteCarloOptions { Estimator = estimator });
            estimate.Value.Should().BeApproximately(exact, 4 * estimate.StandardError);
        }
    }

    [Fact]
    public void JensenShannon_FarApartGaussians_IsOneBit()
    {
        var estimate = MonteCarlo.JensenShannon(
            Gaussian.Standard(2), Gaussian.Diagonal([100.0, 0.0], [1.0, 1.0]), 1000, seed: 1, new MonteCarloOptions { Unit = LogBase.Bits });

        estimate.Value.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void CrossEntropy_Gaussians_IsEntropyPlusKullbackLeibler()
    {
        var (p, q) = RandomPair(2, new Random(8));
        double exact = p.Entropy() + Gaussian.KullbackLeibler(p, q);

        var estimate = MonteCarlo.CrossEntropy(p, q, 20_000, seed: 4);
        var k3 = MonteCarlo.CrossEntropy(p, q, 20_000, seed: 4, new MonteCarloOptions { Estimator = MonteCarloEstimator.K3 });

        estimate.Value.Should().BeApproximately(exact, 4 * estimate.StandardError);
        k3.Value.Should().BeApproximately(exact, 4 * k3.StandardError);
    }

    [Fact]
    public void Entropy_Gaussian_WithinFourStandardErrorsOfAnalytic()
    {
        var (p, _) = RandomPair(3, new Random(6));

        var estimate = MonteCarlo.Entropy(p, 20_000, seed: 5, new MonteCarloOptions { Unit = LogBase.Bits });

        estimate.Value.Should().BeApproximately(p.Entropy(LogBase.Bits), 4 * estimate.StandardError);
    }

    [Fact]
    public void Entropy_WithClipping_Throws()
    {
        var act = () => MonteCarlo.Entropy(Gaussian.Standard(1), 100, seed: 1, MonteCarloOptions.Clipped(5));

        act.Should().Throw<ArgumentException>().WithParameterName("options");
    }

    [Fact]
    public void KullbackLeibler_TooFewSamples_Throws()
    {
        var act = () => MonteCarlo.KullbackLeibler(Gaussian.Standard(1), Gaussian.Standard(1), 1, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
    }

    [Fact]
    public void KullbackLeibler_DimensionMismatch_Throws()
    {
        var act = () => MonteCarlo.KullbackLeibler(Gaussian.Standard(1), Gaussian.Standard(2), 100, seed: 1);

        act.Should().Throw<ArgumentException>().WithParameterName("q");
    }

    [Fact]
    public void KullbackLeibler_NullDensity_Throws()
    {
        var act = () => MonteCarlo.KullbackLeibler(null!, Gaussian.Standard(2), 100, seed: 1);

        act.Should().Throw<ArgumentNullException>().WithParameterName("p");
    }

    [Fact]
    public void KullbackLeibler_NullRandom_Throws()
    {
        var act = () => MonteCarlo.KullbackLeibler(Gaussian.Standard(1), Gaussian.Standard(1), 100, (Random)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("random");
    }

    [Fact]
    public void JensenShannon_DimensionMismatch_Throws()
    {
        var act = () => MonteCarlo.JensenShannon(Gaussian.Standard(2), Gaussian.Standard(1), 100, seed: 1);

        act.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage("p has dimension 2 but q has dimension 1*");
    }

    [Fact]
    public void CrossEntropy_TooFewSamples_Throws()
    {
        var act = () => MonteCarlo.CrossEntropy(Gaussian.Standard(1), Gaussian.Standard(1), 0, new Random(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("samples");
    }

    [Fact]
    public void Entropy_NullDensity_Throws()
    {
        var act = () => MonteCarlo.Entropy(null!, 100, seed: 1);

        act.Should().Throw<ArgumentNullException>().WithParameterName("p");
    }

    [Fact]
    public void Clipped_NonPositiveBound_Throws()
    {
        var act = () => MonteCarloOptions.Clipped(0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bound");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void KullbackLeibler_DensityDimensionBelowOne_ThrowsNamingIt(int dimension)
    {
        var bad = new ScriptedDensity(dimension);

        var asP = () => MonteCarlo.KullbackLeibler(bad, Gaussian.Standard(1), 100, seed: 1);
        var asQ = () => MonteCarlo.KullbackLeibler(Gaussian.Standard(1), bad, 100, seed: 1);
        var entropy = () => MonteCarlo.Entropy(bad, 100, seed: 1);

        asP.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage($"p.Dimension is {dimension}*");
        asQ.Should().Throw<ArgumentException>().WithParameterName("q").WithMessage($"q.Dimension is {dimension}*");
        entropy.Should().Throw<ArgumentException>().WithParameterName("p");
        bad.Calls.Should().Be(0);
    }

    [Fact]
    public void KullbackLeibler_DensityDimensionTooLargeForABatch_ThrowsNamingIt()
    {
        var huge = new ScriptedDensity(int.MaxValue / 2);

        var act = () => MonteCarlo.JensenShannon(huge, huge, 100, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("p");
    }

    [Fact]
    public void KullbackLeibler_DensityThrowsInParallelBlocks_AlwaysSurfacesItsOwnExceptionFromTheLowestFailingBlock()
    {
        // Sample throws on about one chunk in 200, quoting the draw that made it fail, which identifies the block's own
        // stream. Run on one thread, blocks go in order, so the first failure is the lowest failing block's; on four
        // threads the caller must see that same exception itself (never an AggregateException), every time.
        var options = new MonteCarloOptions { MaxDegreeOfParallelism = 1 };
        var sequential = () => MonteCarlo.KullbackLeibler(new ScriptedDensity(1, 5e-3), Gaussian.Standard(1), 64 * MonteCarlo.BlockSize, seed: 3, options);
        string expected = sequential.Should().Throw<DensityFailure>().Which.Message;
        for (int repeat = 0; repeat < 20; repeat++)
        {
            var parallel = () => MonteCarlo.KullbackLeibler(
                new ScriptedDensity(1, 5e-3), Gaussian.Standard(1), 64 * MonteCarlo.BlockSize, seed: 3, options with { MaxDegreeOfParallelism = 4 });

            parallel.Should().Throw<DensityFailure>().Which.Message.Should().Be(expected);
        }
    }

    [Fact]
    public void Entropy_DensityThrowsEverywhere_SurfacesItsOwnException()
    {
        for (int repeat = 0; repeat < 20; repeat++)
        {
            var act = () => MonteCarlo.Entropy(new ScriptedDensity(1, 1.0), 40 * MonteCarlo.BlockSize, seed: repeat, new MonteCarloOptions { MaxDegreeOfParallelism = 4 });

            act.Should().Throw<DensityFailure>();
        }
    }

    [Fact]
    public void KullbackLeibler_K2AndAbsoluteLogRatio_BiasedUpwardsAsSchulmanSays()
    {
        // P = N(0, 1), Q = N(1, 1): KL = 0.5; E[k2] = ½(μ² + μ⁴/4) = 0.625 and E|ℓ| = E|x − ½| for x ~ N(0, 1).
        var p = Gaussian.Standard(1);
        var q = Gaussian.Diagonal([1.0], [1.0]);
        double absolute = (2 * Normal.PDF(0, 1, 0.5)) + (0.5 * ((2 * Normal.CDF(0, 1, 0.5)) - 1));

        var k2 = MonteCarlo.KullbackLeibler(p, q, 200_000, seed: 5, new MonteCarloOptions { Estimator = MonteCarloEstimator.K2 });
        var abs = MonteCarlo.KullbackLeibler(p, q, 200_000, seed: 5, new MonteCarloOptions { Estimator = MonteCarloEstimator.AbsoluteLogRatio });

        k2.Value.Should().BeApproximately(0.625, 4 * k2.StandardError);
        abs.Value.Should().BeApproximately(absolute, 4 * abs.StandardError);
    }

    [Fact]
    public void JensenShannon_EveryEstimator_StaysNearTheExactValueWithinItsBias()
    {
        var p = Gaussian.Standard(1);
        var q = Gaussian.Diagonal([0.3], [1.0]);

        foreach (var estimator in Enum.GetValues<MonteCarloEstimator>())
        {
            var estimate = MonteCarlo.JensenShannon(p, q, 20_000, seed: 3, new MonteCarloOptions { Estimator = estimator });

            // JSD of N(0,1) and N(0.3,1) is about 0.011 nats; the biased forms stay within [0, ln 2].
            estimate.Value.Should().BeInRange(0, Math.Log(2), estimator.ToString());
        }
    }

    [Fact]
    public void KullbackLeibler_TermClamp_BoundsEveryTermAndCountsIt()
    {
        // With TermMax = 0 every k1 term above 0 is clamped, so the estimate is the mean of min(ℓ, 0) ≤ 0.
        var p = Gaussian.Standard(1);
        var q = Gaussian.Diagonal([1.0], [1.0]);

        var estimate = MonteCarlo.KullbackLeibler(p, q, 20_000, seed: 2, new MonteCarloOptions { TermMax = 0 });

        estimate.Value.Should().BeLessThanOrEqualTo(0);
        // ℓ = ½ − x > 0 exactly when x < ½: Φ(½) ≈ 0.691 of the samples.
        estimate.ClippedFraction.Should().BeApproximately(Normal.CDF(0, 1, 0.5), 0.02);
    }

    [Theory]
    [InlineData(MonteCarloEstimator.K2, double.NegativeInfinity)]
    [InlineData(MonteCarloEstimator.K1, 0.0)]
    public void Entropy_EstimatorOrTermClamp_ThrowsNamingOptions(MonteCarloEstimator estimator, double termMin)
    {
        var act = () => MonteCarlo.Entropy(Gaussian.Standard(1), 100, seed: 1, new MonteCarloOptions { Estimator = estimator, TermMin = termMin });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*estimator other than K1*");
    }

    [Fact]
    public void Clipped_UndefinedEstimator_ThrowsNamingEstimator()
    {
        var act = () => MonteCarloOptions.Clipped(20, (MonteCarloEstimator)(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("estimator");
    }

    private static (Gaussian P, Gaussian Q) RandomPair(int dimension, Random random)
    {
        return (Make(), Make());

        Gaussian Make()
        {
            // Σ = A Aᵀ + ½ I is symmetric positive definite for any A.
            var a = new double[dimension, dimension];
            var mean = new double[dimension];
            for (int i = 0; i < dimension; i++)
            {
                mean[i] = random.NextDouble() - 0.5;
                for (int j = 0; j < dimension; j++)
                {
                    a[i, j] = (random.NextDouble() - 0.5) * 0.8;
                }
            }

            var covariance = new double[dimension, dimension];
            for (int i = 0; i < dimension; i++)
            {
                for (int j = 0; j < dimension; j++)
                {
                    double sum = i == j ? 0.5 : 0.0;
                    for (int k = 0; k < dimension; k++)
                    {
                        sum += a[i, k] * a[j, k];
                    }

                    covariance[i, j] = sum;
                }
            }

            return new Gaussian(mean, covariance);
        }
    }

    private static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double Simpson(Func<double, double> f, double a, double b, int intervals)
    {
        double h = (b - a) / intervals;
        double sum = f(a) + f(b);
        for (int i = 1; i < intervals; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }

    /// <summary>A user density: a uniform on [0, 1)ᵈ that reports any dimension and throws from Sample with the given probability per call.</summary>
    [Fact]
    public void KullbackLeibler_MaxDegreeOfParallelismMinusOne_RunsOneWorkerPerCore()
    {
        // −1 means all cores, as in ParallelOptions: each worker's first draw waits until one worker per core has arrived,
        // which can only happen if that many run at once.
        using var p = new RendezvousDensity(Environment.ProcessorCount);

        MonteCarlo.KullbackLeibler(
            p, Gaussian.Standard(1), Environment.ProcessorCount * MonteCarlo.BlockSize, seed: 1, new MonteCarloOptions { MaxDegreeOfParallelism = -1 });

        p.AllArrived.Should().BeTrue();
    }

    private sealed class RendezvousDensity(int participants) : IDensity, IDisposable
    {
        private readonly Barrier _barrier = new(participants);
        private int _arrivals;
        private bool _missed;

        public bool AllArrived => _arrivals >= participants && !_missed;

        public int Dimension => 1;

        public double LogDensity(ReadOnlySpan<double> x) => 0;

        public void LogDensity(ReadOnlySpan<double> points, Span<double> destination) => destination.Clear();

        public void Dispose() => _barrier.Dispose();

        public void Sample(Random random, Span<double> destination)
        {
            // A waiting worker cannot arrive twice, so the first `participants` arrivals come from distinct workers.
            if (Interlocked.Increment(ref _arrivals) <= participants && !_barrier.SignalAndWait(TimeSpan.FromSeconds(60)))
            {
                _missed = true;
            }

            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = random.NextDouble();
            }
        }
    }

    private sealed class ScriptedDensity(int dimension, double failure = 0) : IDensity
    {
        private int _calls;

        public int Dimension => dimension;

        public int Calls => _calls;

        public double LogDensity(ReadOnlySpan<double> x) => 0;

        public void LogDensity(ReadOnlySpan<double> points, Span<double> destination) => destination.Clear();

        public void Sample(Random random, Span<double> destination)
        {
            Interlocked.Increment(ref _calls);
            double u = random.NextDouble();
            if (u < failure)
            {
                throw new DensityFailure($"user density failed at draw {u:R}");
            }

            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = random.NextDouble();
            }
        }
    }

    private sealed class DensityFailure(string message) : Exception(message);

    [Theory]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    public void KullbackLeibler_LowerClipEndNearDoubleMax_IsThatValueWithNoSpread(double min)
    {
        // Every ℓ is clipped up to min; averaging 40,000 copies over three blocks once overflowed to a NaN standard error.
        var options = new MonteCarloOptions { LogRatioMin = min };

        var estimate = MonteCarlo.KullbackLeibler(Gaussian.Standard(1), Gaussian.Diagonal([1.0], [2.0]), 40_000, seed: 1, options);

        estimate.Should().Be(new Estimate(min, 0.0, 40_000, 1.0));
    }

    [Fact]
    public void KullbackLeibler_LogRatiosNear1e300_HaveAFiniteStandardErrorThatScalesWithThem()
    {
        // ℓ = ½x²(1/v − 1) + ½ ln v for p = N(0, 1), q = N(0, v): with one seed, v = 1e-300 gives 1e200 times the terms of
        // v = 1e-100, whose squares a double still holds. Squaring terms near 1e300 once made the standard error NaN.
        var p = Gaussian.Standard(1);

        var narrow = MonteCarlo.KullbackLeibler(p, Gaussian.Diagonal([0.0], [1e-300]), 40_000, seed: 3);
        var reference = MonteCarlo.KullbackLeibler(p, Gaussian.Diagonal([0.0], [1e-100]), 40_000, seed: 3);

        narrow.Value.Should().BeApproximately(reference.Value * 1e200, 1e-9 * narrow.Value);
        narrow.StandardError.Should().BeApproximately(reference.StandardError * 1e200, 1e-9 * narrow.StandardError);
        narrow.Value.Should().BeApproximately(Gaussian.KullbackLeibler(p, Gaussian.Diagonal([0.0], [1e-300])), 5 * narrow.StandardError);
    }
}
