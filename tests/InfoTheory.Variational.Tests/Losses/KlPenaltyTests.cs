using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Losses;

namespace InfoTheory.Variational.Tests.Losses;

/// <summary>
/// The differentiable KL penalty: its value against the core library's log-probability estimator, its gradient against
/// finite differences, and the expectation of that gradient against closed-form gradients of KL in both directions.
/// </summary>
public class KlPenaltyTests
{
    private const int Sequences = 3;
    private const int Tokens = 5;

    public static TheoryData<MonteCarloEstimator, KlAggregation> EstimatorsAndAggregations()
    {
        var data = new TheoryData<MonteCarloEstimator, KlAggregation>();
        foreach (var estimator in Enum.GetValues<MonteCarloEstimator>())
        {
            foreach (var aggregation in Enum.GetValues<KlAggregation>())
            {
                data.Add(estimator, aggregation);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EstimatorsAndAggregations))]
    public void Loss_MaskedBatchWithBothClamps_EqualsTheCoreEstimate(MonteCarloEstimator estimator, KlAggregation aggregation)
    {
        var (logP, logQ, mask) = Batch(new Random(1));
        var options = MonteCarloOptions.Clipped(0.5, estimator) with { TermMin = -0.3, TermMax = 0.4 };

        var loss = KlPenalty.Loss(Tensor(logP), Tensor(logQ), mask, aggregation, options);

        // The core's sequence overload over the same tokens, B sequences of T back to back.
        Estimate expected = MonteCarlo.KullbackLeibler(logP, logQ, mask, [Tokens, Tokens, Tokens], new double[Sequences], aggregation, options);
        loss.Shape.ToArray().Should().BeEmpty();
        loss.Item.Should().BeApproximately(expected.Value, 1e-14);
    }

    [Fact]
    public void Loss_FloatAndBits_IsTheDoubleValueInBits()
    {
        var (logP, logQ, mask) = Batch(new Random(2));
        var options = new MonteCarloOptions { Estimator = MonteCarloEstimator.K3, Unit = LogBase.Bits };
        float[] p = [.. logP.Select(v => (float)v)], q = [.. logQ.Select(v => (float)v)];

        var loss = KlPenalty.Loss(AutodiffTensor.FromValues<float>(p, Sequences, Tokens), AutodiffTensor.FromValues<float>(q, Sequences, Tokens), mask, KlAggregation.TokenMean, options);

        double nats = MonteCarlo.KullbackLeibler(p, q, mask, options with { Unit = LogBase.Nats }).Value;
        ((double)loss.Item).Should().BeApproximately(nats / Math.Log(2), 1e-6);
    }

    [Theory]
    [MemberData(nameof(EstimatorsAndAggregations))]
    public void Loss_Gradient_MatchesCentralDifferences(MonteCarloEstimator estimator, KlAggregation aggregation)
    {
        var (logP, logQ, mask) = Batch(new Random(3));
        var options = new MonteCarloOptions { Estimator = estimator };

        var result = GradCheck.Run(x => KlPenalty.Loss(x[0], x[1], mask, aggregation, options), Tensor(logP).RequiringGrad(), Tensor(logQ).RequiringGrad());

        result.WorstRelativeError.Should().BeLessThan(1e-6, $"analytic {result.Analytic} vs numeric {result.Numeric} at input {result.InputIndex}[{result.ElementIndex}]");
        result.ElementsChecked.Should().Be(2 * Sequences * Tokens);
    }

    [Fact]
    public void Loss_ClampedTokensAndPadding_GetNoGradient()
    {
        // ℓ = log p − log q: 0.1 inside, 3 beyond the log-ratio clamp, padding NaN (never read), and 0.2 with k2 = 0.02
        // above the term clamp.
        var logP = AutodiffTensor.FromValues<double>([0.1, 3.0, double.NaN, 0.2], 4).RequiringGrad();
        var logQ = AutodiffTensor.FromValues<double>([0.0, 0.0, 0.0, 0.0], 4);
        var options = MonteCarloOptions.Clipped(1, MonteCarloEstimator.K2) with { TermMax = 0.015 };

        var loss = KlPenalty.Loss(logP, logQ, [true, true, false, true], KlAggregation.TokenMean, options);
        loss.Backward();

        // Value: (½·0.1² + min(½·1², 0.015) + min(½·0.2², 0.015)) / 3; gradient ℓ/3 for the one token no clamp touched.
        loss.Item.Should().BeApproximately((0.005 + 0.015 + 0.015) / 3, 1e-15);
        logP.Gradient.ToArray().Should().Equal(0.1 / 3, 0, 0, 0);
    }

    [Fact]
    public void Loss_NaNInASelectedToken_ThrowsNamingLogPAndTheIndex()
    {
        var logP = AutodiffTensor.FromValues<double>([0.1, double.NaN], 2);
        var logQ = AutodiffTensor.FromValues<double>([0.0, 0.0], 2);

        var act = () => KlPenalty.Loss(logP, logQ, KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName("logP").WithMessage("logP[1] is NaN*");
    }

    [Fact]
    public void Loss_PositiveInfinityInLogQ_ThrowsNamingLogQ()
    {
        var act = () => KlPenalty.Loss(
            AutodiffTensor.FromValues<double>([0.1, 0.2], 2), AutodiffTensor.FromValues<double>([0.0, double.PositiveInfinity], 2), KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName("logQ").WithMessage("logQ[1] is *");
    }

    [Fact]
    public void Loss_ReferenceGivingATokenProbabilityZero_IsInfiniteUnclipped()
    {
        // KL(P‖Q) = +∞ when Q gives 0 to a sample of P, as the core's estimators say.
        var loss = KlPenalty.Loss(AutodiffTensor.FromValues<double>([-1.0], 1), AutodiffTensor.FromValues<double>([double.NegativeInfinity], 1), KlAggregation.TokenMean);

        loss.Item.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Loss_ShapesThatDisagree_ThrowsNamingLogQ()
    {
        var act = () => KlPenalty.Loss(AutodiffTensor.Zeros<double>(2, 3), AutodiffTensor.Zeros<double>(3, 2), KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName("logQ").WithMessage("logQ has shape [3, 2]; expected the shape of logP, [2, 3].*");
    }

    [Fact]
    public void Loss_RankThree_ThrowsNamingLogP()
    {
        var act = () => KlPenalty.Loss(AutodiffTensor.Zeros<double>(1, 2, 3), AutodiffTensor.Zeros<double>(1, 2, 3), KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName("logP");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Loss_MaskOfAnotherLength_ThrowsNamingMask(int length)
    {
        var act = () => KlPenalty.Loss(AutodiffTensor.Zeros<double>(4), AutodiffTensor.Zeros<double>(4), new bool[length], KlAggregation.TokenMean);

        act.Should().Throw<ArgumentException>().WithParameterName("mask");
    }

    [Fact]
    public void Loss_MaskSelectingNothing_ThrowsNamingMask()
    {
        var act = () => KlPenalty.Loss(AutodiffTensor.Zeros<double>(2), AutodiffTensor.Zeros<double>(2), [false, false], KlAggregation.SequenceMeanMean);

        act.Should().Throw<ArgumentException>().WithParameterName("mask").WithMessage("mask selects no token*");
    }

    [Fact]
    public void Loss_UndefinedAggregation_ThrowsNamingIt()
    {
        var act = () => KlPenalty.Loss(AutodiffTensor.Zeros<double>(2), AutodiffTensor.Zeros<double>(2), (KlAggregation)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("aggregation");
    }

    // The expected gradient of each estimator used as a loss, on a categorical policy π = softmax(θ) against a fixed
    // reference ρ. Per sample x the loss's gradient is a(x)·(eₓ − π) with a = ∂term/∂ℓ at ℓ = log π(x) − log ρ(x), since
    // ∂ log π(x)/∂θ = eₓ − π and sampling is not differentiated. Its expectation and the variance of a sample mean
    // follow in closed form, and the targets below are the textbook gradients, written out by hand:
    //   ∇KL(π‖ρ)ₖ = πₖ(ℓₖ − KL(π‖ρ)),  ∇KL(ρ‖π) = π − ρ,  ∇Σⱼ|πⱼ − ρⱼ| ₖ = πₖ(sₖ − Σⱼ sⱼπⱼ) with s = sign ℓ.
    private static readonly double[] Theta = [0.3, -0.5, 1.0, 0.1];
    private static readonly double[] Reference = Softmax([0.0, 0.4, -0.2, 0.5]);

    public static TheoryData<MonteCarloEstimator, string> ExpectedGradients() => new()
    {
        { MonteCarloEstimator.K1, "zero" },
        { MonteCarloEstimator.K2, "grad KL(policy||reference)" },
        { MonteCarloEstimator.K3, "grad KL(reference||policy)" },
        { MonteCarloEstimator.AbsoluteLogRatio, "grad L1(policy, reference)" },
    };

    [Theory]
    [MemberData(nameof(ExpectedGradients))]
    public void Loss_OnACategoricalPolicy_HasTheExpectedGradientItsDocsState(MonteCarloEstimator estimator, string target)
    {
        const int samples = 200_000;
        double[] pi = Softmax(Theta);
        double[] l = [.. pi.Zip(Reference, (a, b) => Math.Log(a) - Math.Log(b))];
        double kl = pi.Zip(l, (a, b) => a * b).Sum();
        double[] expected = target switch
        {
            "zero" => new double[4],
            "grad KL(policy||reference)" => [.. pi.Select((p, k) => p * (l[k] - kl))],
            "grad KL(reference||policy)" => [.. pi.Zip(Reference, (p, r) => p - r)],
            _ => [.. pi.Select((p, k) => p * (Math.Sign(l[k]) - pi.Select((q, j) => q * Math.Sign(l[j])).Sum()))],
        };

        double[] gradient = MonteCarloGradient(estimator, pi, samples, seed: 11);

        double[] slope = [.. l.Select(v => Slope(estimator, v))];
        for (int k = 0; k < 4; k++)
        {
            double variance = Enumerable.Range(0, 4).Sum(x => pi[x] * Math.Pow(slope[x] * ((x == k ? 1 : 0) - pi[k]), 2)) - (expected[k] * expected[k]);
            gradient[k].Should().BeApproximately(expected[k], 4.5 * Math.Sqrt(variance / samples), $"{estimator}: ∂/∂θ{k} should average to {target}");
        }
    }

    [Fact]
    public void Loss_K3OnACategoricalPolicy_DoesNotFollowTheGradientOfTheKlItEstimates()
    {
        double[] pi = Softmax(Theta);
        double[] l = [.. pi.Zip(Reference, (a, b) => Math.Log(a) - Math.Log(b))];
        double kl = pi.Zip(l, (a, b) => a * b).Sum();

        double[] gradient = MonteCarloGradient(MonteCarloEstimator.K3, pi, 200_000, seed: 12);

        // ∇KL(π‖ρ) and ∇KL(ρ‖π) differ by far more than the Monte Carlo error (below 0.002 here) in the first coordinate.
        double reverse = pi[0] * (l[0] - kl);
        double forward = pi[0] - Reference[0];
        Math.Abs(reverse - forward).Should().BeGreaterThan(0.05);
        gradient[0].Should().BeApproximately(forward, 0.01).And.NotBeApproximately(reverse, 0.04);
    }

    private static double[] MonteCarloGradient(MonteCarloEstimator estimator, double[] pi, int samples, int seed)
    {
        var random = new Random(seed);
        var oneHot = new double[samples * 4];
        var logReference = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            int x = Draw(pi, random.NextDouble());
            oneHot[(i * 4) + x] = 1;
            logReference[i] = Math.Log(Reference[x]);
        }

        var theta = AutodiffTensor.FromValues<double>(Theta, 4).RequiringGrad();
        var logPolicy = (AutodiffTensor.FromValues<double>(oneHot, samples, 4) * theta.LogSoftmax()).Sum(1);
        KlPenalty.Loss(logPolicy, AutodiffTensor.FromValues<double>(logReference, samples), KlAggregation.TokenMean, new MonteCarloOptions { Estimator = estimator })
            .Backward();
        return theta.Gradient.ToArray();
    }

    private static double Slope(MonteCarloEstimator estimator, double l) => estimator switch
    {
        MonteCarloEstimator.K1 => 1,
        MonteCarloEstimator.K2 => l,
        MonteCarloEstimator.K3 => 1 - Math.Exp(-l),
        _ => Math.Sign(l),
    };

    private static int Draw(double[] p, double u)
    {
        int x = 0;
        for (double c = p[0]; u >= c && x < p.Length - 1; c += p[++x])
        {
        }

        return x;
    }

    private static double[] Softmax(double[] z)
    {
        double[] e = [.. z.Select(Math.Exp)];
        return [.. e.Select(v => v / e.Sum())];
    }

    private static AutodiffTensor<double> Tensor(double[] values) => AutodiffTensor.FromValues<double>(values, Sequences, Tokens);

    // Three sequences of five tokens: log-probabilities near those of a language model, the last sequence padded after two.
    private static (double[] LogP, double[] LogQ, bool[] Mask) Batch(Random random)
    {
        double[] logP = [.. Enumerable.Range(0, Sequences * Tokens).Select(_ => -3 * random.NextDouble())];
        double[] logQ = [.. logP.Select(v => v + (1.6 * random.NextDouble()) - 0.8)];
        bool[] mask = [.. Enumerable.Range(0, Sequences * Tokens).Select(i => i < 12 && i != 3)];
        return (logP, logQ, mask);
    }
}
