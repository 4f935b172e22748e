using System.Globalization;
using InfoTheory.Variational.Fitting;

namespace InfoTheory.Demo;

/// <summary>The parsed command line.</summary>
internal sealed record DemoOptions
{
    public const int DefaultSeed = 1;

    /// <summary>The experiment to run, or "all".</summary>
    public string Model { get; init; } = "all";

    /// <summary>Training epochs, or null for each experiment's own default.</summary>
    public int? Epochs { get; init; }

    /// <summary>Adam steps of each KL fit, or null for the library's default.</summary>
    public int? KlSteps { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>β, the weight of the VAE's KL term; 1 (the ELBO) by default.</summary>
    public double KlWeight { get; init; } = 1.0;

    public string OutputFolder { get; init; } = "figures";

    /// <summary>A user dataset (IDX images or CSV), or null for the embedded digits.</summary>
    public string? DataPath { get; init; }

    /// <summary>The IDX labels file that goes with <see cref="DataPath"/>.</summary>
    public string? LabelsPath { get; init; }

    /// <summary>The CSV column holding labels (negative counts from the end), or null when the CSV has none.</summary>
    public int? LabelColumn { get; init; }

    public bool CsvHasHeader { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>Parses <paramref name="args"/>; the names of the experiments that exist decide which --model values are valid.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or an unknown model.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> models)
    {
        var options = new DemoOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            options = name switch
            {
                "-h" or "--help" or "-?" => options with { ShowHelp = true },
                "--model" => options with { Model = ParseModel(Value(), models) },
                "--epochs" => options with { Epochs = ParseInt(name, Value(), min: 1) },
                "--kl-steps" => options with { KlSteps = ParseInt(name, Value(), min: 1) },
                "--kl-weight" => options with { KlWeight = ParseWeight(name, Value()) },
                "--seed" => options with { Seed = ParseInt(name, Value(), min: int.MinValue) },
                "--out" => options with { OutputFolder = NonEmpty(name, Value()) },
                "--data" => options with { DataPath = NonEmpty(name, Value()) },
                "--labels" => options with { LabelsPath = NonEmpty(name, Value()) },
                "--label-column" => options with { LabelColumn = ParseInt(name, Value(), min: int.MinValue) },
                "--csv-header" => options with { CsvHasHeader = true },
                _ => throw new ArgumentException($"Unknown option '{arg}'. Run with --help for the list."),
            };
        }

        if (options.LabelsPath is not null && options.DataPath is null)
        {
            throw new ArgumentException("--labels needs --data (the IDX images file it belongs to).");
        }

        return options;
    }

    public static string Help(IReadOnlyList<(string Name, string Description)> models) =>
        $"""
        InfoTheory demo: reproduces the lecture notes' figures as PNG files.

        Usage: dotnet run -c Release --project src/InfoTheory.Demo -- [options]

        Options:
          --model NAME        which experiment to run: all (default), {string.Join(", ", models.Select(m => m.Name))}
          --epochs N          training epochs of the models (vae, ae, dae, sae); default: each one's own, below
          --kl-steps N        Adam steps of each KL fit (klfit); default {KlFitOptions.Default.Steps}
          --kl-weight B       β, the weight of the VAE's KL term (vae); default 1; below 1 against posterior collapse
          --seed N            seed for every random draw (default {DefaultSeed}); the same seed writes the same figures
          --out FOLDER        where the PNG files go (default ./figures)
          --data PATH         your own dataset instead of the embedded UCI digits:
                                IDX images (…idx3-ubyte, optionally .gz), pixels scaled to [0, 1];
                                or CSV (.csv, optionally .gz), features rescaled to [0, 1] when they leave it
          --labels PATH       the IDX labels file (…idx1-ubyte) for --data
          --label-column N    the CSV column holding the class label (0-based; -1 = last); default none
          --csv-header        the CSV's first line holds column names
          -h, --help          this text

        Experiments:
        {string.Join(Environment.NewLine, models.Select(m => $"  {m.Name,-18}{m.Description}"))}
        """;

    private static string ParseModel(string value, IReadOnlyCollection<string> models)
    {
        string model = value.ToLowerInvariant();
        if (model != "all" && !models.Contains(model))
        {
            throw new ArgumentException($"--model is '{value}'; expected all or one of: {string.Join(", ", models)}.");
        }

        return model;
    }

    private static int ParseInt(string name, string value, int min)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) || result < min)
        {
            throw new ArgumentException($"{name} is '{value}'; expected an integer{(min > int.MinValue ? $" >= {min}" : string.Empty)}.");
        }

        return result;
    }

    private static double ParseWeight(string name, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) || !double.IsFinite(result) || result < 0)
        {
            throw new ArgumentException($"{name} is '{value}'; expected a finite number >= 0.");
        }

        return result;
    }

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} needs a non-empty value.") : value;
}
