using System.Buffers.Binary;

namespace InfoTheory.Tests.Accumulators;

public class ContingencyTableSerializationTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(300L)]
    [InlineData(70_000L)]
    [InlineData(5_000_000_000L)]
    public void WriteToReadFrom_AnyCellWidth_RoundTrips(long big)
    {
        var table = new ContingencyTable(4, 3);
        table.Add([0, 1, 1, 2], [2, 0, 0, 1]);
        table.Add(3, 1, big);

        ContingencyTable read = RoundTrip(table);

        read.Rows.Should().Be(4);
        read.Columns.Should().Be(3);
        read.Total.Should().Be(table.Total);
        read.ToArray().Should().BeEquivalentTo(table.ToArray());
    }

    [Fact]
    public void WriteTo_SmallTable_WritesTheDocumentedLayout()
    {
        var table = new ContingencyTable();
        table.Add([0, 1, 1], [1, 0, 0]);

        byte[] bytes = AccumulatorBytes.Write(table.WriteTo);

        // docs/accumulator-format.md: rows, columns (i32), total (i64), width (u8 = 1), cells row-major.
        byte[] payload = [2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 2, 0];
        bytes.Should().Equal(AccumulatorBytes.Seal(1, payload));
    }

    [Fact]
    public void WriteTo_GrownTable_WritesOnlyItsShapeSoEqualTablesWriteEqualBytes()
    {
        var grown = new ContingencyTable();
        grown.Add(0, 0);
        grown.Add(5, 0);
        grown.Add(0, 9);
        var declared = new ContingencyTable(6, 10);
        declared.Add([0, 5, 0], [9, 0, 0]);

        AccumulatorBytes.Write(grown.WriteTo).Should().Equal(AccumulatorBytes.Write(declared.WriteTo));
    }

    [Fact]
    public void ReadFrom_EmptyTable_RoundTrips()
    {
        ContingencyTable read = RoundTrip(new ContingencyTable(0, 7));

        read.Total.Should().Be(0);
        read.Columns.Should().Be(7);
    }

    [Fact]
    public void ReadFrom_EveryFlippedByteAndTruncation_ThrowsInvalidData()
    {
        var table = new ContingencyTable();
        table.Add([0, 2, 1, 2], [1, 1, 0, 2]);
        byte[] bytes = AccumulatorBytes.Write(table.WriteTo);

        AccumulatorBytes.FuzzRejects(bytes, ContingencyTable.ReadFrom, read => read.ToArray().Cast<long>().SequenceEqual(table.ToArray().Cast<long>()));
    }

    [Fact]
    public void ReadFrom_TotalNotMatchingCounts_ThrowsInvalidData()
    {
        byte[] payload = [1, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2];

        Read(AccumulatorBytes.Seal(1, payload)).Should().Throw<InvalidDataException>().WithMessage("*sum to 3*total is 4*");
    }

    [Fact]
    public void ReadFrom_NegativeCount_ThrowsInvalidData()
    {
        var payload = new byte[17 + 16];
        BinaryPrimitives.WriteInt32LittleEndian(payload, 1);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), 2);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(8), 0);
        payload[16] = 8;
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(17), -5);
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(25), 5);

        Read(AccumulatorBytes.Seal(1, payload)).Should().Throw<InvalidDataException>().WithMessage("*-5*>= 0*");
    }

    [Fact]
    public void ReadFrom_OversizedShape_ThrowsInvalidDataWithoutAllocatingIt()
    {
        byte[] payload = [0xFF, 0xFF, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        Read(AccumulatorBytes.Seal(1, payload)).Should().Throw<InvalidDataException>().WithMessage("*65535 × 65535*");
    }

    [Fact]
    public void ReadFrom_BadCellWidth_ThrowsInvalidData()
    {
        byte[] payload = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0];

        Read(AccumulatorBytes.Seal(1, payload)).Should().Throw<InvalidDataException>().WithMessage("*width 3*");
    }

    [Fact]
    public void ReadFrom_TrailingPayloadBytes_ThrowsInvalidData()
    {
        byte[] payload = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 9];

        Read(AccumulatorBytes.Seal(1, payload)).Should().Throw<InvalidDataException>().WithMessage("*left over*");
    }

    [Fact]
    public void ReadFrom_OtherKind_ThrowsInvalidDataNamingIt()
    {
        byte[] bytes = AccumulatorBytes.Write(s => new LabelCounts<int>().WriteTo(s));

        Read(bytes).Should().Throw<InvalidDataException>().WithMessage("*LabelCounts, not a ContingencyTable*");
    }

    [Fact]
    public void ReadFrom_UnknownVersion_ThrowsInvalidData()
    {
        byte[] payload = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        Read(AccumulatorBytes.Seal(1, payload, version: 2)).Should().Throw<InvalidDataException>().WithMessage("*version 2*");
    }

    [Fact]
    public void ReadFrom_ForeignBytes_ThrowsInvalidData()
    {
        byte[] bytes = "PK\u0003\u0004 not an accumulator at all"u8.ToArray();

        Read(bytes).Should().Throw<InvalidDataException>().WithMessage("*magic*");
    }

    [Fact]
    public void ReadFrom_HeaderClaimingHugePayload_ThrowsInvalidDataWhenTheStreamEnds()
    {
        byte[] bytes = AccumulatorBytes.Seal(1, new byte[40]);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), int.MaxValue / 2);

        Read(bytes).Should().Throw<InvalidDataException>().WithMessage("*ends after*");
    }

    [Fact]
    public void ReadFrom_TwoBlocksInOneStream_ReadsThemInTurn()
    {
        var a = new ContingencyTable();
        a.Add(1, 1);
        var b = new ContingencyTable();
        b.Add(0, 3, 4);
        using var stream = new MemoryStream();
        a.WriteTo(stream);
        b.WriteTo(stream);
        stream.Position = 0;

        ContingencyTable.ReadFrom(stream)[1, 1].Should().Be(1);
        ContingencyTable.ReadFrom(stream)[0, 3].Should().Be(4);
        stream.Position.Should().Be(stream.Length);
    }

    [Fact]
    public void Merge_DifferentShapes_GrowsToTheLargerOfEach()
    {
        var tall = new ContingencyTable(5, 1);
        tall.Add(4, 0);
        var wide = new ContingencyTable(1, 6);
        wide.Add(0, 5, 2);

        tall.Merge(wide);

        tall.Rows.Should().Be(5);
        tall.Columns.Should().Be(6);
        tall[4, 0].Should().Be(1);
        tall[0, 5].Should().Be(2);
        tall.Total.Should().Be(3);
    }

    [Fact]
    public void Merge_DifferentShapesInEitherOrder_GivesTheSameBytes()
    {
        var a = new ContingencyTable();
        a.Add([0, 3, 3], [7, 0, 1]);
        var b = new ContingencyTable(8, 2);
        b.Add([7, 1], [1, 1]);
        var ab = new ContingencyTable();
        ab.Merge(a);
        ab.Merge(b);
        var ba = new ContingencyTable();
        ba.Merge(b);
        ba.Merge(a);

        AccumulatorBytes.Write(ab.WriteTo).Should().Equal(AccumulatorBytes.Write(ba.WriteTo));
    }

    [Fact]
    public void Merge_TotalPastLongMax_ThrowsAndLeavesTheTableUnchanged()
    {
        var a = new ContingencyTable();
        a.Add(0, 0, long.MaxValue - 1);
        var b = new ContingencyTable();
        b.Add(3, 3, 2);

        FluentActions.Invoking(() => a.Merge(b)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("other");
        a.Rows.Should().Be(1);
        a.Total.Should().Be(long.MaxValue - 1);
    }

    [Fact]
    public void WriteTo_NullStream_Throws()
    {
        FluentActions.Invoking(() => new ContingencyTable().WriteTo(null!)).Should().Throw<ArgumentNullException>().WithParameterName("destination");
        FluentActions.Invoking(() => ContingencyTable.ReadFrom(null!)).Should().Throw<ArgumentNullException>().WithParameterName("source");
    }

    private static ContingencyTable RoundTrip(ContingencyTable table) => AccumulatorBytes.Read(AccumulatorBytes.Write(table.WriteTo), ContingencyTable.ReadFrom);

    private static Func<ContingencyTable> Read(byte[] bytes) => () => AccumulatorBytes.Read(bytes, ContingencyTable.ReadFrom);
}
