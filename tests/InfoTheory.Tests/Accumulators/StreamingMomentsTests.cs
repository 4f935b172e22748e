using CsCheck;
using InfoTheory.Continuous;
using MathNet.Numerics.Statistics;

namespace InfoTheory.Tests.Accumulators;

public class StreamingMomentsTests
{
    [Fact]
    public void MeanAndCovariance_RandomRows_MatchTwoPassAndMathNet()
    {
        var rng = new Random(11);
        const int n = 500, d = 3;
        double[] rows = [.. Enumerable.Range(0, n * d).Select(k => (rng.NextDouble() * 10) + (k % d == 2 ? 1e6 : 0) + (k % d == 1 ? 0.5 * k : 0))];
        var moments = new StreamingMoments(d);

        moments.AddRows(rows);

        double[][] columns = [.. Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).Select(r => rows[(r * d) + j]).ToArray())];
        double[] mean = moments.Mean();
        double[,] covariance = moments.Covariance();
        double[,] coMoment = moments.CoMoment();
        for (int i = 0; i < d; i++)
        {
            mean[i].Should().BeApproximately(columns[i].Average(), 1e-12 * Math.Abs(columns[i].Average()));
            for (int j = 0; j < d; j++)
            {
                // Two-pass: the deviations from the mean first, then their products.
                double mi = columns[i].Average(), mj = columns[j].Average();
                double twoPass = Enumerable.Range(0, n).Sum(r => (columns[i][r] - mi) * (columns[j][r] - mj));
                double scale = Math.Sqrt(ArrayStatistics.Variance(columns[i]) * ArrayStatistics.Variance(columns[j]));
                coMoment[i, j].Should().BeApproximately(twoPass, 1e-10 * scale * n);
                covariance[i, j].Should().BeApproximately(ArrayStatistics.Covariance(columns[i], columns[j]), 1e-10 * scale);
                covariance[i, j].Should().Be(covariance[j, i]);
            }
        }
    }

    [Fact]
    public void Covariance_LargeOffset_KeepsTheSmallVariance()
    {
        // Values 10⁹ + {1, 2, 3, 4}: the naive Σx² − (Σx)²/n loses every digit in doubles; the sample variance is 5/3.
        var moments = new StreamingMoments(1);
        foreach (double v in new[] { 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4 })
        {
            moments.Add([v]);
        }

        moments.Covariance()[0, 0].Should().Be(5.0 / 3.0);
        moments.Covariance(0)[0, 0].Should().Be(1.25);
        moments.Mean()[0].Should().Be(1e9 + 2.5);
    }

    [Fact]
    public void Merge_ShuffledPartitionsInAnyOrder_GiveIdenticalBits()
    {
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 200);
            double[] x = [.. Enumerable.Range(0, n).Select(_ => (rng.NextDouble() - 0.3) * Math.ScaleB(1, rng.Next(-20, 20)))];
            double[] y = [.. x.Select(v => (0.7 * v) + rng.NextDouble())];
            var whole = new StreamingMoments(2);
            whole.Add(x, y);

            int parts = rng.Next(1, 7);
            var shards = Enumerable.Range(0, parts).Select(_ => new StreamingMoments(2)).ToArray();
            foreach (int i in Enumerable.Range(0, n).OrderBy(_ => rng.Next()))
            {
                shards[rng.Next(parts)].Add([x[i], y[i]]);
            }

            // A random merge tree: repeatedly merge one random shard into another.
            var pool = shards.ToList();
            while (pool.Count > 1)
            {
                int a = rng.Next(pool.Count), b = rng.Next(pool.Count - 1);
                b = b >= a ? b + 1 : b;
                pool[a].Merge(pool[b]);
                pool.RemoveAt(b);
            }

            StreamingMoments merged = pool[0];
            merged.Count.Should().Be(n);
            merged.Mean().Should().Equal(whole.Mean());
            Flat(merged.CoMoment()).Should().Equal(Flat(whole.CoMoment()));
            Flat(merged.Covariance()).Should().Equal(Flat(whole.Covariance()));
            AccumulatorBytes.Write(merged.WriteTo).Should().Equal(AccumulatorBytes.Write(whole.WriteTo));
        }, iter: 100);
    }

    [Fact]
    public void GaussianEntropy_EqualsTheFormulaOfTheFittedCovariance()
    {
        var rng = new Random(3);
        double[] x = [.. Enumerable.Range(0, 1000).Select(_ => rng.NextDouble())];
        double[] y = [.. x.Select(v => v + rng.NextDouble())];
        var moments = new StreamingMoments(2);
        moments.Add(x, y);

        double[,] c = moments.Covariance(0);
        double det = (c[0, 0] * c[1, 1]) - (c[0, 1] * c[1, 0]);
        // h = ½ ln((2πe)² det Σ) for d = 2.
        double expected = 0.5 * Math.Log(Math.Pow(2 * Math.PI * Math.E, 2) * det);

        moments.GaussianEntropy().Should().BeApproximately(expected, 1e-12);
        moments.GaussianEntropy(LogBase.Bits).Should().BeApproximately(expected / Math.Log(2), 1e-12);
    }

    [Fact]
    public void GaussianMutualInformation_TwoColumns_IsMinusHalfLogOneMinusRhoSquared()
    {
        var rng = new Random(5);
        double[] x = [.. Enumerable.Range(0, 1000).Select(_ => rng.NextDouble())];
        double[] z = [.. x.Select(_ => rng.NextDouble())];
        double[] y = [.. x.Select((v, i) => v + (0.5 * z[i]) + (0.3 * rng.NextDouble()))];
        var moments = new StreamingMoments(3);
        for (int i = 0; i < x.Length; i++)
        {
            moments.Add([x[i], y[i], z[i]]);
        }

        double rho = Correlation.Pearson(x, y);

        moments.GaussianMutualInformation([0], [1]).Should().BeApproximately(-0.5 * Math.Log(1 - (rho * rho)), 1e-10);
        moments.GaussianMutualInformation([1], [0, 2]).Should().BeApproximately(
            new Gaussian(moments.Mean(), moments.Covariance()).MutualInformation([1], [0, 2]), 1e-12);
    }

    [Fact]
    public void GaussianMutualInformation_BadColumns_ThrowNamingThem()
    {
        var moments = new StreamingMoments(3);
        moments.AddRows([1, 2, 3, 4, 5, 7, 2, 2, 1, 0, 1, 0]);

        FluentActions.Invoking(() => moments.GaussianMutualInformation([0], [3])).Should().Throw<ArgumentException>().WithParameterName("yColumns");
        FluentActions.Invoking(() => moments.GaussianMutualInformation([0, 0], [1])).Should().Throw<ArgumentException>().WithParameterName("xColumns");
        FluentActions.Invoking(() => moments.GaussianMutualInformation([], [1])).Should().Throw<ArgumentException>().WithParameterName("xColumns");
        FluentActions.Invoking(() => moments.GaussianMutualInformation([0, 1], [1])).Should().Throw<ArgumentException>().WithParameterName("yColumns");
    }

    [Fact]
    public void GaussianEntropy_SingularCovariance_ThrowsInvalidOperation()
    {
        var moments = new StreamingMoments(2);
        moments.AddRows([1, 5, 2, 5, 3, 5]);

        FluentActions.Invoking(() => moments.GaussianEntropy()).Should().Throw<InvalidOperationException>().WithMessage("*Gaussian*");
    }

    [Fact]
    public void Add_NonFiniteOrMisshapedInput_ThrowsAndChangesNothing()
    {
        var moments = new StreamingMoments(2);

        FluentActions.Invoking(() => moments.Add([1.0, double.NaN])).Should().Throw<ArgumentException>().WithParameterName("row").WithMessage("*[1]*");
        FluentActions.Invoking(() => moments.Add([1.0])).Should().Throw<ArgumentException>().WithParameterName("row");
        FluentActions.Invoking(() => moments.AddRows([1, 2, 3])).Should().Throw<ArgumentException>().WithParameterName("rowMajor");
        FluentActions.Invoking(() => moments.AddRows([1, 2, 3, double.PositiveInfinity])).Should().Throw<ArgumentException>().WithParameterName("rowMajor");
        FluentActions.Invoking(() => moments.Add([1.0, 2.0], [double.NegativeInfinity, 1.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => moments.Add([1.0, 2.0], [1.0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new StreamingMoments(3).Add([1.0], [1.0])).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new StreamingMoments(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dimension");
        FluentActions.Invoking(() => moments.Merge(new StreamingMoments(3))).Should().Throw<ArgumentException>().WithParameterName("other");
        moments.Count.Should().Be(0);
        FluentActions.Invoking(() => moments.Mean()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Covariance_TooFewRowsOrNegativeDdof_Throws()
    {
        var moments = new StreamingMoments(1);
        moments.Add([1.0]);

        FluentActions.Invoking(() => moments.Covariance()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => moments.Covariance(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ddof");
        moments.Covariance(0)[0, 0].Should().Be(0);
    }

    [Fact]
    public void Mean_ValuesNearDoubleMax_StaysFinite()
    {
        var moments = new StreamingMoments(1);
        moments.AddRows([double.MaxValue, double.MaxValue, double.MaxValue]);

        moments.Mean()[0].Should().Be(double.MaxValue);
        FluentActions.Invoking(() => moments.CoMoment()).Should().Throw<OverflowException>();
    }

    [Fact]
    public void WriteToReadFrom_RoundTripsTheExactState()
    {
        var moments = new StreamingMoments(3);
        moments.AddRows([1, -2, 3e-300, 4, 5e200, -6, 0.1, 0.2, 0.3]);

        StreamingMoments read = AccumulatorBytes.Read(AccumulatorBytes.Write(moments.WriteTo), StreamingMoments.ReadFrom);

        read.Count.Should().Be(3);
        read.Dimension.Should().Be(3);
        read.Mean().Should().Equal(moments.Mean());
        AccumulatorBytes.Write(read.WriteTo).Should().Equal(AccumulatorBytes.Write(moments.WriteTo));
    }

    [Fact]
    public void ReadFrom_EveryFlippedByteAndTruncation_ThrowsInvalidData()
    {
        var moments = new StreamingMoments(1);
        moments.AddRows([1, 2, 4]);
        byte[] bytes = AccumulatorBytes.Write(moments.WriteTo);

        AccumulatorBytes.FuzzRejects(bytes, StreamingMoments.ReadFrom, read => read.Count == 3 && read.Mean()[0] == moments.Mean()[0]);
    }

    [Fact]
    public void ReadFrom_InconsistentState_ThrowsInvalidData()
    {
        var moments = new StreamingMoments(1);
        moments.Add([-3.0]);
        byte[] payload = AccumulatorBytes.Payload(AccumulatorBytes.Write(moments.WriteTo));
        byte[] noRows = (byte[])payload.Clone();
        BitConverter.GetBytes(0L).CopyTo(noRows, 4);
        byte[] negativeSquares = (byte[])payload.Clone();
        // Swap the sum Σx = −3 into the slot of Σx²: a negative sum of squares.
        Array.Copy(payload, 12, negativeSquares, 12 + 540, 540);

        FluentActions.Invoking(() => AccumulatorBytes.Read(AccumulatorBytes.Seal(4, noRows), StreamingMoments.ReadFrom))
            .Should().Throw<InvalidDataException>().WithMessage("*no rows*");
        FluentActions.Invoking(() => AccumulatorBytes.Read(AccumulatorBytes.Seal(4, negativeSquares), StreamingMoments.ReadFrom))
            .Should().Throw<InvalidDataException>().WithMessage("*negative sum of squares*");
    }

    private static double[] Flat(double[,] matrix) => [.. matrix.Cast<double>()];
}
