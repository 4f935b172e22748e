using CsCheck;
using InfoTheory.Continuous;
using static InfoTheory.Tests.NormalSamples;

namespace InfoTheory.Tests.Continuous;

// The pooled paths (KSG on scalar pairs, Kozachenko–Leonenko on plane points) against the O(N²) brute-force oracle, which
// never takes them: the same bits, the same exceptions.
public class KnnPooledTests
{
    private static readonly KnnOptions Brute = new() { Search = NeighborSearch.BruteForce };

    // Row counts around the pooled path's threshold of 64 rows and the 1024-row chunks of the parallel queries.
    private static readonly int[] Sizes = [40, 63, 64, 65, 100, 257, 1023, 1024, 1025, 2100];

    [Fact]
    public void MutualInformation_RandomAndTiedScalarPairs_GivesBruteForceBits()
    {
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = Sizes[rng.Next(Sizes.Length)], k = rng.Next(1, 9), kind = rng.Next(4);
                var (x, y) = Pairs(rng, n, k, kind);
                foreach (var algorithm in new[] { KsgAlgorithm.One, KsgAlgorithm.Two })
                {
                    var options = new KnnOptions { Algorithm = algorithm };
                    var expected = Outcome(() => Knn.MutualInformation(x, y, k, Brute with { Algorithm = algorithm }));
                    Outcome(() => Knn.MutualInformation(x, y, k, options)).Should().Be(expected);
                    Outcome(() => Knn.MutualInformation(x, y, k, options with { MaxDegreeOfParallelism = 1 })).Should().Be(expected);
                }
            },
            iter: 40);
    }

    [Fact]
    public void Entropy_RandomAndTiedPlanePoints_GivesBruteForceBits()
    {
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = Sizes[rng.Next(Sizes.Length)], k = rng.Next(1, 9), kind = rng.Next(4);
                var (x, y) = Pairs(rng, n, k, kind);
                double[] points = new double[2 * n];
                for (int i = 0; i < n; i++)
                {
                    (points[2 * i], points[(2 * i) + 1]) = (x[i], y[i]);
                }

                foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
                {
                    var options = new KnnOptions { Norm = norm };
                    var expected = Outcome(() => Knn.Entropy(points, 2, k, options with { Search = NeighborSearch.BruteForce }));
                    Outcome(() => Knn.Entropy(points, 2, k, options)).Should().Be(expected);
                    Outcome(() => Knn.Entropy(points, 2, k, options with { MaxDegreeOfParallelism = 1 })).Should().Be(expected);
                }
            },
            iter: 40);
    }

    [Fact]
    public void KullbackLeibler_RandomTiedAndSharedPoints_GivesBruteForceBits()
    {
        Gen.Int.Sample(
            seed =>
            {
                var rng = new Random(seed);
                int n = Sizes[rng.Next(Sizes.Length)], m = Sizes[rng.Next(Sizes.Length)], k = rng.Next(1, 9), kind = rng.Next(6), d = rng.Next(1, 3);
                var (x, y) = DivergenceSets(rng, n, m, d, k, kind);
                foreach (var norm in new[] { DistanceNorm.Euclidean, DistanceNorm.Maximum })
                {
                    var options = new KnnOptions { Norm = norm };
                    var expected = Outcome(() => Knn.KullbackLeibler(x, y, d, k, options with { Search = NeighborSearch.BruteForce }));
                    Outcome(() => Knn.KullbackLeibler(x, y, d, k, options)).Should().Be(expected);
                    Outcome(() => Knn.KullbackLeibler(x, y, d, k, options with { MaxDegreeOfParallelism = 1 })).Should().Be(expected);
                }
            },
            iter: 80);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void KullbackLeibler_DistanceTooSmallToSquare_ThrowsAsTheGeneralPathDoes(int d)
    {
        // Two x rows 1e-170 apart next to coordinates near 1: the squared distance underflows to 0 without any tie.
        var rng = new Random(5);
        double[] x = [.. Enumerable.Range(0, 200 * d).Select(_ => 0.1 + rng.NextDouble())];
        double[] y = [.. Enumerable.Range(0, 150 * d).Select(_ => 0.1 + rng.NextDouble())];
        x.AsSpan(0, 2 * d).Clear();
        x[d] = 1e-170;

        var pooled = Outcome(() => Knn.KullbackLeibler(x, y, d, 1));

        pooled.Should().Be(Outcome(() => Knn.KullbackLeibler(x, y, d, 1, Brute)));
        pooled.Message.Should().StartWith("x:").And.Contain("underflows");
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    public void PooledPaths_DataScaledByAPowerOfTwoRange_GiveBruteForceBits(double scale)
    {
        // Data beyond the norms' safe range are rescaled by a power of two first, on the pooled paths as on the general one.
        var rng = new Random(3);
        var (x, y) = Pairs(rng, 500, 3, kind: 0);
        double[] xs = [.. x.Select(v => v * scale)], ys = [.. y.Select(v => v * scale)];
        double[] points = [.. xs.Zip(ys).SelectMany(p => new[] { p.First, p.Second })];

        Knn.MutualInformation(xs, ys).Should().Be(Knn.MutualInformation(xs, ys, 3, Brute));
        Knn.KullbackLeibler(xs, ys).Should().Be(Knn.KullbackLeibler(xs, ys, 1, 3, Brute));
        Knn.KullbackLeibler(points.AsSpan(0, 500), points.AsSpan(500), 2).Should().Be(Knn.KullbackLeibler(points.AsSpan(0, 500), points.AsSpan(500), 2, 3, Brute));
        Knn.Entropy(points, 2, 3, new KnnOptions { Norm = DistanceNorm.Maximum })
            .Should().Be(Knn.Entropy(points, 2, 3, new KnnOptions { Norm = DistanceNorm.Maximum, Search = NeighborSearch.BruteForce }));
    }

    [Fact]
    public void MatrixOverloads_OneAndTwoColumns_GiveTheSpanFormsAndBruteForceBits()
    {
        // The matrix forms read one-column pairs and two-column points in place on the pooled paths.
        var rng = new Random(11);
        var (x, y) = Pairs(rng, 700, 4, kind: 0);
        double[,] xm = new double[700, 1], ym = new double[700, 1], points = new double[700, 2];
        for (int i = 0; i < 700; i++)
        {
            (xm[i, 0], ym[i, 0], points[i, 0], points[i, 1]) = (x[i], y[i], x[i], y[i]);
        }

        Knn.MutualInformation(xm, ym, 4).Should().Be(Knn.MutualInformation(x, y, 4)).And.Be(Knn.MutualInformation(xm, ym, 4, Brute));
        Knn.Entropy(points, 4).Should().Be(Knn.Entropy(points, 4, Brute));
        double[,] xHalf = new double[350, 2], yHalf = new double[350, 2];
        for (int i = 0; i < 350; i++)
        {
            (xHalf[i, 0], xHalf[i, 1], yHalf[i, 0], yHalf[i, 1]) = (x[i], y[i], x[i + 350], y[i + 350]);
        }

        Knn.KullbackLeibler(xHalf, yHalf, 4).Should().Be(Knn.KullbackLeibler(points.Cast<double>().Take(700).ToArray(), points.Cast<double>().Skip(700).ToArray(), 2, 4))
            .And.Be(Knn.KullbackLeibler(xHalf, yHalf, 4, Brute));
        Knn.KullbackLeibler(xm, ym, 4).Should().Be(Knn.KullbackLeibler(x, y, 1, 4)).And.Be(Knn.KullbackLeibler(xm, ym, 4, Brute));
        Outcome(() => Knn.KullbackLeibler(xHalf, ym)).Should().Be(Outcome(() => Knn.KullbackLeibler(xHalf, ym, 3, Brute)));
        Outcome(() => Knn.KullbackLeibler(xHalf, ym)).Message.Should().StartWith("y:");

        // Bad input is reported by the same checks, in the same order, as before.
        xm[5, 0] = double.NaN;
        Outcome(() => Knn.MutualInformation(xm, ym, 4)).Should().Be(Outcome(() => Knn.MutualInformation(xm, ym, 4, Brute)));
        Outcome(() => Knn.MutualInformation(xm, ym, 4)).Message.Should().Contain("x[5,0] is NaN");
        Outcome(() => Knn.KullbackLeibler(ym, xm, 4)).Should().Be(Outcome(() => Knn.KullbackLeibler(ym, xm, 4, Brute)));
        Outcome(() => Knn.KullbackLeibler(ym, xm, 4)).Message.Should().Contain("y[5,0] is NaN");
        Outcome(() => Knn.Entropy(points, 700)).Message.Should().StartWith("k:");
        FluentActions.Invoking(() => Knn.MutualInformation(null!, ym)).Should().Throw<ArgumentNullException>().WithParameterName("x");
    }

    [Fact]
    public void MutualInformation_IntegersZeroToFive_ThrowsAsTheGeneralPathDoes()
    {
        // Integers in 0..5 on 500 rows: every value repeats far more than k times, which the general path reports.
        var rng = new Random(8);
        double[] x = [.. Enumerable.Range(0, 500).Select(_ => (double)rng.Next(6))];
        double[] y = [.. Enumerable.Range(0, 500).Select(_ => rng.NextDouble())];

        var pooled = Outcome(() => Knn.MutualInformation(x, y));

        pooled.Should().Be(Outcome(() => Knn.MutualInformation(x, y, 3, Brute)));
        pooled.Message.Should().StartWith("x:").And.Contain("coincide exactly");
    }

    // Scalar pairs of one of four kinds: continuous correlated; integers with k copies of each value in each marginal
    // (ties accepted, equal distances everywhere); integers in 0..5 (ties the estimators reject); continuous with 0 and −0
    // copied k or k + 1 times into x (accepted, or rejected in X alone).
    private static (double[] X, double[] Y) Pairs(Random rng, int n, int k, int kind)
    {
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = Normal(rng), b = (0.7 * a) + (0.7 * Normal(rng));
            (x[i], y[i]) = kind switch
            {
                1 => (i / k, i / k),
                2 => (rng.Next(6), rng.Next(6)),
                _ => (a, b),
            };
        }

        if (kind == 1)
        {
            // k copies of each value in each marginal (k − 1 other rows: accepted), x shuffled against y.
            rng.Shuffle(x);
        }

        if (kind == 3)
        {
            // 0 and −0 are one value: k + 1 copies of it are a tie when this covers them all, k copies when n is small.
            for (int i = 0; i <= k - (rng.Next(2)) && i < n; i++)
            {
                x[i] = i % 2 == 0 ? 0.0 : -0.0;
            }
        }

        return (x, y);
    }

    // x of n rows and y of m rows in dimension d for the divergence: x from the scalar pairs of the given kind (kinds 0–3;
    // for d = 1 their first column), y continuous, shifted, and narrower (many queries from outside y's grid) or wider;
    // kind 4 puts 0 in x and −0 in y (one point shared, 0 = −0), kind 5 copies a row of x into y.
    private static (double[] X, double[] Y) DivergenceSets(Random rng, int n, int m, int d, int k, int kind)
    {
        double[] Flat((double[] X, double[] Y) pairs) => d == 1 ? pairs.X : [.. pairs.X.Zip(pairs.Y).SelectMany(p => new[] { p.First, p.Second })];
        double[] x = Flat(Pairs(rng, n, k, kind > 3 ? 0 : kind));
        double scale = rng.Next(2) == 0 ? 0.4 : 1.5;
        double[] y = [.. Flat(Pairs(rng, m, k, kind: 0)).Select(v => (scale * v) + 0.25)];
        if (kind == 4)
        {
            x.AsSpan(0, d).Clear();
            y.AsSpan(d * rng.Next(m), d).Fill(-0.0);
        }

        if (kind == 5)
        {
            x.AsSpan(d * rng.Next(n), d).CopyTo(y.AsSpan(d * rng.Next(m), d));
        }

        return (x, y);
    }

    // The estimate, or the exception's parameter and message: both paths must agree on either.
    private static (Estimate? Value, string? Message) Outcome(Func<Estimate> estimate)
    {
        try
        {
            return (estimate(), null);
        }
        catch (ArgumentException e)
        {
            return (null, $"{e.ParamName}: {e.Message}");
        }
    }
}
