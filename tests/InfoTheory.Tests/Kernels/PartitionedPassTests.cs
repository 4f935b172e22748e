using InfoTheory.Kernels;

namespace InfoTheory.Tests.Kernels;

/// <summary>
/// The fused entropy, cross-entropy, KL and JSD passes on inputs long enough to be cut into <see cref="PartitionedRun.Parts"/>
/// fixed parts: the same bits on any thread count, double and float, and still the naive sum's value at every width.
/// </summary>
public class PartitionedPassTests
{
    // Past PartitionedRun.ShortestLength and not a whole number of blocks or registers, so the last part is ragged.
    private const int Length = 100_003;

    public static TheoryData<string> Measures => new() { "Entropy", "CrossEntropy", "KullbackLeibler", "JensenShannon" };

    [Theory]
    [MemberData(nameof(Measures))]
    public void Nats_LongInput_GivesTheSameBitsOnOneThreadAndOnSeveral(string measure)
    {
        var rng = new Random(Length);
        double[] p = ProbabilityVectorSamples.Vector(rng, Length);
        double[] q = ProbabilityVectorSamples.Vector(rng, Length, zeroFraction: 0);
        (float[] pf, float[] qf, _, _) = ProbabilityVectorSamples.FloatPair(Length);

        double single = Nats(measure, p, q, SimdWidths.Best, threads: 1);
        double singleFloat = NatsSingle(measure, pf, qf, threads: 1);
        foreach (int threads in new[] { 2, 3, 8, 16 })
        {
            Nats(measure, p, q, SimdWidths.Best, threads).Should().Be(single, $"{threads} threads");
            NatsSingle(measure, pf, qf, threads).Should().Be(singleFloat, $"{threads} threads, float");
        }
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Nats_LongInputOnEveryWidthAndTwoThreads_MatchesScalarReference(string measure)
    {
        // The independent naive sums of ScalarReference (Math.Log per element): a part lost, doubled or misplaced would show.
        var rng = new Random(Length + 1);
        double[] p = ProbabilityVectorSamples.Vector(rng, Length);
        double[] q = ProbabilityVectorSamples.Vector(rng, Length, zeroFraction: 0);
        double expected = Expected(measure, p, q);

        foreach (SimdWidth width in Enum.GetValues<SimdWidth>())
        {
            Nats(measure, p, q, width, threads: 2).Should().BeApproximately(expected, 1e-12 * (1 + expected), $"width {width}");
        }
    }

    [Fact]
    public void Nats_LongInputNotAProbabilityVector_ThrowsNamingTheParameterOnAnyThreadCount()
    {
        // The validation of a partitioned pass combines the parts' tallies; a bad entry in the last part must still be found.
        var rng = new Random(7);
        double[] p = ProbabilityVectorSamples.Vector(rng, Length);
        double[] q = ProbabilityVectorSamples.Vector(rng, Length, zeroFraction: 0);
        q[^1] = -q[^1];
        foreach (int threads in new[] { 1, 2 })
        {
            FluentActions.Invoking(() => CrossEntropyKernel.Nats<double>(p, q, "p", "q", SimdWidths.Best, threads))
                .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("q");
            FluentActions.Invoking(() => EntropyKernel<double>.Nats(q, "q", SimdWidths.Best, threads))
                .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("q");
        }
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Nats_LongInputWithZerosAndSubnormalsInTheFirstAndLastParts_MatchesScalarReferenceOnEveryWidthAndThreadCount(string measure)
    {
        // The subnormal path of the log runs inside a part on a pool thread; entries at both ends reach the first and the ragged last part.
        var rng = new Random(Length + 2);
        double[] p = ProbabilityVectorSamples.Vector(rng, Length);
        double[] q = ProbabilityVectorSamples.Vector(rng, Length, zeroFraction: 0);
        foreach (int i in new[] { 0, 3, Length - 1, Length - 6 })
        {
            // The mass taken off moves to entry 1, so both stay probability vectors.
            double pi = i % 2 == 0 ? 4.9406564584124654e-324 : 0.0;
            double qi = i % 2 == 0 ? 1e-310 : 3e-320;
            p[1] += p[i] - pi;
            q[1] += q[i] - qi;
            (p[i], q[i]) = (pi, qi);
        }

        double expected = Expected(measure, p, q);

        foreach (SimdWidth width in Enum.GetValues<SimdWidth>())
        {
            foreach (int threads in new[] { 1, 2 })
            {
                Nats(measure, p, q, width, threads).Should().BeApproximately(expected, 1e-12 * (1 + expected), $"width {width}, {threads} threads");
            }
        }
    }

    [Fact]
    public void Nats_ManyShortPartitionedPassesBackToBack_EachWaitsForAllItsParts()
    {
        // Pass after pass on the same calling thread reuses one run; a helper of one pass finishing late must neither release
        // the next pass before its parts are done nor lose a part, which would show as a different value in some pass.
        var rng = new Random(PartitionedRun.ShortestLength);
        double[] p = ProbabilityVectorSamples.Vector(rng, PartitionedRun.ShortestLength + 5);
        double once = EntropyKernel<double>.Nats(p, nameof(p), SimdWidths.Best, threads: 1);
        for (int pass = 0; pass < 500; pass++)
        {
            double again = EntropyKernel<double>.Nats(p, nameof(p), SimdWidths.Best, threads: 2);
            if (again != once)
            {
                again.Should().Be(once, $"pass {pass}");
            }
        }
    }

    // The independent naive sums of ScalarReference (Math.Log per element).
    private static double Expected(string measure, double[] p, double[] q) => measure switch
    {
        "Entropy" => ScalarReference.Entropy(p),
        "CrossEntropy" => ScalarReference.CrossEntropy(p, q),
        "KullbackLeibler" => ScalarReference.KullbackLeibler(p, q),
        _ => ScalarReference.JensenShannon(p, q),
    };

    private static double Nats(string measure, double[] p, double[] q, SimdWidth width, int threads) => measure switch
    {
        "Entropy" => EntropyKernel<double>.Nats(p, nameof(p), width, threads),
        "CrossEntropy" => CrossEntropyKernel.Nats<double>(p, q, "p", "q", width, threads),
        "KullbackLeibler" => KullbackLeiblerKernel.Nats<double>(p, q, "p", "q", width, threads),
        _ => JensenShannonKernel.Nats<double>(p, q, "p", "q", width, threads),
    };

    private static double NatsSingle(string measure, float[] p, float[] q, int threads) => measure switch
    {
        "Entropy" => EntropyKernel<float>.Nats(p, nameof(p), SimdWidths.Best, threads),
        "CrossEntropy" => CrossEntropyKernel.Nats<float>(p, q, "p", "q", SimdWidths.Best, threads),
        "KullbackLeibler" => KullbackLeiblerKernel.Nats<float>(p, q, "p", "q", SimdWidths.Best, threads),
        _ => JensenShannonKernel.Nats<float>(p, q, "p", "q", SimdWidths.Best, threads),
    };
}
