using InfoTheory.Binning;
using InfoTheory.Orleans.Grains;

namespace InfoTheory.Orleans.Tests;

/// <summary>The seeded dataset and the job spec, without a cluster.</summary>
public sealed class DatasetTests
{
    [Fact]
    public void Read_AnyCut_GivesTheSameAccumulatorBytesAsOneRead()
    {
        // Row i depends only on (seed, i): reading [0, n) in uneven pieces and merging equals reading it at once.
        Histogram bins = SyntheticDataset.PsiHistogram(4);
        PartitionAccumulators whole = SyntheticDataset.Read(4, 0, 30_000, bins);
        PartitionAccumulators pieces = SyntheticDataset.Read(4, 0, 1, bins);
        pieces.Merge(SyntheticDataset.Read(4, 1, 12_345, bins));
        pieces.Merge(SyntheticDataset.Read(4, 12_345, 30_000, bins));

        Bytes(pieces.Table.WriteTo).Should().Equal(Bytes(whole.Table.WriteTo));
        Bytes(s => pieces.Labels.WriteTo(s)).Should().Equal(Bytes(s => whole.Labels.WriteTo(s)));
        Bytes(pieces.Current.WriteTo).Should().Equal(Bytes(whole.Current.WriteTo));
        Bytes(pieces.Moments.WriteTo).Should().Equal(Bytes(whole.Moments.WriteTo));
    }

    [Fact]
    public void FirstRow_Partitions_CoverEveryRowOnce()
    {
        var spec = new DatasetSpec(1, 1_000_003, 7);

        spec.FirstRow(0).Should().Be(0);
        spec.FirstRow(7).Should().Be(1_000_003);
        Enumerable.Range(0, 7).Select(p => spec.FirstRow(p + 1) - spec.FirstRow(p)).Should().OnlyContain(n => n == 142_857 || n == 142_858);
    }

    [Theory]
    [InlineData(0, 1, 1, "Rows")]
    [InlineData(10, 0, 1, "Partitions")]
    [InlineData(10, 11, 1, "Partitions")]
    [InlineData(10, 2, 0, "MaxConcurrency")]
    public void Validate_OutOfRange_ThrowsNamingTheField(long rows, int partitions, int concurrency, string field)
    {
        var spec = new DatasetSpec(1, rows, partitions, concurrency);

        spec.Invoking(s => s.Validate()).Should().Throw<ArgumentException>().WithParameterName(field).WithMessage($"*{field}*");
    }

    [Fact]
    public void FillRows_ColumnsOfDifferentLengths_Throws()
    {
        Action act = () => SyntheticDataset.FillRows(1, 0, new int[3], new int[3], new int[2], new double[3], new double[3], new double[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("*y 2*");
    }

    [Fact]
    public void Read_NegativeFirstRow_Throws()
    {
        Action act = () => SyntheticDataset.Read(1, -1, 5, SyntheticDataset.PsiHistogram(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("firstRow");
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
