using ScottPlot;

namespace InfoTheory.Demo.Figures;

/// <summary>Training curves: several named series against the epoch or optimiser step.</summary>
internal static class LineChartFigure
{
    /// <summary>Draws every series against 1, 2, … (epochs or steps) and writes a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="yLabel">The quantity and its unit, e.g. "nats per image".</param>
    /// <param name="series">At least one series, each with at least one finite value.</param>
    /// <param name="xLabel">What the values are counted in.</param>
    /// <returns>The full path written.</returns>
    public static string Write(string path, string title, string yLabel, IReadOnlyList<ChartSeries> series, string xLabel = "epoch")
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        Plot plot = Figure.Create();
        foreach (ChartSeries s in series)
        {
            if (s.Values.Count == 0 || s.Values.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Series '{s.Name}' is empty or has a non-finite value.", nameof(series));
            }

            double[] xs = Enumerable.Range(1, s.Values.Count).Select(e => (double)e).ToArray();
            var line = plot.Add.Scatter(xs, s.Values.ToArray());
            line.LegendText = s.Name;
            line.LineWidth = 2;
            line.MarkerSize = s.Values.Count > 40 ? 0 : 4;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return Figure.Save(plot, path, 800, 500);
    }
}
