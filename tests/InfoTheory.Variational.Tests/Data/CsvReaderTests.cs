using System.Globalization;
using System.Text;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Tests.Data;

public sealed class CsvReaderTests : IDisposable
{
    private const string Table = "label,a,b\n3, 0.5 ,-2\n\n1,1e-3,4.25\r\n0,7,0\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_HeaderLabelColumnBlankLinesAndSpaces_ReadsExactValues()
    {
        string path = _dir.WriteText("t.csv", Table);

        Dataset data = CsvReader.Read(path, hasHeader: true, labelColumn: 0);

        data.Count.Should().Be(3);
        data.FeatureCount.Should().Be(2);
        data.Features.ToArray().Should().Equal(0.5f, -2f, 1e-3f, 4.25f, 7f, 0f);
        data.Labels.ToArray().Should().Equal(3, 1, 0);
    }

    [Fact]
    public void Read_GzipFile_ReadsTheSameAsPlain()
    {
        string plain = _dir.WriteText("t.csv", Table);
        string gzip = _dir.Write("t.csv.gz", TempDirectory.Gzip(Encoding.UTF8.GetBytes(Table)));

        Dataset expected = CsvReader.Read(plain, hasHeader: true, labelColumn: 0);
        Dataset actual = CsvReader.Read(gzip, hasHeader: true, labelColumn: 0);

        actual.Features.ToArray().Should().Equal(expected.Features.ToArray());
        actual.Labels.ToArray().Should().Equal(expected.Labels.ToArray());
    }

    [Fact]
    public void Read_NegativeLabelColumn_CountsFromTheEnd_AndScaleMultipliesFeatures()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("0,255,9\n51,102,2\n"));

        Dataset data = CsvReader.Read(stream, labelColumn: -1, scale: 1f / 255, image: new ImageShape(2, 1));

        data.Features.ToArray().Should().Equal(0f, 255 * (1f / 255), 51 * (1f / 255), 102 * (1f / 255));
        data.Labels.ToArray().Should().Equal(9, 2);
        data.Image.Should().Be(new ImageShape(2, 1));
    }

    [Fact]
    public void Read_WithoutLabelColumn_EveryColumnIsAFeature()
    {
        Dataset data = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1;2;3\n4;5;6")), delimiter: ';');

        data.HasLabels.Should().BeFalse();
        data.Features.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void Read_UnderACommaDecimalCulture_StillUsesTheDecimalPoint()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Dataset data = CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1.5,2\n")));

            data.Features.ToArray().Should().Equal(1.5f, 2f);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Read_RaggedLine_ThrowsNamingTheLine()
    {
        string path = _dir.WriteText("r.csv", "1,2,3\n4,5,6\n7,8\n");

        Action act = () => CsvReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage("*line 3: 2 cells*first line has 3*");
    }

    [Theory]
    [InlineData("1,2,x\n", "*line 1, column 3*'x' is not a number*")]
    [InlineData("1,2,3\n4,,6\n", "*line 2, column 2*'' is not a number*")]
    [InlineData("1,2,3\n4,5,NaN\n", "*line 2, column 3*'NaN' is not finite*")]
    [InlineData("1,-Infinity,3\n", "*line 1, column 2*not finite*")]
    [InlineData("1,2,1e39\n", "*line 1, column 3*'1e39' is not finite*")]
    [InlineData("1,2,\"3\"\n", "*line 1, column 3*not a number*")]
    public void Read_BadCell_ThrowsNamingLineAndColumn(string content, string message)
    {
        string path = _dir.WriteText("bad.csv", content);

        Action act = () => CsvReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Theory]
    [InlineData("1,2,-1\n")]
    [InlineData("1,2,2.5\n")]
    [InlineData("1,2,a\n")]
    public void Read_LabelNotANonNegativeInteger_Throws(string content)
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), labelColumn: 2);

        act.Should().Throw<InvalidDataException>().WithMessage("*line 1, column 3: label*integer >= 0*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("a,b,c\n")]
    public void Read_NoDataLines_Throws(string content)
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), hasHeader: true);

        act.Should().Throw<InvalidDataException>().WithMessage("*no data lines*");
    }

    [Fact]
    public void Read_TruncatedGzip_ThrowsInsteadOfReturningThePrefix()
    {
        var rows = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{i},{i % 7},{i % 3}\n");
        }

        byte[] gzip = TempDirectory.Gzip(Encoding.UTF8.GetBytes(rows.ToString()));
        string path = _dir.Write("cut.csv.gz", gzip[..(gzip.Length / 2)]);

        Action act = () => CsvReader.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage("*truncated or corrupt*");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    public void Read_LabelColumnOutsideTable_Throws(int column)
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1,2,3\n")), labelColumn: column);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("labelColumn");
    }

    [Fact]
    public void Read_LabelColumnOfASingleColumnTable_Throws()
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1\n2\n")), labelColumn: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("labelColumn");
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Read_ScaleNotPositive_Throws(float factor)
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1\n")), scale: factor);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("scale");
    }

    [Fact]
    public void Read_ImageShapeNotMatchingFeatures_Throws()
    {
        Action act = () => CsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("1,2,3\n")), image: new ImageShape(2, 2));

        act.Should().Throw<ArgumentException>().WithParameterName("image");
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound()
    {
        Action act = () => CsvReader.Read(Path.Combine(_dir.Path, "absent.csv"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Read_EmptyPathOrNullStream_ThrowsNamingTheParameter()
    {
        ((Action)(() => CsvReader.Read(""))).Should().Throw<ArgumentException>().WithParameterName("path");
        ((Action)(() => CsvReader.Read((Stream)null!))).Should().Throw<ArgumentNullException>().WithParameterName("stream");
    }

    [Fact]
    public void Read_InvalidUtf8_ThrowsInvalidDataNamingLineAndColumn()
    {
        byte[] content = [.. "1,2,3\n4,"u8, 0xC3, 0x28, .. ",6\n"u8];

        Action act = () => CsvReader.Read(new MemoryStream(content));

        act.Should().Throw<InvalidDataException>().WithMessage("*line 2, column 2*0xC3*UTF-8*");
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_ReadsTheSameAsUtf8()
    {
        const string text = "1,2\n3,4.5\n";
        byte[] littleEndian = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
        byte[] bigEndian = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];

        CsvReader.Read(new MemoryStream(littleEndian)).Features.ToArray().Should().Equal(1f, 2f, 3f, 4.5f);
        CsvReader.Read(new MemoryStream(bigEndian)).Features.ToArray().Should().Equal(1f, 2f, 3f, 4.5f);
    }

    [Fact]
    public void Read_InvalidUtf16_ThrowsInvalidDataNamingLineAndColumn()
    {
        // Line 2, cell 3 holds a lone high surrogate.
        byte[] content = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("1,2,3\n4,5,"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\n")];

        Action act = () => CsvReader.Read(new MemoryStream(content));

        act.Should().Throw<InvalidDataException>().WithMessage("*line 2, column 3*U+D800*unpaired*");
    }
}
