using CsCheck;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Continuous.Neighbors;

public class PlaneGridTests
{
    [Fact]
    public void NearestAndCount_RandomTiedAndOutlyingSets_EqualBruteForceExactly()
    {
        // Gaussian points, points rounded to a coarse lattice (ties and equal distances everywhere), points far from the
        // origin (the cell arithmetic rounds) and a few far outliers; queries from the set and from outside it.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(64, 700), kind = rng.Next(4), k = rng.Next(1, 8);
                double offset = kind == 2 ? 1e6 * (rng.NextDouble() + 0.5) : 0.0;
                var points = new double[2 * n];
                for (int t = 0; t < points.Length; t++)
                {
                    double v = offset + Normal(rng);
                    points[t] = kind == 1 ? Math.Round(v * 3) / 3 : kind == 3 && rng.Next(50) == 0 ? 100 * v : v;
                }

                foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
                {
                    var grid = PlaneGrid.TryCreate(points, norm);
                    if (grid is null)
                    {
                        continue;
                    }

                    var brute = new BruteForceIndex(points, 2, norm);
                    double[] gridKeys = new double[k], bruteKeys = new double[k];
                    int[] gridRows = new int[k], bruteRows = new int[k];
                    for (int i = -20; i < n; i++)
                    {
                        double[] query = i < 0 ? [offset + (3 * Normal(rng)), offset + (3 * Normal(rng))] : points[(2 * i)..((2 * i) + 2)];
                        grid.Nearest(query, Math.Max(i, -1), gridKeys, gridRows);
                        brute.Nearest(query, Math.Max(i, -1), bruteKeys, bruteRows);
                        gridKeys.Should().Equal(bruteKeys);
                        gridRows.Should().Equal(bruteRows);

                        // The k-th key is where strict and inclusive counts differ.
                        foreach (double r in new[] { 0.0, bruteKeys[^1], 0.4 })
                        {
                            grid.CountWithin(query, r, inclusive: false).Should().Be(brute.CountWithin(query, r, inclusive: false));
                            grid.CountWithin(query, r, inclusive: true).Should().Be(brute.CountWithin(query, r, inclusive: true));
                        }
                    }
                }
            },
            iter: 60);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KthKeyOfSlot_RandomLatticeAndOutlyingSets_EqualsBruteForceKthKey(bool blocks)
    {
        // Lattice points give many equal keys, where the rows of tied neighbours differ but the k-th key must not; outliers
        // leave sparse cells whose blocks cannot settle a query, so the rings beyond the block run too. k up to 9 takes
        // the blocks (k ≤ 4) and the rings alone on a block grid (k > 4).
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(64, 500), k = rng.Next(1, 10), kind = rng.Next(3);
                double[] points = [.. Enumerable.Range(0, 2 * n).Select(_ => kind == 0 ? rng.Next(12) : kind == 1 ? Normal(rng) : rng.Next(30) == 0 ? 50 * Normal(rng) : Normal(rng))];
                ForEachNorm(points, blocks, k, (grid, brute, keys, bruteKeys, bruteRows) =>
                {
                    for (int slot = 0; slot < n; slot++)
                    {
                        int row = grid.RowAt(slot);
                        brute.Nearest(points.AsSpan(2 * row, 2), row, bruteKeys, bruteRows);
                        grid.KthKeyOfSlot(slot, keys).Should().Be(bruteKeys[^1]);
                    }
                });
            },
            iter: 40);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KthKeyFrom_QueriesInsideAndOutsideTheGrid_EqualsBruteForceKthKey(bool blocks)
    {
        // Queries from another set skip no point; the wider spread puts some beyond the grid's edges, in clamped cells.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(64, 500), k = rng.Next(1, 7);
                bool lattice = rng.Next(2) == 0;
                double[] points = [.. Enumerable.Range(0, 2 * n).Select(_ => lattice ? rng.Next(12) : Normal(rng))];
                ForEachNorm(points, blocks, k, (grid, brute, keys, bruteKeys, bruteRows) =>
                {
                    for (int q = 0; q < 200; q++)
                    {
                        double[] query = lattice ? [rng.Next(-3, 15), rng.Next(-3, 15)] : [2 * Normal(rng), 2 * Normal(rng)];
                        brute.Nearest(query, -1, bruteKeys, bruteRows);
                        grid.KthKeyFrom(query[0], query[1], keys).Should().Be(bruteKeys[^1]);
                    }
                });
            },
            iter: 40);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HasCrowdedPoint_RandomCopies_AgreesWithTheHashCensus(bool blocks)
    {
        // Gaussian points with copies of some rows pasted in (−0 for 0 in some copies, which must still count): a row is
        // crowded when it has k or more copies, as Coincidence counts them.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(64, 400), k = rng.Next(1, 6);
                double[] points = [.. Enumerable.Range(0, 2 * n).Select(_ => rng.Next(4) == 0 ? 0.0 : Normal(rng))];
                for (int copy = rng.Next(0, 3 * k); copy > 0; copy--)
                {
                    int from = rng.Next(Math.Min(n, 4)), to = rng.Next(n);
                    (points[2 * to], points[(2 * to) + 1]) = (points[2 * from] == 0 && rng.Next(2) == 0 ? -0.0 : points[2 * from], points[(2 * from) + 1]);
                }

                using var grid = PlaneGrid.TryCreate(points, DistanceNorm.Euclidean, blocks);
                if (grid is not null)
                {
                    grid.HasCrowdedPoint(k).Should().Be(Coincidence.Count(points, [], 2, k).Crowded > 0);
                }
            },
            iter: 200);
    }

    [Fact]
    public void SharesAPointWith_RandomSharedRows_AgreesWithTheHashCensus()
    {
        // Two Gaussian sets with rows of the first copied into the second (−0 for 0 in some copies, which must still
        // count), and a second set shifted so that part of the first lies outside its grid.
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(64, 400), m = rng.Next(64, 400);
                double shift = rng.Next(2) * 2.0;
                double[] x = [.. Enumerable.Range(0, 2 * n).Select(_ => rng.Next(4) == 0 ? 0.0 : Normal(rng))];
                double[] y = [.. Enumerable.Range(0, 2 * m).Select(_ => shift + Normal(rng))];
                for (int copy = rng.Next(0, 3); copy > 0; copy--)
                {
                    int from = rng.Next(n), to = rng.Next(m);
                    (y[2 * to], y[(2 * to) + 1]) = (x[2 * from] == 0 && rng.Next(2) == 0 ? -0.0 : x[2 * from], x[(2 * from) + 1]);
                }

                using var xGrid = PlaneGrid.TryCreate(x, DistanceNorm.Euclidean, blocks: true);
                using var yGrid = PlaneGrid.TryCreate(y, DistanceNorm.Euclidean, blocks: true);
                if (xGrid is not null && yGrid is not null)
                {
                    xGrid.SharesAPointWith(yGrid).Should().Be(Coincidence.Count(x, y, 2, n).Shared > 0);
                }
            },
            iter: 200);
    }

    [Fact]
    public void TryCreate_GaussianPoints_BuildsAGrid()
    {
        var rng = new Random(5);
        double[] points = [.. Enumerable.Range(0, 20_000).Select(_ => Normal(rng))];

        PlaneGrid.TryCreate(points, DistanceNorm.Maximum).Should().NotBeNull();
    }

    [Fact]
    public void TryCreate_PointsCrowdingOneCell_DeclinesForTheTree()
    {
        // Half the points in a tiny cluster, the rest spread a million times wider: any uniform grid is crowded.
        var rng = new Random(6);
        double[] points = [.. Enumerable.Range(0, 4000).Select(t => t < 2000 ? 1e-6 * Normal(rng) : Normal(rng))];

        PlaneGrid.TryCreate(points, DistanceNorm.Euclidean).Should().BeNull();
    }

    [Theory]
    [InlineData(1e300, DistanceNorm.Maximum)]
    [InlineData(1e-300, DistanceNorm.Maximum)]
    [InlineData(1e150, DistanceNorm.Euclidean)]
    public void TryCreate_ExtremeScales_BuildsAGridThatEqualsBruteForce(double scale, DistanceNorm norm)
    {
        // The product of the spans overflows or underflows here; the cell size must not.
        var rng = new Random(7);
        double[] points = [.. Enumerable.Range(0, 1000).Select(_ => scale * Normal(rng))];
        var grid = PlaneGrid.TryCreate(points, norm);
        var brute = new BruteForceIndex(points, 2, norm);
        double[] gridKeys = new double[3], bruteKeys = new double[3];
        int[] gridRows = new int[3], bruteRows = new int[3];

        grid.Should().NotBeNull();
        for (int i = 0; i < 500; i++)
        {
            grid!.Nearest(points.AsSpan(2 * i, 2), i, gridKeys, gridRows);
            brute.Nearest(points.AsSpan(2 * i, 2), i, bruteKeys, bruteRows);
            gridKeys.Should().Equal(bruteKeys);
            gridRows.Should().Equal(bruteRows);
        }
    }

    [Fact]
    public void TryCreate_OneAxisFarWiderThanTheOther_Terminates()
    {
        // Both axes reach their cell clamp before the budget; refinement must stop rather than loop.
        var rng = new Random(8);
        double[] points = new double[2 * 5000];
        for (int i = 0; i < 5000; i++)
        {
            (points[2 * i], points[(2 * i) + 1]) = (1e-9 * Normal(rng), 1e9 * Normal(rng));
        }

        var act = () => PlaneGrid.TryCreate(points, DistanceNorm.Maximum);

        act.Should().NotThrow();
    }

    // Runs check with the grid (when one is built) and the brute-force index over points under each norm, and k-long scratch.
    private static void ForEachNorm(double[] points, bool blocks, int k, Action<PlaneGrid, BruteForceIndex, double[], double[], int[]> check)
    {
        foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
        {
            using var grid = PlaneGrid.TryCreate(points, norm, blocks);
            if (grid is not null)
            {
                check(grid, new BruteForceIndex(points, 2, norm), new double[k], new double[k], new int[k]);
            }
        }
    }
}
