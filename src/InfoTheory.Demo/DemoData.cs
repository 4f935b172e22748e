using System.Globalization;
using InfoTheory.Variational.Data;

namespace InfoTheory.Demo;

/// <summary>The dataset the experiments use, and a line saying where it came from.</summary>
internal sealed record DemoData(Dataset Dataset, string Description)
{
    /// <summary>Loads <see cref="DemoOptions.DataPath"/> (IDX or CSV, by file name) or else the embedded digits.</summary>
    /// <exception cref="ArgumentException">The file name is neither IDX nor CSV, or CSV options were given for IDX.</exception>
    /// <exception cref="InvalidDataException">The file's content is malformed (the readers say where).</exception>
    public static DemoData Load(DemoOptions options)
    {
        if (options.DataPath is not { } path)
        {
            return new DemoData(Digits.Load(), "UCI optical digits (embedded): 1797 images of 8×8, pixels / 16");
        }

        string name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        if (name.Contains("idx", StringComparison.Ordinal) || name.EndsWith("-ubyte", StringComparison.Ordinal))
        {
            if (options.LabelColumn is not null || options.CsvHasHeader)
            {
                throw new ArgumentException("--label-column and --csv-header apply to CSV files, not IDX.");
            }

            Dataset idx = IdxReader.Read(path, options.LabelsPath);
            return new DemoData(idx, $"{path}: {idx.Count} images of {idx.Image!.Value.Width}×{idx.Image!.Value.Height}, pixels / 255");
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            if (options.LabelsPath is not null)
            {
                throw new ArgumentException("--labels applies to IDX files; for CSV give --label-column.");
            }

            Dataset csv = CsvReader.Read(path, options.CsvHasHeader, options.LabelColumn);
            return RescaledCsv(csv, path);
        }

        throw new ArgumentException($"--data '{path}': expected an IDX file (name containing 'idx' or ending in '-ubyte') or a .csv file, optionally gzipped.");
    }

    // Bernoulli decoders need features in [0, 1]; a CSV of raw pixel counts is mapped there by its own range.
    private static DemoData RescaledCsv(Dataset csv, string path)
    {
        float min = float.PositiveInfinity;
        float max = float.NegativeInfinity;
        foreach (float v in csv.Features)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        int side = (int)Math.Round(Math.Sqrt(csv.FeatureCount));
        ImageShape? image = side * side == csv.FeatureCount ? new ImageShape(side, side) : null;
        string shape = image is { } s ? $"{csv.Count} images of {s.Width}×{s.Height}" : $"{csv.Count} samples of {csv.FeatureCount} features (not square images)";
        if (min >= 0 && max <= 1)
        {
            return new DemoData(Dataset.FromRows(csv.Features, csv.FeatureCount, csv.Labels, image), $"{path}: {shape}");
        }

        float range = max > min ? max - min : 1f;
        var scaled = new float[csv.Features.Length];
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (csv.Features[i] - min) / range;
        }

        return new DemoData(Dataset.FromRows(scaled, csv.FeatureCount, csv.Labels, image), string.Create(CultureInfo.InvariantCulture, $"{path}: {shape}, features rescaled from [{min}, {max}] to [0, 1]"));
    }
}
