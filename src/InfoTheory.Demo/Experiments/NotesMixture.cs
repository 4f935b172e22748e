using InfoTheory.Continuous;
using InfoTheory.Demo.Figures;

namespace InfoTheory.Demo.Experiments;

/// <summary>The notes' worked example P = ½ N((0,0), diag(.25², .5²)) + ½ N((1,1), diag(.25², .25²)).</summary>
internal static class NotesMixture
{
    /// <summary>A square holding P's mass and the 3σ ellipse of its moment-matched Gaussian.</summary>
    public static PlotRegion Region { get; } = new(-1.5, 2.5, -1.5, 2.5);

    public static GaussianMixture Create() => new(
        [0.5, 0.5],
        [
            Gaussian.Diagonal([0.0, 0.0], [0.25 * 0.25, 0.5 * 0.5]),
            Gaussian.Diagonal([1.0, 1.0], [0.25 * 0.25, 0.25 * 0.25]),
        ]);

    /// <summary>log P(x₁, x₂) in nats.</summary>
    public static double LogDensity(GaussianMixture p, double x1, double x2)
    {
        Span<double> point = [x1, x2];
        return p.LogDensity(point);
    }
}
