using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Demo.Figures;
using ScottPlot;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// The density P of the notes' worked example with samples drawn from it, and P with the Gaussian that minimises
/// KL(P‖Q) in closed form (moment matching), the answer the forward-KL fit should reach.
/// </summary>
internal sealed class MixtureContours : IExperiment
{
    private const int SampleCount = 500;

    public string Name => "mixture";

    public string Description => "contours of the notes' mixture P with samples (p-contours.png) and its moment-matched Gaussian (p-moment-matching.png)";

    public int Steps => 2;

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

        (double[] mean, double[,] cov) = NotesMixture.Moments(p);
        var matched = new GaussianEllipse("moment-matched Q = argmin KL(P‖Q)", mean[0], mean[1], cov[0, 0], cov[0, 1], cov[1, 1], Colors.OrangeRed);
        context.AddFigure(ContourFigure.Write(
            context.FigurePath("p-moment-matching.png"),
            "P and the Gaussian minimising the forward KL(P‖Q), in closed form",
            (x, y) => NotesMixture.LogDensity(p, x, y),
            NotesMixture.Region,
            ellipses: [matched]));
        context.AddResult("moment-matched mean", string.Create(CultureInfo.InvariantCulture, $"({mean[0]:0.####}, {mean[1]:0.####})"));
        context.AddResult(
            "moment-matched covariance",
            string.Create(CultureInfo.InvariantCulture, $"[[{cov[0, 0]:0.#####}, {cov[0, 1]:0.#####}], [{cov[1, 0]:0.#####}, {cov[1, 1]:0.#####}]]"));
        context.Advance();
    }
}
