using System.Buffers.Binary;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    // Three 2-row × 3-column images; pixel values chosen so p / 255 is exact in a few cases (0, 255, 51 = 255/5).
    private static readonly byte[] Pixels = [0, 255, 51, 1, 2, 3, 10, 20, 30, 40, 50, 60, 255, 254, 253, 0, 0, 128];
    private static readonly byte[] LabelBytes = [7, 0, 9];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Images() => IdxBytes.Create(0x00000803, [3, 2, 3], Pixels);

    private static byte[] Labels() => IdxBytes.Create(0x00000801, [3], LabelBytes);

    [Fact]
    public void Read_ImagesAndLabels_ReadsEveryPixelOver255()
    {
        string images = _dir.Write("images-idx3-ubyte", Images());
        string labels = _dir.Write("labels-idx1-ubyte", Labels());

        Dataset data = IdxReader.Read(images, labels);

        data.Count.Should().Be(3);
        data.FeatureCount.Should().Be(6);
        data.Image.Should().Be(new ImageShape(Width: 3, Height: 2));
        data.Features.ToArray().Should().Equal(Pixels.Select(p => p / 255f));
        data.Labels.ToArray().Should().Equal(7, 0, 9);
    }

    [Fact]
    public void Read_GzipFiles_ReadTheSameAsRaw()
    {
        string images = _dir.Write("images.gz", TempDirectory.Gzip(Images()));
        string labels = _dir.Write("labels.gz", TempDirectory.Gzip(Labels()));

        Dataset data = IdxReader.Read(images, labels);

        data.Features.ToArray().Should().Equal(Pixels.Select(p => p / 255f));
        data.Labels.ToArray().Should().Equal(7, 0, 9);
    }

    [Fact]
    public void Read_StreamsWithoutLabels_IsUnlabelled()
    {
        Dataset data = IdxReader.Read(new MemoryStream(Images()));

        data.HasLabels.Should().BeFalse();
        data.Count.Should().Be(3);
    }

    [Fact]
    public void Read_LabelsFileGivenAsImages_ThrowsWrongMagic()
    {
        Action act = () => IdxReader.Read(new MemoryStream(Labels()));

        act.Should().Throw<InvalidDataException>().WithMessage("*0x00000801, expected 0x00000803*");
    }

    [Fact]
    public void Read_LittleEndianHeader_ThrowsWrongMagic()
    {
        byte[] images = Images();
        BinaryPrimitives.WriteInt32LittleEndian(images, 0x00000803);

        Action act = () => IdxReader.Read(new MemoryStream(images));

        act.Should().Throw<InvalidDataException>().WithMessage("*magic number is 0x03080000*");
    }

    [Fact]
    public void Read_TruncatedPixels_Throws()
    {
        Action act = () => IdxReader.Read(new MemoryStream(Images()[..^1]));

        act.Should().Throw<InvalidDataException>().WithMessage("*declares 18 data bytes but the file ends after 17*");
    }

    [Fact]
    public void Read_TrailingBytes_Throws()
    {
        Action act = () => IdxReader.Read(new MemoryStream([.. Images(), 0]));

        act.Should().Throw<InvalidDataException>().WithMessage("*1 more follow*");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void Read_TruncatedHeader_Throws(int length)
    {
        Action act = () => IdxReader.Read(new MemoryStream(Images()[..length]));

        act.Should().Throw<InvalidDataException>().WithMessage("*too short*");
    }

    [Fact]
    public void Read_ZeroImages_Throws()
    {
        Action act = () => IdxReader.Read(new MemoryStream(IdxBytes.Create(0x00000803, [0, 2, 3], [])));

        act.Should().Throw<InvalidDataException>().WithMessage("*dimension 0 has size 0*");
    }

    [Fact]
    public void Read_LabelCountDiffersFromImageCount_Throws()
    {
        Action act = () => IdxReader.Read(new MemoryStream(Images()), new MemoryStream(IdxBytes.Create(0x00000801, [2], [1, 2])));

        act.Should().Throw<InvalidDataException>().WithMessage("*2 labels*3 images*");
    }

    [Fact]
    public void Read_TruncatedLabels_Throws()
    {
        Action act = () => IdxReader.Read(new MemoryStream(Images()), new MemoryStream(Labels()[..^1]));

        act.Should().Throw<InvalidDataException>().WithMessage("*truncated*");
    }

    [Fact]
    public void Read_TruncatedGzip_Throws()
    {
        var big = new byte[5000];
        new Random(4).NextBytes(big);
        byte[] gzip = TempDirectory.Gzip(IdxBytes.Create(0x00000803, [5, 20, 50], big));
        string path = _dir.Write("cut.gz", gzip[..^6]);

        Action act = () => IdxReader.Read(path);

        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Read_EmptyOrNullPaths_ThrowNamingTheParameter()
    {
        ((Action)(() => IdxReader.Read(""))).Should().Throw<ArgumentException>().WithParameterName("imagesPath");
        ((Action)(() => IdxReader.Read("images", ""))).Should().Throw<ArgumentException>().WithParameterName("labelsPath");
        ((Action)(() => IdxReader.Read((Stream)null!))).Should().Throw<ArgumentNullException>().WithParameterName("images");
    }

    [Fact]
    public void Read_PathWithNul_ThrowsNamingThePathParameter()
    {
        ((Action)(() => IdxReader.Read("a\0b"))).Should().Throw<ArgumentException>().WithParameterName("imagesPath").WithMessage("*NUL*index 1*");
        ((Action)(() => IdxReader.Read("images", "\0"))).Should().Throw<ArgumentException>().WithParameterName("labelsPath");
    }
}
