using InfoTheory.Continuous;
using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Fitting;
using ScottPlot;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// The notes' worked example: a full-covariance Gaussian Q fitted to the mixture P with Adam on a clipped Monte Carlo
/// KL estimate. Forward KL(P‖Q) spreads one wide Gaussian over both modes (it lands on the closed-form moment
/// match); reverse KL(Q‖P) started from two different points locks onto one mode or the other.
/// </summary>
internal sealed class KlFitting : IExperiment
{
    private const int FigureSteps = 3;

    // Two starting Gaussians on opposite sides of P, each closer to one mode; reverse KL keeps each on its side.
    private static readonly (string Name, Gaussian Start)[] ReverseStarts =
    [
        ("start A", Gaussian.Diagonal([-0.6, -0.4], [0.09, 0.09])),
        ("start B", Gaussian.Diagonal([1.5, 1.6], [0.09, 0.09])),
    ];

    public string Name => "klfit";

    public string Description =>
        "Gaussian fits to P: forward KL(P‖Q) against moment matching (kl-forward.png), reverse KL(Q‖P) from two starts (kl-reverse.png), loss traces (kl-loss.png)";

    public int Steps(DemoOptions options) => (FitSteps(options) * (1 + ReverseStarts.Length)) + FigureSteps;

    public void Run(ExperimentContext context)
    {
        GaussianMixture p = NotesMixture.Create();
        var options = new KlFitOptions { Steps = FitSteps(context.Options), Seed = context.Options.Seed };
        var progress = new SynchronousProgress<KlFitProgress>(_ => context.Advance());

        KlFitResult forward = KlFit.Fit(p, KlDirection.Forward, options, progress);
        Gaussian matched = p.MomentMatched();
        Report(context, "forward KL(P‖Q)", forward);
        context.AddResult("moment matching: mean", Formatting.Vector(matched.Mean));
        context.AddResult("moment matching: covariance", Formatting.Matrix(matched.GetCovariance()));
        context.AddResult("KL(moment match ‖ forward fit), closed form", Formatting.Nats(Gaussian.KullbackLeibler(matched, forward.Fitted)));
        context.AddFigure(ContourFigure.Write(
            context.FigurePath("kl-forward.png"),
            "Forward KL(P‖Q): Q covers both modes, on the moment match",
            (x, y) => NotesMixture.LogDensity(p, x, y),
            NotesMixture.Region,
            ellipses:
            [
                Ellipse("moment matching (closed form)", matched, Colors.Cyan) with { LineWidth = 6 },
                Ellipse("fitted Q = argmin KL(P‖Q)", forward.Fitted, Colors.OrangeRed),
            ]));
        context.Advance();

        Color[] colors = [Colors.OrangeRed, Colors.DeepSkyBlue];
        var reverse = new KlFitResult[ReverseStarts.Length];
        var ellipses = new List<GaussianEllipse>();
        for (int i = 0; i < reverse.Length; i++)
        {
            (string name, Gaussian start) = ReverseStarts[i];
            reverse[i] = KlFit.Fit(p, KlDirection.Reverse, options with { Start = start }, progress);
            Report(context, $"reverse KL(Q‖P) from {name} {Formatting.Vector(start.Mean)}", reverse[i]);
            ellipses.Add(Ellipse($"Q from {name}", reverse[i].Fitted, colors[i]));
        }

        context.AddFigure(ContourFigure.Write(
            context.FigurePath("kl-reverse.png"),
            "Reverse KL(Q‖P) from two starts: each Q picks one mode",
            (x, y) => NotesMixture.LogDensity(p, x, y),
            NotesMixture.Region,
            ellipses: ellipses,
            points: [.. ReverseStarts.Select(s => new Coordinates(s.Start.Mean[0], s.Start.Mean[1]))],
            pointsLabel: "start means (A lower left, B upper right)"));
        context.Advance();

        var traces = new List<ChartSeries> { new("forward KL(P‖Q)", forward.LossTrace) };
        traces.AddRange(reverse.Select((r, i) => new ChartSeries($"reverse KL(Q‖P) from {ReverseStarts[i].Name}", r.LossTrace)));
        context.AddFigure(LineChartFigure.Write(
            context.FigurePath("kl-loss.png"), "Clipped Monte Carlo KL estimate per Adam step", "KL estimate (nats)", traces, xLabel: "Adam step"));
        context.Advance();
    }

    private static int FitSteps(DemoOptions options) => options.KlSteps ?? KlFitOptions.Default.Steps;

    private static void Report(ExperimentContext context, string fit, KlFitResult result)
    {
        context.AddResult($"{fit}: mean", Formatting.Vector(result.Fitted.Mean));
        context.AddResult($"{fit}: covariance", Formatting.Matrix(result.Fitted.GetCovariance()));
        context.AddResult($"{fit}: final KL", Formatting.Estimate(result.Kl));
    }

    private static GaussianEllipse Ellipse(string label, Gaussian g, Color color) =>
        new(label, g.Mean[0], g.Mean[1], g.Covariance(0, 0), g.Covariance(0, 1), g.Covariance(1, 1), color);
}
