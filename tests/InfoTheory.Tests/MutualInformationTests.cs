using CsCheck;

namespace InfoTheory.Tests;

public class MutualInformationTests
{
    // scikit-learn metrics/cluster/tests/test_supervised.py (test_adjusted_mutual_info_score).
    private static readonly int[] SklearnA = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
    private static readonly int[] SklearnB = [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 3, 1, 3, 3, 3, 2, 2];

    [Fact]
    public void FromSamples_SklearnLabels_MatchesMutualInfoScore()
    {
        MutualInformation.FromSamples<int, int>(SklearnA, SklearnB).Should().BeApproximately(0.41021862274045356, 1e-15);
    }

    [Fact]
    public void FromSamples_AndGate_InBits_MatchesJidt()
    {
        // JIDT MutualInformationTester (value only; JIDT is GPL), X = [0,0,1,1], Y = X AND [0,1,0,1].
        MutualInformation.FromSamples<int, int>([0, 0, 1, 1], [0, 0, 0, 1], LogBase.Bits).Should().BeApproximately(0.31127812445913283, 1e-15);
    }

    [Fact]
    public void Of_RTable_MatchesREntropyMiPlugin()
    {
        // R package entropy, mi.plugin(rbind(c(.2,.1,.15), c(.1,.2,.25))).
        var joint = JointDistribution.FromProbabilities(new double[,] { { 0.2, 0.1, 0.15 }, { 0.1, 0.2, 0.25 } });

        MutualInformation.Of(joint).Should().BeApproximately(0.041605017473507776, 1e-15);
    }

    [Theory]
    [InlineData(MutualInformationNormalization.Arithmetic, 0.3783499278720409)]
    [InlineData(MutualInformationNormalization.Geometric, 0.3783688635905904)]
    [InlineData(MutualInformationNormalization.Min, 0.3821733581250758)]
    [InlineData(MutualInformationNormalization.Max, 0.37460224238859985)]
    public void Normalized_SklearnLabels_DividesByTheChosenMean(MutualInformationNormalization normalization, double expected)
    {
        // Expected: 0.41021862274045356 / mean(H(a) = 1.0950778621205006, H(b) = 1.073383620336505), by hand in python3 with math.log.
        MutualInformation.Normalized<int, int>(SklearnA, SklearnB, normalization).Should().BeApproximately(expected, 1e-14);
    }

    [Fact]
    public void Normalized_DegenerateLabelings_FollowScikitLearn()
    {
        // normalized_mutual_info_score: both constant → 1.0; one constant → MI = 0 → 0.0; a relabelled copy → 1.0;
        // every member of one class in its own cluster against one cluster → 0.0 (its docstring example).
        MutualInformation.Normalized<int, int>([4, 4, 4], [7, 7, 7]).Should().Be(1);
        MutualInformation.Normalized<int, int>([4, 4, 4], [1, 2, 3], MutualInformationNormalization.Min).Should().Be(0);
        MutualInformation.Normalized<int, int>([0, 0, 1, 1], [1, 1, 0, 0]).Should().BeApproximately(1, 1e-15);
        MutualInformation.Normalized<int, int>([0, 0, 0, 0], [0, 1, 2, 3]).Should().Be(0);
    }

    [Fact]
    public void Adjusted_SklearnLabels_MatchesAdjustedMutualInfoScore()
    {
        // scikit-learn test_supervised.py, adjusted_mutual_info_score on the same labels.
        MutualInformation.Adjusted<int, int>(SklearnA, SklearnB).Should().BeApproximately(0.27820964657269787, 1e-12);
    }

    [Fact]
    public void Adjusted_DegenerateLabelings_FollowScikitLearn()
    {
        // adjusted_mutual_info_score docstring: a relabelled copy → 1.0; one class against all singletons → 0.0;
        // and both labelings constant → 1.0 by its special case.
        MutualInformation.Adjusted<int, int>([0, 0, 1, 1], [1, 1, 0, 0]).Should().BeApproximately(1, 1e-12);
        MutualInformation.Adjusted<int, int>([0, 0, 0, 0], [0, 1, 2, 3]).Should().Be(0);
        MutualInformation.Adjusted<int, int>([5, 5], [2, 2]).Should().Be(1);
    }

    [Fact]
    public void Adjusted_RandomLabels_MatchesFullHypergeometricSum()
    {
        // Oracle: E[I] summed over the whole support of every hypergeometric cell with log-factorials (Vinh et al. 2010,
        // eq. 24), then (I − E[I]) / (mean − E[I]) with scikit-learn's ±ε guard.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 80);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 7)), y = DiscreteSamples.Noisy(rng, x, rng.Next(1, 7));
            var normalization = (MutualInformationNormalization)rng.Next(4);

            double expected = OracleAdjusted(x, y, normalization, out double denominator);
            double adjusted = MutualInformation.Adjusted<int, int>(x, y, normalization);

            // I ≤ min(H(X), H(Y)) ≤ mean and E[I] ≤ mean, so AMI ≤ 1 for every pair (Vinh et al. 2010), rounding or not.
            adjusted.Should().BeLessThanOrEqualTo(1.0);

            // When every permutation gives the same table (e.g. all singletons), AMI is 0/0 up to rounding in both.
            if (Math.Abs(denominator) > 1e-9)
            {
                adjusted.Should().BeApproximately(expected, 1e-10);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Adjusted_RelabelledCopy_IsExactlyOneUnderEveryNormalization()
    {
        // A renaming of the classes carries the same partition: I = H(X) = H(Y), so AMI = NMI = 1 exactly (Vinh et al.
        // 2010, property of identical clusterings); rounding once gave 1.0000000000000004. Covers the dense, the hashed
        // (string) and the sparse pair paths (up to 400 classes against 400, beyond the dense table).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 1500);
            int k = rng.Next(2, rng.Next(2) == 0 ? 8 : 400);
            int[] x = DiscreteSamples.Labels(rng, n, k);
            int[] renaming = [.. Enumerable.Range(0, k).OrderBy(_ => rng.Next())];
            string[] y = [.. x.Select(v => "c" + renaming[v].ToString(System.Globalization.CultureInfo.InvariantCulture))];
            // One class (AMI is 1 by convention) or all singletons (every permutation gives the same table, so AMI is
            // 0/0 and, as in scikit-learn, rounding noise over the ε guard) are the degenerate cases tested elsewhere.
            int classes = x.Distinct().Count();
            if (classes == 1 || classes == n)
            {
                return;
            }

            foreach (var normalization in Enum.GetValues<MutualInformationNormalization>())
            {
                MutualInformation.Adjusted<int, string>(x, y, normalization).Should().Be(1.0);
                MutualInformation.Normalized<int, string>(x, y, normalization).Should().Be(1.0);
                MutualInformation.Adjusted<int, int>(x, [.. x.Select(v => renaming[v])], normalization).Should().Be(1.0);
            }
        }, iter: 300);
    }

    [Fact]
    public void FromSamples_StringColumns_SameBitsAsTheirCodes()
    {
        // Two string columns are counted into their table in the pass that codes them (on every core above 2^18 pairs);
        // the table, and so every bit of the result, must be that of the columns' first-appearance codes. Beyond the
        // dense table (up to 400 × 400 classes) the counting declines and the columns are coded one by one.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = seed % 8 == 0 ? (1 << 18) + rng.Next(1000) : rng.Next(1, 3000);
            int kx = rng.Next(1, rng.Next(2) == 0 ? 20 : 400), ky = rng.Next(1, rng.Next(2) == 0 ? 20 : 400);
            int[] xs = DiscreteSamples.Labels(rng, n, kx), ys = DiscreteSamples.Labels(rng, n, ky);
            string[] x = [.. xs.Select(v => $"x{v}")], y = [.. ys.Select(v => $"y{v}")];
            int[] codesX = Labels.Encode<string>(x), codesY = Labels.Encode<string>(y);

            MutualInformation.FromSamples<string, string>(x, y).Should().Be(MutualInformation.FromSamples<int, int>(codesX, codesY));
            MutualInformation.Normalized<string, string>(x, y).Should().Be(MutualInformation.Normalized<int, int>(codesX, codesY));
        }, iter: 40);
    }

    [Fact]
    public void Of_SubnormalCell_IsFiniteAndTiny()
    {
        // P = [[5e-324, 0], [0, 1]]: the ratio P/(P(x)P(y)) = 1/5e-324 passes double.MaxValue, but the term is
        // 5e-324·ln(1/5e-324) = 3.678e-321 (mpmath, 50 digits), which rounds to 744 ulps of double.Epsilon.
        var joint = JointDistribution.FromProbabilities(new[,] { { double.Epsilon, 0 }, { 0, 1.0 } });

        MutualInformation.Of(joint).Should().BeApproximately(3.678e-321, 2 * double.Epsilon);
    }

    [Fact]
    public void Of_SubnormalMarginals_MatchesLogSpaceReference()
    {
        // Four cells of a = 1e-310 with marginals 2a: the product of the marginals underflows and a/(2a)/(2a) overflows.
        // Reference from mpmath at 50 digits for the double a: 4a·ln(a/(2a·2a)) + 1·ln 1 = 2.8496603378681284e-307.
        double a = 1e-310;
        var joint = JointDistribution.FromProbabilities(new[,] { { a, a, 0 }, { a, a, 0 }, { 0, 0, 1.0 } });

        MutualInformation.Of(joint).Should().BeApproximately(2.8496603378681284e-307, 1e-12 * 2.85e-307);
    }

    [Fact]
    public void Adjusted_UndefinedNormalizationOrMismatch_Throws()
    {
        var normalization = () => MutualInformation.Adjusted<int, int>([1, 2], [1, 2], (MutualInformationNormalization)9);
        var mismatch = () => MutualInformation.Adjusted<int, int>([1, 2], [1]);

        normalization.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("normalization");
        mismatch.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Fact]
    public void Conditional_XorGate_IsOneBitThoughXAndYAreIndependent()
    {
        // Z = X xor Y over the four equally likely inputs: I(X;Y) = 0 but I(X;Y|Z) = 1 bit (Cover & Thomas, ex. 2.x).
        int[] x = [0, 0, 1, 1], y = [0, 1, 0, 1], z = [0, 1, 1, 0];

        MutualInformation.FromSamples<int, int>(x, y).Should().Be(0);
        MutualInformation.Conditional<int, int, int>(x, y, z, LogBase.Bits).Should().BeApproximately(1, 1e-15);
    }

    [Fact]
    public void FromSamples_StringLabels_EqualIntegerLabels()
    {
        string[] x = ["a", "a", "b", "c", "c", "c"];
        bool[] y = [true, true, false, false, true, false];

        MutualInformation.FromSamples<string, bool>(x, y)
            .Should().BeApproximately(MutualInformation.FromSamples<int, int>([0, 0, 1, 2, 2, 2], [1, 1, 0, 0, 1, 0]), 1e-15);
    }

    [Fact]
    public void FromSamples_RandomLabels_MatchesDictionaryOracle()
    {
        // Oracle: a Dictionary-counted plug-in sum. Class counts and label spreads reach every path: the dense table,
        // hashed codes, and the sparse pair path (more pairs of classes than the dense limit of 65536 cells).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 400);
            int kx = rng.Next(1, 600), ky = rng.Next(1, 600);
            int[] x = DiscreteSamples.Labels(rng, n, kx), y = DiscreteSamples.Noisy(rng, x, ky);
            int spread = rng.Next(2) == 0 ? 1 : 10_000_019;
            int[] wideX = [.. x.Select(v => unchecked((v * spread) - 5))];
            double expected = OracleMutualInformation(x, y);

            double mi = MutualInformation.FromSamples<int, int>(wideX, y);
            mi.Should().BeApproximately(expected, 1e-12);
            MutualInformation.FromSamples<int, int>(y, wideX).Should().BeApproximately(mi, 1e-12);
            MutualInformation.FromSamples<long, int>([.. x.Select(v => (long)v)], y).Should().BeApproximately(mi, 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void Of_EmpiricalDistribution_EqualsKullbackLeiblerFromTheProductOfMarginals()
    {
        // MI = KL(P_xy ‖ P_x P_y), the right side from Divergence.KullbackLeibler on the flattened tables.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 12)), y = DiscreteSamples.Noisy(rng, x, rng.Next(1, 12));
            var joint = JointDistribution.FromSamples(x, y);
            var product = JointDistribution.Independent(joint.RowMarginal, joint.ColumnMarginal);

            MutualInformation.Of(joint).Should().BeApproximately(Divergence.KullbackLeibler(joint.Probabilities, product.Probabilities), 1e-12);
            MutualInformation.Of(joint).Should().BeApproximately(MutualInformation.FromSamples<int, int>(x, y), 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void Of_RandomTables_IsSymmetricBoundedAndZeroForProducts()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            double[,] table = DiscreteSamples.Table(rng, rng.Next(1, 7), rng.Next(1, 7));
            var joint = JointDistribution.FromProbabilities(table);
            var transposed = new double[table.GetLength(1), table.GetLength(0)];
            for (int i = 0; i < table.GetLength(0); i++)
            {
                for (int j = 0; j < table.GetLength(1); j++)
                {
                    transposed[j, i] = table[i, j];
                }
            }

            double mi = MutualInformation.Of(joint);
            mi.Should().BeApproximately(MutualInformation.Of(JointDistribution.FromProbabilities(transposed)), 1e-13);
            mi.Should().BeLessThanOrEqualTo(Math.Min(Entropy.Shannon(joint.RowMarginal), Entropy.Shannon(joint.ColumnMarginal)) + 1e-13);
            mi.Should().BeApproximately(
                Entropy.Shannon(joint.RowMarginal) + Entropy.Shannon(joint.ColumnMarginal) - Entropy.Joint(joint), 1e-13);
            MutualInformation.Of(JointDistribution.Independent(joint.RowMarginal, joint.ColumnMarginal)).Should().BeApproximately(0, 1e-14);
            MutualInformation.Of(joint, LogBase.Bits).Should().BeApproximately(mi / Math.Log(2), 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void Of_RandomChannel_ObeysDataProcessingInequality()
    {
        // X → Y → Z with Z drawn from Y through a random stochastic matrix K: P(x, z) = Σ_y P(x, y) K(y, z), so I(X;Z) ≤ I(X;Y).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int rows = rng.Next(1, 6), middle = rng.Next(1, 6), columns = rng.Next(1, 6);
            double[,] pxy = DiscreteSamples.Table(rng, rows, middle);
            var pxz = new double[rows, columns];
            for (int y = 0; y < middle; y++)
            {
                double[] channel = DiscreteSamples.Positive(rng, columns);
                for (int x = 0; x < rows; x++)
                {
                    for (int z = 0; z < columns; z++)
                    {
                        pxz[x, z] += pxy[x, y] * channel[z];
                    }
                }
            }

            MutualInformation.Of(JointDistribution.FromProbabilities(pxz))
                .Should().BeLessThanOrEqualTo(MutualInformation.Of(JointDistribution.FromProbabilities(pxy)) + 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void FromSamples_RandomFunctionOfY_ObeysDataProcessingInequality()
    {
        // On samples the inequality holds exactly for the empirical distribution when Z = f(Y), f a random map.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300), ky = rng.Next(1, 20);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 20)), y = DiscreteSamples.Noisy(rng, x, ky);
            int[] f = DiscreteSamples.Labels(rng, ky, rng.Next(1, ky + 1));
            int[] z = [.. y.Select(v => f[v])];

            MutualInformation.FromSamples<int, int>(x, z).Should().BeLessThanOrEqualTo(MutualInformation.FromSamples<int, int>(x, y) + 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void Normalized_RandomLabels_OrderedByTheMeanAndDividedByTheMinimumEntropy()
    {
        // min ≤ geometric ≤ arithmetic ≤ max of the entropies, so the normalised values run the other way.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 200);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 8)), y = DiscreteSamples.Noisy(rng, x, rng.Next(1, 8));
            double min = MutualInformation.Normalized<int, int>(x, y, MutualInformationNormalization.Min);
            double geometric = MutualInformation.Normalized<int, int>(x, y, MutualInformationNormalization.Geometric);
            double arithmetic = MutualInformation.Normalized<int, int>(x, y, MutualInformationNormalization.Arithmetic);
            double max = MutualInformation.Normalized<int, int>(x, y, MutualInformationNormalization.Max);

            // scikit-learn's definition: I(X;Y) / min(H(X), H(Y)) for the Min normalisation, when that minimum is positive.
            double hMin = Math.Min(Entropy.FromSamples<int>(x), Entropy.FromSamples<int>(y));
            if (hMin > 1e-9)
            {
                min.Should().BeApproximately(Math.Min(1, MutualInformation.FromSamples<int, int>(x, y) / hMin), 1e-12);
            }

            min.Should().BeGreaterThanOrEqualTo(geometric - 1e-13);
            geometric.Should().BeGreaterThanOrEqualTo(arithmetic - 1e-13);
            arithmetic.Should().BeGreaterThanOrEqualTo(max - 1e-13);
        }, iter: 1000);
    }

    [Fact]
    public void Conditional_RandomLabels_SatisfiesTheChainRuleOfMutualInformation()
    {
        // I(X; (Y,Z)) = I(X;Z) + I(X;Y|Z), with the pair (Y, Z) as a tuple label (the hashed generic path).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 300);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 6));
            int[] y = DiscreteSamples.Noisy(rng, x, rng.Next(1, 6)), z = DiscreteSamples.Noisy(rng, x, rng.Next(1, 6));
            (int, int)[] yz = [.. y.Zip(z)];

            double cmi = MutualInformation.Conditional<int, int, int>(x, y, z);
            cmi.Should().BeGreaterThanOrEqualTo(0);
            MutualInformation.FromSamples<int, (int, int)>(x, yz)
                .Should().BeApproximately(MutualInformation.FromSamples<int, int>(x, z) + cmi, 1e-12);
            MutualInformation.Conditional<int, int, int>(y, x, z).Should().BeApproximately(cmi, 1e-12);
        }, iter: 1000);
    }

    [Fact]
    public void Conditional_ConstantZ_IsMutualInformation()
    {
        var rng = new Random(7);
        int[] x = DiscreteSamples.Labels(rng, 500, 5), y = DiscreteSamples.Noisy(rng, x, 4);

        MutualInformation.Conditional<int, int, string>(x, y, [.. Enumerable.Repeat("z", 500)])
            .Should().BeApproximately(MutualInformation.FromSamples<int, int>(x, y), 1e-13);
    }

    [Fact]
    public void Of_Null_Throws()
    {
        var act = () => MutualInformation.Of(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("joint");
    }

    [Fact]
    public void FromSamples_EmptyOrMismatched_Throws()
    {
        var empty = () => MutualInformation.FromSamples<int, int>([], []);
        var mismatch = () => MutualInformation.FromSamples<int, int>([1, 2], [1]);

        empty.Should().Throw<ArgumentException>().WithParameterName("x");
        mismatch.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Fact]
    public void FromSamples_NullLabel_NamesIt()
    {
        string[] y = ["a", null!];
        var act = () => MutualInformation.FromSamples<int, string>([1, 2], y);

        act.Should().Throw<ArgumentException>().WithParameterName("y").WithMessage("y[1] is null*");
    }

    [Fact]
    public void Normalized_UndefinedNormalization_Throws()
    {
        var act = () => MutualInformation.Normalized<int, int>([1, 2], [1, 2], (MutualInformationNormalization)4);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("normalization");
    }

    [Fact]
    public void Conditional_MismatchedZ_Throws()
    {
        var act = () => MutualInformation.Conditional<int, int, int>([1, 2], [1, 2], [1]);

        act.Should().Throw<ArgumentException>().WithParameterName("z");
    }

    [Fact]
    public void FromSamples_UndefinedUnit_Throws()
    {
        var act = () => MutualInformation.FromSamples<int, int>([1, 2], [1, 2], (LogBase)3);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
    }

    private static double OracleAdjusted(int[] x, int[] y, MutualInformationNormalization normalization, out double denominator)
    {
        denominator = 1;
        int n = x.Length;
        var logFactorial = new double[n + 1];
        for (int k = 1; k <= n; k++)
        {
            logFactorial[k] = logFactorial[k - 1] + Math.Log(k);
        }

        int[] a = [.. x.GroupBy(v => v).Select(g => g.Count())], b = [.. y.GroupBy(v => v).Select(g => g.Count())];
        if (a.Length == 1 && b.Length == 1)
        {
            return 1;
        }

        double expected = 0;
        foreach (int ai in a)
        {
            foreach (int bj in b)
            {
                for (int m = Math.Max(1, ai + bj - n); m <= Math.Min(ai, bj); m++)
                {
                    double logP = logFactorial[ai] + logFactorial[bj] + logFactorial[n - ai] + logFactorial[n - bj]
                        - logFactorial[n] - logFactorial[m] - logFactorial[ai - m] - logFactorial[bj - m] - logFactorial[n - ai - bj + m];
                    expected += m / (double)n * Math.Log(n * (double)m / ((double)ai * bj)) * Math.Exp(logP);
                }
            }
        }

        double hx = -a.Sum(c => c / (double)n * Math.Log(c / (double)n)), hy = -b.Sum(c => c / (double)n * Math.Log(c / (double)n));
        double mean = normalization switch
        {
            MutualInformationNormalization.Arithmetic => (hx + hy) / 2,
            MutualInformationNormalization.Geometric => Math.Sqrt(hx * hy),
            MutualInformationNormalization.Min => Math.Min(hx, hy),
            _ => Math.Max(hx, hy),
        };
        denominator = mean - expected;
        denominator = denominator < 0 ? Math.Min(denominator, -2.220446049250313e-16) : Math.Max(denominator, 2.220446049250313e-16);
        return (Math.Max(OracleMutualInformation(x, y), 0) - expected) / denominator;
    }

    private static double OracleMutualInformation(int[] x, int[] y)
    {
        var pairs = new Dictionary<(int, int), int>();
        var xs = new Dictionary<int, int>();
        var ys = new Dictionary<int, int>();
        for (int i = 0; i < x.Length; i++)
        {
            pairs[(x[i], y[i])] = pairs.GetValueOrDefault((x[i], y[i])) + 1;
            xs[x[i]] = xs.GetValueOrDefault(x[i]) + 1;
            ys[y[i]] = ys.GetValueOrDefault(y[i]) + 1;
        }

        double n = x.Length, mi = 0;
        foreach (var ((a, b), c) in pairs)
        {
            mi += c / n * Math.Log(c * n / ((double)xs[a] * ys[b]));
        }

        return mi;
    }
    [Fact]
    public void FromSamples_ArraysAndLists_InferTheLabelTypes()
    {
        // scikit-learn 1.2: mutual_info_score, normalized_mutual_info_score, adjusted_mutual_info_score of these labels.
        int[] x = [1, 1, 2, 2, 3, 3];
        string[] y = ["a", "a", "b", "b", "b", "a"];
        List<int> xs = [.. x];
        List<string> ys = [.. y];

        MutualInformation.FromSamples(x, y).Should().BeApproximately(0.4620981203732969, 1e-15);
        MutualInformation.FromSamples(xs, ys).Should().BeApproximately(0.4620981203732969, 1e-15);
        MutualInformation.FromSamples(x, ys).Should().BeApproximately(0.4620981203732969, 1e-15);
        MutualInformation.Normalized(xs, ys).Should().BeApproximately(0.5158037429793889, 1e-15);
        MutualInformation.Adjusted(xs, y).Should().BeApproximately(0.2987924581708903, 1e-15);

        // Z = X makes I(X;Y|Z) = 0; Z constant makes it I(X;Y).
        MutualInformation.Conditional(xs, ys, xs).Should().Be(0);
        MutualInformation.Conditional(xs, ys, new List<bool> { true, true, true, true, true, true }).Should().BeApproximately(0.4620981203732969, 1e-15);
    }

    [Fact]
    public void FromSamples_NullList_ThrowsNamingIt()
    {
        List<int> xs = [1, 2];

        FluentActions.Invoking(() => MutualInformation.FromSamples(xs, (List<int>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("y");
        FluentActions.Invoking(() => MutualInformation.Conditional((List<int>)null!, xs, xs)).Should().Throw<ArgumentNullException>().WithParameterName("x");
    }

    [Fact]
    public void FromSamples_DoubleFeatureOfPureNoise_ThrowsNamingItAndPointingToTheContinuousEstimators()
    {
        // Counted as categories, 1000 distinct doubles give I(x;y) = H(y) for pure noise; the call is now refused.
        var random = new Random(7);
        double[] feature = [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble())];
        int[] classes = [.. Enumerable.Range(0, 1000).Select(_ => random.Next(2))];

        var act = () => MutualInformation.FromSamples(feature, classes);

        act.Should().Throw<ArgumentException>().WithParameterName("x")
            .WithMessage("x holds 1000 Double labels of which 1000 are distinct*Histogram*InfoTheory.Binning*Knn.MutualInformation*Knn.MixtureMutualInformation*Labels.Encode(x)*");
        FluentActions.Invoking(() => MutualInformation.Normalized(classes, feature)).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Fact]
    public void FromSamples_EncodedDoubles_AreCountedAsCategories()
    {
        // The opt-out: every value its own category, so I(x;y) = H(y), what the old call silently returned.
        var random = new Random(7);
        double[] feature = [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble())];
        int[] classes = [.. Enumerable.Range(0, 1000).Select(_ => random.Next(2))];

        MutualInformation.FromSamples(Labels.Encode(feature), classes).Should().BeApproximately(Entropy.FromSamples(classes), 1e-12);
    }

    [Fact]
    public void FromSamples_IntegerLabelsAllDistinct_AreUnaffected()
    {
        int[] x = [.. Enumerable.Range(0, 1000)];
        long[] y = [.. Enumerable.Range(0, 1000).Select(i => (long)(i % 2))];

        MutualInformation.FromSamples(x, y).Should().BeApproximately(Math.Log(2), 1e-12);
    }

    [Theory]
    [InlineData(19, 19, false)]
    [InlineData(20, 10, false)]
    [InlineData(20, 11, true)]
    [InlineData(200, 3, false)]
    public void FromSamples_FloatingPointLabels_AreRejectedOnlyWhenMostAreDistinctAndThereAreTwentyOrMore(int n, int distinct, bool rejected)
    {
        double[] x = [.. Enumerable.Range(0, n).Select(i => 0.5 * (i % distinct))];
        int[] y = [.. Enumerable.Range(0, n).Select(i => i % 2)];

        var act = () => MutualInformation.FromSamples(x, y);

        if (rejected)
        {
            act.Should().Throw<ArgumentException>().WithParameterName("x");
        }
        else
        {
            act().Should().BeApproximately(MutualInformation.FromSamples(Labels.Encode(x), y), 1e-15);
        }
    }

    [Fact]
    public void FromSamples_FloatDecimalAndHalfLabels_AreRejectedLikeDoubles()
    {
        float[] f = [.. Enumerable.Range(0, 30).Select(i => i * 0.1f)];
        decimal[] d = [.. Enumerable.Range(0, 30).Select(i => i * 0.1m)];
        Half[] h = [.. Enumerable.Range(0, 30).Select(i => (Half)(i * 0.1))];
        int[] y = [.. Enumerable.Range(0, 30).Select(i => i % 3)];

        FluentActions.Invoking(() => MutualInformation.FromSamples(f, y)).Should().Throw<ArgumentException>().WithMessage("x holds 30 Single labels*");
        FluentActions.Invoking(() => MutualInformation.Adjusted(y, d)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => MutualInformation.Conditional(y, y, h)).Should().Throw<ArgumentException>().WithParameterName("z");
    }
}
