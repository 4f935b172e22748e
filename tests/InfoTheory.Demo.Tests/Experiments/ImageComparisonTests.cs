using InfoTheory.Demo.Experiments;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Tests.Data;
using SkiaSharp;

namespace InfoTheory.Demo.Tests.Experiments;

public sealed class ImageComparisonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ExperimentContext Context()
    {
        var options = new DemoOptions { OutputFolder = _dir.Path };
        return new ExperimentContext(options, DemoData.Load(options), _ => { });
    }

    [Fact]
    public void Write_StacksEveryVersionPerBlockOfEight_AndStopsWhenImagesRunOut()
    {
        ExperimentContext context = Context();
        var originals = new float[10, 4];
        var outputs = new float[10, 4];

        ImageComparison.Write(context, "c.png", "t", new ImageShape(2, 2), [("in", originals), ("out", outputs)], blocks: 5);

        // Images 1–8 then 9–10: two blocks of two rows. The grid is 8 columns of 3 px (2 + frame) less the last frame
        // = 23 px wide and 4 rows of 3 px less one = 11 high, at 40 screen px per grid px (80 / width 2), plus the
        // padding of ImageGridFigure: 16 + 9 per label character on the left, 10 right, 40 above, 10 below.
        using SKBitmap bitmap = SKBitmap.Decode(context.Figures.Single());
        (bitmap.Width, bitmap.Height).Should().Be(((23 * 40) + 16 + (9 * 3) + 10, (11 * 40) + 50));
    }

    [Fact]
    public void Write_SamplesThatAreNotImages_RecordsWhyInsteadOfDrawing()
    {
        ExperimentContext context = Context();

        ImageComparison.Write(context, "c.png", "t", shape: null, [("in", new float[3, 5])]);

        context.Figures.Should().BeEmpty();
        context.Results.Should().Equal(("c.png", "not drawn: the samples are not images"));
    }
}
