using InfoTheory.Continuous;
using InfoTheory.Inference;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Inference;

/// <summary>
/// <c>Bootstrap</c> (src/InfoTheory/Inference/Bootstrap.cs): the percentile and BCa formulas against scipy's on a bootstrap
/// distribution fed in by hand, coverage of the mean of normal data, determinism across thread counts, and bad input.
/// </summary>
public class BootstrapTests
{
    private static readonly double[] Data = [0.3, 1.9, 0.4, 2.8, 0.1, 0.7, 5.2, 0.2, 1.1, 0.6];

    private static readonly double[] Replicates =
        [1.31, 0.92, 1.77, 1.12, 1.05, 2.41, 1.38, 0.85, 1.64, 1.21, 0.99, 1.49, 1.93, 1.16, 1.02, 1.27, 0.88, 1.58, 2.05, 1.10];

    // scipy 1.10 on the replicates above: np.percentile(reps, [100 * alpha, 100 * (1 - alpha)]), alpha = (1 - level)/2,
    // and for BCa a1, a2, _ = scipy.stats._resampling._bca_interval((data,), np.mean, -1, alpha, reps[None, :], None),
    // then np.percentile(reps, [100 * a1, 100 * a2]); standard error np.std(reps, ddof=1) = 0.42590182955823586.
    [Theory]
    [InlineData(BootstrapMethod.Percentile, 0.95, 0.86425, 2.2389999999999994)]
    [InlineData(BootstrapMethod.Percentile, 0.8, 0.916, 1.9420000000000002)]
    [InlineData(BootstrapMethod.Bca, 0.95, 0.9225524705497534, 2.3996256305376344)]
    [InlineData(BootstrapMethod.Bca, 0.8, 1.0389784543587808, 2.2588234646919387)]
    public void Interval_FixedReplicates_MatchScipy(BootstrapMethod method, double level, double lower, double upper)
    {
        double mean = Data.Average();
        double[] jackknife = [.. Data.Select((_, i) => Data.Where((_, j) => j != i).Average())];

        var interval = Bootstrap.Interval(mean, [.. Replicates], jackknife, method, level);

        interval.Lower.Should().BeApproximately(lower, 1e-12);
        interval.Upper.Should().BeApproximately(upper, 1e-12);
        interval.StandardError.Should().BeApproximately(0.42590182955823586, 1e-15);
        interval.Estimate.Should().Be(mean);
        interval.Resamples.Should().Be(Replicates.Length);
    }

    [Fact]
    public void Interval_EstimateBelowEveryReplicate_TakesZ0AtTheFinestProportion()
    {
        // Efron (1987) with z0 = Φ⁻¹(1/(2B)) (B = 20) and a = 0 (equal jackknife values), by hand: α₁ = Φ(2 z0 + z_α).
        double z0 = Normal.InvCDF(0, 1, 1.0 / 40), za = Normal.InvCDF(0, 1, 0.025);
        double a1 = Normal.CDF(0, 1, z0 + z0 + za), a2 = Normal.CDF(0, 1, z0 + z0 - za);
        double[] sorted = [.. Replicates.Order()];
        double Quantile(double q) => sorted[(int)(19 * q)] + ((19 * q) - (int)(19 * q)) * (sorted[(int)(19 * q) + 1] - sorted[(int)(19 * q)]);

        var interval = Bootstrap.Interval(0.5, [.. Replicates], [1.0, 1.0, 1.0], BootstrapMethod.Bca, 0.95);

        interval.Lower.Should().BeApproximately(Quantile(a1), 1e-12);
        interval.Upper.Should().BeApproximately(Quantile(a2), 1e-12);
    }

    [Theory]
    [InlineData(BootstrapMethod.Percentile)]
    [InlineData(BootstrapMethod.Bca)]
    public void ConfidenceInterval_MeanOfNormalData_CoversWithinBinomialBounds(BootstrapMethod method)
    {
        // 400 data sets of 50 N(3, 2²) points: the count of 95% intervals covering 3 is Binomial(400, ~0.95);
        // scipy 1.10 binom.ppf([0.0005, 0.9995], 400, 0.95) = [365, 392], widened below by the bootstrap's own
        // undercoverage at n = 50 (about 1%, Efron & Tibshirani 1993, table 14.2) to 360.
        var random = new Random(12);
        int covered = 0;
        for (int r = 0; r < 400; r++)
        {
            double[] sample = [.. Enumerable.Range(0, 50).Select(_ => Normal.Sample(random, 3, 2))];
            var interval = Bootstrap.ConfidenceInterval(sample.Length, Mean(sample), 299, seed: r, method, maxDegreeOfParallelism: 1);
            covered += interval.Lower <= 3 && 3 <= interval.Upper ? 1 : 0;
        }

        covered.Should().BeInRange(360, 392);
    }

    [Fact]
    public void ConfidenceInterval_AnyThreadCount_SameBits()
    {
        double[] sample = [.. Enumerable.Range(0, 1031).Select(i => Math.Sin(i * 0.7) + (i % 7))];

        var one = Bootstrap.ConfidenceInterval(sample.Length, Mean(sample), 257, seed: 5, maxDegreeOfParallelism: 1);
        var two = Bootstrap.ConfidenceInterval(sample.Length, Mean(sample), 257, seed: 5, maxDegreeOfParallelism: 2);
        var all = Bootstrap.ConfidenceInterval(sample.Length, Mean(sample), 257, seed: 5);

        two.Should().Be(one);
        all.Should().Be(one);
        one.Estimate.Should().Be(sample.Average());
    }

    [Fact]
    public void ConfidenceInterval_PairedLabels_EqualsTheIndexFormOfTheSameStatistic()
    {
        var random = new Random(3);
        int[] x = [.. Enumerable.Range(0, 300).Select(_ => random.Next(4))];
        int[] y = [.. x.Select(v => random.NextDouble() < 0.6 ? v : random.Next(4))];
        double IndexMi(ReadOnlySpan<int> rows)
        {
            int[] a = new int[rows.Length], b = new int[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                (a[i], b[i]) = (x[rows[i]], y[rows[i]]);
            }

            return MutualInformation.FromSamples<int, int>(a, b);
        }

        var pairs = Bootstrap.ConfidenceInterval<int, int>(x, y, (a, b) => MutualInformation.FromSamples(a, b), 199, seed: 8);
        var indexed = Bootstrap.ConfidenceInterval(x.Length, IndexMi, 199, seed: 8);

        pairs.Should().Be(indexed);
        pairs.Estimate.Should().Be(MutualInformation.FromSamples<int, int>(x, y));
        pairs.Lower.Should().BeLessThan(pairs.Estimate);
        pairs.Upper.Should().BeGreaterThan(pairs.Estimate);
    }

    [Fact]
    public void ConfidenceInterval_MoreObservationsThanJackknifeGroups_LeavesOutInterleavedGroups()
    {
        // n = 2 · MaxJackknifeGroups + 1: BCa calls the statistic once on the data, B times on resamples and
        // MaxJackknifeGroups times on samples that lack group g = {g, g + 1000, ...} (3 observations for g = 0, else 2).
        int n = (2 * Bootstrap.MaxJackknifeGroups) + 1;
        var lengths = new System.Collections.Concurrent.ConcurrentBag<int>();
        double Count(ReadOnlySpan<int> rows)
        {
            lengths.Add(rows.Length);
            return rows[0];
        }

        Bootstrap.ConfidenceInterval(n, Count, 10, seed: 1);

        lengths.Count(l => l == n).Should().Be(11);
        lengths.Count(l => l == n - 3).Should().Be(1);
        lengths.Count(l => l == n - 2).Should().Be(Bootstrap.MaxJackknifeGroups - 1);
    }

    [Fact]
    public void ReadmeSignificanceUncertainty_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: SignificanceUncertainty
        // 500 customers: their plan (0, 1, 2) and whether they renewed, which depends mildly on the plan.
        var random = new Random(7);
        int[] plan = [.. Enumerable.Range(0, 500).Select(_ => random.Next(3))];
        int[] renewed = [.. plan.Select(k => random.NextDouble() < 0.3 + (0.15 * k) ? 1 : 0)];

        // A 95% BCa interval of the plug-in MI, resampling customers (the same bits on any number of cores).
        BootstrapInterval mi = Bootstrap.ConfidenceInterval<int, int>(
            plan, renewed, (a, b) => MutualInformation.FromSamples(a, b), resamples: 999, seed: 1);
        // mi.Estimate 0.0287 nats, [mi.Lower, mi.Upper] = [0.0106, 0.0515], mi.StandardError 0.0109

        // Miller–Madow: plug-in minus its first-order bias, (3 − 1)(2 − 1)/(2·500) with all 6 cells seen.
        double corrected = MutualInformation.FromSamples<int, int>(plan, renewed, EntropyEstimator.MillerMadow);   // 0.0267 nats

        // A Monte Carlo KL carries its standard error, and so its normal-approximation interval.
        var p = Gaussian.Diagonal([0.0], [1.0]);
        var q = Gaussian.Diagonal([0.5], [1.0]);
        ConfidenceInterval kl = MonteCarlo.KullbackLeibler(p, q, samples: 10_000, seed: 3).ConfidenceInterval(0.95);
        // [0.1118, 0.1317] nats, around the exact 0.125
        #endregion

        mi.Estimate.Should().Be(MutualInformation.FromSamples<int, int>(plan, renewed)).And.BeApproximately(0.0287, 5e-5);
        mi.Lower.Should().BeApproximately(0.0106, 5e-5);
        mi.Upper.Should().BeApproximately(0.0515, 5e-5);
        mi.StandardError.Should().BeApproximately(0.0109, 5e-5);
        corrected.Should().BeApproximately(mi.Estimate - (2.0 / 1000), 1e-15).And.BeApproximately(0.0267, 5e-5);
        kl.Lower.Should().BeApproximately(0.1118, 5e-5);
        kl.Upper.Should().BeApproximately(0.1317, 5e-5);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void ConfidenceInterval_LevelOutsideUnitInterval_ThrowsNamingLevel(double level)
    {
        var act = () => Bootstrap.ConfidenceInterval(5, Mean([1, 2, 3, 4, 5]), 99, 1, level: level);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("level");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Bootstrap.MaxResamples + 1)]
    public void ConfidenceInterval_ResamplesOutOfRange_ThrowsNamingResamples(int resamples)
    {
        var act = () => Bootstrap.ConfidenceInterval(5, Mean([1, 2, 3, 4, 5]), resamples, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("resamples");
    }

    [Fact]
    public void ConfidenceInterval_BadArguments_ThrowNamingTheParameter()
    {
        Func<ReadOnlySpan<int>, double> mean = Mean([1, 2, 3]);
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval(1, mean, 99, 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("n");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval(Bootstrap.MaxObservations + 1, mean, 99, 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("n");
        FluentActions.Invoking(() => new BootstrapInterval(0, 0, 0, 0.95, (BootstrapMethod)2, 9, 0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Method");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval(3, null!, 99, 1)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("statistic");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval(3, mean, 99, 1, (BootstrapMethod)7)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("method");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval(3, mean, 99, 1, maxDegreeOfParallelism: 0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxDegreeOfParallelism");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval<int, int>([1], [1], (a, b) => 0, 99, 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("x");
        FluentActions.Invoking(() => Bootstrap.ConfidenceInterval<int, int>([1, 2], [1], (a, b) => 0, 99, 1)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("y");
    }

    [Fact]
    public void ConfidenceInterval_StatisticReturnsNaNOnAResample_ThrowsNamingStatistic()
    {
        var act = () => Bootstrap.ConfidenceInterval(4, rows => rows.Contains(3) && !rows.Contains(0) ? double.NaN : 1.0, 99, 1);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("statistic");
    }

    private static Func<ReadOnlySpan<int>, double> Mean(double[] values) => rows =>
    {
        double sum = 0;
        foreach (int i in rows)
        {
            sum += values[i];
        }

        return sum / rows.Length;
    };
}
