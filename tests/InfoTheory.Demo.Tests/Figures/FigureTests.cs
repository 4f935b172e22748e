using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Tests.Data;
using SkiaSharp;

namespace InfoTheory.Demo.Tests.Figures;

public sealed class FigureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Width, int Height) DecodedSize(string path)
    {
        using SKBitmap bitmap = SKBitmap.Decode(path);
        bitmap.Should().NotBeNull("the file must be a readable PNG");
        return (bitmap.Width, bitmap.Height);
    }

    [Fact]
    public void ContourFigure_WritesAPngOfTheStatedSize()
    {
        string path = ContourFigure.Write(
            Path.Combine(_dir.Path, "sub", "c.png"), "standard normal", (x, y) => -((x * x) + (y * y)) / 2, new PlotRegion(-3, 3, -3, 3, 40));

        DecodedSize(path).Should().Be((720, 640));
    }

    [Fact]
    public void ContourFigure_NonFiniteDensity_Throws()
    {
        Action act = () => ContourFigure.Write(Path.Combine(_dir.Path, "c.png"), "bad", (x, y) => double.NaN, new PlotRegion(0, 1, 0, 1, 4));

        act.Should().Throw<InvalidOperationException>().WithMessage("*a figure needs finite values*");
    }

    [Fact]
    public void LineChartFigure_WritesAPngOfTheStatedSize()
    {
        string path = LineChartFigure.Write(
            Path.Combine(_dir.Path, "l.png"), "curves", "nats", [new ChartSeries("a", [3, 2, 1.5]), new ChartSeries("b", [1, 1, 1])]);

        DecodedSize(path).Should().Be((800, 500));
    }

    [Fact]
    public void LineChartFigure_NoSeriesOrNonFiniteValue_Throws()
    {
        string path = Path.Combine(_dir.Path, "l.png");

        ((Action)(() => LineChartFigure.Write(path, "t", "y", []))).Should().Throw<ArgumentException>();
        ((Action)(() => LineChartFigure.Write(path, "t", "y", [new ChartSeries("a", [1, double.NaN])]))).Should().Throw<ArgumentException>().WithMessage("*'a'*");
    }

    [Fact]
    public void ImageGridFigure_ScalesEachPixelAndLeavesRoomForLabels()
    {
        var blank = new float[64];
        var ink = Enumerable.Repeat(1f, 64).ToArray();
        string path = ImageGridFigure.Write(
            Path.Combine(_dir.Path, "g.png"), "grid", new ImageShape(8, 8), [new ImageRow("ab", [blank, ink, blank]), new ImageRow("c", [ink])]);

        // 3 columns of 8 px with 1 px frames = 26 grid px wide, 2 rows = 17 high, 10 screen px per grid px,
        // plus 16 + 9 per label character and 10 px on the left and right, 40 px above and 10 below.
        DecodedSize(path).Should().Be((260 + 34 + 10, 170 + 50));
    }

    [Fact]
    public void ImageGridFigure_EachImagePixelIsASquareOfScreenPixels_InkBlack_BlankWhite_FrameGrey()
    {
        var blank = new float[64];
        var ink = Enumerable.Repeat(1f, 64).ToArray();
        string path = ImageGridFigure.Write(
            Path.Combine(_dir.Path, "g.png"), "grid", new ImageShape(8, 8), [new ImageRow("ab", [blank, ink, blank]), new ImageRow("c", [ink])]);
        using SKBitmap bitmap = SKBitmap.Decode(path);

        // The data area starts 34 px from the left (16 + 9 per label character) and 40 px from the top; image
        // (row r, column c) covers grid pixels [9c, 9c + 8) × [9r, 9r + 8), 10 screen pixels each.
        SKColor At(int gridX, int gridY, int dx, int dy) => bitmap.GetPixel(34 + (10 * gridX) + dx, 40 + (10 * gridY) + dy);
        SKColor black = new(0, 0, 0);
        SKColor white = new(255, 255, 255);
        SKColor frame = new(220, 220, 220);

        At(0, 0, 1, 1).Should().Be(white);
        At(7, 7, 8, 8).Should().Be(white);
        At(9, 0, 1, 1).Should().Be(black, "the first pixel of the second image is ink");
        At(16, 7, 8, 8).Should().Be(black, "the last pixel of the second image is ink");
        At(8, 3, 5, 5).Should().Be(frame, "one grid pixel of frame separates the images");
        At(0, 9, 1, 1).Should().Be(black, "the second row starts with an ink image");
        At(12, 12, 5, 5).Should().Be(frame, "a row with fewer images leaves the rest as frame");
    }

    [Fact]
    public void ImageGridFigure_ImageOfWrongSize_Throws()
    {
        Action act = () => ImageGridFigure.Write(Path.Combine(_dir.Path, "g.png"), "grid", new ImageShape(8, 8), [new ImageRow("r", [new float[63]])]);

        act.Should().Throw<ArgumentException>().WithMessage("*63 pixels*8×8 needs 64*");
    }

    [Fact]
    public void BarChartFigure_WritesAPngOfTheStatedSize()
    {
        string path = BarChartFigure.Write(
            Path.Combine(_dir.Path, "b.png"), "bars", "unit", "activation", [new ChartSeries("a", [0.1, 0.5]), new ChartSeries("b", [0.05, 0.04])], (0.05, "ρ"));

        DecodedSize(path).Should().Be((900, 500));
    }

    [Fact]
    public void BarChartFigure_UnequalLengthsOrNonFiniteValue_Throws()
    {
        string path = Path.Combine(_dir.Path, "b.png");

        ((Action)(() => BarChartFigure.Write(path, "t", "x", "y", []))).Should().Throw<ArgumentException>().WithParameterName("series");
        ((Action)(() => BarChartFigure.Write(path, "t", "x", "y", [new ChartSeries("a", [1]), new ChartSeries("b", [1, 2])])))
            .Should().Throw<ArgumentException>().WithMessage("*same non-zero length*");
        ((Action)(() => BarChartFigure.Write(path, "t", "x", "y", [new ChartSeries("a", [double.PositiveInfinity])])))
            .Should().Throw<ArgumentException>().WithMessage("*'a'*non-finite*");
    }

    [Fact]
    public void ImageRow_FromMatrix_TakesTheRequestedRowsAsImages()
    {
        ImageRow row = ImageRow.FromMatrix("r", new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, start: 1, count: 2);

        row.Label.Should().Be("r");
        row.Images.Should().HaveCount(2);
        row.Images[0].Should().Equal(3f, 4f);
        row.Images[1].Should().Equal(5f, 6f);
    }
}
