using InfoTheory.Demo.Experiments;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Demo.Tests.Experiments;

public sealed class ExperimentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ExperimentContext Context(List<double> progress)
    {
        var options = new DemoOptions { OutputFolder = _dir.Path };
        return new ExperimentContext(options, DemoData.Load(options), progress.Add);
    }

    [Fact]
    public void DatasetOverview_WritesTheDigitsGrid_ReportsTheLabelHistogram_AndEveryStep()
    {
        var progress = new List<double>();
        ExperimentContext context = Context(progress);
        var experiment = new DatasetOverview();

        experiment.Run(context);

        context.Figures.Should().Equal(Path.Combine(_dir.Path, "digits.png"));
        File.Exists(context.Figures[0]).Should().BeTrue();
        context.Results.Should().Contain(("samples per label", "0:178  1:182  2:177  3:183  4:181  5:182  6:181  7:179  8:174  9:180"));
        progress.Sum().Should().Be(experiment.Steps);
    }

    [Fact]
    public void MixtureContours_WritesBothFigures_AndTheClosedFormMoments()
    {
        var progress = new List<double>();
        ExperimentContext context = Context(progress);
        var experiment = new MixtureContours();

        experiment.Run(context);

        context.Figures.Select(Path.GetFileName).Should().Equal("p-contours.png", "p-moment-matching.png");
        context.Figures.Should().OnlyContain(f => File.Exists(f));
        context.Results.Should().Contain(("moment-matched covariance", "[[0.3125, 0.25], [0.25, 0.40625]]"));
        progress.Sum().Should().Be(experiment.Steps);
    }
}
