using InfoTheory.Continuous;
using InfoTheory.Inference;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Inference;

/// <summary>
/// The conditional permutation tests of <c>Significance</c> (src/InfoTheory/Inference/Significance.Conditional.cs): shuffles
/// within the strata of label Z against exact enumeration, and Runge's local permutation for continuous Z.
/// </summary>
public class SignificanceConditionalTests
{
    [Fact]
    public void ConditionalMutualInformation_Labels_PValueMatchesTheExactWithinStrataDistribution()
    {
        // Every arrangement of x within the strata of z (4!·5! = 2880 of them), each measured by MutualInformation.Conditional,
        // gives the exact p-value; 20,000 seeded shuffles must land within four Monte Carlo standard errors of it.
        int[] x = [0, 1, 0, 1, 1, 0, 1, 0, 1];
        int[] y = [0, 1, 0, 0, 1, 0, 1, 1, 1];
        int[] z = [0, 0, 0, 0, 1, 1, 1, 1, 1];
        double observed = MutualInformation.Conditional<int, int, int>(x, y, z);
        int reaching = 0, total = 0;
        foreach (int[] first in Orders.Of([0, 1, 2, 3]))
        {
            foreach (int[] second in Orders.Of([4, 5, 6, 7, 8]))
            {
                int[] shuffled = [.. first.Concat(second).Select(i => x[i])];
                total++;
                reaching += MutualInformation.Conditional<int, int, int>(shuffled, y, z) >= observed - 1e-12 ? 1 : 0;
            }
        }

        double exact = (double)reaching / total;
        var result = Significance.ConditionalMutualInformation<int, int, int>(x, y, z, permutations: 20_000, seed: 2);

        result.Statistic.Should().BeApproximately(observed, 1e-15);
        result.PValue.Should().BeApproximately(exact, (4 * Math.Sqrt(exact * (1 - exact) / 20_000)) + (1.0 / 20_001));
    }

    [Fact]
    public void ConditionalMutualInformation_LabelsBothFunctionsOfZ_NotRejectedWhileTheUnconditionalTestRejects()
    {
        // x and y are noisy copies of z, independent given z: Î(X;Y) is large, Î(X;Y|Z) only the plug-in bias.
        var random = new Random(4);
        int[] z = Enumerable.Range(0, 2000).Select(_ => random.Next(4)).ToArray();
        int[] x = z.Select(v => random.NextDouble() < 0.7 ? v : random.Next(4)).ToArray();
        string[] y = z.Select(v => random.NextDouble() < 0.7 ? $"y{v}" : $"y{random.Next(4)}").ToArray();

        var unconditional = Significance.MutualInformation<int, string>(x, y, 199, seed: 1);
        var conditional = Significance.ConditionalMutualInformation<int, string, int>(x, y, z, 199, seed: 1);

        unconditional.PValue.Should().Be(0.005);
        conditional.PValue.Should().BeGreaterThan(0.05);

        // The null of the stratified shuffle is the conditional G-test's: 2N·Î(X;Y|Z) ≈ χ² with Σ (r_z − 1)(c_z − 1) = 36
        // degrees of freedom, so the null mean is about 36/(2N).
        conditional.NullMean.Should().BeApproximately(36.0 / 4000, 0.1 * 36.0 / 4000);
    }

    [Fact]
    public void ConditionalMutualInformation_LabelsUnderConditionalIndependence_PValuesAreUniform()
    {
        // Within-strata shuffles are exchangeable under X ⫫ Y | Z: counts of p ≤ 0.05 over 200 data sets are Binomial(200, 0.05).
        int rejected = 0;
        for (int set = 0; set < 200; set++)
        {
            var random = new Random(set);
            int[] z = Enumerable.Range(0, 60).Select(_ => random.Next(3)).ToArray();
            int[] x = z.Select(v => (v + random.Next(2)) % 3).ToArray();
            int[] y = z.Select(v => (v * random.Next(3)) % 4).ToArray();
            rejected += Significance.ConditionalMutualInformation<int, int, int>(x, y, z, 19, seed: set).PValue <= 0.05 ? 1 : 0;
        }

        rejected.Should().BeInRange(2, 20);
    }

    [Fact]
    public void ConditionalMutualInformation_ContinuousBothFunctionsOfZ_LocalShuffleDoesNotRejectWhileTheUnconditionalTestDoes()
    {
        // x = z + noise, y = z + noise: dependent, but independent given z. The unconditional KSG test rejects; Runge's local
        // shuffle, which keeps X near its own Z, does not.
        var random = new Random(6);
        double[] z = Normal(random, 400);
        double[] x = z.Select(v => v + (0.5 * random.NextDouble())).ToArray();
        double[] y = z.Select(v => v + (0.5 * random.NextDouble())).ToArray();

        var unconditional = Significance.MutualInformation(x, 1, y, 1, 99, seed: 1);
        var local = Significance.ConditionalMutualInformation(x, 1, y, 1, z, 1, 99, seed: 1);

        unconditional.PValue.Should().Be(0.01);
        local.PValue.Should().BeGreaterThan(0.05);
        local.Statistic.Should().Be(Knn.ConditionalMutualInformation(x, 1, y, 1, z, 1).Value);
    }

    [Fact]
    public void ConditionalMutualInformation_ContinuousDependentGivenZ_Rejects()
    {
        // y depends on x beyond z: the local shuffle keeps X near its Z but breaks its tie to Y.
        var random = new Random(7);
        double[] z = Normal(random, 300);
        double[] x = z.Select(v => v + random.NextDouble()).ToArray();
        double[] y = x.Select((v, i) => v + z[i] + (0.2 * random.NextDouble())).ToArray();

        Significance.ConditionalMutualInformation(x, 1, y, 1, z, 1, 99, seed: 3).PValue.Should().Be(0.01);
    }

    [Fact]
    public void ConditionalMutualInformation_OneShuffleNeighbor_LeavesEveryRowInPlace()
    {
        // Each row's nearest neighbour in Z, itself included, is itself (Z untied): every permuted statistic is the observed one.
        var random = new Random(8);
        double[] z = Normal(random, 100);
        double[] x = Normal(random, 100);
        double[] y = Normal(random, 100);

        var result = Significance.ConditionalMutualInformation(x, 1, y, 1, z, 1, 19, seed: 1, shuffleNeighbors: 1);

        result.Exceedances.Should().Be(19);
        result.PValue.Should().Be(1);
        result.NullMean.Should().Be(result.Statistic);
        result.NullStandardDeviation.Should().Be(0);
    }

    [Fact]
    public void ConditionalMutualInformation_AnyDegreeOfParallelism_GivesTheSameBits()
    {
        var random = new Random(9);
        var x = new double[1031, 1];
        var y = new double[1031, 2];
        var z = new double[1031, 1];
        int[] lx = new int[1031], ly = new int[1031], lz = new int[1031];
        for (int i = 0; i < 1031; i++)
        {
            z[i, 0] = random.NextDouble();
            x[i, 0] = z[i, 0] + random.NextDouble();
            y[i, 0] = random.NextDouble();
            y[i, 1] = x[i, 0] + random.NextDouble();
            (lz[i], lx[i]) = (random.Next(3), random.Next(4));
            ly[i] = random.NextDouble() < 0.2 ? lx[i] : random.Next(4);
        }

        var one = Significance.ConditionalMutualInformation(x, y, z, 9, seed: 5, options: new KnnOptions { MaxDegreeOfParallelism = 1 });
        var labels = Significance.ConditionalMutualInformation<int, int, int>(lx, ly, lz, 99, seed: 5, maxDegreeOfParallelism: 1);

        Significance.ConditionalMutualInformation(x, y, z, 9, seed: 5).Should().Be(one);
        Significance.ConditionalMutualInformation(x, y, z, 9, seed: 5, options: new KnnOptions { MaxDegreeOfParallelism = 3 }).Should().Be(one);
        Significance.ConditionalMutualInformation<int, int, int>(lx, ly, lz, 99, seed: 5).Should().Be(labels);
        Significance.ConditionalMutualInformation<int, int, int>(lx, ly, lz, 99, seed: 5, maxDegreeOfParallelism: 3).Should().Be(labels);
        Significance.ConditionalMutualInformation<int, int, int>(lx, ly, lz, 99, seed: 6).Should().NotBe(labels);
    }

    [Fact]
    public void ConditionalMutualInformation_BadInput_ThrowsNamingTheParameter()
    {
        int[] three = [1, 2, 3];
        double[] ten = Enumerable.Range(0, 10).Select(i => i * 0.1).ToArray();
        ((Action)(() => Significance.ConditionalMutualInformation<int, int, int>(three, three, [1, 2], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("z");
        ((Action)(() => Significance.ConditionalMutualInformation<int, int, int>(three, [1], three, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("y");
        ((Action)(() => Significance.ConditionalMutualInformation<int, int, int>([], [], [], 9, 1))).Should().Throw<ArgumentException>().WithParameterName("x");
        ((Action)(() => Significance.ConditionalMutualInformation<int, int, int>(three, three, three, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.ConditionalMutualInformation<int, int, int>(three, three, three, 9, 1, (LogBase)7))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
        ((Action)(() => Significance.ConditionalMutualInformation(ten, 1, ten, 1, ten, 1, 9, 1, shuffleNeighbors: 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shuffleNeighbors");
        ((Action)(() => Significance.ConditionalMutualInformation(ten, 1, ten, 1, ten, 1, 9, 1, shuffleNeighbors: 11))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shuffleNeighbors");
        ((Action)(() => Significance.ConditionalMutualInformation(ten, 1, ten, 1, ten, 1, 0, 1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("permutations");
        ((Action)(() => Significance.ConditionalMutualInformation(ten, 1, ten, 1, ten.AsSpan(0, 9), 1, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("z");
        ((Action)(() => Significance.ConditionalMutualInformation(ten, 1, ten, 1, new double[10], 1, 9, 1))).Should().Throw<ArgumentException>().WithParameterName("z");
        ((Action)(() => Significance.ConditionalMutualInformation(new double[3, 1], new double[3, 1], null!, 9, 1))).Should().Throw<ArgumentNullException>().WithParameterName("z");
    }
}
