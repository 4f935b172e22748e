using InfoTheory.Continuous;
using InfoTheory.Selection;

namespace InfoTheory.Tests.Selection;

public class FeatureRelevanceTests
{
    private static readonly bool[] Kinds = [false, false, true, true];

    [Fact]
    public void MutualInformation_MixedTableAgainstClasses_MatchesScikitLearnEstimators()
    {
        // scikit-learn 1.2.1 on the same table (PortableSamples), its estimators called directly so no noise is added and
        // nothing rescaled, with `return max(0, mi)` read as `return mi` to keep the sign: _compute_mi_cd(c0, classes, 3),
        // _compute_mi_cd(c1, classes, 3), mutual_info_score(c2, classes), mutual_info_score(c3, classes).
        // (mutual_info_classif itself, noise and clamp included, gives 0.2802, 0, 0.5061, 0.0044.)
        var (features, classes, _) = Table();

        double[] scores = FeatureRelevance.MutualInformation(features, classes, Kinds);

        scores.Should().Equal(
            [0.28023800724337922, -0.0781628764681499, 0.50610990639174447, 0.0043660388743554934],
            (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void MutualInformation_MixedTableAgainstTarget_MatchesScikitLearnEstimators()
    {
        // scikit-learn 1.2.1, as above: _compute_mi_cc(c0, t, 3), _compute_mi_cc(c1, t, 3), _compute_mi_cd(t, c2, 3),
        // _compute_mi_cd(t, c3, 3) (a discrete feature against a continuous target is Ross with the feature as labels).
        var (features, _, target) = Table();

        double[] scores = FeatureRelevance.MutualInformation(features, target, Kinds);

        scores.Should().Equal(
            [0.46028738588534823, -0.0083505596250414982, 0.26240150715039667, -0.017066602506262907],
            (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void MutualInformation_EachColumn_EqualsTheSingleColumnCall()
    {
        var (features, classes, target) = Table();
        var options = new KnnOptions { Jitter = 1e-6, JitterSeed = 5, Standardize = true, Unit = LogBase.Bits };
        double[][] columns = Enumerable.Range(0, 4).Select(j => Enumerable.Range(0, 300).Select(i => features[i, j]).ToArray()).ToArray();
        int[][] codes = columns.Select(c => c.Select(v => (int)v).ToArray()).ToArray();

        double[] byClass = FeatureRelevance.MutualInformation(features, classes, Kinds, 4, options);
        double[] byTarget = FeatureRelevance.MutualInformation(features, target, Kinds, 4, options);

        byClass[..2].Should().Equal(
            Knn.MutualInformation(columns[0], 1, classes, 4, options).Value,
            Knn.MutualInformation(columns[1], 1, classes, 4, options).Value);

        // The same counts, tallied in another order of the codes: equal to the last bits or so.
        byClass[2].Should().BeApproximately(MutualInformation.FromSamples<int, int>(codes[2], classes, LogBase.Bits), 1e-15);
        byClass[3].Should().BeApproximately(MutualInformation.FromSamples<int, int>(codes[3], classes, LogBase.Bits), 1e-15);
        byTarget.Should().Equal(
            Knn.MutualInformation(columns[0], target, 4, options).Value,
            Knn.MutualInformation(columns[1], target, 4, options).Value,
            Knn.MutualInformation(target, 1, codes[2], 4, options).Value,
            Knn.MutualInformation(target, 1, codes[3], 4, options).Value);
    }

    [Fact]
    public void MutualInformation_NoDiscreteFlags_ScoresEveryColumnAsContinuous()
    {
        var (features, classes, _) = Table();
        double[] c0 = Enumerable.Range(0, 300).Select(i => features[i, 0]).ToArray();

        var act = () => FeatureRelevance.MutualInformation(features, classes);

        // Column 2 holds three values, 100 rows each: as a continuous column it is tied, and the message says which.
        act.Should().Throw<ArgumentException>().WithParameterName("features").WithMessage("*column 2 of features*");
        FeatureRelevance.MutualInformation(features, classes, [false, false, true, true])[0].Should().Be(Knn.MutualInformation(c0, 1, classes).Value);
    }

    [Fact]
    public void MutualInformation_RepeatedTarget_ThrowsNamingTarget()
    {
        var (features, _, target) = Table();
        for (int i = 0; i < 5; i++)
        {
            target[i] = target[10];
        }

        var act = () => FeatureRelevance.MutualInformation(features, target, Kinds);

        act.Should().Throw<ArgumentException>().WithParameterName("target");
    }

    [Fact]
    public void MutualInformation_FlagsOfTheWrongLength_ThrowNamingDiscreteFeatures()
    {
        var (features, classes, _) = Table();

        var act = () => FeatureRelevance.MutualInformation(features, classes, [true, false]);

        act.Should().Throw<ArgumentException>().WithParameterName("discreteFeatures").WithMessage("discreteFeatures has length 2 but there are 4 columns*");
    }

    [Fact]
    public void MutualInformation_RowCountsDiffer_ThrowNamingTheTarget()
    {
        var (features, classes, target) = Table();

        var byClass = () => FeatureRelevance.MutualInformation(features, classes.AsSpan(1), Kinds);
        var byTarget = () => FeatureRelevance.MutualInformation(features, target.AsSpan(1), Kinds);

        byClass.Should().Throw<ArgumentException>().WithParameterName("classes");
        byTarget.Should().Throw<ArgumentException>().WithParameterName("target");
    }

    [Fact]
    public void MutualInformation_NonFiniteTarget_ThrowsNamingTarget()
    {
        var (features, _, target) = Table();
        target[7] = double.NaN;

        var act = () => FeatureRelevance.MutualInformation(features, target, Kinds);

        act.Should().Throw<ArgumentException>().WithParameterName("target").WithMessage("target[7] is NaN*");
    }

    [Fact]
    public void ReadmeFromYourDataMixed_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: FromYourDataMixed
        // Per customer: tenure in months and monthly spend (continuous), plan (a code); and whether they churned.
        var random = new Random(3);
        int n = 2000;
        var table = new double[n, 3];
        int[] churned = new int[n];
        for (int i = 0; i < n; i++)
        {
            churned[i] = random.Next(2);
            table[i, 0] = (random.NextDouble() * 36) + (churned[i] == 0 ? 12 : 0);   // churners leave early
            table[i, 1] = 20 + (random.NextDouble() * 80);                            // unrelated to churn
            table[i, 2] = random.NextDouble() < 0.8 ? churned[i] : 1 - churned[i];    // plan 1 mostly churns
        }

        // One score per column, as scikit-learn's mutual_info_classif, but no hidden noise and no clamping at 0.
        double[] scores = FeatureRelevance.MutualInformation(table, churned, discreteFeatures: [false, false, true]);
        // tenure 0.2245 (exact ln 2 / 3 = 0.2310), spend −0.0139 (exact 0), plan 0.1929 nats (exact ln 2 − H(0.2) = 0.1927)

        // One feature against the labels (Ross 2014), with its standard error.
        double[] tenure = Enumerable.Range(0, n).Select(i => table[i, 0]).ToArray();
        Estimate ross = Knn.MutualInformation(tenure, 1, churned);                     // 0.2245 ± 0.0105 nats (n = 2000)
        #endregion

        scores.Should().Equal([0.2245, -0.0139, 0.1929], (a, b) => Math.Abs(a - b) < 5e-5);
        scores[0].Should().BeApproximately(Math.Log(2) / 3, 2 * ross.StandardError);
        (Math.Log(2) + (0.8 * Math.Log(0.8)) + (0.2 * Math.Log(0.2))).Should().BeApproximately(0.1927, 5e-5);
        ross.Value.Should().Be(scores[0]);
        ross.StandardError.Should().BeApproximately(0.0105, 5e-5);
        ross.SampleCount.Should().Be(2000);
    }

    // 300 rows: c0 continuous and shifted by class, c1 continuous noise, c2 a class-correlated code, c3 an independent code,
    // classes i % 3, and a continuous target t = c0 + c2 / 2 + noise. In Python (PortableSamples' lcg and bell):
    // c0 = bell(n, 123456789) + 0.5 * cls; c1 = bell(n, 987654321); c2 = ((cls + (lcg(n, 2024) < 0.3)) % 3).astype(float);
    // c3 = floor(lcg(n, 31415926) * 4); t = c0 + 0.5 * c2 + bell(n, 555555555).
    private static (double[,] Features, int[] Classes, double[] Target) Table()
    {
        int n = 300;
        int[] classes = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        double[] c0 = PortableSamples.Bell(n, 123456789), c1 = PortableSamples.Bell(n, 987654321), noise = PortableSamples.Bell(n, 555555555);
        double[] u2 = PortableSamples.Uniform(n, 2024), u3 = PortableSamples.Uniform(n, 31415926);
        var features = new double[n, 4];
        var target = new double[n];
        for (int i = 0; i < n; i++)
        {
            features[i, 0] = c0[i] + (0.5 * classes[i]);
            features[i, 1] = c1[i];
            features[i, 2] = (classes[i] + (u2[i] < 0.3 ? 1 : 0)) % 3;
            features[i, 3] = Math.Floor(u3[i] * 4);
            target[i] = features[i, 0] + (0.5 * features[i, 2]) + noise[i];
        }

        return (features, classes, target);
    }
}
