using InfoTheory.Binning;
using InfoTheory.Selection;

namespace InfoTheory.Tests.Selection;

/// <summary>
/// <c>FeatureSelection</c> (src/InfoTheory/Selection/FeatureSelection.cs): every criterion against a plain greedy search written
/// here over the library's plug-in <c>MutualInformation.FromSamples</c> and <c>Conditional</c>, the criteria's known behaviour
/// on XOR and on redundant copies (Brown et al., JMLR 13, 2012), determinism across threads, and the input rules.
/// </summary>
public class FeatureSelectionTests
{
    private static readonly SelectionCriterion[] Criteria = Enum.GetValues<SelectionCriterion>();

    public static TheoryData<SelectionCriterion, int, int, int> SmallProblems()
    {
        var data = new TheoryData<SelectionCriterion, int, int, int>();
        foreach (SelectionCriterion criterion in Criteria)
        {
            // (rows, seed): awkward row counts, one row included, where every term is 0 and the order is by index.
            foreach ((int rows, int seed) in new[] { (1, 1), (7, 2), (9, 3), (60, 4), (257, 5) })
            {
                data.Add(criterion, rows, seed, 0);
            }

            // Codes of up to a thousand values over 1031 rows: pair tables too large to hold densely, counted by sorting.
            data.Add(criterion, 1031, 6, 1000);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallProblems))]
    public void Select_SmallProblems_EqualsBruteForceGreedyOverPlugInEstimates(SelectionCriterion criterion, int rows, int seed, int manyCodes)
    {
        var (features, target) = RandomProblem(rows, seed, manyCodes);

        var result = FeatureSelection.Select(features, target, features.Length, criterion);

        var (expected, scores) = BruteForce(features, target, criterion);
        result.Features.Should().Equal(expected);
        result.Scores.Should().Equal(scores, (a, b) => Math.Abs(a - b) < 1e-12);
        result.Relevance.Should().Equal(expected.Select(k => MutualInformation.FromSamples<int, int>(features[k], target)), (a, b) => Math.Abs(a - b) < 1e-12);
        result.Criterion.Should().Be(criterion);
    }

    [Fact]
    public void Select_FirstPick_IsTheMostRelevantFeatureForEveryCriterion()
    {
        var (features, target) = RandomProblem(300, 11, 0);
        double[] relevance = features.Select(f => MutualInformation.FromSamples<int, int>(f, target)).ToArray();

        foreach (SelectionCriterion criterion in Criteria)
        {
            var result = FeatureSelection.Select(features, target, 1, criterion);

            result.Features.Should().Equal(Array.IndexOf(relevance, relevance.Max()));
            result.Scores[0].Should().BeApproximately(relevance.Max(), 1e-12);
        }
    }

    [Fact]
    public void Select_XorAmongNoise_MimRanksThePairLast()
    {
        var (features, target) = PureXor();

        var result = FeatureSelection.Select(features, target, features.Length, SelectionCriterion.Mim);

        // Every cell of (x₁, x₂) holds 200 rows, so I(x₁;Y) = I(x₂;Y) = 0 exactly, below every noise
        // feature's chance value (the least, feature 2's, is 2.0e-4 nats: MutualInformation.FromSamples).
        result.Features.TakeLast(2).Should().BeEquivalentTo([1, 4]);
        result.Scores.TakeLast(2).Should().AllSatisfy(s => s.Should().BeApproximately(0, 1e-12));
    }

    [Fact]
    public void Select_XorAmongNoise_JmiTakesThePartnerRightAfterEitherHalf()
    {
        var (features, target) = PureXor();

        var result = FeatureSelection.Select(features, target, features.Length, SelectionCriterion.Jmi);

        // Once one half is in S, the other's sum holds I(x₁,x₂;Y) = H(Y) = ln 2, more than any noise pair can add up to.
        var order = result.Features.ToList();
        int first = Math.Min(order.IndexOf(1), order.IndexOf(4));
        result.Features[first + 1].Should().Be(result.Features[first] == 1 ? 4 : 1);
        result.Scores[first + 1].Should().BeGreaterThan(Math.Log(2));
    }

    [Theory]
    [InlineData(SelectionCriterion.Mim, 2)]
    [InlineData(SelectionCriterion.Mrmr, 2)]
    [InlineData(SelectionCriterion.Jmi, 1)]
    [InlineData(SelectionCriterion.Cmim, 1)]
    [InlineData(SelectionCriterion.Jmim, 1)]
    public void Select_XorWithOneWeakHalf_OnlyTheConditionalCriteriaTakeThePartnerSecond(SelectionCriterion criterion, int second)
    {
        var (features, target) = WeakXor();

        var result = FeatureSelection.Select(features, target, 2, criterion);

        // x₀ alone: I = ln 2 − H(0.8); x₁ alone: 0; the 30%-flipped copy x₂ of Y: ln 2 − H(0.3). MIM and mRMR see no reason for
        // x₁; JMI and JMIM see I(x₀,x₁;Y) = H(Y) = ln 2, CMIM I(x₁;Y|x₀) = H(Y|x₀) = H(0.8).
        result.Features.Should().Equal(0, second);
        result.Scores[0].Should().BeApproximately(Math.Log(2) - H(0.8), 1e-12);
        double expected = criterion switch
        {
            SelectionCriterion.Mim => Math.Log(2) - H(0.3),
            SelectionCriterion.Mrmr => Math.Log(2) - H(0.3) - (Math.Log(2) - H(0.38)), // I(x₂;x₀): P(x₂ = 1 | x₀) = 0.62, 0.38
            SelectionCriterion.Cmim => H(0.8),
            _ => Math.Log(2),
        };
        result.Scores[1].Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Select_Mrmr_NeverTakesAnExactCopyOfTheFirstPickSecond()
    {
        // The copy scores I(a;Y) − H(a) = −H(a|Y), and any other k scores I(k;Y) − I(k;a) ≥ −H(a|Y), since
        // I(k;a) ≤ I(k;a,Y) = I(k;Y) + I(k;a|Y) ≤ I(k;Y) + H(a|Y); equality needs a to be a function of (k, Y), which random
        // features are not. The identity holds for the plug-in estimates too (they are the sample distribution's).
        for (int seed = 0; seed < 40; seed++)
        {
            var (features, target) = RandomProblem(200, seed, 0);
            int first = FeatureSelection.Select(features, target, 1, SelectionCriterion.Mrmr).Features[0];
            int at = seed % (features.Length + 1);
            var withCopy = features.ToList();
            withCopy.Insert(at, (int[])features[first].Clone());

            var result = FeatureSelection.Select(withCopy.ToArray(), target, 2, SelectionCriterion.Mrmr);

            int original = first >= at ? first + 1 : first;
            result.Features.Should().ContainSingle(k => k == at || k == original, $"seed {seed}");
        }
    }

    [Theory]
    [InlineData(SelectionCriterion.Mrmr)]
    [InlineData(SelectionCriterion.Jmi)]
    [InlineData(SelectionCriterion.Cmim)]
    public void Select_AnyThreadCount_GivesTheSameBits(SelectionCriterion criterion)
    {
        var (features, target) = RandomProblem(1031, 21, 0, featureCount: 40);

        var one = FeatureSelection.Select(features, target, 12, criterion, maxDegreeOfParallelism: 1);
        var two = FeatureSelection.Select(features, target, 12, criterion, maxDegreeOfParallelism: 2);
        var all = FeatureSelection.Select(features, target, 12, criterion);

        two.Features.Should().Equal(one.Features);
        two.Scores.Should().Equal(one.Scores);
        all.Features.Should().Equal(one.Features);
        all.Scores.Should().Equal(one.Scores);
    }

    [Fact]
    public void Select_Bits_DividesTheNatsByLn2()
    {
        var (features, target) = RandomProblem(60, 8, 0);

        var nats = FeatureSelection.Select(features, target, 4, SelectionCriterion.Jmim);
        var bits = FeatureSelection.Select(features, target, 4, SelectionCriterion.Jmim, LogBase.Bits);

        bits.Unit.Should().Be(LogBase.Bits);
        bits.Features.Should().Equal(nats.Features);
        bits.Scores.Should().Equal(nats.Scores.Select(s => s / Math.Log(2)), (a, b) => Math.Abs(a - b) < 1e-15);
        bits.Relevance.Should().Equal(nats.Relevance.Select(s => s / Math.Log(2)), (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Select_Table_SelectsTheQuantileBinsOfEachColumn()
    {
        var random = new Random(5);
        int n = 500;
        var table = new double[n, 4];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++)
        {
            classes[i] = random.Next(3);
            table[i, 0] = random.NextDouble();
            table[i, 1] = classes[i] + random.NextDouble();
            table[i, 2] = Math.Round(random.NextDouble() * 4) + (classes[i] == 2 ? 1.5 : 0);
            table[i, 3] = -1e6 * random.NextDouble();
        }

        int[][] Bins(BinningRule rule) => Enumerable.Range(0, 4).Select(j =>
        {
            double[] column = Enumerable.Range(0, n).Select(i => table[i, j]).ToArray();
            int[] bins = new int[n];
            Histogram.Fit(column, rule).Assign(column, bins);
            return bins;
        }).ToArray();

        var byDefault = FeatureSelection.Select(table, classes, 3, SelectionCriterion.Jmi);
        var byEqualWidth = FeatureSelection.Select(table, classes, 3, SelectionCriterion.Cmim, BinningRule.EqualWidth(4), LogBase.Bits);

        var expectedDefault = FeatureSelection.Select(Bins(BinningRule.Quantile(10)), classes, 3, SelectionCriterion.Jmi);
        var expectedEqualWidth = FeatureSelection.Select(Bins(BinningRule.EqualWidth(4)), classes, 3, SelectionCriterion.Cmim, LogBase.Bits);
        byDefault.Features.Should().Equal(expectedDefault.Features).And.StartWith(1);
        byDefault.Scores.Should().Equal(expectedDefault.Scores);
        byEqualWidth.Features.Should().Equal(expectedEqualWidth.Features);
        byEqualWidth.Scores.Should().Equal(expectedEqualWidth.Scores);
    }

    [Fact]
    public void Select_ExplicitEdgesNarrowerThanTheData_ClampIntoTheEndBins()
    {
        double[,] table = { { -5 }, { 0.2 }, { 0.7 }, { 9 } };

        var result = FeatureSelection.Select(table, [0, 0, 1, 1], 1, SelectionCriterion.Mim, BinningRule.Explicit([0, 0.5, 1]));

        // Bins 0, 0, 1, 1 against the classes 0, 0, 1, 1: I = H(Y) = ln 2.
        result.Scores[0].Should().BeApproximately(Math.Log(2), 1e-15);
    }

    [Fact]
    public void Select_BadInput_ThrowsNamingTheParameter()
    {
        int[] target = [0, 1, 0, 1];
        int[][] features = [[0, 1, 1, 0], [1, 1, 0, 0]];

        Action[] namingFeatures =
        [
            () => FeatureSelection.Select([], target, 1, SelectionCriterion.Mim),
            () => FeatureSelection.Select([[0, 1, 1, 0], [1, 1, 0]], target, 1, SelectionCriterion.Mim),
            () => FeatureSelection.Select([[0, 1, 1, 0], null!], target, 1, SelectionCriterion.Mim),
            () => FeatureSelection.Select(new double[4, 1] { { 0 }, { double.NaN }, { 1 }, { 2 } }, target, 1, SelectionCriterion.Mim),
            () => FeatureSelection.Select(new double[4, 0], target, 1, SelectionCriterion.Mim),
            () => FeatureSelection.Select(new double[4, 1] { { -1e308 }, { 1e308 }, { 0 }, { 1 } }, target, 1, SelectionCriterion.Mim, BinningRule.Auto),
        ];
        foreach (Action act in namingFeatures)
        {
            act.Should().Throw<ArgumentException>().WithParameterName("features");
        }

        FluentActions.Invoking(() => FeatureSelection.Select((int[][])null!, target, 1, SelectionCriterion.Mim))
            .Should().Throw<ArgumentNullException>().WithParameterName("features");
        FluentActions.Invoking(() => FeatureSelection.Select(features, [0, 1, 0], 1, SelectionCriterion.Mim))
            .Should().Throw<ArgumentException>().WithParameterName("features").WithMessage("features[0] has length 4 but target has length 3*");
        FluentActions.Invoking(() => FeatureSelection.Select(new double[4, 2], [0, 1, 0], 1, SelectionCriterion.Mim))
            .Should().Throw<ArgumentException>().WithParameterName("target");
        FluentActions.Invoking(() => FeatureSelection.Select(features, [], 1, SelectionCriterion.Mim))
            .Should().Throw<ArgumentException>().WithParameterName("target");
        FluentActions.Invoking(() => FeatureSelection.Select(new double[0, 2], [], 1, SelectionCriterion.Mim))
            .Should().Throw<ArgumentException>().WithParameterName("target");
        foreach (int count in new[] { 0, 3, -1 })
        {
            FluentActions.Invoking(() => FeatureSelection.Select(features, target, count, SelectionCriterion.Mim))
                .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        }

        FluentActions.Invoking(() => FeatureSelection.Select(new double[4, 2], target, 3, SelectionCriterion.Mim))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        FluentActions.Invoking(() => FeatureSelection.Select(features, target, 1, (SelectionCriterion)5))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("criterion");
        FluentActions.Invoking(() => FeatureSelection.Select(features, target, 1, SelectionCriterion.Jmi, (LogBase)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("unit");
        FluentActions.Invoking(() => FeatureSelection.Select(features, target, 1, SelectionCriterion.Jmi, maxDegreeOfParallelism: 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }

    [Fact]
    public void ReadmeSignificanceFeatureSelection_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: SignificanceFeatureSelection
        // y = x0 XOR x1 over 1000 rows: x0 alone says a little about y, x1 (1 in 80% of rows) nothing;
        // x2 is y with 30% of its rows flipped, x3 is noise.
        int n = 1000;
        int[][] features = [new int[n], new int[n], new int[n], new int[n]];
        int[] y = new int[n];
        var random = new Random(1);
        for (int i = 0; i < n; i++)
        {
            features[0][i] = i % 2;
            features[1][i] = i / 2 % 10 < 8 ? 1 : 0;
            y[i] = features[0][i] ^ features[1][i];
            features[2][i] = i / 20 % 10 < 3 ? 1 - y[i] : y[i];
            features[3][i] = random.Next(2);
        }

        var mrmr = FeatureSelection.Select(features, y, 2, SelectionCriterion.Mrmr); // Features 0, 2: x1 looks useless
        var jmi = FeatureSelection.Select(features, y, 2, SelectionCriterion.Jmi);   // Features 0, 1: the XOR pair
        // jmi.Scores: 0.1927 = I(x0;y) = ln 2 − H(0.8), then 0.6931 = I(x0,x1;y) = ln 2 nats, all there is to know
        #endregion

        mrmr.Features.Should().Equal(0, 2);
        jmi.Features.Should().Equal(0, 1);
        jmi.Scores.Should().Equal([0.1927, 0.6931], (a, b) => Math.Abs(a - b) < 5e-5);
        jmi.Scores[0].Should().BeApproximately(Math.Log(2) - H(0.8), 1e-12);
        jmi.Scores[1].Should().BeApproximately(Math.Log(2), 1e-12);
    }

    /// <summary>The greedy search as the criteria define it, every candidate scored from scratch at every step.</summary>
    private static (int[] Features, double[] Scores) BruteForce(int[][] features, int[] target, SelectionCriterion criterion)
    {
        var chosen = new List<int>();
        var scores = new List<double>();
        while (chosen.Count < features.Length)
        {
            var score = new Dictionary<int, double>();
            for (int k = 0; k < features.Length; k++)
            {
                if (!chosen.Contains(k))
                {
                    score[k] = Score(features, target, criterion, chosen, k);
                }
            }

            // The documented tie rule: the lowest index within 1e-12·max(1, |best|) of the best.
            double max = score.Values.Max();
            int best = score.Keys.Where(k => score[k] >= max - (1e-12 * Math.Max(1, Math.Abs(max)))).Min();
            chosen.Add(best);
            scores.Add(score[best]);
        }

        return (chosen.ToArray(), scores.ToArray());
    }

    private static double Score(int[][] f, int[] y, SelectionCriterion criterion, List<int> chosen, int k)
    {
        double relevance = MutualInformation.FromSamples<int, int>(f[k], y);
        if (chosen.Count == 0 || criterion == SelectionCriterion.Mim)
        {
            return relevance;
        }

        return criterion switch
        {
            SelectionCriterion.Mrmr => relevance - chosen.Average(j => MutualInformation.FromSamples<int, int>(f[k], f[j])),
            SelectionCriterion.Jmi => chosen.Sum(j => MutualInformation.FromSamples<long, int>(Pair(f[k], f[j]), y)),
            SelectionCriterion.Cmim => chosen.Min(j => MutualInformation.Conditional<int, int, int>(f[k], y, f[j])),
            _ => chosen.Min(j => MutualInformation.FromSamples<long, int>(Pair(f[k], f[j]), y)),
        };
    }

    private static long[] Pair(int[] a, int[] b) => a.Select((v, i) => ((long)v << 32) | (uint)b[i]).ToArray();

    private static double H(double p) => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));

    /// <summary>Random features of 2–5 codes drawn from odd int values (so both the range and the hashing paths encode), and a target of 3 classes that depends on two of them.</summary>
    private static (int[][] Features, int[] Target) RandomProblem(int rows, int seed, int manyCodes, int featureCount = 7)
    {
        int[] values = [-7, 3, 1000, int.MaxValue, int.MinValue];
        var random = new Random(seed);
        var features = new int[featureCount][];
        for (int j = 0; j < featureCount; j++)
        {
            int levels = 2 + (j % 4);
            bool hashed = j % 3 == 0;
            features[j] = Enumerable.Range(0, rows).Select(_ =>
            {
                int code = random.Next(manyCodes > 0 && j < 3 ? manyCodes : levels);
                return hashed && code < values.Length ? values[code] : code * 10;
            }).ToArray();
        }

        int[] target = Enumerable.Range(0, rows)
            .Select(i => random.NextDouble() < 0.6 ? ((features[1][i] / 10) + (features[2][i] / 10)) % 3 : random.Next(3))
            .ToArray();
        return (features, target);
    }

    /// <summary>Y = x₁ XOR x₂ (features 1 and 4) over a balanced 800-row design, among six random bits (seed 14).</summary>
    private static (int[][] Features, int[] Target) PureXor()
    {
        const int N = 800;
        var random = new Random(14);
        int[][] features = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, N).Select(_ => random.Next(2)).ToArray()).ToArray();
        features[1] = Enumerable.Range(0, N).Select(i => i % 2).ToArray();
        features[4] = Enumerable.Range(0, N).Select(i => i / 2 % 2).ToArray();
        int[] target = Enumerable.Range(0, N).Select(i => features[1][i] ^ features[4][i]).ToArray();
        return (features, target);
    }

    /// <summary>
    /// Y = x₀ XOR x₁ over 1000 rows in an exactly balanced design: x₀ is 1 in half the rows, x₁ in 80%, independently, so x₀
    /// alone says a little about Y and x₁ nothing; x₂ is Y flipped in 30% of the rows (independently of both); x₃, x₄ random bits.
    /// </summary>
    private static (int[][] Features, int[] Target) WeakXor()
    {
        const int N = 1000;
        var random = new Random(13);
        int[] x0 = Enumerable.Range(0, N).Select(i => i % 2).ToArray();
        int[] x1 = Enumerable.Range(0, N).Select(i => i / 2 % 10 < 8 ? 1 : 0).ToArray();
        int[] target = Enumerable.Range(0, N).Select(i => x0[i] ^ x1[i]).ToArray();
        int[] x2 = Enumerable.Range(0, N).Select(i => i / 20 % 10 < 3 ? 1 - target[i] : target[i]).ToArray();
        int[][] noise = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, N).Select(_ => random.Next(2)).ToArray()).ToArray();
        return ([x0, x1, x2, noise[0], noise[1]], target);
    }
}
