using CsCheck;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class KdTreeTests
{
    public static TheoryData<int, DistanceNorm, bool> Cases()
    {
        var data = new TheoryData<int, DistanceNorm, bool>();
        foreach (int d in new[] { 1, 2, 3, 5 })
        {
            foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
            {
                data.Add(d, norm, false);
                data.Add(d, norm, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nearest_EqualsBruteForceExactly(int dimension, DistanceNorm norm, bool tied)
    {
        double[] points = Points(600, dimension, tied, new Random(dimension + (tied ? 100 : 0)));
        var tree = new KdTree(points, dimension, norm);
        var brute = new BruteForceIndex(points, dimension, norm);
        const int k = 5;
        double[] treeKeys = new double[k], bruteKeys = new double[k];
        int[] treeRows = new int[k], bruteRows = new int[k];

        for (int i = 0; i < 600; i++)
        {
            var query = points.AsSpan(i * dimension, dimension);
            tree.Nearest(query, i, treeKeys, treeRows);
            brute.Nearest(query, i, bruteKeys, bruteRows);

            treeKeys.Should().Equal(bruteKeys);
            treeRows.Should().Equal(bruteRows);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountWithin_EqualsBruteForceExactlyAtTiedRadii(int dimension, DistanceNorm norm, bool tied)
    {
        double[] points = Points(600, dimension, tied, new Random(7 * dimension));
        var tree = new KdTree(points, dimension, norm);
        var brute = new BruteForceIndex(points, dimension, norm);

        for (int i = 0; i < 600; i += 7)
        {
            var query = points.AsSpan(i * dimension, dimension);

            // Radii equal to actual point distances are where < and ≤ differ; zero is the degenerate end.
            double[] radii = [0.0, Metric.Key(query, points.AsSpan(((i + 1) % 600) * dimension, dimension), norm), 0.3, 2.0];
            foreach (double r in radii)
            {
                tree.CountWithin(query, r, inclusive: false).Should().Be(brute.CountWithin(query, r, inclusive: false));
                tree.CountWithin(query, r, inclusive: true).Should().Be(brute.CountWithin(query, r, inclusive: true));
            }
        }
    }

    [Fact]
    public void NearestAndCount_GeneratedGridPointSets_EqualBruteForce()
    {
        // Small point sets on a 4-value grid: duplicates, equal distances and one-point leaves everywhere.
        var sets = Gen.Int[1, 4].SelectMany(d => Gen.Int[2, 60].SelectMany(n => Gen.Int[0, 3].Array[n * d].Select(grid => (d, n, grid))));

        sets.Sample(
            set =>
            {
                var (d, n, grid) = set;
                double[] points = grid.Select(v => (double)v).ToArray();
                int k = Math.Min(3, n - 1);
                foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
                {
                    var tree = new KdTree(points, d, norm);
                    var brute = new BruteForceIndex(points, d, norm);
                    double[] tk = new double[k], bk = new double[k];
                    int[] tr = new int[k], br = new int[k];
                    for (int i = 0; i < n; i++)
                    {
                        var query = points.AsSpan(i * d, d);
                        tree.Nearest(query, i, tk, tr);
                        brute.Nearest(query, i, bk, br);
                        if (!tk.SequenceEqual(bk) || !tr.SequenceEqual(br)
                            || tree.CountWithin(query, tk[^1], false) != brute.CountWithin(query, tk[^1], false)
                            || tree.CountWithin(query, tk[^1], true) != brute.CountWithin(query, tk[^1], true))
                        {
                            throw new InvalidOperationException($"tree and brute force differ at row {i} ({norm}, d = {d}, n = {n})");
                        }
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void Nearest_AllPointsIdentical_BreaksTiesByRow()
    {
        var tree = new KdTree(new double[40], 2, DistanceNorm.Euclidean);
        var keys = new double[3];
        var rows = new int[3];

        tree.Nearest([0.0, 0.0], 1, keys, rows);

        keys.Should().Equal(0.0, 0.0, 0.0);
        rows.Should().Equal(0, 2, 3);
    }

    private static double[] Points(int n, int d, bool tied, Random random)
    {
        var points = new double[n * d];
        for (int i = 0; i < points.Length; i++)
        {
            // Tied data: few distinct grid values, so equal distances and duplicate points abound.
            points[i] = tied ? random.Next(4) * 0.5 : (random.NextDouble() * 2) - 1;
        }

        return points;
    }
}
