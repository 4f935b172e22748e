using InfoTheory.Continuous;
using InfoTheory.Kernels;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// <c>MonteCarlo.KullbackLeibler</c> over log-probabilities (src/InfoTheory/Continuous/MonteCarlo.LogProbabilities.cs):
/// Schulman's k1, k2, k3 table, agreement with the <see cref="IDensity"/> path, masks, sequence aggregations and the
/// bad-input rules.
/// </summary>
public class MonteCarloLogProbabilitiesTests
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    private static readonly SimdWidth[] Widths = Enum.GetValues<SimdWidth>();

    private static readonly MonteCarloEstimator[] Estimators = Enum.GetValues<MonteCarloEstimator>();

    public static TheoryData<int> AwkwardLengths => new() { 1, 7, 8, 9, 1031 };

    // J. Schulman (2020), "Approximating KL divergence": samples from q = N(0, 1), KL[q, p] with r = p/q. Here samples come
    // from P and r = q/p, so his q is our P = N(0, 1) and his p our Q = N(μ, 1); KL(P‖Q) = μ²/2. The table's rounded
    // entries are checked against their exact values: with log r ~ N(−μ²/2, μ²), bias(k2)/KL = μ²/4,
    // sd(k1)/KL = 2/μ, sd(k2)/KL = 2√(1/2 + μ²/4), sd(k3)/KL = √(e^(μ²) − 1 − μ²)/(μ²/2).
    [Theory]
    [InlineData(0.1, MonteCarloEstimator.K1, 0.0, 20.0)]
    [InlineData(0.1, MonteCarloEstimator.K2, 0.002, 1.42)]
    [InlineData(0.1, MonteCarloEstimator.K3, 0.0, 1.42)]
    [InlineData(1.0, MonteCarloEstimator.K1, 0.0, 2.0)]
    [InlineData(1.0, MonteCarloEstimator.K2, 0.25, 1.73)]
    [InlineData(1.0, MonteCarloEstimator.K3, 0.0, 1.7)]
    public void KullbackLeibler_SchulmansTable_BiasAndSpreadOverTrueKl(double mu, MonteCarloEstimator estimator, double tableBias, double tableSpread)
    {
        const int n = 2_000_000;
        var (logP, logQ) = StandardNormalAndShifted(mu, n, seed: 2020);
        double truth = mu * mu / 2;

        var estimate = MonteCarlo.KullbackLeibler(logP, logQ, new MonteCarloOptions { Estimator = estimator });

        double exactBias = estimator == MonteCarloEstimator.K2 ? mu * mu / 4 : 0;
        double exactSpread = estimator switch
        {
            MonteCarloEstimator.K1 => 2 / mu,
            MonteCarloEstimator.K2 => 2 * Math.Sqrt(0.5 + (mu * mu / 4)),
            _ => Math.Sqrt(Math.Exp(mu * mu) - 1 - (mu * mu)) / truth,
        };
        double bias = (estimate.Value - truth) / truth;
        double spread = estimate.StandardError * Math.Sqrt(n) / truth;

        // The table rounds to two or three digits; the exact values are what the sampling must reproduce.
        exactBias.Should().BeApproximately(tableBias, 0.001);
        exactSpread.Should().BeApproximately(tableSpread, 0.01 * tableSpread);

        // Mean: four standard errors (k1 at μ = 0.1: 4·20/√(2e6) ≈ 0.057 of the true KL; k2: 0.004). Spread: the sample
        // standard deviation of 2e6 terms is within 3% (the lognormal r in k3 at μ = 1 has the heaviest tail, ~0.5%).
        bias.Should().BeApproximately(exactBias, 4 * estimate.StandardError / truth);
        spread.Should().BeApproximately(exactSpread, 0.03 * exactSpread);
        estimate.SampleCount.Should().Be(n);
        estimate.ClippedFraction.Should().Be(0);
    }

    [Fact]
    public void KullbackLeibler_SameGaussiansAndSeedAsTheDensityPath_GivesTheSameEstimate()
    {
        // The IDensity path's one block draws its chunks of 256 points from the block's xoshiro stream; replaying that stream
        // gives the very log-densities it averaged, so every estimator and clamp must agree up to summation order.
        var p = Gaussian.Diagonal([0.0], [1.0]);
        var q = Gaussian.Diagonal([0.4], [1.7]);
        const int n = 10_000;
        const int seed = 11;
        var logP = new double[n];
        var logQ = new double[n];
        var random = new StreamRandom(StreamRandom.BlockSeed((ulong)(long)seed, 0));
        var x = new double[256];
        for (int done = 0; done < n; done += 256)
        {
            int m = Math.Min(256, n - done);
            p.Sample(random, x.AsSpan(0, m));
            p.LogDensity(x.AsSpan(0, m), logP.AsSpan(done, m));
            q.LogDensity(x.AsSpan(0, m), logQ.AsSpan(done, m));
        }

        foreach (var estimator in Estimators)
        {
            foreach (var options in new[]
            {
                new MonteCarloOptions { Estimator = estimator },
                new MonteCarloOptions { Estimator = estimator, LogRatioMin = -0.5, LogRatioMax = 0.3, TermMin = -0.2, TermMax = 0.25 },
            })
            {
                var density = MonteCarlo.KullbackLeibler(p, q, n, seed, options);
                var logProbabilities = MonteCarlo.KullbackLeibler(logP, logQ, options);

                logProbabilities.Value.Should().BeApproximately(density.Value, 1e-12 * Math.Abs(density.Value), $"{estimator}, {options}");
                logProbabilities.StandardError.Should().BeApproximately(density.StandardError, 1e-9 * density.StandardError);
                logProbabilities.SampleCount.Should().Be(density.SampleCount);
                logProbabilities.ClippedFraction.Should().Be(density.ClippedFraction);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void KullbackLeibler_MaskedEveryWidthAndEstimator_MatchesAPlainLoop(int length)
    {
        var (logP, logQ, mask) = Tokens(length, new Random(length));
        var options = new MonteCarloOptions { LogRatioMin = -0.3, LogRatioMax = 0.3, TermMin = -0.05, TermMax = 0.04 };

        foreach (var estimator in Estimators)
        {
            var o = options with { Estimator = estimator };
            var (mean, standardError, count, clipped) = PlainLoop(logP, logQ, mask, o);
            foreach (var width in Widths)
            {
                var estimate = MonteCarlo.TokenKl<double>(logP, logQ, mask, masked: true, o, width);

                estimate.Value.Should().BeApproximately(mean, 1e-12 * (1 + Math.Abs(mean)), $"{estimator} at {width}");
                if (count > 1)
                {
                    estimate.StandardError.Should().BeApproximately(standardError, 1e-9 * standardError);
                }
                else
                {
                    estimate.StandardError.Should().Be(double.PositiveInfinity);
                }

                estimate.SampleCount.Should().Be(count);
                estimate.ClippedFraction.Should().Be((double)clipped / count);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void KullbackLeibler_Float_AgreesWithTheDoubleOverloadToFloatRounding(int length)
    {
        // Float input runs in float registers, so its terms carry float rounding (about 6e-8 relative each); the count and
        // the clipped samples are exactly the double overload's on the widened values.
        var options = MonteCarloOptions.Clipped(0.2, MonteCarloEstimator.K3) with { TermMax = 0.01 };
        foreach (double padding in new[] { 0.0, 0.1 })
        {
            var (logP, logQ, mask) = Tokens(length, new Random(100 + length), padding);
            float[] fp = logP.Select(v => (float)v).ToArray();
            float[] fq = logQ.Select(v => (float)v).ToArray();
            double[] wp = fp.Select(v => (double)v).ToArray();
            double[] wq = fq.Select(v => (double)v).ToArray();

            var exact = MonteCarlo.KullbackLeibler(wp, wq, mask, options);
            MonteCarlo.KullbackLeibler(fp, fq, mask, options).Value.Should().BeApproximately(exact.Value, 1e-6 * exact.Value);
            foreach (var width in Widths)
            {
                var single = MonteCarlo.TokenKl<float>(fp, fq, mask, masked: true, options, width);

                single.Value.Should().BeApproximately(exact.Value, 1e-6 * exact.Value, $"at {width}");
                single.SampleCount.Should().Be(exact.SampleCount);
                single.ClippedFraction.Should().Be(exact.ClippedFraction);
                if (length > 1)
                {
                    single.StandardError.Should().BeApproximately(exact.StandardError, 1e-5 * exact.StandardError);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(AwkwardLengths))]
    public void KullbackLeibler_FloatOneLaneAtATime_EqualsTheDoubleOverloadBitForBit(int length)
    {
        // Only the vector widths run float registers: the scalar width widens each float exactly and works in double.
        var options = MonteCarloOptions.Clipped(0.2, MonteCarloEstimator.K3) with { TermMax = 0.01 };
        var (logP, logQ, mask) = Tokens(length, new Random(200 + length));
        float[] fp = logP.Select(v => (float)v).ToArray();
        float[] fq = logQ.Select(v => (float)v).ToArray();

        MonteCarlo.TokenKl<float>(fp, fq, mask, masked: true, options, SimdWidth.Scalar).Should().Be(
            MonteCarlo.TokenKl<double>(fp.Select(v => (double)v).ToArray(), fq.Select(v => (double)v).ToArray(), mask, masked: true, options, SimdWidth.Scalar));
    }

    [Fact]
    public void KullbackLeibler_FloatTenMillion_AccurateToFloatRoundingWithoutDrift()
    {
        // Terms in float, summed in float over runs of 16 registers and in double beyond: 1e7 terms ℓ in [0, 0.1] against
        // the sum in decimal (28 digits) of the same float differences. A plain float running sum would be off by ~1e-3 here.
        const int n = 10_000_000;
        var random = new Random(5);
        var logP = new float[n];
        var logQ = new float[n];
        for (int i = 0; i < n; i++)
        {
            logP[i] = (float)(-3 * random.NextDouble());
            logQ[i] = logP[i] - (float)(0.1 * random.NextDouble());
        }

        var estimate = MonteCarlo.KullbackLeibler(logP, logQ);

        decimal exact = 0;
        for (int i = 0; i < n; i++)
        {
            exact += (decimal)((double)logP[i] - logQ[i]);
        }

        estimate.Value.Should().BeApproximately((double)(exact / n), 1e-8 * estimate.Value);
    }

    [Theory]
    [InlineData(MonteCarloEstimator.K1, 1e30f)]
    [InlineData(MonteCarloEstimator.K2, 1e20f)]
    [InlineData(MonteCarloEstimator.K3, 100f)]
    public void KullbackLeibler_FloatTermBeyondFloatRange_IsTheDoubleTerm(MonteCarloEstimator estimator, float gap)
    {
        // log q − log p = 100 makes k3 = e^100 − 101 ≈ 2.7e43, a double but not a float; ½(1e20)² and 1e30 − (−1e30) likewise.
        // The register holding it runs in double, so the estimate is the double overload's on the same values.
        var random = new Random(7);
        float[] logP = Enumerable.Range(0, 1031).Select(_ => (float)(-3 * random.NextDouble())).ToArray();
        float[] logQ = logP.Select(v => v - 0.05f).ToArray();
        logP[500] = estimator == MonteCarloEstimator.K1 ? gap : -gap;
        logQ[500] = estimator == MonteCarloEstimator.K1 ? -gap : 0f;
        var options = new MonteCarloOptions { Estimator = estimator };

        var single = MonteCarlo.KullbackLeibler(logP, logQ, options);
        var exact = MonteCarlo.KullbackLeibler(logP.Select(v => (double)v).ToArray(), logQ.Select(v => (double)v).ToArray(), options);

        double.IsFinite(single.Value).Should().BeTrue();
        single.Value.Should().BeApproximately(exact.Value, 1e-12 * Math.Abs(exact.Value));
    }

    [Fact]
    public void KullbackLeibler_FloatClampEndsThatAreNotFloats_ClipTheSamplesTheDoubleEndsClip()
    {
        // 0.1 is not a float: (float)0.1 = 0.100000001… lies above it, so ℓ = 0.1f is clipped by LogRatioMax = 0.1 and must be
        // counted so; 0.099999994f (the float below) is not. An end beyond the float range (1e300) runs the double pass.
        float[] logP = [.. Enumerable.Repeat(0.1f, 8), .. Enumerable.Repeat(0.099999994f, 8)];
        float[] logQ = new float[16];
        double[] wp = logP.Select(v => (double)v).ToArray();
        double[] wq = new double[16];

        foreach (var options in new[]
        {
            new MonteCarloOptions { LogRatioMax = 0.1, Estimator = MonteCarloEstimator.K3 },
            new MonteCarloOptions { LogRatioMin = -1e300, LogRatioMax = 1e300, Estimator = MonteCarloEstimator.K3 },
        })
        {
            var single = MonteCarlo.KullbackLeibler(logP, logQ, options);
            var exact = MonteCarlo.KullbackLeibler(wp, wq, options);

            single.ClippedFraction.Should().Be(exact.ClippedFraction);
            single.Value.Should().BeApproximately(exact.Value, 1e-6 * exact.Value);
        }

        MonteCarlo.KullbackLeibler(logP, logQ, new MonteCarloOptions { LogRatioMax = 0.1 }).ClippedFraction.Should().Be(0.5);
    }

    [Fact]
    public void KullbackLeibler_AnyDegreeOfParallelism_GivesTheSameBits()
    {
        // Long spans are cut into a fixed number of parts whose tallies are added in order, whatever the thread count.
        var (logP, logQ, mask) = Tokens(100_003, new Random(11));
        float[] fp = logP.Select(v => (float)v).ToArray();
        float[] fq = logQ.Select(v => (float)v).ToArray();
        var options = MonteCarloOptions.Clipped(0.3, MonteCarloEstimator.K3);

        foreach (int threads in new[] { 2, 3, -1 })
        {
            var parallel = options with { MaxDegreeOfParallelism = threads };
            var one = options with { MaxDegreeOfParallelism = 1 };
            MonteCarlo.KullbackLeibler(logP, logQ, mask, parallel).Should().Be(MonteCarlo.KullbackLeibler(logP, logQ, mask, one));
            MonteCarlo.KullbackLeibler(fp, fq, mask, parallel).Should().Be(MonteCarlo.KullbackLeibler(fp, fq, mask, one));
        }
    }

    [Fact]
    public void KullbackLeibler_ManyCallersAtOnce_EachGetsItsOwnResult()
    {
        // Every calling thread has its own partitioned-run state: concurrent calls must not see each other's spans.
        var inputs = Enumerable.Range(0, 16).Select(i => Tokens(40_000 + (977 * i), new Random(i))).ToArray();
        var one = new MonteCarloOptions { Estimator = MonteCarloEstimator.K2, MaxDegreeOfParallelism = 1 };
        var expected = inputs.Select(t => MonteCarlo.KullbackLeibler(t.LogP, t.LogQ, t.Mask, one)).ToArray();
        var actual = new Estimate[inputs.Length];

        Parallel.For(0, inputs.Length, i =>
            actual[i] = MonteCarlo.KullbackLeibler(inputs[i].LogP, inputs[i].LogQ, inputs[i].Mask, one with { MaxDegreeOfParallelism = -1 }));

        actual.Should().Equal(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void KullbackLeibler_BadEntriesInTwoParts_NamesTheFirstWhateverTheThreads(int threads)
    {
        // Parts run concurrently, but the exception is always the one a single thread meets first.
        var logP = Enumerable.Repeat(-1.0f, 100_000).ToArray();
        var logQ = Enumerable.Repeat(-1.1f, 100_000).ToArray();
        logP[90_000] = float.NaN;
        logQ[20_000] = float.PositiveInfinity;

        var act = () => MonteCarlo.KullbackLeibler(logP, logQ, new MonteCarloOptions { MaxDegreeOfParallelism = threads });

        act.Should().Throw<ArgumentException>().WithParameterName("logQ").WithMessage("*logQ[20000]*");
    }

    [Theory]
    [InlineData(KlAggregation.TokenMean)]
    [InlineData(KlAggregation.SequenceSumMean)]
    [InlineData(KlAggregation.SequenceMeanMean)]
    public void KullbackLeibler_Sequences_EveryAggregationMatchesAPlainLoop(KlAggregation aggregation)
    {
        int[] lengths = [7, 0, 8, 9, 1031, 1, 3, 16];
        int total = lengths.Sum();
        var (logP, logQ, mask) = Tokens(total, new Random(3));
        mask.AsSpan(lengths[0] + lengths[1] + lengths[2] + lengths[3] + lengths[4], 1).Clear(); // sequence 5: no token
        var options = new MonteCarloOptions { Estimator = MonteCarloEstimator.K3, LogRatioMin = -0.25, LogRatioMax = 0.25, TermMax = 0.02 };
        var expected = SequenceLoop(logP, logQ, mask, lengths, aggregation, options);

        foreach (var width in Widths)
        {
            var destination = new double[lengths.Length + 2];
            var estimate = MonteCarlo.SequenceKl<double>(logP, logQ, mask, masked: true, lengths, destination, aggregation, options, width);

            estimate.Value.Should().BeApproximately(expected.Value, 1e-12, $"{aggregation} at {width}");
            estimate.StandardError.Should().BeApproximately(expected.StandardError, 1e-9 * expected.StandardError);
            estimate.SampleCount.Should().Be(expected.SampleCount);
            estimate.ClippedFraction.Should().Be(expected.ClippedFraction);
            destination.Take(lengths.Length).Should().Equal(expected.PerSequence, (a, b) => Math.Abs(a - b) <= 1e-12);
            destination.Skip(lengths.Length).Should().AllBeEquivalentTo(0.0);
        }
    }

    [Theory]
    [InlineData(KlAggregation.TokenMean)]
    [InlineData(KlAggregation.SequenceSumMean)]
    [InlineData(KlAggregation.SequenceMeanMean)]
    public void KullbackLeiblerAtOffsets_CuSeqlens_EqualTheLengthsForm(KlAggregation aggregation)
    {
        // Offsets are the running sums of the lengths from 0 (cu_seqlens): [7, 0, 8, 9, 1031, 1] ↔ [0, 7, 7, 15, 24, 1055, 1056].
        int[] lengths = [7, 0, 8, 9, 1031, 1];
        int[] offsets = [0, 7, 7, 15, 24, 1055, 1056];
        var (logP, logQ, mask) = Tokens(offsets[^1], new Random(8));
        float[] fp = logP.Select(v => (float)v).ToArray();
        float[] fq = logQ.Select(v => (float)v).ToArray();
        double[] unmaskedP = logP.Select(v => double.IsNaN(v) ? -1.0 : v).ToArray();
        double[] unmaskedQ = logQ.Select(v => double.IsNaN(v) ? -1.5 : v).ToArray();
        var options = MonteCarloOptions.Clipped(0.3, MonteCarloEstimator.K3);
        var (byLengths, byOffsets) = (new double[6], new double[6]);

        MonteCarlo.KullbackLeiblerAtOffsets(logP, logQ, mask, offsets, byOffsets, aggregation, options)
            .Should().Be(MonteCarlo.KullbackLeibler(logP, logQ, mask, lengths, byLengths, aggregation, options));
        byOffsets.Should().Equal(byLengths);
        MonteCarlo.KullbackLeiblerAtOffsets(fp, fq, mask, offsets, byOffsets, aggregation, options)
            .Should().Be(MonteCarlo.KullbackLeibler(fp, fq, mask, lengths, byLengths, aggregation, options));
        byOffsets.Should().Equal(byLengths);
        MonteCarlo.KullbackLeiblerAtOffsets(unmaskedP, unmaskedQ, offsets, byOffsets, aggregation, options)
            .Should().Be(MonteCarlo.KullbackLeibler(unmaskedP, unmaskedQ, lengths, byLengths, aggregation, options));
        MonteCarlo.KullbackLeiblerAtOffsets(fp.Select(v => float.IsNaN(v) ? -1f : v).ToArray(), fq.Select(v => float.IsNaN(v) ? -1.5f : v).ToArray(), offsets, byOffsets, aggregation, options)
            .Should().Be(MonteCarlo.KullbackLeibler(fp.Select(v => float.IsNaN(v) ? -1f : v).ToArray(), fq.Select(v => float.IsNaN(v) ? -1.5f : v).ToArray(), lengths, byLengths, aggregation, options));
    }

    [Theory]
    [InlineData(new[] { 0 }, "offsets has length 1*")]
    [InlineData(new[] { 1, 3 }, "offsets run from 1 to 3 but logP has length 3*")]
    [InlineData(new[] { 0, 2 }, "offsets run from 0 to 2 but logP has length 3*")]
    [InlineData(new[] { 0, 2, 1, 3 }, "offsets[2] is 1, below offsets[1] = 2*")]
    public void KullbackLeiblerAtOffsets_BadOffsets_ThrowNamingThem(int[] offsets, string message)
    {
        double[] three = [-1.0, -2.0, -3.0];

        var act = () => MonteCarlo.KullbackLeiblerAtOffsets(three, three, offsets, new double[4], KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(offsets)).WithMessage(message);
    }

    [Fact]
    public void KullbackLeibler_SequencesWithoutMask_TokenMeanEqualsTheFlatMeanWithAClusterError()
    {
        int[] lengths = [100, 50, 200, 75];
        var (logP, logQ, _) = Tokens(lengths.Sum(), new Random(8), padding: 0);
        var destination = new double[4];

        var sequences = MonteCarlo.KullbackLeibler(logP, logQ, lengths, destination, KlAggregation.TokenMean);
        var flat = MonteCarlo.KullbackLeibler(logP, logQ);

        sequences.Value.Should().BeApproximately(flat.Value, 1e-14);
        sequences.SampleCount.Should().Be(flat.SampleCount);
        sequences.StandardError.Should().NotBe(flat.StandardError, "the token mean's error is computed over the 4 sequences");
        MonteCarlo.KullbackLeibler(logP.Select(v => (float)v).ToArray(), logQ.Select(v => (float)v).ToArray(), lengths, destination, KlAggregation.TokenMean)
            .Value.Should().BeApproximately(flat.Value, 1e-6);
    }

    [Fact]
    public void KullbackLeibler_SingleSequence_HasInfiniteStandardError()
    {
        var estimate = MonteCarlo.KullbackLeibler([-1.0, -2.0], [-1.5, -2.5], [2], new double[1], KlAggregation.TokenMean);

        estimate.Value.Should().BeApproximately(0.5, 1e-15);
        estimate.StandardError.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void KullbackLeibler_QZeroWherePPositive_IsInfiniteUnlessClipped()
    {
        double[] logP = [-1.0, -2.0, -0.5];
        double[] logQ = [-1.0, double.NegativeInfinity, -0.7];

        foreach (var estimator in Estimators)
        {
            var unclipped = MonteCarlo.KullbackLeibler(logP, logQ, new MonteCarloOptions { Estimator = estimator });
            var clipped = MonteCarlo.KullbackLeibler(logP, logQ, MonteCarloOptions.Clipped(20, estimator));

            unclipped.Should().Be(new Estimate(double.PositiveInfinity, double.PositiveInfinity, 3, 0));
            double.IsFinite(clipped.Value).Should().BeTrue();
            clipped.ClippedFraction.Should().Be(1.0 / 3);
        }
    }

    [Fact]
    public void KullbackLeibler_BothClampsOnOneSample_CountItOnce()
    {
        // Sample 0: ℓ = 30 → 20 and then k1 = 20 → 10; sample 1: only the term clamp (ℓ = 12); sample 2: neither.
        var options = new MonteCarloOptions { LogRatioMin = -20, LogRatioMax = 20, TermMax = 10 };

        var estimate = MonteCarlo.KullbackLeibler([0.0, 0.0, 0.0], [-30.0, -12.0, -1.0], options);

        estimate.Value.Should().BeApproximately(7.0, 1e-15);
        estimate.ClippedFraction.Should().BeApproximately(2.0 / 3, 1e-15);
    }

    [Fact]
    public void KullbackLeibler_MaskedOutPadding_IsNeitherValidatedNorCounted()
    {
        double[] logP = [-1.0, double.NaN, -2.0, double.NegativeInfinity];
        double[] logQ = [-1.2, double.PositiveInfinity, -2.1, 0.0];
        bool[] mask = [true, false, true, false];

        var estimate = MonteCarlo.KullbackLeibler(logP, logQ, mask);

        estimate.Value.Should().BeApproximately(0.15, 1e-15);
        estimate.SampleCount.Should().Be(2);
    }

    [Fact]
    public void KullbackLeibler_Bits_ConvertsTheResultNotTheClamps()
    {
        var nats = MonteCarlo.KullbackLeibler([-1.0, -2.0], [-3.0, -2.5], new MonteCarloOptions { TermMax = 1 });
        var bits = MonteCarlo.KullbackLeibler([-1.0, -2.0], [-3.0, -2.5], new MonteCarloOptions { TermMax = 1, Unit = LogBase.Bits });

        nats.Value.Should().BeApproximately(0.75, 1e-15);
        bits.Value.Should().BeApproximately(0.75 / Math.Log(2), 1e-15);
    }

    [Theory]
    [InlineData(5, double.NaN, 0.0, "logP", "logP[5] is NaN*")]
    [InlineData(8, double.PositiveInfinity, 0.0, "logP", "logP[8] is Infinity*")]
    [InlineData(0, double.NegativeInfinity, 0.0, "logP", "logP[0] is -Infinity*")]
    [InlineData(1030, -1.0, double.NaN, "logQ", "logQ[1030] is NaN*")]
    [InlineData(3, -1.0, double.PositiveInfinity, "logQ", "logQ[3] is Infinity*")]
    public void KullbackLeibler_BadLogProbability_ThrowsNamingTheParameterAndIndex(int index, double p, double q, string name, string message)
    {
        foreach (var width in Widths)
        {
            var logP = Enumerable.Repeat(-1.0, 1031).ToArray();
            var logQ = Enumerable.Repeat(-1.1, 1031).ToArray();
            logP[index] = p;
            logQ[index] = q;

            var act = () => MonteCarlo.TokenKl<double>(logP, logQ, default, masked: false, null, width);
            var sequences = () => MonteCarlo.SequenceKl<double>(logP, logQ, default, false, [1000, 31], new double[2], KlAggregation.TokenMean, null, width);

            act.Should().Throw<ArgumentException>().WithParameterName(name).WithMessage(message);
            sequences.Should().Throw<ArgumentException>().WithParameterName(name).WithMessage(message);
        }

        var floats = () => MonteCarlo.KullbackLeibler(
            Enumerable.Range(0, 1031).Select(i => i == index ? (float)p : -1f).ToArray(),
            Enumerable.Range(0, 1031).Select(i => i == index ? (float)q : -1.1f).ToArray());
        floats.Should().Throw<ArgumentException>().WithParameterName(name).WithMessage(message);
    }

    [Fact]
    public void KullbackLeibler_BadShapes_ThrowNamingTheParameter()
    {
        double[] two = [-1.0, -2.0];
        double[] three = [-1.0, -2.0, -3.0];

        ((Action)(() => MonteCarlo.KullbackLeibler(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty))).Should().Throw<ArgumentException>().WithParameterName("logP");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, three))).Should().Throw<ArgumentException>().WithParameterName("logQ");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [true]))).Should().Throw<ArgumentException>().WithParameterName("mask");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [false, false]))).Should().Throw<ArgumentException>().WithParameterName("mask")
            .WithMessage("mask selects no token*");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [false, false], [1, 1], new double[2], KlAggregation.TokenMean)))
            .Should().Throw<ArgumentException>().WithParameterName("mask");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [1, 2], new double[2], KlAggregation.TokenMean))).Should().Throw<ArgumentException>()
            .WithParameterName("lengths").WithMessage("lengths sum to 3 but logP has length 2*");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [3, -1], new double[2], KlAggregation.TokenMean))).Should().Throw<ArgumentException>()
            .WithParameterName("lengths").WithMessage("lengths[1] is -1*");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, ReadOnlySpan<int>.Empty, new double[2], KlAggregation.TokenMean))).Should().Throw<ArgumentException>()
            .WithParameterName("lengths");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [1, 1], new double[1], KlAggregation.TokenMean))).Should().Throw<ArgumentException>()
            .WithParameterName("destination");
        ((Action)(() => MonteCarlo.KullbackLeibler(two, two, [1, 1], new double[2], (KlAggregation)3))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("aggregation");
    }

    private static (double[] LogP, double[] LogQ) StandardNormalAndShifted(double mu, int n, int seed)
    {
        var x = new double[n];
        Gaussian.Standard(1).Sample(new Random(seed), x);
        var logP = new double[n];
        var logQ = new double[n];
        for (int i = 0; i < n; i++)
        {
            logP[i] = (-0.5 * x[i] * x[i]) - HalfLogTwoPi;
            logQ[i] = (-0.5 * (x[i] - mu) * (x[i] - mu)) - HalfLogTwoPi;
        }

        return (logP, logQ);
    }

    // Token log-probabilities like a policy's and a nearby reference's, with a fraction of padding that holds NaN.
    private static (double[] LogP, double[] LogQ, bool[] Mask) Tokens(int n, Random random, double padding = 0.1)
    {
        var logP = new double[n];
        var logQ = new double[n];
        var mask = new bool[n];
        for (int i = 0; i < n; i++)
        {
            mask[i] = i == 0 || random.NextDouble() >= padding;
            logP[i] = mask[i] ? -3 * random.NextDouble() : double.NaN;
            logQ[i] = mask[i] ? logP[i] + (0.8 * random.NextDouble()) - 0.4 : double.NaN;
        }

        return (logP, logQ, mask);
    }

    private static double Term(double logP, double logQ, MonteCarloOptions options, out bool clipped)
    {
        double l = logP - logQ;
        double lc = Math.Clamp(l, options.LogRatioMin, options.LogRatioMax);
        double t = options.Estimator switch
        {
            MonteCarloEstimator.K1 => lc,
            MonteCarloEstimator.K2 => 0.5 * lc * lc,
            MonteCarloEstimator.K3 => Math.Exp(-lc) - 1 + lc,
            _ => Math.Abs(lc),
        };
        double tc = Math.Clamp(t, options.TermMin, options.TermMax);
        clipped = lc != l || tc != t;
        return tc;
    }

    private static (double Mean, double StandardError, long Count, long Clipped) PlainLoop(double[] logP, double[] logQ, bool[] mask, MonteCarloOptions options)
    {
        var terms = new List<double>();
        long clipped = 0;
        for (int i = 0; i < logP.Length; i++)
        {
            if (mask[i])
            {
                terms.Add(Term(logP[i], logQ[i], options, out bool c));
                clipped += c ? 1 : 0;
            }
        }

        double mean = terms.Average();
        double sd = terms.Count > 1 ? Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / (terms.Count - 1)) : 0;
        return (mean, sd / Math.Sqrt(terms.Count), terms.Count, clipped);
    }

    private static (double Value, double StandardError, long SampleCount, double ClippedFraction, double[] PerSequence) SequenceLoop(
        double[] logP, double[] logQ, bool[] mask, int[] lengths, KlAggregation aggregation, MonteCarloOptions options)
    {
        var sums = new double[lengths.Length];
        var counts = new int[lengths.Length];
        long clipped = 0;
        int start = 0;
        for (int j = 0; j < lengths.Length; j++)
        {
            for (int i = start; i < start + lengths[j]; i++)
            {
                if (mask[i])
                {
                    sums[j] += Term(logP[i], logQ[i], options, out bool c);
                    counts[j]++;
                    clipped += c ? 1 : 0;
                }
            }

            start += lengths[j];
        }

        long tokens = counts.Sum();
        var withTokens = Enumerable.Range(0, lengths.Length).Where(j => counts[j] > 0).ToArray();
        double[] perSequence = aggregation == KlAggregation.SequenceSumMean
            ? sums
            : sums.Select((s, j) => counts[j] > 0 ? s / counts[j] : 0).ToArray();
        double value;
        double standardError;
        long sampleCount;
        if (aggregation == KlAggregation.TokenMean)
        {
            value = sums.Sum() / tokens;
            int m = withTokens.Length;
            double squares = withTokens.Sum(j => Math.Pow(sums[j] - (value * counts[j]), 2));
            standardError = Math.Sqrt(m / (m - 1.0) * squares) / tokens;
            sampleCount = tokens;
        }
        else
        {
            double[] values = aggregation == KlAggregation.SequenceSumMean ? sums : withTokens.Select(j => perSequence[j]).ToArray();
            value = values.Average();
            standardError = Math.Sqrt(values.Sum(v => (v - value) * (v - value)) / (values.Length - 1) / values.Length);
            sampleCount = values.Length;
        }

        return (value, standardError, sampleCount, (double)clipped / tokens, perSequence);
    }
}
