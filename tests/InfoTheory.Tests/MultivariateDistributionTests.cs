using static InfoTheory.Tests.MultivariateSamples;

namespace InfoTheory.Tests;

public class MultivariateDistributionTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void FromProbabilities_RowMajorTable_LastVariableVariesFastest()
    {
        double[] table = Distribution.Normalize(Enumerable.Range(1, 12).Select(v => (double)v).ToArray());

        var d = MultivariateDistribution.FromProbabilities(table, [2, 3, 2]);

        d.VariableCount.Should().Be(3);
        d.Shape.ToArray().Should().Equal(2, 3, 2);
        d.Probability([1, 2, 0]).Should().Be(table[(1 * 6) + (2 * 2) + 0]);
        d.Probability([0, 1, 1]).Should().Be(table[3]);
    }

    [Fact]
    public void FromProbabilities_CopiesTheTable()
    {
        double[] table = [0.25, 0.25, 0.5, 0];
        var d = MultivariateDistribution.FromProbabilities(table, [2, 2]);

        table[0] = 0.9;

        d.Probability([0, 0]).Should().Be(0.25);
    }

    [Fact]
    public void FromCounts_Counts_DividesByTheTotal()
    {
        var d = MultivariateDistribution.FromCounts([1, 0, 3, 4], [2, 1, 2]);

        d.Probabilities.ToArray().Should().Equal(0.125, 0, 0.375, 0.5);
    }

    [Fact]
    public void FromSamples_IndexColumns_CountsEachOutcomeOverMaxPlusOneValues()
    {
        var d = MultivariateDistribution.FromSamples([0, 1, 1, 0], [2, 0, 0, 2]);

        d.Shape.ToArray().Should().Equal(2, 3);
        d.Probability([0, 2]).Should().Be(0.5);
        d.Probability([1, 0]).Should().Be(0.5);
        d.Probability([0, 1]).Should().Be(0);
    }

    [Fact]
    public void FromLabels_StringColumns_GiveTheMeasuresOfTheirCodes()
    {
        string[] colour = ["red", "blue", "red", "green", "blue", "red"];
        bool[] flag = [true, false, true, true, false, false];

        var labels = MultivariateDistribution.FromLabels<object>([.. colour], [.. flag.Cast<object>()]);
        var codes = MultivariateDistribution.FromSamples(Labels.Encode<string>(colour), Labels.Encode<bool>(flag));

        labels.Shape.ToArray().Should().Equal(3, 2);
        Entropy.Joint(labels).Should().BeApproximately(Entropy.Joint(codes), Tolerance);
        MultivariateInformation.TotalCorrelation(labels).Should().BeApproximately(MultivariateInformation.TotalCorrelation(codes), Tolerance);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 1, 4 }, new[] { 3, 0 })]
    [InlineData(new[] { 1, 3, 1, 2, 1 }, new[] { 3, 1 })]
    [InlineData(new[] { 3, 2, 2 }, new[] { 1 })]
    [InlineData(new[] { 2, 2, 3 }, new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 1 }, new[] { 1 })]
    public void Marginal_AnySubsetInAnyOrder_EqualsTheBruteForceSum(int[] shape, int[] variables)
    {
        var d = Random(new Random(7), shape);

        var marginal = d.Marginal(variables);

        marginal.Shape.ToArray().Should().Equal(variables.Select(v => shape[v]));
        var expected = BruteMarginal(d, variables);
        for (int cell = 0; cell < marginal.Probabilities.Length; cell++)
        {
            string key = string.Join(",", Outcome(cell, marginal.Shape));
            marginal.Probabilities[cell].Should().BeApproximately(expected[key], Tolerance);
        }
    }

    [Fact]
    public void Marginal_OfEveryVariableInOrder_IsTheSameTable()
    {
        var d = Random(new Random(3), 3, 1, 2);

        d.Marginal([0, 1, 2]).Probabilities.ToArray().Should().Equal(d.Probabilities.ToArray());
    }

    [Fact]
    public void FromProbabilities_BadShape_ThrowsNamingShape()
    {
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([1.0], [])).Should()
            .Throw<ArgumentException>().WithParameterName("shape").WithMessage("shape describes 0 variables*");
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([1.0], [1, 0])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("shape").WithMessage("shape[1] is 0*");
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([1.0], new int[MultivariateDistribution.MaxVariables + 1])).Should()
            .Throw<ArgumentException>().WithParameterName("shape");
    }

    [Fact]
    public void FromProbabilities_ShapeWhoseProductWouldWrap_ThrowsInsteadOfOverflowing()
    {
        // 65536 · 65536 is 2³², which wraps to 0 in an int; 4096 · 4097 is just past MaxCells.
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([1.0], [65536, 65536])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("shape").WithMessage("*more than 16777216 cells*");
        FluentActions.Invoking(() => MultivariateDistribution.FromCounts([1], [4096, 4097])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("shape");
    }

    [Fact]
    public void FromProbabilities_BadTable_ThrowsNamingTable()
    {
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([0.5, 0.5], [3])).Should()
            .Throw<ArgumentException>().WithParameterName("table").WithMessage("table has 2 entries but shape [3] needs 3*");
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([0.5, double.NaN], [2])).Should()
            .Throw<ArgumentException>().WithParameterName("table").WithMessage("table[1] is NaN*");
        FluentActions.Invoking(() => MultivariateDistribution.FromProbabilities([0.5, 0.6], [2])).Should()
            .Throw<ArgumentException>().WithParameterName("table").WithMessage("table sums to 1.1*");
    }

    [Fact]
    public void FromCounts_BadCounts_ThrowsNamingCounts()
    {
        FluentActions.Invoking(() => MultivariateDistribution.FromCounts([1, -1], [2])).Should()
            .Throw<ArgumentException>().WithParameterName("counts").WithMessage("counts[1] is -1*");
        FluentActions.Invoking(() => MultivariateDistribution.FromCounts([0, 0], [2])).Should()
            .Throw<ArgumentException>().WithParameterName("counts").WithMessage("*sums to 0*");
    }

    [Fact]
    public void FromSamples_BadColumns_ThrowsNamingColumns()
    {
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples()).Should()
            .Throw<ArgumentException>().WithParameterName("columns");
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([0, 1], null!)).Should()
            .Throw<ArgumentException>().WithParameterName("columns").WithMessage("columns[1] is null*");
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([0, 1], [0])).Should()
            .Throw<ArgumentException>().WithParameterName("columns").WithMessage("columns[1] has 1 labels but columns[0] has 2*");
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([], [])).Should()
            .Throw<ArgumentException>().WithParameterName("columns").WithMessage("*empty*");
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([0, 1], [3, -2])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("columns").WithMessage("columns[1][1] is -2*");
    }

    [Fact]
    public void FromSamples_AlphabetsWhoseProductIsTooLarge_ThrowsInsteadOfAllocating()
    {
        // 301³ ≈ 2.7·10⁷ cells, past MaxCells; int.MaxValue + 1 values would not even fit an int.
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([300], [300], [300])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("columns");
        FluentActions.Invoking(() => MultivariateDistribution.FromSamples([int.MaxValue])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("columns");
    }

    [Fact]
    public void FromLabels_MeasurementLikeDoubles_ThrowsNamingColumns()
    {
        double[] x = Enumerable.Range(0, 40).Select(i => i * 0.37).ToArray();

        FluentActions.Invoking(() => MultivariateDistribution.FromLabels(x, x)).Should()
            .Throw<ArgumentException>().WithParameterName("columns").WithMessage("*look like measurements*");
    }

    [Fact]
    public void Marginal_BadVariables_ThrowsNamingVariables()
    {
        var d = GiantBit(3);

        FluentActions.Invoking(() => d.Marginal([])).Should().Throw<ArgumentException>().WithParameterName("variables");
        FluentActions.Invoking(() => d.Marginal([1, 1])).Should()
            .Throw<ArgumentException>().WithParameterName("variables").WithMessage("variables[1] is 1, which is already in variables*");
        FluentActions.Invoking(() => d.Marginal([0, 3])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("variables").WithMessage("variables[1] is 3; variables are numbered 0 to 2*");
    }

    [Fact]
    public void Probability_BadOutcome_ThrowsNamingOutcome()
    {
        var d = GiantBit(3);

        FluentActions.Invoking(() => d.Probability([0, 0])).Should().Throw<ArgumentException>().WithParameterName("outcome");
        FluentActions.Invoking(() => d.Probability([0, 2, 0])).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("outcome").WithMessage("outcome[1] is 2*");
    }
}
