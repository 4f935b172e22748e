using CsCheck;

namespace InfoTheory.Tests;

public class JointDistributionTests
{
    // R package entropy, mi.plugin example: X the two rows, Y the three columns.
    private static readonly double[,] RTable = { { 0.2, 0.1, 0.15 }, { 0.1, 0.2, 0.25 } };

    [Fact]
    public void FromProbabilities_Table_ExposesShapeCellsAndMarginals()
    {
        var joint = JointDistribution.FromProbabilities(RTable);

        joint.Rows.Should().Be(2);
        joint.Columns.Should().Be(3);
        joint[1, 2].Should().Be(0.25);
        joint.Probabilities.ToArray().Should().Equal(0.2, 0.1, 0.15, 0.1, 0.2, 0.25);
        joint.RowMarginal.ToArray().Should().BeEquivalentTo(new[] { 0.45, 0.55 }, Close);
        joint.ColumnMarginal.ToArray().Should().BeEquivalentTo(new[] { 0.3, 0.3, 0.4 }, Close);
    }

    [Fact]
    public void FromProbabilities_JaggedAndFlat_EqualTheTwoDimensionalForm()
    {
        var expected = JointDistribution.FromProbabilities(RTable).Probabilities.ToArray();

        JointDistribution.FromProbabilities([[0.2, 0.1, 0.15], [0.1, 0.2, 0.25]]).Probabilities.ToArray().Should().Equal(expected);
        JointDistribution.FromProbabilities([0.2, 0.1, 0.15, 0.1, 0.2, 0.25], 2, 3).Probabilities.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void FromProbabilities_CopiesTheTable()
    {
        var table = (double[,])RTable.Clone();
        var joint = JointDistribution.FromProbabilities(table);

        table[0, 0] = 0.9;

        joint[0, 0].Should().Be(0.2);
    }

    [Fact]
    public void FromCounts_DividesByTheTotal()
    {
        var joint = JointDistribution.FromCounts(new long[,] { { 1, 0 }, { 2, 5 } });

        joint.ToArray().Should().BeEquivalentTo(new double[,] { { 1 / 8.0, 0 }, { 2 / 8.0, 5 / 8.0 } });
    }

    [Fact]
    public void FromSamples_LabelsAreRowAndColumnIndices()
    {
        // AND gate of JIDT's MutualInformationTester: X = [0,0,1,1], Y = [0,0,0,1].
        var joint = JointDistribution.FromSamples([0, 0, 1, 1], [0, 0, 0, 1]);

        joint.ToArray().Should().BeEquivalentTo(new double[,] { { 0.5, 0 }, { 0.25, 0.25 } });
    }

    [Fact]
    public void GivenRowAndGivenColumn_AreBayesRule()
    {
        var joint = JointDistribution.FromProbabilities(RTable);

        joint.GivenRow(0).Should().BeEquivalentTo(new[] { 0.2 / 0.45, 0.1 / 0.45, 0.15 / 0.45 }, Close);
        joint.GivenColumn(2).Should().BeEquivalentTo(new[] { 0.15 / 0.4, 0.25 / 0.4 }, Close);
    }

    [Fact]
    public void Independent_IsTheOuterProduct()
    {
        var joint = JointDistribution.Independent([0.25, 0.75], [0.5, 0.3, 0.2]);

        joint.ToArray().Should().BeEquivalentTo(new double[,] { { 0.125, 0.075, 0.05 }, { 0.375, 0.225, 0.15 } }, Close);
    }

    [Fact]
    public void Conditionals_OfRandomTables_AreProbabilityVectorsThatRebuildTheTable()
    {
        // Invariant: P(x, y) = P(y | x)·P(x) = P(x | y)·P(y) wherever the conditioning marginal is positive.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            var joint = JointDistribution.FromProbabilities(DiscreteSamples.Table(rng, rng.Next(1, 6), rng.Next(1, 6)));
            for (int x = 0; x < joint.Rows; x++)
            {
                if (joint.RowMarginal[x] > 0)
                {
                    double[] row = joint.GivenRow(x);
                    row.Sum().Should().BeApproximately(1, 1e-12);
                    for (int y = 0; y < joint.Columns; y++)
                    {
                        (row[y] * joint.RowMarginal[x]).Should().BeApproximately(joint[x, y], 1e-15);
                    }
                }
            }

            for (int y = 0; y < joint.Columns; y++)
            {
                if (joint.ColumnMarginal[y] > 0)
                {
                    double[] column = joint.GivenColumn(y);
                    column.Sum().Should().BeApproximately(1, 1e-12);
                    for (int x = 0; x < joint.Rows; x++)
                    {
                        (column[x] * joint.ColumnMarginal[y]).Should().BeApproximately(joint[x, y], 1e-15);
                    }
                }
            }
        }, iter: 1000);
    }

    [Theory]
    [InlineData(-0.1, "table[1,0] is -0.1; probabilities must be >= 0.*")]
    [InlineData(double.NaN, "table[1,0] is NaN; probabilities must be finite.*")]
    [InlineData(double.PositiveInfinity, "table[1,0] is *Infinity; probabilities must be finite.*")]
    [InlineData(double.NegativeInfinity, "table[1,0] is -Infinity; probabilities must be finite.*")]
    public void FromProbabilities_BadEntry_NamesRowAndColumn(double bad, string message)
    {
        var act = () => JointDistribution.FromProbabilities(new double[,] { { 0.5, 0.5 }, { bad, 0.1 } });

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage(message);
    }

    [Fact]
    public void FromProbabilities_SumOffOne_ReportsTheSum()
    {
        var act = () => JointDistribution.FromProbabilities(new double[,] { { 0.5, 0.25 }, { 0.25, 0.25 } });

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("table sums to 1.25; probabilities must sum to 1*");
    }

    [Fact]
    public void FromProbabilities_Null_Throws()
    {
        var act = () => JointDistribution.FromProbabilities((double[,])null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("table");
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 0)]
    public void FromProbabilities_ZeroSized_Throws(int rows, int columns)
    {
        var act = () => JointDistribution.FromProbabilities(new double[rows, columns]);

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("*at least one row and one column*");
    }

    [Fact]
    public void FromProbabilities_Ragged_Throws()
    {
        var act = () => JointDistribution.FromProbabilities([[0.5, 0.25], [0.25]]);

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("table[1] has 1 entries but table[0] has 2*ragged*");
    }

    [Fact]
    public void FromProbabilities_NullRow_Throws()
    {
        var act = () => JointDistribution.FromProbabilities([[1.0], null!]);

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("table[1] is null*");
    }

    [Fact]
    public void FromProbabilities_NoRowsOrEmptyRows_Throws()
    {
        var noRows = () => JointDistribution.FromProbabilities(Array.Empty<double[]>());
        var emptyRows = () => JointDistribution.FromProbabilities([[], []]);

        noRows.Should().Throw<ArgumentException>().WithParameterName("table");
        emptyRows.Should().Throw<ArgumentException>().WithParameterName("table");
    }

    [Fact]
    public void FromProbabilities_FlatLengthMismatch_Throws()
    {
        var act = () => JointDistribution.FromProbabilities([0.5, 0.5], 2, 2);

        act.Should().Throw<ArgumentException>().WithParameterName("table").WithMessage("table has 2 entries but a 2 × 2 table needs 4*");
    }

    [Fact]
    public void FromCounts_NegativeCount_NamesRowAndColumn()
    {
        var act = () => JointDistribution.FromCounts(new long[,] { { 1, 2 }, { 3, -4 } });

        act.Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("counts[1,1] is -4; counts must be >= 0.*");
    }

    [Fact]
    public void FromCounts_ZeroTotal_Throws()
    {
        var act = () => JointDistribution.FromCounts(new long[2, 2]);

        act.Should().Throw<ArgumentException>().WithParameterName("counts").WithMessage("counts sums to 0*");
    }

    [Fact]
    public void FromCounts_NullOrZeroSized_Throws()
    {
        var nullTable = () => JointDistribution.FromCounts(null!);
        var zeroSized = () => JointDistribution.FromCounts(new long[0, 4]);

        nullTable.Should().Throw<ArgumentNullException>().WithParameterName("counts");
        zeroSized.Should().Throw<ArgumentException>().WithParameterName("counts");
    }

    [Fact]
    public void FromSamples_EmptyMismatchedOrNegative_Throws()
    {
        var empty = () => JointDistribution.FromSamples([], []);
        var mismatch = () => JointDistribution.FromSamples([0, 1], [0]);
        var negative = () => JointDistribution.FromSamples([0, 1], [0, -1]);

        empty.Should().Throw<ArgumentException>().WithParameterName("x");
        mismatch.Should().Throw<ArgumentException>().WithParameterName("y");
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("y").WithMessage("y[1] is -1*");
    }

    [Fact]
    public void Independent_InvalidMarginal_NamesIt()
    {
        var badX = () => JointDistribution.Independent([0.5, 0.6], [1.0]);
        var emptyY = () => JointDistribution.Independent([1.0], []);

        badX.Should().Throw<ArgumentException>().WithParameterName("px");
        emptyY.Should().Throw<ArgumentException>().WithParameterName("py");
    }

    [Fact]
    public void GivenRow_ZeroProbabilityRowOrOutOfRange_Throws()
    {
        var joint = JointDistribution.FromProbabilities(new double[,] { { 0.5, 0.5 }, { 0, 0 } });

        var zero = () => joint.GivenRow(1);
        var outside = () => joint.GivenRow(2);
        var column = () => joint.GivenColumn(-1);

        zero.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("row").WithMessage("*P(X = 1) is 0*");
        outside.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("row");
        column.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("column");
    }

    [Fact]
    public void GivenColumn_WrongDestinationLength_Throws()
    {
        var joint = JointDistribution.FromProbabilities(RTable);

        var act = () => joint.GivenColumn(0, new double[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var joint = JointDistribution.FromProbabilities(RTable);

        var act = () => joint[0, 3];

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("column");
    }

    private static FluentAssertions.Equivalency.EquivalencyAssertionOptions<T> Close<T>(FluentAssertions.Equivalency.EquivalencyAssertionOptions<T> options) =>
        options.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-15)).WhenTypeIs<double>();
}
