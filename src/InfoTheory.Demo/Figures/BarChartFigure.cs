using ScottPlot;

namespace InfoTheory.Demo.Figures;

/// <summary>Per-unit quantities as grouped bars, with an optional horizontal reference line (a target value).</summary>
internal static class BarChartFigure
{
    /// <summary>Draws one bar per value, the series side by side at positions 1, 2, …, and writes a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xLabel">What the positions are, e.g. "code unit".</param>
    /// <param name="yLabel">The quantity and its unit.</param>
    /// <param name="series">At least one series of equal, non-zero length, every value finite.</param>
    /// <param name="reference">A value to mark across the chart, with its legend text; none when null.</param>
    /// <returns>The full path written.</returns>
    public static string Write(
        string path, string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, (double Value, string Label)? reference = null)
    {
        int count = series.Count == 0 ? 0 : series[0].Values.Count;
        if (count == 0 || series.Any(s => s.Values.Count != count))
        {
            throw new ArgumentException("A bar chart needs at least one series, all of the same non-zero length.", nameof(series));
        }

        if (series.FirstOrDefault(s => s.Values.Any(v => !double.IsFinite(v))) is { } bad)
        {
            throw new ArgumentException($"Series '{bad.Name}' has a non-finite value.", nameof(series));
        }

        Plot plot = Figure.Create();
        double width = 0.8 / series.Count;
        for (int k = 0; k < series.Count; k++)
        {
            double offset = ((k + 0.5) * width) - 0.4;
            var bars = series[k].Values.Select((v, i) => new Bar { Position = i + 1 + offset, Value = v, Size = width * 0.9 }).ToArray();
            var plottable = plot.Add.Bars(bars);
            plottable.Color = plot.Add.Palette.GetColor(k);
            plottable.LegendText = series[k].Name;
        }

        if (reference is { } line)
        {
            var axisLine = plot.Add.HorizontalLine(line.Value, 2, Colors.Black, LinePattern.Dashed);
            axisLine.LegendText = line.Label;
        }

        // Room above the tallest bar keeps the legend off the bars.
        plot.Axes.Margins(bottom: 0, top: 0.3);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        return Figure.Save(plot, path, 900, 500);
    }
}
