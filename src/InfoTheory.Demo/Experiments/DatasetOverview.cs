using System.Globalization;
using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;

namespace InfoTheory.Demo.Experiments;

/// <summary>The first 32 images of the dataset, so a user sees what the models will be trained on.</summary>
internal sealed class DatasetOverview : IExperiment
{
    private const int Shown = 32;
    private const int PerRow = 8;

    public string Name => "data";

    public string Description => "the dataset: sample count, label histogram, and its first 32 images (digits.png)";

    public int Steps(DemoOptions options) => 2;

    public void Run(ExperimentContext context)
    {
        Dataset data = context.Data.Dataset;
        context.AddResult("dataset", context.Data.Description);
        context.AddResult("samples × features", $"{data.Count} × {data.FeatureCount}");
        if (data.HasLabels)
        {
            var histogram = new SortedDictionary<int, int>();
            foreach (int label in data.Labels)
            {
                histogram[label] = histogram.GetValueOrDefault(label) + 1;
            }

            context.AddResult("samples per label", string.Join("  ", histogram.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key}:{h.Value}"))));
        }

        context.Advance();
        if (data.Image is not { } shape)
        {
            context.AddResult("digits.png", "not drawn: the samples are not images");
            context.Advance();
            return;
        }

        var rows = new List<ImageRow>();
        int count = Math.Min(Shown, data.Count);
        for (int start = 0; start < count; start += PerRow)
        {
            int end = Math.Min(start + PerRow, count);
            string label = data.HasLabels
                ? "labels " + string.Join(" ", Enumerable.Range(start, end - start).Select(i => data.Labels[i].ToString(CultureInfo.InvariantCulture)))
                : $"samples {start + 1}–{end}";
            rows.Add(ImageRow.FromDataset(label, data, start, end - start));
        }

        context.AddFigure(ImageGridFigure.Write(context.FigurePath("digits.png"), $"The first {count} samples", shape, rows));
        context.Advance();
    }
}
