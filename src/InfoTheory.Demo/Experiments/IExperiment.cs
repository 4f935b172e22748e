namespace InfoTheory.Demo.Experiments;

/// <summary>One reproducible part of the notes: computes something and writes its figures.</summary>
internal interface IExperiment
{
    /// <summary>The --model value that selects it (lower case).</summary>
    string Name { get; }

    /// <summary>One line for --help.</summary>
    string Description { get; }

    /// <summary>How many progress steps <see cref="Run"/> reports under <paramref name="options"/> (epochs and fit steps count), for the progress bar.</summary>
    int Steps(DemoOptions options);

    /// <summary>Runs the experiment, reporting each finished step, its figures and its results to <paramref name="context"/>.</summary>
    void Run(ExperimentContext context);
}
