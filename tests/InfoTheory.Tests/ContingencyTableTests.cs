using CsCheck;

namespace InfoTheory.Tests;

public class ContingencyTableTests
{
    [Fact]
    public void Add_OneByOne_CountsEachPairAndGrows()
    {
        var table = new ContingencyTable();
        table.Add(0, 1);
        table.Add(2, 0);
        table.Add(0, 1);

        table.Rows.Should().Be(3);
        table.Columns.Should().Be(2);
        table.Total.Should().Be(3);
        table[0, 1].Should().Be(2);
        table[5, 5].Should().Be(0);
        table.ToArray().Should().BeEquivalentTo(new long[,] { { 0, 2 }, { 0, 0 }, { 1, 0 } });
    }

    [Fact]
    public void Add_Spans_EqualsAddingOneByOne()
    {
        int[] x = [3, 0, 1, 3, 3, 7], y = [0, 4, 4, 0, 2, 1];
        var bySpan = new ContingencyTable();
        var byOne = new ContingencyTable();

        bySpan.Add(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            byOne.Add(x[i], y[i]);
        }

        bySpan.ToArray().Should().BeEquivalentTo(byOne.ToArray());
        bySpan.Total.Should().Be(6);
    }

    [Fact]
    public void ToJointDistribution_IsCountsOverTotal()
    {
        var table = new ContingencyTable(2, 3);
        table.Add(1, 2, 3);
        table.Add(0, 0);

        table.ToJointDistribution().ToArray().Should().BeEquivalentTo(new double[,] { { 0.25, 0, 0 }, { 0, 0, 0.75 } });
    }

    [Fact]
    public void Merge_RandomSplitsInRandomOrder_EqualsOnePassExactly()
    {
        // The map-reduce property: count each shard alone (mixing single and span adds), merge in a shuffled order.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(0, 400), shards = rng.Next(1, 6);
            int[] x = DiscreteSamples.Labels(rng, n, rng.Next(1, 12)), y = DiscreteSamples.Labels(rng, n, rng.Next(1, 12));
            var whole = new ContingencyTable();
            whole.Add(x, y);

            var parts = Enumerable.Range(0, shards).Select(_ => new ContingencyTable()).ToArray();
            var owner = DiscreteSamples.Labels(rng, n, shards);
            for (int i = 0; i < n; i++)
            {
                parts[owner[i]].Add(x[i], y[i]);
            }

            rng.Shuffle(parts);
            var merged = new ContingencyTable();
            foreach (var part in parts)
            {
                merged.Merge(part);
            }

            merged.Total.Should().Be(whole.Total);
            merged.ToArray().Should().BeEquivalentTo(whole.ToArray());
            if (n > 0)
            {
                merged.ToJointDistribution().Probabilities.ToArray().Should().Equal(whole.ToJointDistribution().Probabilities.ToArray());
            }
        }, iter: 1000);
    }

    [Fact]
    public void Merge_ItSelf_DoublesEveryCount()
    {
        var table = new ContingencyTable();
        table.Add([0, 1, 1], [1, 0, 0]);

        table.Merge(table);

        table.ToArray().Should().BeEquivalentTo(new long[,] { { 0, 2 }, { 4, 0 } });
        table.Total.Should().Be(6);
    }

    [Fact]
    public void Merge_DeclaredShape_KeepsTheLargerShape()
    {
        var small = new ContingencyTable();
        small.Add(0, 0);
        var declared = new ContingencyTable(4, 5);

        small.Merge(declared);

        small.Rows.Should().Be(4);
        small.Columns.Should().Be(5);
        small.ToJointDistribution()[0, 0].Should().Be(1);
    }

    [Fact]
    public void Add_NegativeLabelsOrCount_Throw()
    {
        var table = new ContingencyTable();

        ((Action)(() => table.Add(-1, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("x");
        ((Action)(() => table.Add(0, -1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("y");
        ((Action)(() => table.Add(0, 0, -5))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        ((Action)(() => table.Add([0, -2], [0, 0]))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("x").WithMessage("x[1] is -2*");
        table.Total.Should().Be(0);
    }

    [Fact]
    public void Add_SpansOfDifferentLength_Throws()
    {
        var act = () => new ContingencyTable().Add([0, 1], [0]);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Fact]
    public void Add_LabelsBeyondTheCellLimit_ThrowAndLeaveTheTableUnchanged()
    {
        var table = new ContingencyTable();
        table.Add(1, 1);

        var act = () => table.Add(ContingencyTable.MaxCells, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("x");
        table.Rows.Should().Be(2);
        table.Total.Should().Be(1);
    }

    [Fact]
    public void Add_TotalPastLongMaxValue_ThrowsAndKeepsTheTable()
    {
        var table = new ContingencyTable();
        table.Add(0, 0, long.MaxValue);

        var act = () => table.Add(0, 0);

        act.Should().Throw<InvalidOperationException>().WithMessage($"*{long.MaxValue}*");
        table.Total.Should().Be(long.MaxValue);
        table[0, 0].Should().Be(long.MaxValue);
    }

    [Fact]
    public void Add_CountPastLongMaxValue_ThrowsNamingCountAndKeepsTheTable()
    {
        var table = new ContingencyTable();
        table.Add(0, 0, long.MaxValue - 1);

        var act = () => table.Add(3, 3, 2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
        table.Total.Should().Be(long.MaxValue - 1);
        table.Rows.Should().Be(1);
    }

    [Fact]
    public void Add_SpansPastLongMaxValue_ThrowsNamingXAndKeepsTheTable()
    {
        // Before the check the cell and the total wrapped to long.MinValue and a later ToJointDistribution blamed 'counts'.
        var table = new ContingencyTable();
        table.Add(0, 0, long.MaxValue - 1);

        var act = () => table.Add([0, 0, 5], [0, 0, 5]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("x").WithMessage($"*{long.MaxValue - 1}*");
        table.Total.Should().Be(long.MaxValue - 1);
        table[0, 0].Should().Be(long.MaxValue - 1);
        table.Rows.Should().Be(1);
        table.Columns.Should().Be(1);
    }

    [Fact]
    public void Merge_TotalPastLongMaxValue_ThrowsNamingOtherAndKeepsTheTable()
    {
        var table = new ContingencyTable();
        table.Add(0, 0, long.MaxValue / 2 + 1);
        var other = new ContingencyTable();
        other.Add(4, 4, long.MaxValue / 2 + 1);

        var act = () => table.Merge(other);
        var self = () => table.Merge(table);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("other");
        self.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("other");
        table.Total.Should().Be(long.MaxValue / 2 + 1);
        table.Rows.Should().Be(1);
    }

    [Fact]
    public void Constructor_NegativeShape_Throws()
    {
        var act = () => new ContingencyTable(-1, 2);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rows");
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        var act = () => new ContingencyTable().Merge(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("other");
    }

    [Fact]
    public void ToJointDistribution_Empty_Throws()
    {
        var act = () => new ContingencyTable(2, 2).ToJointDistribution();

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Indexer_NegativeLabel_Throws()
    {
        var act = () => new ContingencyTable()[0, -1];

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("y");
    }
}
