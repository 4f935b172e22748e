using CsCheck;
using InfoTheory.Continuous;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Continuous;

public class KnnTests
{
    private static readonly double[] NpeetX = [1.3, 3.7, 5.1, 2.4, 3.4];
    private static readonly double[] NpeetY = [1.5, 3.32, 5.3, 2.3, 3.3];

    [Theory]
    [InlineData(KsgAlgorithm.One)]
    [InlineData(KsgAlgorithm.Two)]
    public void MutualInformation_ReferenceRow22_MatchesNpeetExactValue(KsgAlgorithm algorithm)
    {
        // NPEET README: 0.1683 bits. NPEET's mi() is KSG algorithm 1 (counts strictly
        // inside ε, ψ(n + 1)). Without NPEET's 1e-10 noise every ψ difference is between integers, and by hand
        // (python3, both algorithms) Î = 7/60 nats = 0.168314421437 bits exactly.
        var estimate = Knn.MutualInformation(NpeetX, NpeetY, k: 3, new KnnOptions { Algorithm = algorithm, Unit = LogBase.Bits });

        estimate.Value.Should().BeApproximately(7.0 / 60 / Math.Log(2), 1e-12);
        estimate.Value.Should().BeApproximately(0.1683, 5e-5);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void MutualInformation_ReferenceRow23_BivariateNormal(int k)
    {
        // scikit-learn feature_selection/tests/test_mutual_info.py: ρ = 0.5, n = 1000, within 0.05 of −½ ln(1 − ρ²).
        var (x, y) = CorrelatedPairs(1000, 0.5, new Random(0));

        Knn.MutualInformation(x, y, k).Value.Should().BeApproximately(0.1438410362, 0.05);
    }

    [Theory]
    [InlineData(0.0, KsgAlgorithm.One)]
    [InlineData(0.3, KsgAlgorithm.One)]
    [InlineData(0.6, KsgAlgorithm.One)]
    [InlineData(0.9, KsgAlgorithm.One)]
    [InlineData(0.0, KsgAlgorithm.Two)]
    [InlineData(0.3, KsgAlgorithm.Two)]
    [InlineData(0.6, KsgAlgorithm.Two)]
    [InlineData(0.9, KsgAlgorithm.Two)]
    public void MutualInformation_BivariateNormal_MatchesMinusHalfLogOneMinusRhoSquared(double rho, KsgAlgorithm algorithm)
    {
        var (x, y) = CorrelatedPairs(3000, rho, new Random(17));

        var estimate = Knn.MutualInformation(x, y, 3, new KnnOptions { Algorithm = algorithm });

        estimate.Value.Should().BeApproximately(-0.5 * Math.Log(1 - (rho * rho)), 0.04);
    }

    [Fact]
    public void MutualInformation_MultivariateBlocks_MatchesGaussianFormula()
    {
        var g = new Gaussian([0.0, 0.0, 0.0], new double[,] { { 1.0, 0.4, 0.3 }, { 0.4, 1.0, 0.5 }, { 0.3, 0.5, 1.0 } });
        var points = new double[3 * 3000];
        g.Sample(new Random(2), points);
        var x = new double[3000];
        var yz = new double[2 * 3000];
        for (int i = 0; i < 3000; i++)
        {
            x[i] = points[3 * i];
            yz[2 * i] = points[(3 * i) + 1];
            yz[(2 * i) + 1] = points[(3 * i) + 2];
        }

        Knn.MutualInformation(x, 1, yz, 2).Value.Should().BeApproximately(g.MutualInformation(1), 0.05);
    }

    [Fact]
    public void MutualInformation_Standardize_RemovesScaleDependence()
    {
        // NPEET issue #19: KSG on raw data depends on the relative scales of X and Y.
        var (x, y) = CorrelatedPairs(800, 0.6, new Random(4));
        double[] scaled = x.Select(v => v * 1000).ToArray();
        var options = new KnnOptions { Standardize = true };

        Knn.MutualInformation(scaled, y, 3, options).Value.Should().BeApproximately(Knn.MutualInformation(x, y, 3, options).Value, 1e-12);
        Knn.MutualInformation(scaled, y).Value.Should().NotBeApproximately(Knn.MutualInformation(x, y).Value, 0.05);
    }

    [Fact]
    public void ConditionalMutualInformation_Gaussian_MatchesLogDeterminantFormula()
    {
        var g = new Gaussian([0.0, 0.0, 0.0], new double[,] { { 1.0, 0.7, 0.5 }, { 0.7, 1.0, 0.6 }, { 0.5, 0.6, 1.0 } });
        const int n = 3000;
        var points = new double[3 * n];
        g.Sample(new Random(8), points);
        var x = new double[n, 1];
        var y = new double[n, 1];
        var z = new double[n, 1];
        for (int i = 0; i < n; i++)
        {
            (x[i, 0], y[i, 0], z[i, 0]) = (points[3 * i], points[(3 * i) + 1], points[(3 * i) + 2]);
        }

        // I(X;Y|Z) = ½ (ln det Σ_XZ + ln det Σ_YZ − ln det Σ_Z − ln det Σ).
        double exact = 0.5 * (g.Marginal([0, 2]).LogDeterminant + g.Marginal([1, 2]).LogDeterminant - g.Marginal([2]).LogDeterminant - g.LogDeterminant);

        Knn.ConditionalMutualInformation(x, y, z).Value.Should().BeApproximately(exact, 0.04);
        Knn.ConditionalMutualInformation(x.Cast<double>().ToArray(), 1, y.Cast<double>().ToArray(), 1, z.Cast<double>().ToArray(), 1)
            .Should().Be(Knn.ConditionalMutualInformation(x, y, z));
    }

    [Fact]
    public void ConditionalMutualInformation_ChainThroughZ_IsNearZero()
    {
        // X = Z + noise and Y = Z + independent noise: X ⊥ Y | Z although X and Y are correlated.
        var random = new Random(13);
        var noise = new double[3 * 2000];
        Gaussian.Standard(1).Sample(random, noise);
        var x = new double[2000];
        var y = new double[2000];
        var z = new double[2000];
        for (int i = 0; i < 2000; i++)
        {
            z[i] = noise[i];
            x[i] = z[i] + (0.5 * noise[2000 + i]);
            y[i] = z[i] + (0.5 * noise[4000 + i]);
        }

        Knn.ConditionalMutualInformation(x, 1, y, 1, z, 1).Value.Should().BeApproximately(0.0, 0.03);
        Knn.MutualInformation(x, y).Value.Should().BeGreaterThan(0.4, "corr(X, Y) = 0.8, so I(X;Y) = −½ ln 0.36 ≈ 0.51");
    }

    [Fact]
    public void KullbackLeibler_Gaussians_MatchesAnalytic()
    {
        var p = new Gaussian([0.0, 0.0], new double[,] { { 1.0, 0.3 }, { 0.3, 1.0 } });
        var q = Gaussian.Diagonal([0.5, -0.5], [2.0, 1.5]);
        var x = new double[2 * 4000];
        var y = new double[2 * 4000];
        p.Sample(new Random(1), x);
        q.Sample(new Random(2), y);

        Knn.KullbackLeibler(x, y, 2).Value.Should().BeApproximately(Gaussian.KullbackLeibler(p, q), 0.06);
        Knn.KullbackLeibler(x, y, 2, 3, new KnnOptions { Norm = DistanceNorm.Maximum }).Value.Should().BeApproximately(Gaussian.KullbackLeibler(p, q), 0.06);
    }

    [Fact]
    public void KullbackLeibler_SameDistribution_IsNearZero()
    {
        var x = new double[2 * 3000];
        var y = new double[2 * 2500];
        Gaussian.Standard(2).Sample(new Random(5), x);
        Gaussian.Standard(2).Sample(new Random(6), y);

        Knn.KullbackLeibler(x, y, 2).Value.Should().BeApproximately(0.0, 0.04);
    }

    [Theory]
    [InlineData(500, 0.12)]
    [InlineData(8000, 0.03)]
    public void Entropy_Gaussian_ConvergesToAnalytic(int n, double tolerance)
    {
        var g = new Gaussian([1.0, -1.0], new double[,] { { 2.0, 0.5 }, { 0.5, 1.0 } });
        var points = new double[2 * n];
        g.Sample(new Random(n), points);

        Knn.Entropy(points, 2).Value.Should().BeApproximately(g.Entropy(), tolerance);
        Knn.Entropy(points, 2, 3, new KnnOptions { Norm = DistanceNorm.Maximum }).Value.Should().BeApproximately(g.Entropy(), tolerance);
    }

    [Theory]
    [InlineData(500, 0.2)]
    [InlineData(8000, 0.05)]
    public void Entropy_UniformRectangle_ConvergesToLogArea(int n, double tolerance)
    {
        // X uniform on [0, 2] × [0, 1]: h = ln 2. Balls that cross the boundary make the estimate biased
        // upwards by O(n^(−1/d)) (Kozachenko–Leonenko on bounded support), so the tolerance shrinks like 1/√n in 2-D.
        var random = new Random(n + 1);
        var samples = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            samples[i, 0] = 2 * random.NextDouble();
            samples[i, 1] = random.NextDouble();
        }

        Knn.Entropy(samples).Value.Should().BeApproximately(Math.Log(2), tolerance);
    }

    [Fact]
    public void Entropy_Standardize_GivesEntropyOfOriginalData()
    {
        var g = Gaussian.Diagonal([0.0, 0.0], [1e-4, 1e4]);
        var points = new double[2 * 4000];
        g.Sample(new Random(3), points);

        Knn.Entropy(points, 2, 3, new KnnOptions { Standardize = true }).Value.Should().BeApproximately(g.Entropy(), 0.05);
    }

    [Fact]
    public void Entropy_ScalarSamples_EqualTheOneDimensionalFlatAndMatrixForms()
    {
        double[] x = Points(500, 1, 31);
        var matrix = new double[500, 1];
        for (int i = 0; i < 500; i++)
        {
            matrix[i, 0] = x[i];
        }

        Knn.Entropy(x).Should().Be(Knn.Entropy(x, 1, 3));
        Knn.Entropy(x, k: 5).Should().Be(Knn.Entropy(matrix, 5));
        Knn.Entropy(x).Value.Should().BeApproximately(Gaussian.Standard(1).Entropy(), 0.06);
    }

    [Fact]
    public void KullbackLeibler_ScalarSamples_EqualTheOneDimensionalFlatAndMatrixForms()
    {
        double[] x = Points(400, 1, 32);
        double[] y = Points(300, 1, 33).Select(v => 0.5 + (2 * v)).ToArray();
        var xm = new double[400, 1];
        var ym = new double[300, 1];
        for (int i = 0; i < 400; i++)
        {
            xm[i, 0] = x[i];
        }

        for (int i = 0; i < 300; i++)
        {
            ym[i, 0] = y[i];
        }

        Knn.KullbackLeibler(x, y).Should().Be(Knn.KullbackLeibler(x, y, 1, 3));
        Knn.KullbackLeibler(x, y, k: 4).Should().Be(Knn.KullbackLeibler(xm, ym, 4));
    }

    [Fact]
    public void PlaneGridPaths_RandomAndTiedPairs_GiveBruteForceBits()
    {
        // 2-D spaces go through the grid: the KSG joint space of scalar pairs (both algorithms), the mixture estimator's
        // joint space and Kozachenko–Leonenko on 2-D points, on continuous data and on data rounded to a lattice
        // (equal distances, copies fewer than k), against the O(N²) oracle.
        var brute = new KnnOptions { Search = NeighborSearch.BruteForce };
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(70, 400);
                bool tied = rng.Next(2) == 0;
                double[] x = new double[n], y = new double[n], xy = new double[2 * n];
                for (int i = 0; i < n; i++)
                {
                    double a = Normal(rng), b = (0.7 * a) + (0.7 * Normal(rng));
                    (x[i], y[i]) = tied ? (Math.Round(a * 40) / 40, Math.Round(b * 40) / 40) : (a, b);
                    (xy[2 * i], xy[(2 * i) + 1]) = (x[i], y[i]);
                }

                foreach (var algorithm in new[] { KsgAlgorithm.One, KsgAlgorithm.Two })
                {
                    var grid = new KnnOptions { Algorithm = algorithm };
                    Estimate? expected = Try(() => Knn.MutualInformation(x, y, 8, brute with { Algorithm = algorithm }));
                    Try(() => Knn.MutualInformation(x, y, 8, grid)).Should().Be(expected);
                }

                Try(() => Knn.MixtureMutualInformation(x, 1, y, 1, 4)).Should().Be(Try(() => Knn.MixtureMutualInformation(x, 1, y, 1, 4, brute)));
                foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
                {
                    var options = new KnnOptions { Norm = norm };
                    Try(() => Knn.Entropy(xy, 2, 3, options)).Should().Be(Try(() => Knn.Entropy(xy, 2, 3, options with { Search = NeighborSearch.BruteForce })));
                }
            },
            iter: 40);

        // Rejected ties must be rejected on both paths alike; null stands for the exception.
        static Estimate? Try(Func<Estimate> estimate)
        {
            try
            {
                return estimate();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    [Fact]
    public void Estimators_KdTreeAndBruteForce_GiveIdenticalBits()
    {
        var random = new Random(12);
        var x = new double[900, 2];
        var y = new double[900, 1];
        var z = new double[900, 1];
        int[] shuffled = Enumerable.Range(0, 900).OrderBy(_ => random.Next()).ToArray();
        for (int i = 0; i < 900; i++)
        {
            // Distinct lattice points and integers repeated three times (fewer than k other copies): equal
            // distances everywhere, yet no point sits at distance 0 from its k-th neighbour in any space used.
            x[i, 0] = i % 30;
            x[i, 1] = i / 30;
            y[i, 0] = shuffled[i] / 3;
            z[i, 0] = shuffled[(i * 7) % 900] / 3;
        }

        foreach (var algorithm in new[] { KsgAlgorithm.One, KsgAlgorithm.Two })
        {
            var tree = new KnnOptions { Algorithm = algorithm };
            var brute = tree with { Search = NeighborSearch.BruteForce };
            Knn.MutualInformation(x, y, 4, tree).Should().Be(Knn.MutualInformation(x, y, 4, brute));
        }

        var jitter = new KnnOptions { Jitter = 1e-6, JitterSeed = 3 };
        var jitterBrute = jitter with { Search = NeighborSearch.BruteForce };
        Knn.ConditionalMutualInformation(x, y, z, 3).Should().Be(Knn.ConditionalMutualInformation(x, y, z, 3, new KnnOptions { Search = NeighborSearch.BruteForce }));
        Knn.Entropy(x, 3).Should().Be(Knn.Entropy(x, 3, new KnnOptions { Search = NeighborSearch.BruteForce }));
        var w = new double[700, 2];
        for (int i = 0; i < 700; i++)
        {
            w[i, 0] = Math.Round(random.NextDouble() * 5);
            w[i, 1] = Math.Round(random.NextDouble() * 3);
        }

        Knn.KullbackLeibler(x, w, 3, jitter).Should().Be(Knn.KullbackLeibler(x, w, 3, jitterBrute));
    }

    [Fact]
    public void MutualInformation_AllCoresAndOneCore_GiveIdenticalBits()
    {
        var (x, y) = CorrelatedPairs(5000, 0.4, new Random(21));

        Knn.MutualInformation(x, y).Should().Be(Knn.MutualInformation(x, y, 3, new KnnOptions { MaxDegreeOfParallelism = 1 }));
    }

    [Fact]
    public void Entropy_RepeatedPoints_ThrowsUnlessJittered()
    {
        var samples = new double[,] { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 }, { 2, 3 }, { 0, 5 } };

        var act = () => Knn.Entropy(samples, 3);

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("*distance 0*Knn.MixtureMutualInformation*KnnOptions.Jitter*");
        var options = new KnnOptions { Jitter = 1e-3, JitterSeed = 1 };
        Knn.Entropy(samples, 3, options).Should().Be(Knn.Entropy(samples, 3, options));
    }

    [Theory]
    [InlineData(KsgAlgorithm.One)]
    [InlineData(KsgAlgorithm.Two)]
    public void MutualInformation_IndependentThreeLevelVariables_ThrowsTiedPointsNamingX(KsgAlgorithm algorithm)
    {
        // Issue 8: 9.68 nats (algorithm 1) and −4.8 (algorithm 2) for two independent 3-level variables.
        var random = new Random(1);
        double[] x = Enumerable.Range(0, 1000).Select(_ => (double)random.Next(3)).ToArray();
        double[] y = Enumerable.Range(0, 1000).Select(_ => (double)random.Next(3)).ToArray();

        var act = () => Knn.MutualInformation(x, y, 3, new KnnOptions { Algorithm = algorithm });

        act.Should().Throw<ArgumentException>().WithParameterName("x")
            .WithMessage("1000 of the 1000 rows of x coincide exactly with 3 or more other rows*distance 0*plug-in*Knn.MixtureMutualInformation*KnnOptions.Jitter*");
    }

    [Fact]
    public void MutualInformation_DiscreteMarginalWithContinuousPartner_ThrowsNamingX()
    {
        // No joint point repeats (y is continuous), but X has atoms: the marginal counts of KSG are not those of a density.
        var (_, y) = CorrelatedPairs(600, 0.0, new Random(2));
        double[] x = Enumerable.Range(0, 600).Select(i => (double)(i % 3)).ToArray();

        var act = () => Knn.MutualInformation(x, y);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("600 of the 600 rows of x*");
        Knn.MutualInformation(x, y, 3, new KnnOptions { Jitter = 1e-3, JitterSeed = 4 }).Value.Should().BeGreaterThan(-1).And.BeLessThan(1);
    }

    [Fact]
    public void MutualInformation_FewerThanKCopies_IsAccepted()
    {
        // Two copies of every y value leave each point with one other copy: below k = 3, every distance used is positive.
        var (x, y) = CorrelatedPairs(400, 0.5, new Random(3));
        for (int i = 1; i < 400; i += 2)
        {
            y[i] = y[i - 1];
        }

        Knn.MutualInformation(x, y).Value.Should().BeInRange(0.0, 1.0);
        var act = () => Knn.MutualInformation(x, y, 1);
        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("400 of the 400 rows of y coincide exactly with 1 or more*");
    }

    [Fact]
    public void ConditionalMutualInformation_DiscreteConditioning_ThrowsNamingZ()
    {
        var (x, y) = CorrelatedPairs(500, 0.3, new Random(5));
        double[] z = Enumerable.Range(0, 500).Select(i => (double)(i % 4)).ToArray();

        var act = () => Knn.ConditionalMutualInformation(x, 1, y, 1, z, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("z").WithMessage("500 of the 500 rows of z*Knn.MixtureMutualInformation*KnnOptions.Jitter*");
    }

    [Fact]
    public void MutualInformation_TwoHundredThousandTiedPoints_ThrowsBeforeAnySearch()
    {
        // Issue 8: 14.7 nats after 20 s at n = 3e5; the search cost grew with the square of the ties. The tie census
        // runs before any index is built, so this case now costs one O(n log n) pass (milliseconds) instead of minutes.
        double[] x = Enumerable.Range(0, 200_000).Select(i => (double)(i % 3)).ToArray();
        double[] y = Enumerable.Range(0, 200_000).Select(i => (double)(i % 5)).ToArray();

        var act = () => Knn.MutualInformation(x, y);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("200000 of the 200000 rows of x*");
    }

    [Fact]
    public void KullbackLeibler_IdenticalSets_ThrowsSharedPointsNamingY()
    {
        // Issue 8: KL(x, x) was −0.48: every x found its own copy in y one neighbour earlier than in x.
        var x = new double[2 * 1000];
        Gaussian.Standard(2).Sample(new Random(6), x);

        var act = () => Knn.KullbackLeibler(x, x, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("1000 of the 1000 rows of x coincide exactly with a row of y (x row 0 = y row 0)*");
    }

    [Fact]
    public void KullbackLeibler_OneSharedPoint_Throws()
    {
        double[] x = Points(300, 2, 7), y = Points(300, 2, 8);
        (y[2 * 17], y[(2 * 17) + 1]) = (x[2 * 250], x[(2 * 250) + 1]);

        var act = () => Knn.KullbackLeibler(x, y, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("1 of the 300 rows of x*(x row 250 = y row 17)*");
    }

    [Fact]
    public void Entropy_PositiveAndNegativeZero_AreTied()
    {
        var samples = new double[,] { { 0.0 }, { -0.0 }, { 1 }, { 3 } };

        var act = () => Knn.Entropy(samples, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("2 of the 4 rows*");
    }

    [Fact]
    public void KullbackLeibler_PointOnTopOfOtherSet_Throws()
    {
        var act = () => Knn.KullbackLeibler(new double[,] { { 0 }, { 1 }, { 2 } }, new double[,] { { 0 }, { 5 } }, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void MutualInformation_NeighbourOrderOutOfRange_Throws(int order)
    {
        var act = () => Knn.MutualInformation(NpeetX, NpeetY, order);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("k").WithMessage($"k is {order}; it must lie in [1, 4]*");
    }

    [Fact]
    public void KullbackLeibler_KAboveOtherSetSize_Throws()
    {
        var act = () => Knn.KullbackLeibler(new double[,] { { 0 }, { 1 }, { 2 }, { 3 } }, new double[,] { { 0.5 }, { 5 } }, 3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("k");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Entropy_NonFiniteSample_Throws(double bad)
    {
        var act = () => Knn.Entropy(new double[,] { { 0, 1 }, { 2, bad }, { 3, 4 } }, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("samples[1,1] is *");
    }

    [Fact]
    public void MutualInformation_NonFiniteSpanValue_Throws()
    {
        var act = () => Knn.MutualInformation([0.0, 1, 2, 3], [0.0, double.NaN, 2, 3], 1);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Fact]
    public void MutualInformation_MismatchedRows_Throws()
    {
        var act = () => Knn.MutualInformation(new double[5, 1], new double[4, 1]);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("x has 5 rows but y has 4*");
    }

    [Fact]
    public void ConditionalMutualInformation_MismatchedRows_Throws()
    {
        var act = () => Knn.ConditionalMutualInformation(new double[5, 1], new double[5, 1], new double[6, 1]);

        act.Should().Throw<ArgumentException>().WithParameterName("z");
    }

    [Fact]
    public void Entropy_ZeroDimension_Throws()
    {
        var act = () => Knn.Entropy([1.0, 2.0], 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimension");
    }

    [Fact]
    public void Entropy_ZeroColumns_Throws()
    {
        var act = () => Knn.Entropy(new double[5, 0]);

        act.Should().Throw<ArgumentException>().WithParameterName("samples");
    }

    [Fact]
    public void Entropy_LengthNotMultipleOfDimension_Throws()
    {
        var act = () => Knn.Entropy([1.0, 2.0, 3.0], 2, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("samples");
    }

    [Fact]
    public void KullbackLeibler_DimensionMismatch_Throws()
    {
        var act = () => Knn.KullbackLeibler(new double[5, 2], new double[5, 3]);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    public static TheoryData<double> ExtremeScales() => [1e-300, 1e-200, 1e-160, 1e160, 1e200, 1e300];

    [Theory]
    [MemberData(nameof(ExtremeScales))]
    public void Estimators_ExtremeScales_TreeLineIndexAndBruteForceAgree(double c)
    {
        // Issue 8: squared Euclidean keys overflowed (+∞, NaN) or underflowed (false "repeated points") here.
        double[] line = Points(400, 1, 9).Select(v => c * v).ToArray();
        double[] plane = Points(400, 2, 10).Select(v => c * v).ToArray();
        var brute = new KnnOptions { Search = NeighborSearch.BruteForce };

        var lineEntropy = Knn.Entropy(line, 1);
        var planeEntropy = Knn.Entropy(plane, 2);
        var divergence = Knn.KullbackLeibler(plane.AsSpan(0, 400), plane.AsSpan(400), 2);

        lineEntropy.Should().Be(Knn.Entropy(line, 1, 3, brute));
        planeEntropy.Should().Be(Knn.Entropy(plane, 2, 3, brute));
        divergence.Should().Be(Knn.KullbackLeibler(plane.AsSpan(0, 400), plane.AsSpan(400), 2, 3, brute));
        double.IsFinite(lineEntropy.Value + planeEntropy.Value + divergence.Value).Should().BeTrue();
    }

    [Fact]
    public void Entropy_ScaledData_ShiftsByDimensionTimesLogScale()
    {
        // h(cX) = h(X) + d ln c for every c the doubles allow, 1e-300 … 1e300, under both norms.
        Gen.Select(Gen.Int, Gen.Int[1, 3], Gen.Double[-300, 300]).Sample((seed, d, exponent) =>
        {
            double c = Math.Pow(10, exponent);
            double[] points = Points(250, d, seed);
            double[] scaled = points.Select(v => c * v).ToArray();
            foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
            {
                var options = new KnnOptions { Norm = norm };
                double shift = Knn.Entropy(scaled, d, 3, options).Value - Knn.Entropy(points, d, 3, options).Value;

                shift.Should().BeApproximately(d * Math.Log(c), 1e-12 * (1 + Math.Abs(d * Math.Log(c))));
            }
        }, iter: 60);
    }

    [Fact]
    public void MutualAndConditionalInformation_ScaledData_Unchanged()
    {
        Gen.Select(Gen.Int, Gen.Double[-300, 300]).Sample((seed, exponent) =>
        {
            double c = Math.Pow(10, exponent);
            double[] xyz = Points(300, 3, seed);
            for (int i = 0; i < 300; i++)
            {
                xyz[(3 * i) + 1] += xyz[3 * i];
                xyz[(3 * i) + 2] += xyz[(3 * i) + 1];
            }

            double[] x = Column(xyz, 3, 0), y = Column(xyz, 3, 1), z = Column(xyz, 3, 2);
            double[] cx = x.Select(v => c * v).ToArray(), cy = y.Select(v => c * v).ToArray(), cz = z.Select(v => c * v).ToArray();
            foreach (var algorithm in new[] { KsgAlgorithm.One, KsgAlgorithm.Two })
            {
                var options = new KnnOptions { Algorithm = algorithm };
                Knn.MutualInformation(cx, cy, 3, options).Value.Should().BeApproximately(Knn.MutualInformation(x, y, 3, options).Value, 1e-12);
            }

            Knn.ConditionalMutualInformation(cx, 1, cy, 1, cz, 1).Value
                .Should().BeApproximately(Knn.ConditionalMutualInformation(x, 1, y, 1, z, 1).Value, 1e-12);
        }, iter: 40);
    }

    [Fact]
    public void KullbackLeibler_ScaledData_Unchanged()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 3], Gen.Double[-300, 300]).Sample((seed, d, exponent) =>
        {
            double c = Math.Pow(10, exponent);
            double[] x = Points(200, d, seed);
            double[] y = Points(250, d, seed + 1).Select(v => (1.5 * v) + 0.5).ToArray();
            foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
            {
                var options = new KnnOptions { Norm = norm };
                Knn.KullbackLeibler(x.Select(v => c * v).ToArray(), y.Select(v => c * v).ToArray(), d, 3, options).Value
                    .Should().BeApproximately(Knn.KullbackLeibler(x, y, d, 3, options).Value, 1e-12);
            }
        }, iter: 60);
    }

    [Fact]
    public void Standardize_DataNear1e308_MatchesDataDividedBy1e300()
    {
        // Issue 8: the column sums and squared deviations overflowed near 1e308.
        double[] points = Points(500, 2, 10).Select(v => 3e307 * v).ToArray();
        double[] reduced = points.Select(v => v / 1e300).ToArray();
        var options = new KnnOptions { Standardize = true };

        Knn.Entropy(points, 2, 3, options).Value
            .Should().BeApproximately(Knn.Entropy(reduced, 2, 3, options).Value + (2 * Math.Log(1e300)), 1e-9);
        Knn.MutualInformation(Column(points, 2, 0), Column(points, 2, 1), 3, options).Value
            .Should().BeApproximately(Knn.MutualInformation(Column(reduced, 2, 0), Column(reduced, 2, 1), 3, options).Value, 1e-12);
    }

    [Theory]
    [InlineData(DistanceNorm.Euclidean)]
    [InlineData(DistanceNorm.Maximum)]
    public void Entropy_PointsSpanningTheDoubleRange_IsFiniteAndScaleEquivariant(DistanceNorm norm)
    {
        // The third neighbour of each end point lies across zero, 3.2e308 away: more than double.MaxValue
        // even before squaring, so the estimate was +∞.
        double[] samples = [-1.7e308, -1.6e308, -1.5e308, 1.5e308, 1.6e308, 1.7e308];
        var options = new KnnOptions { Norm = norm };

        var estimate = Knn.Entropy(samples, 1, 3, options);

        double.IsFinite(estimate.Value).Should().BeTrue();
        estimate.Value.Should().BeApproximately(Knn.Entropy(samples.Select(v => v / 8).ToArray(), 1, 3, options).Value + Math.Log(8), 1e-12);
    }

    [Fact]
    public void KullbackLeibler_StandardizedOtherSetOverflows_ThrowsNamingY()
    {
        double[] x = Points(50, 1, 11).Select(v => 1e-300 * v).ToArray();
        double[] y = Points(50, 1, 12).Select(v => 1e300 * v).ToArray();

        var act = () => Knn.KullbackLeibler(x, y, 1, 3, new KnnOptions { Standardize = true });

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("*Standardize*");
    }

    [Fact]
    public void Entropy_DistanceTooSmallToSquare_ThrowsUnderflowNotRepeatedPoints()
    {
        double[] samples = [0, 1e-170, 2e-170, 3e-170, 4e-170, 1];

        var act = () => Knn.Entropy(samples, 1, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("samples").WithMessage("*underflows*DistanceNorm.Maximum*");
        Knn.Entropy(samples, 1, 1, new KnnOptions { Norm = DistanceNorm.Maximum }).Value.Should().BeNegative();
    }

    private static double[] Points(int n, int d, int seed)
    {
        var points = new double[n * d];
        Gaussian.Standard(d).Sample(new Random(seed), points);
        return points;
    }

    private static double[] Column(double[] points, int dimension, int column)
        => Enumerable.Range(0, points.Length / dimension).Select(i => points[(i * dimension) + column]).ToArray();

    private static (double[] X, double[] Y) CorrelatedPairs(int n, double rho, Random random)
    {
        var g = new Gaussian([0.0, 0.0], new double[,] { { 1.0, rho }, { rho, 1.0 } });
        var points = new double[2 * n];
        g.Sample(random, points);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = points[2 * i];
            y[i] = points[(2 * i) + 1];
        }

        return (x, y);
    }
}
