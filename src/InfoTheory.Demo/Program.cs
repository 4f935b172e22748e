using System.Diagnostics;
using System.Globalization;
using InfoTheory.Demo;
using InfoTheory.Demo.Experiments;
using Spectre.Console;

// Figures and messages print numbers the same way on every machine (ScottPlot formats tick labels with the current culture).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Experiments run in this order under --model all; each is also selectable alone by its name.
IExperiment[] experiments =
[
    new DatasetOverview(), new MixtureContours(), new KlFitting(),
    new VaeExperiment(), new AutoencoderExperiment(), new DenoisingExperiment(), new SparseExperiment(),
];

DemoOptions options;
try
{
    options = DemoOptions.Parse(args, experiments.Select(e => e.Name).ToArray());
}
catch (ArgumentException e)
{
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(DemoOptions.Help(experiments.Select(e => (e.Name, e.Description)).ToArray()));
    return 0;
}

DemoData data;
try
{
    data = DemoData.Load(options);
}
catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
{
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Cannot load the dataset: {e.Message}[/]");
    return 2;
}

IExperiment[] selected = options.Model == "all" ? experiments : experiments.Where(e => e.Name == options.Model).ToArray();
var finished = new List<(IExperiment Experiment, ExperimentContext Context, TimeSpan Elapsed)>();
var clock = Stopwatch.StartNew();

// A log or CI capture gets whole progress lines; a redrawn bar would leave carriage-return fragments there.
bool redirected = Console.IsOutputRedirected;
if (redirected)
{
    foreach (IExperiment experiment in selected)
    {
        var watch = Stopwatch.StartNew();
        var lines = new LineProgress(experiment.Name, experiment.Steps(options), Console.Out, () => watch.Elapsed);
        var context = new ExperimentContext(options, data, lines.Advance);
        experiment.Run(context);
        lines.Finish();
        finished.Add((experiment, context, watch.Elapsed));
    }
}
else
{
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(progress =>
        {
            var tasks = selected.Select(e => progress.AddTask(e.Name, autoStart: false, maxValue: e.Steps(options))).ToArray();
            for (int i = 0; i < selected.Length; i++)
            {
                ProgressTask task = tasks[i];
                task.StartTask();
                var context = new ExperimentContext(options, data, steps => task.Increment(steps));
                var watch = Stopwatch.StartNew();
                selected[i].Run(context);
                task.Value = task.MaxValue;
                task.StopTask();
                finished.Add((selected[i], context, watch.Elapsed));
            }
        });
}

var rows = new List<(string Experiment, string Result, string Value)>();
foreach ((IExperiment experiment, ExperimentContext context, TimeSpan elapsed) in finished)
{
    rows.AddRange(context.Results.Select(r => (experiment.Name, r.Quantity, r.Value)));
    rows.AddRange(context.Figures.Select(f => (experiment.Name, "figure", Path.GetRelativePath(Environment.CurrentDirectory, f))));
    rows.Add((experiment.Name, "time", string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s")));
}

// Wrapped to the terminal's width, or not at all in a log, and never inside a file name.
foreach (string line in SummaryTable.Format(rows, redirected ? null : AnsiConsole.Profile.Width))
{
    Console.WriteLine(line);
}

AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Done in {clock.Elapsed.TotalSeconds:0.0} s; figures are in [bold]{Path.GetFullPath(options.OutputFolder)}[/].");
return 0;
