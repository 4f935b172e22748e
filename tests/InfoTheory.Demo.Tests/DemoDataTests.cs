using InfoTheory.Variational.Data;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Demo.Tests;

public sealed class DemoDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_WithoutDataPath_IsTheEmbeddedDigits()
    {
        DemoData.Load(new DemoOptions()).Dataset.Should().BeSameAs(Digits.Load());
    }

    [Fact]
    public void Load_CsvOutsideUnitInterval_IsRescaledByItsRange_AndSquareRowsBecomeImages()
    {
        string path = _dir.WriteText("counts.csv", "10,60,20,110,3\n10,10,10,10,4\n");

        DemoData data = DemoData.Load(new DemoOptions { DataPath = path, LabelColumn = -1 });

        // (v − 10) / (110 − 10), by hand.
        data.Dataset.Features.ToArray().Should().Equal(0f, 0.5f, 0.1f, 1f, 0f, 0f, 0f, 0f);
        data.Dataset.Labels.ToArray().Should().Equal(3, 4);
        data.Dataset.Image.Should().Be(new ImageShape(2, 2));
        data.Description.Should().Contain("rescaled from [10, 110] to [0, 1]");
    }

    [Fact]
    public void Load_CsvInsideUnitInterval_IsKept_AndNonSquareRowsAreNotImages()
    {
        string path = _dir.WriteText("unit.csv", "0.25,1,0\n");

        DemoData data = DemoData.Load(new DemoOptions { DataPath = path });

        data.Dataset.Features.ToArray().Should().Equal(0.25f, 1f, 0f);
        data.Dataset.Image.Should().BeNull();
    }

    [Fact]
    public void Load_IdxNamedFile_IsReadAsIdx()
    {
        string images = _dir.Write("train-images-idx3-ubyte.gz", TempDirectory.Gzip(IdxBytes.Create(0x00000803, [1, 2, 2], [0, 255, 255, 0])));
        string labels = _dir.Write("train-labels-idx1-ubyte", IdxBytes.Create(0x00000801, [1], [6]));

        DemoData data = DemoData.Load(new DemoOptions { DataPath = images, LabelsPath = labels });

        data.Dataset.Features.ToArray().Should().Equal(0f, 1f, 1f, 0f);
        data.Dataset.Labels.ToArray().Should().Equal(6);
    }

    [Fact]
    public void Load_UnknownFileKind_Throws()
    {
        Action act = () => DemoData.Load(new DemoOptions { DataPath = "data.parquet" });

        act.Should().Throw<ArgumentException>().WithMessage("*expected an IDX file*or a .csv file*");
    }

    [Fact]
    public void Load_CsvWithIdxLabelsFile_Throws()
    {
        Action act = () => DemoData.Load(new DemoOptions { DataPath = "a.csv", LabelsPath = "b-idx1-ubyte" });

        act.Should().Throw<ArgumentException>().WithMessage("*--labels applies to IDX*");
    }
}
