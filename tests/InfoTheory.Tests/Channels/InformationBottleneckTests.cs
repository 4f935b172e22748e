using InfoTheory.Channels;

namespace InfoTheory.Tests.Channels;

/// <summary>
/// <c>InformationBottleneck</c> (src/InfoTheory/Channels/InformationBottleneck.cs): the limits in β (Tishby, Pereira and Bialek
/// 1999, §4), the self-consistent equations at the returned solution, recomputed here from the encoder alone, data processing,
/// determinism in the seed, and the input rules.
/// </summary>
public class InformationBottleneckTests
{
    // Three values of X with distinct p(y|x), one of them with a zero cell.
    private static readonly JointDistribution Joint = JointDistribution.FromProbabilities(new[,]
    {
        { 0.20, 0.05, 0.05 },
        { 0.02, 0.25, 0.03 },
        { 0.10, 0.00, 0.30 },
    });

    [Fact]
    public void Fit_SmallBeta_CompressesEverything()
    {
        BottleneckResult result = InformationBottleneck.Fit(Joint, 1e-4, 3, seed: 1);

        result.Converged.Should().BeTrue();
        result.InformationXT.Should().BeLessThan(1e-8);
        result.InformationTY.Should().BeLessThan(1e-8);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Fit_LargeBetaAndAClusterPerValue_KeepsAllTheRelevantInformation(int clusters)
    {
        // The limit holds at the optimum; at β = 200 the iteration is nearly a hard clustering and a start can lock two values
        // of X into one cluster (seed 1 with 3 clusters does), so the best of five seeded starts is the solution.
        double total = MutualInformation.Of(Joint);

        double best = Enumerable.Range(1, 5).Max(seed => InformationBottleneck.Fit(Joint, 200, clusters, seed).InformationTY);

        best.Should().BeApproximately(total, 1e-9);
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(3.0, 2)]
    [InlineData(8.0, 3)]
    public void Fit_Solution_SatisfiesTheSelfConsistentEquations(double beta, int clusters)
    {
        // p(t|x) = p(t)·exp(−β KL(p(y|x) ‖ p(y|t))) / Z(x), with p(t) and p(y|t) recomputed here from the returned encoder.
        BottleneckResult result = InformationBottleneck.Fit(Joint, beta, clusters, seed: 5, options: new ConvergenceOptions { Tolerance = 1e-13, MaxIterations = 100_000 });
        double[,] p = Joint.ToArray();
        double[] px = Joint.RowMarginal.ToArray();
        var pt = new double[clusters];
        var pyt = new double[clusters, 3];
        for (int x = 0; x < 3; x++)
        {
            for (int t = 0; t < clusters; t++)
            {
                pt[t] += px[x] * result.Encoder[x, t];
                for (int y = 0; y < 3; y++)
                {
                    pyt[t, y] += p[x, y] * result.Encoder[x, t];
                }
            }
        }

        for (int x = 0; x < 3; x++)
        {
            var weights = new double[clusters];
            for (int t = 0; t < clusters; t++)
            {
                double kl = 0;
                for (int y = 0; y < 3; y++)
                {
                    if (p[x, y] > 0)
                    {
                        kl += p[x, y] / px[x] * Math.Log(p[x, y] / px[x] / (pyt[t, y] / pt[t]));
                    }
                }

                weights[t] = pt[t] * Math.Exp(-beta * kl);
            }

            for (int t = 0; t < clusters; t++)
            {
                result.Encoder[x, t].Should().BeApproximately(weights[t] / weights.Sum(), 1e-10, $"x = {x}, t = {t}");
            }
        }

        result.Clusters.Should().Equal(pt, (a, b) => Math.Abs(a - b) < 1e-14);
    }

    [Fact]
    public void Fit_AnyBeta_ObeysDataProcessing()
    {
        foreach (double beta in new[] { 0.5, 2, 10, 50 })
        {
            BottleneckResult result = InformationBottleneck.Fit(Joint, beta, 2, seed: 3, LogBase.Bits);

            result.InformationTY.Should().BeLessThanOrEqualTo(MutualInformation.Of(Joint, LogBase.Bits) + 1e-12);
            result.InformationTY.Should().BeLessThanOrEqualTo(result.InformationXT + 1e-12);
            result.InformationXT.Should().BeLessThanOrEqualTo(1 + 1e-12, "two clusters hold at most 1 bit");
        }
    }

    [Fact]
    public void Fit_SameSeed_GivesTheSameBits()
    {
        BottleneckResult a = InformationBottleneck.Fit(Joint, 4, 3, seed: 11);
        BottleneckResult b = InformationBottleneck.Fit(Joint, 4, 3, seed: 11);

        b.Encoder.Probabilities.ToArray().Should().Equal(a.Encoder.Probabilities.ToArray());
        b.InformationXT.Should().Be(a.InformationXT);
    }

    [Fact]
    public void Fit_ValueWithZeroProbability_GetsTheClusterDistribution()
    {
        var joint = JointDistribution.FromProbabilities(new[,] { { 0.5, 0.1 }, { 0, 0 }, { 0.1, 0.3 } });

        BottleneckResult result = InformationBottleneck.Fit(joint, 5, 2, seed: 2);

        result.Encoder[1, 0].Should().BeApproximately(result.Clusters[0], 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_BetaNotFinitePositive_ThrowsNamingBeta(double beta)
    {
        Action act = () => InformationBottleneck.Fit(Joint, beta, 2, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(beta));
    }

    [Fact]
    public void Fit_NoClusters_ThrowsNamingClusters()
    {
        Action act = () => InformationBottleneck.Fit(Joint, 1, 0, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("clusters");
    }
}
