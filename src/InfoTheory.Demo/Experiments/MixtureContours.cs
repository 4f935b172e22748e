using InfoTheory.Continuous;
using InfoTheory.Demo.Figures;
using ScottPlot;

namespace InfoTheory.Demo.Experiments;

/// <summary>The density P of the notes' worked example, with samples drawn from it.</summary>
internal sealed class MixtureContours : IExperiment
{
    private const int SampleCount = 500;

    public string Name => "mixture";

    public string Description => "contours of the notes' mixture P with 500 samples drawn from it (p-contours.png)";

    public int Steps(DemoOptions options) => 1;

    public void Run(ExperimentContext context)
    {
        GaussianMixture p = NotesMixture.Create();
        var flat = new double[SampleCount * 2];
        p.Sample(context.NewRandom(), flat);
        var samples = new Coordinates[SampleCount];
        for (int i = 0; i < SampleCount; i++)
        {
            samples[i] = new Coordinates(flat[2 * i], flat[(2 * i) + 1]);
        }

        context.AddFigure(ContourFigure.Write(
            context.FigurePath("p-contours.png"),
            "P = ½ N((0,0), diag(.25², .5²)) + ½ N((1,1), diag(.25², .25²))",
            (x, y) => NotesMixture.LogDensity(p, x, y),
            NotesMixture.Region,
            points: samples));
        context.Advance();
    }
}
