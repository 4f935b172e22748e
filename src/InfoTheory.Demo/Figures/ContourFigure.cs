using ScottPlot;

namespace InfoTheory.Demo.Figures;

/// <summary>A 2-D density as a heat map with contour lines, optionally with Gaussians' σ-ellipses and sample points on top.</summary>
internal static class ContourFigure
{
    private static readonly LinePattern[] SigmaPatterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];

    /// <summary>Draws exp(<paramref name="logDensity"/>) over <paramref name="region"/> and writes a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="logDensity">log p(x, y) in nats; −∞ where the density is 0.</param>
    /// <param name="region">The rectangle and grid resolution.</param>
    /// <param name="ellipses">Gaussians to outline at 1σ (solid), 2σ (dashed) and 3σ (dotted).</param>
    /// <param name="points">Sample points to scatter over the density.</param>
    /// <param name="contourCount">How many evenly spaced density levels get a contour line.</param>
    /// <param name="pointsLabel">The legend text of <paramref name="points"/>; "N samples" when null.</param>
    /// <returns>The full path written.</returns>
    public static string Write(
        string path,
        string title,
        Func<double, double, double> logDensity,
        PlotRegion region,
        IReadOnlyList<GaussianEllipse>? ellipses = null,
        IReadOnlyList<Coordinates>? points = null,
        int contourCount = 8,
        string? pointsLabel = null)
    {
        int n = region.Resolution;
        var grid = new Coordinates3d[n, n];
        var image = new double[n, n];
        for (int row = 0; row < n; row++)
        {
            double y = region.Y(row);
            for (int column = 0; column < n; column++)
            {
                double x = region.X(column);
                double density = Math.Exp(logDensity(x, y));
                if (!double.IsFinite(density))
                {
                    throw new InvalidOperationException($"The density at ({x}, {y}) is {density}; a figure needs finite values.");
                }

                grid[row, column] = new Coordinates3d(x, y, density);

                // Heat-map rows run top to bottom, grid rows bottom to top.
                image[n - 1 - row, column] = density;
            }
        }

        Plot plot = Figure.Create();
        var heatmap = plot.Add.Heatmap(image);

        // ScottPlot's extent runs from the first cell's centre to the last's, so the cells' edges span the region.
        heatmap.Extent = new CoordinateRect(region.X(0), region.X(n - 1), region.Y(0), region.Y(n - 1));
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(heatmap).Label = "density";

        var contours = plot.Add.ContourLines(grid, contourCount);
        contours.LineColor = Colors.White.WithAlpha(0.8);
        contours.LineWidth = 1;
        contours.LabelStyle.IsVisible = false;

        if (points is not null)
        {
            var scatter = plot.Add.ScatterPoints(points.ToArray(), Colors.Orange.WithAlpha(0.7));
            // A handful of marked points (starting means) must stand out; hundreds of samples must not hide the density.
            scatter.MarkerSize = points.Count < 20 ? 9 : 3;
            scatter.LegendText = pointsLabel ?? $"{points.Count} samples";
        }

        foreach (GaussianEllipse ellipse in ellipses ?? [])
        {
            for (int k = 1; k <= 3; k++)
            {
                var line = plot.Add.ScatterLine(ellipse.Contour(k), ellipse.Color);
                line.LineWidth = ellipse.LineWidth;
                line.LinePattern = SigmaPatterns[k - 1];
                if (k == 1)
                {
                    line.LegendText = $"{ellipse.Label} (1σ, 2σ, 3σ)";
                }
            }

            var mean = plot.Add.Marker(ellipse.MeanX, ellipse.MeanY, MarkerShape.Cross, 10, ellipse.Color);
            mean.LineWidth = 2;
        }

        if ((ellipses?.Count ?? 0) > 0 || points is not null)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        plot.Title(title);
        plot.XLabel("x₁");
        plot.YLabel("x₂");
        plot.Axes.SetLimits(region.XMin, region.XMax, region.YMin, region.YMax);
        plot.Axes.SquareUnits();
        return Figure.Save(plot, path, 720, 640);
    }
}
