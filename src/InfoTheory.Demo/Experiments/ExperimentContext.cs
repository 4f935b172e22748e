using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;

namespace InfoTheory.Demo.Experiments;

/// <summary>What an experiment gets to work with, and where it reports progress, figures and results.</summary>
internal sealed class ExperimentContext(DemoOptions options, DemoData data, Action<double> advance)
{
    private readonly List<(string Quantity, string Value)> _results = [];
    private readonly List<string> _figures = [];

    public DemoOptions Options => options;

    public DemoData Data => data;

    public IReadOnlyList<(string Quantity, string Value)> Results => _results;

    public IReadOnlyList<string> Figures => _figures;

    /// <summary>A generator seeded from --seed; every experiment starts from the same seed, so each is reproducible alone.</summary>
    public Random NewRandom() => new(options.Seed);

    /// <summary>The path of a figure file in the output folder.</summary>
    public string FigurePath(string fileName) => Path.Combine(options.OutputFolder, fileName);

    /// <summary>Moves the progress bar on by <paramref name="steps"/>.</summary>
    public void Advance(double steps = 1) => advance(steps);

    /// <summary>Receives a model's training epochs and moves the progress bar one step per epoch.</summary>
    public IProgress<TrainingEpoch> EpochProgress() => new SynchronousProgress<TrainingEpoch>(_ => Advance());

    /// <summary>The dataset split by <see cref="TrainTestSplit"/> with --seed, the same for every model experiment.</summary>
    public (Dataset Train, Dataset Test) Split() => TrainTestSplit.Of(data.Dataset, options.Seed);

    public void AddFigure(string path) => _figures.Add(path);

    public void AddResult(string quantity, string value) => _results.Add((quantity, value));
}
