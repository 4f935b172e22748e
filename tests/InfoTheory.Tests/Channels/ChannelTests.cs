using InfoTheory.Channels;

namespace InfoTheory.Tests.Channels;

/// <summary>
/// <c>Channel</c> (src/InfoTheory/Channels/Channel.cs, Channel.Capacity.cs): capacities with closed forms (Cover and Thomas,
/// "Elements of Information Theory", 2nd ed., §7.1–7.2), the Z channel, zero entries and zero columns, the bounds that certify
/// every result, both algorithms, and the input rules.
/// </summary>
public class ChannelTests
{
    private static readonly CapacityAlgorithm[] Algorithms = Enum.GetValues<CapacityAlgorithm>();

    /// <summary>h(p) in bits.</summary>
    private static double H2(double p) => -(p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));

    [Theory]
    [InlineData(0.11, CapacityAlgorithm.ProjectedNewton)]
    [InlineData(0.11, CapacityAlgorithm.BlahutArimoto)]
    [InlineData(0.3, CapacityAlgorithm.ProjectedNewton)]
    public void Capacity_BinarySymmetricChannel_IsOneMinusBinaryEntropyBits(double p, CapacityAlgorithm algorithm)
    {
        // Cover and Thomas §7.1.4: C = 1 − h(p) bits, achieved by the uniform input.
        var channel = Channel.FromProbabilities(new[,] { { 1 - p, p }, { p, 1 - p } });

        ChannelCapacity result = channel.Capacity(LogBase.Bits, algorithm);

        result.Converged.Should().BeTrue();
        result.Capacity.Should().BeApproximately(1 - H2(p), 1e-12);
        result.Input.Should().Equal([0.5, 0.5], (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.6)]
    public void Capacity_BinaryErasureChannel_IsOneMinusErasureBits(double epsilon)
    {
        // Cover and Thomas §7.1.5: outputs 0, e, 1; C = 1 − ε bits. The zero entries are 0·log 0 = 0.
        var channel = Channel.FromProbabilities(new[,] { { 1 - epsilon, epsilon, 0 }, { 0, epsilon, 1 - epsilon } });

        channel.Capacity(LogBase.Bits).Capacity.Should().BeApproximately(1 - epsilon, 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Capacity_ZChannel_IsTheClosedForm(double p)
    {
        // Z channel: 0 → 0 always, 1 → 0 with probability p. C = log2(1 + (1 − p)·p^{p/(1−p)}) bits, attained by
        // P(X = 1) = 1/((1 − p)(1 + 2^{h(p)/(1−p)})) (S. W. Golomb, "The limiting behavior of the Z-channel", IEEE Trans. Inf. Theory
        // 26(3), 1980; checked with scipy.optimize.minimize_scalar on I(a): p = 0.3 gives 0.5036919334848 bits at a = 0.4210006).
        var channel = Channel.FromProbabilities(new[,] { { 1, 0 }, { p, 1 - p } });

        ChannelCapacity result = channel.Capacity(LogBase.Bits);

        result.Capacity.Should().BeApproximately(Math.Log2(1 + ((1 - p) * Math.Pow(p, p / (1 - p)))), 1e-10);
        result.Input[1].Should().BeApproximately(1 / ((1 - p) * (1 + Math.Pow(2, H2(p) / (1 - p)))), 1e-5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(9)]
    public void Capacity_NoiselessChannel_IsLogOfTheInputCount(int n)
    {
        var identity = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = 1;
        }

        ChannelCapacity result = Channel.FromProbabilities(identity).Capacity();

        result.Capacity.Should().BeApproximately(Math.Log(n), 1e-12);
        result.Iterations.Should().Be(1, "the uniform start is optimal and its bounds already meet");
    }

    [Theory]
    [InlineData(CapacityAlgorithm.ProjectedNewton)]
    [InlineData(CapacityAlgorithm.BlahutArimoto)]
    public void Capacity_UselessInput_GetsNoMass(CapacityAlgorithm algorithm)
    {
        // A BSC(0.1) with a third input that sends (½, ½): mixing it is dominated by splitting its mass between the others
        // (cstheory.stackexchange #43868), so C = 1 − h(0.1) bits with p = (½, ½, 0).
        var channel = Channel.FromProbabilities(new[,] { { 0.9, 0.1 }, { 0.1, 0.9 }, { 0.5, 0.5 } });

        ChannelCapacity result = channel.Capacity(LogBase.Bits, algorithm);

        // The default tolerance is 1e-9 nats on the gap, 1.44e-9 bits.
        result.Capacity.Should().BeApproximately(1 - H2(0.1), 1e-9 / Math.Log(2));
        result.Input[2].Should().BeLessThan(1e-6);
        result.Input[0].Should().BeApproximately(result.Input[1], 1e-6);
    }

    [Fact]
    public void Capacity_ZeroColumns_EqualsTheChannelWithoutThem()
    {
        var rng = new Random(7);
        double[,] w = RandomChannel(rng, 5, 4);
        var padded = new double[5, 7];
        for (int x = 0; x < 5; x++)
        {
            for (int y = 0; y < 4; y++)
            {
                padded[x, (2 * y) % 7] = w[x, y];
            }
        }

        double expected = Channel.FromProbabilities(w).Capacity().Capacity;

        Channel.FromProbabilities(padded).Capacity().Capacity.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Capacity_RandomChannels_MatchesABruteForceSearchOverTwoInputs()
    {
        // Two inputs: I(a) is concave in a = P(X = 1); a ternary search written here brackets its maximum.
        for (int seed = 0; seed < 20; seed++)
        {
            var rng = new Random(seed);
            double[,] w = RandomChannel(rng, 2, 1 + rng.Next(6));
            var channel = Channel.FromProbabilities(w);
            double lo = 0, hi = 1;
            for (int i = 0; i < 200; i++)
            {
                double m1 = lo + ((hi - lo) / 3), m2 = hi - ((hi - lo) / 3);
                if (PlainInformation(w, [1 - m1, m1]) < PlainInformation(w, [1 - m2, m2]))
                {
                    lo = m1;
                }
                else
                {
                    hi = m2;
                }
            }

            ChannelCapacity result = channel.Capacity();

            result.Capacity.Should().BeApproximately(PlainInformation(w, [1 - lo, 1 - (1 - lo)]), 1e-9, $"seed {seed}");
        }
    }

    [Fact]
    public void Capacity_RandomChannels_BoundsBracketTheCapacityAndTheAlgorithmsAgree()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new Random(seed);
            double[,] w = RandomChannel(rng, 1 + rng.Next(12), 1 + rng.Next(12));
            var channel = Channel.FromProbabilities(w);

            ChannelCapacity newton = channel.Capacity();
            ChannelCapacity plain = channel.Capacity(algorithm: CapacityAlgorithm.BlahutArimoto, options: new ConvergenceOptions { MaxIterations = 1_000_000 });

            newton.Converged.Should().BeTrue($"seed {seed}");
            (newton.UpperBound - newton.LowerBound).Should().BeLessThanOrEqualTo(1e-9);
            newton.Capacity.Should().BeApproximately(channel.MutualInformation(newton.Input.ToArray()), 1e-12, "the capacity is the information of the input returned");
            plain.LowerBound.Should().BeLessThanOrEqualTo(newton.UpperBound + 1e-12, $"seed {seed}");
            newton.LowerBound.Should().BeLessThanOrEqualTo(plain.UpperBound + 1e-12, $"seed {seed}");
        }
    }

    [Fact]
    public void Capacity_IterationCapReached_IsFlaggedWithValidBounds()
    {
        var channel = Channel.FromProbabilities(new[,] { { 1, 0 }, { 0.3, 0.7 } });
        double exact = Math.Log(1 + (0.7 * Math.Pow(0.3, 0.3 / 0.7)));

        ChannelCapacity result = channel.Capacity(algorithm: CapacityAlgorithm.BlahutArimoto, options: new ConvergenceOptions { MaxIterations = 3 });

        result.Converged.Should().BeFalse();
        result.Iterations.Should().Be(3);
        result.LowerBound.Should().BeLessThan(exact);
        result.UpperBound.Should().BeGreaterThan(exact);
    }

    [Fact]
    public void Capacity_Progress_ReportsEveryEvaluationInTheUnit()
    {
        var reports = new List<CapacityProgress>();
        var channel = Channel.FromProbabilities(new[,] { { 1, 0 }, { 0.3, 0.7 } });

        ChannelCapacity result = channel.Capacity(LogBase.Bits, progress: new SynchronousProgress(reports.Add));

        reports.Select(r => r.Iteration).Should().Equal(Enumerable.Range(1, result.Iterations));
        reports[^1].LowerBound.Should().Be(result.LowerBound);
        reports[^1].UpperBound.Should().Be(result.UpperBound);
    }

    [Fact]
    public void Capacity_RandomDense1000By1000_ClosesTheGapToOneInTheNinthInFewerThanAHundredIterations()
    {
        // The speed target is timed in the benchmark (tests assert no wall-clock time); here the iteration count guards
        // against a regression to plain Blahut–Arimoto, which needs more than 100 000 iterations on this channel.
        var rng = new Random(1);
        double[,] w = RandomChannel(rng, 1000, 1000);
        var channel = Channel.FromProbabilities(w);

        ChannelCapacity result = channel.Capacity();

        result.Converged.Should().BeTrue();
        result.Iterations.Should().BeLessThan(100);
        (result.UpperBound - result.LowerBound).Should().BeLessThanOrEqualTo(1e-9);
    }

    [Fact]
    public void MutualInformation_BinarySymmetricChannel_IsOutputEntropyLessNoiseEntropy()
    {
        // I = H(Y) − H(Y|X) = h(0.3·0.9 + 0.7·0.1) − h(0.1) bits for the input (0.3, 0.7).
        var channel = Channel.FromProbabilities(new[,] { { 0.9, 0.1 }, { 0.1, 0.9 } });

        channel.MutualInformation([0.3, 0.7], LogBase.Bits).Should().BeApproximately(H2((0.3 * 0.9) + (0.7 * 0.1)) - H2(0.1), 1e-14);
    }

    [Fact]
    public void MutualInformation_RandomChannels_EqualsTheJointDistributionsMutualInformation()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var rng = new Random(seed);
            int inputs = 1 + rng.Next(9), outputs = 1 + rng.Next(9);
            double[,] w = RandomChannel(rng, inputs, outputs);
            double[] p = DiscreteSamples.Positive(rng, inputs);
            var joint = new double[inputs, outputs];
            for (int x = 0; x < inputs; x++)
            {
                for (int y = 0; y < outputs; y++)
                {
                    joint[x, y] = p[x] * w[x, y];
                }
            }

            Channel.FromProbabilities(w).MutualInformation(p)
                .Should().BeApproximately(InfoTheory.MutualInformation.Of(JointDistribution.FromProbabilities(joint)), 1e-13, $"seed {seed}");
        }
    }

    [Fact]
    public void OutputDistribution_ErasureChannel_IsTheMixtureOfRows()
    {
        var channel = Channel.FromProbabilities([0.75, 0.25, 0, 0, 0.25, 0.75], 2, 3);

        channel.OutputDistribution([0.4, 0.6]).Should().Equal([0.3, 0.25, 0.45], (a, b) => Math.Abs(a - b) < 1e-15);
        channel[1, 2].Should().Be(0.75);
    }

    [Fact]
    public void FromProbabilities_RowNotSummingToOne_ThrowsNamingTransitionAndTheRow()
    {
        Action act = () => Channel.FromProbabilities(new[,] { { 0.5, 0.5 }, { 0.5, 0.4 } });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "transition" && e.Message.Contains("Row 1"));
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void FromProbabilities_BadEntry_ThrowsNamingItsCell(double bad, string shown)
    {
        Action act = () => Channel.FromProbabilities([1, 0, bad, 0.5], 2, 2);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "transition" && e.Message.Contains($"transition[1,0] is {shown}"));
    }

    [Fact]
    public void FromProbabilities_ShapeNotMatchingTheLength_Throws()
    {
        Action act = () => Channel.FromProbabilities([1, 0, 0, 1], 3, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("transition");
    }

    [Fact]
    public void MutualInformation_InputOfWrongLengthOrNotAProbabilityVector_ThrowsNamingInput()
    {
        var channel = Channel.FromProbabilities(new[,] { { 1.0, 0 }, { 0, 1.0 } });

        ((Action)(() => channel.MutualInformation([1.0]))).Should().Throw<ArgumentException>().WithParameterName("input");
        ((Action)(() => channel.MutualInformation([0.5, 0.6]))).Should().Throw<ArgumentException>().WithParameterName("input");
    }

    [Fact]
    public void OutputDistribution_DestinationOverlappingInput_ThrowsNamingDestination()
    {
        var channel = Channel.FromProbabilities(new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } });
        double[] buffer = [0.25, 0.75];

        ((Action)(() => channel.OutputDistribution(buffer, buffer))).Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void Capacity_UndefinedAlgorithm_ThrowsNamingAlgorithm()
    {
        var channel = Channel.FromProbabilities(new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } });

        ((Action)(() => channel.Capacity(algorithm: (CapacityAlgorithm)7))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("algorithm");
    }

    [Fact]
    public void ConvergenceOptions_ToleranceNotPositiveOrNoIterations_ThrowsNamingTheProperty()
    {
        ((Action)(() => _ = new ConvergenceOptions { Tolerance = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Tolerance");
        ((Action)(() => _ = new ConvergenceOptions { MaxIterations = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxIterations");
    }

    /// <summary>A random row-stochastic matrix, a quarter of its entries exactly 0 (every row keeps one nonzero entry).</summary>
    internal static double[,] RandomChannel(Random rng, int inputs, int outputs)
    {
        var w = new double[inputs, outputs];
        for (int x = 0; x < inputs; x++)
        {
            double sum = 0;
            for (int y = 0; y < outputs; y++)
            {
                w[x, y] = rng.NextDouble() < 0.25 ? 0 : rng.NextDouble();
                sum += w[x, y];
            }

            if (sum == 0)
            {
                w[x, 0] = sum = 1;
            }

            for (int y = 0; y < outputs; y++)
            {
                w[x, y] /= sum;
            }
        }

        return w;
    }

    /// <summary>I(X;Y) = Σ p(x) W(y|x) log(W(y|x)/q(y)), written out.</summary>
    private static double PlainInformation(double[,] w, double[] p)
    {
        int outputs = w.GetLength(1);
        var q = new double[outputs];
        for (int x = 0; x < p.Length; x++)
        {
            for (int y = 0; y < outputs; y++)
            {
                q[y] += p[x] * w[x, y];
            }
        }

        double sum = 0;
        for (int x = 0; x < p.Length; x++)
        {
            for (int y = 0; y < outputs; y++)
            {
                if (p[x] > 0 && w[x, y] > 0)
                {
                    sum += p[x] * w[x, y] * Math.Log(w[x, y] / q[y]);
                }
            }
        }

        return sum;
    }

    private sealed class SynchronousProgress(Action<CapacityProgress> report) : IProgress<CapacityProgress>
    {
        public void Report(CapacityProgress value) => report(value);
    }
}
