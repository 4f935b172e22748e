using InfoTheory.Continuous;
using MathNet.Numerics;

namespace InfoTheory.Tests.Continuous;

public class KnnLabelsTests
{
    [Theory]
    [InlineData(3, 0.26737034672139526)]
    [InlineData(5, 0.2681972483159778)]
    public void MutualInformation_ThreeShiftedClasses_MatchesScikitLearnComputeMiCd(int k, double expected)
    {
        // scikit-learn 1.2.1: _compute_mi_cd(bell(500, 7) + 0.5 * (arange(500) % 3), arange(500) % 3, k), the estimator
        // inside mutual_info_classif called directly, so neither its rescaling nor its 1e-10 noise is applied.
        var (x, labels) = ShiftedClasses();

        Knn.MutualInformation(x, 1, labels, k).Value.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void MutualInformation_LabelSeenOnce_LeavesThatRowOutAsScikitLearn()
    {
        // scikit-learn 1.2.1: _compute_mi_cd with label 7 at row 10 only: 0.2674626626340868 over the other 499 rows.
        // Here the lone label is −1, the lowest, so its (empty) place comes first among the labels.
        var (x, labels) = ShiftedClasses();
        labels[10] = -1;

        var estimate = Knn.MutualInformation(x, 1, labels);

        estimate.Value.Should().BeApproximately(0.2674626626340868, 1e-12);
        estimate.SampleCount.Should().Be(499);
    }

    [Theory]
    [InlineData(1, DistanceNorm.Euclidean)]
    [InlineData(3, DistanceNorm.Euclidean)]
    [InlineData(4, DistanceNorm.Maximum)]
    [InlineData(9, DistanceNorm.Maximum)]
    public void MutualInformation_PlanarPointsAndFourLabels_MatchesBruteForceRoss(int k, DistanceNorm norm)
    {
        // Label 3 has 5 rows, so k = 9 is capped to 4 there; label 4 has one row, left out.
        var random = new Random(k);
        int n = 301;
        var x = new double[2 * n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i == 300 ? 4 : i < 5 ? 3 : i % 3;
            x[2 * i] = random.NextDouble() + (0.4 * labels[i]);
            x[(2 * i) + 1] = random.NextDouble() * (1 + labels[i]);
        }

        var options = new KnnOptions { Norm = norm };

        Knn.MutualInformation(x, 2, labels, k, options).Value.Should().BeApproximately(BruteForceRoss(x, 2, labels, k, norm), 1e-12);
    }

    [Theory]
    [InlineData(2.0, 0.3368)]
    [InlineData(4.0, 0.6327)]
    [InlineData(8.0, 0.6931)]
    public void MutualInformation_TwoUnitGaussiansApart_MatchesRossPublishedValues(double separation, double expected)
    {
        // B. C. Ross, PLoS ONE 2014, supplementary script (quoted in JIDT's tests): two unit-variance Gaussians, a balanced
        // binary class, N = 10^4, means `separation` apart.
        int n = 10_000;
        var x = new double[n];
        Gaussian.Standard(1).Sample(new Random(11), x);
        int[] labels = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        for (int i = 0; i < n; i++)
        {
            x[i] += separation * labels[i];
        }

        Knn.MutualInformation(x, 1, labels).Value.Should().BeApproximately(expected, 0.05);
    }

    [Fact]
    public void MutualInformation_KdTreeAndBruteForce_GiveIdenticalBits()
    {
        var random = new Random(4);
        var x = new double[2 * 700];
        var labels = new string[700];
        for (int i = 0; i < 700; i++)
        {
            // Distinct lattice points: many equal distances, and no row at distance 0 from another.
            x[2 * i] = i % 17;
            x[(2 * i) + 1] = i / 17;
            labels[i] = random.Next(4) switch { 0 => "a", 1 => "b", _ => "c" };
        }

        var tree = new KnnOptions();
        var brute = new KnnOptions { Search = NeighborSearch.BruteForce };
        var jittered = new KnnOptions { Jitter = 1e-3, JitterSeed = 2 };

        Knn.MutualInformation(x, 2, labels, 3, jittered).Should().Be(Knn.MutualInformation(x, 2, labels, 3, jittered with { Search = NeighborSearch.BruteForce }));
        Knn.MutualInformation(x, 2, labels, 1, tree).Should().Be(Knn.MutualInformation(x, 2, labels, 1, brute));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void MutualInformation_ScalarSortedPathAndBruteForce_GiveIdenticalBits(int k)
    {
        // Integers (equal distances everywhere), some repeated under different labels, fewer than k copies within a
        // label, a label of 4 rows (k capped), one of a single row (left out), and negative zero beside zero.
        var random = new Random(k);
        int n = 1031;
        double[] x = Enumerable.Range(0, n).Select(i => (double)((i * 7) % n)).ToArray();
        int[] labels = Enumerable.Range(0, n).Select(i => i < 4 ? 5 : i == 4 ? 6 : random.Next(3)).ToArray();
        (labels[10], labels[11], labels[12]) = (0, 1, 2);
        (x[11], x[12]) = (x[10], x[10]);
        if (k > 1)
        {
            (labels[20], labels[21], x[21]) = (0, 0, x[20]);
        }

        x[Array.IndexOf(x, 0.0)] = -0.0;
        x[Array.IndexOf(x, 1.0)] = 0.0;
        var brute = new KnnOptions { Search = NeighborSearch.BruteForce };

        Knn.MutualInformation(x, 1, labels, k).Should().Be(Knn.MutualInformation(x, 1, labels, k, brute));
    }

    [Fact]
    public void MutualInformation_MatrixStringLabelsAndBits_AgreeWithTheSpanForm()
    {
        var (x, labels) = ShiftedClasses();
        var matrix = new double[x.Length, 1];
        for (int i = 0; i < x.Length; i++)
        {
            matrix[i, 0] = x[i];
        }

        string[] names = labels.Select(l => "class " + l).ToArray();
        double nats = Knn.MutualInformation(x, 1, labels).Value;

        Knn.MutualInformation(matrix, names).Value.Should().Be(nats);
        Knn.MutualInformation(x, 1, names, 3, new KnnOptions { Unit = LogBase.Bits }).Value.Should().BeApproximately(nats / Math.Log(2), 1e-15);
        Knn.MutualInformation(x, 1, labels, 3, new KnnOptions { MaxDegreeOfParallelism = 1 }).Value.Should().Be(nats);
    }

    [Fact]
    public void MutualInformation_RowTiedWithinItsLabel_ThrowsNamingXAndTheRow()
    {
        var (x, labels) = ShiftedClasses();
        foreach (int row in new[] { 4, 7, 10, 13 })
        {
            x[row] = x[1];
        }

        var act = () => Knn.MutualInformation(x, 1, labels);

        act.Should().Throw<ArgumentException>().WithParameterName("x")
            .WithMessage("5 of the 167 rows of x coincide exactly with 3 or more other rows in X among the rows that share the label of row 1 in labels*row 1 is one of the tied rows*Knn.MixtureMutualInformation*KnnOptions.Jitter*");
    }

    [Fact]
    public void MutualInformation_EqualValuesUnderDifferentLabels_AreAccepted()
    {
        // Rows 0, 1, 2 have labels 0, 1, 2: the same x under three labels puts no row at distance 0 from its neighbours.
        var (x, labels) = ShiftedClasses();
        x[1] = x[0];
        x[2] = x[0];

        Knn.MutualInformation(x, 1, labels).Value.Should().BeApproximately(BruteForceRoss(x, 1, labels, 3, DistanceNorm.Maximum), 1e-12);
    }

    [Fact]
    public void MutualInformation_DistanceTooSmallToSquare_ThrowsUnderflowNotRepeatedPoints()
    {
        // Rows 1e-30 apart beside a coordinate of 1e300: distinct, but their squared Euclidean distances underflow to 0.
        var x = new double[2 * 40];
        x[0] = 1e300;
        for (int i = 1; i < 40; i++)
        {
            x[(2 * i) + 1] = i * 1e-30;
        }

        int[] labels = Enumerable.Range(0, 40).Select(i => i % 2).ToArray();

        var act = () => Knn.MutualInformation(x, 2, labels);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x row * is closer to its k-th nearest neighbour*underflows*");
        Knn.MutualInformation(x, 2, labels, 3, new KnnOptions { Norm = DistanceNorm.Maximum }).Value.Should().BeApproximately(BruteForceRoss(x, 2, labels, 3, DistanceNorm.Maximum), 1e-12);
    }

    [Fact]
    public void MutualInformation_EveryLabelOnce_ThrowsNamingLabels()
    {
        var act = () => Knn.MutualInformation([0.1, 0.5, 0.9, 1.3], 1, new[] { 1, 2, 3, 4 }, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("each of the 4 labels of labels occurs once*");
    }

    [Fact]
    public void MutualInformation_LabelCountDiffers_ThrowsNamingLabels()
    {
        var act = () => Knn.MutualInformation([0.1, 0.5, 0.9, 1.3], 1, new[] { 1, 2, 1 }, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("x has 4 rows but labels has 3*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void MutualInformation_LabelsNeighbourOrderOutOfRange_Throws(int k)
    {
        var act = () => Knn.MutualInformation([0.1, 0.5, 0.9, 1.3], 1, new[] { 1, 2, 1, 2 }, k);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(k));
    }

    private static (double[] X, int[] Labels) ShiftedClasses()
    {
        int[] labels = Enumerable.Range(0, 500).Select(i => i % 3).ToArray();
        double[] x = PortableSamples.Bell(500, 7);
        for (int i = 0; i < 500; i++)
        {
            x[i] += 0.5 * labels[i];
        }

        return (x, labels);
    }

    // Ross (2014) as written, every pair visited: labels seen once dropped, k capped per label, m counts rows strictly
    // closer than the k-th same-label distance, the row itself included.
    private static double BruteForceRoss(double[] x, int d, int[] labels, int k, DistanceNorm norm)
    {
        int[] kept = Enumerable.Range(0, labels.Length).Where(i => labels.Count(l => l == labels[i]) > 1).ToArray();
        double Distance(int a, int b)
        {
            double sum = 0, max = 0;
            for (int t = 0; t < d; t++)
            {
                double diff = Math.Abs(x[(a * d) + t] - x[(b * d) + t]);
                sum += diff * diff;
                max = Math.Max(max, diff);
            }

            return norm == DistanceNorm.Euclidean ? Math.Sqrt(sum) : max;
        }

        double total = 0;
        foreach (int i in kept)
        {
            int[] same = kept.Where(j => j != i && labels[j] == labels[i]).ToArray();
            int order = Math.Min(k, same.Length);
            double radius = same.Select(j => Distance(i, j)).Order().ElementAt(order - 1);
            int m = kept.Count(j => Distance(i, j) < radius);
            total += SpecialFunctions.DiGamma(order) - SpecialFunctions.DiGamma(same.Length + 1) - SpecialFunctions.DiGamma(m);
        }

        return SpecialFunctions.DiGamma(kept.Length) + (total / kept.Length);
    }
}
