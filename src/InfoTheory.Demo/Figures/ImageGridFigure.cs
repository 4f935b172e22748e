using InfoTheory.Variational.Data;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace InfoTheory.Demo.Figures;

/// <summary>Small images (digits, reconstructions, samples) in labelled rows, ink dark on white.</summary>
internal static class ImageGridFigure
{
    /// <summary>Tiles the rows' images with a one-pixel frame between them and writes a PNG.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="shape">The shape of every image.</param>
    /// <param name="rows">At least one row; each image has shape.PixelCount values, drawn on a 0 (white) to 1 (black) scale, clamped.</param>
    /// <returns>The full path written.</returns>
    public static string Write(string path, string title, ImageShape shape, IReadOnlyList<ImageRow> rows)
    {
        int columns = rows.Count == 0 ? 0 : rows.Max(r => r.Images.Count);
        if (columns == 0)
        {
            throw new ArgumentException("An image grid needs at least one image.", nameof(rows));
        }

        int cellWidth = shape.Width + 1;
        int cellHeight = shape.Height + 1;
        int gridWidth = (columns * cellWidth) - 1;
        int gridHeight = (rows.Count * cellHeight) - 1;

        // NaN marks the frame between images; the heat map paints it in the frame colour.
        var canvas = new double[gridHeight, gridWidth];
        for (int y = 0; y < gridHeight; y++)
        {
            for (int x = 0; x < gridWidth; x++)
            {
                canvas[y, x] = double.NaN;
            }
        }

        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < rows[r].Images.Count; c++)
            {
                float[] image = rows[r].Images[c];
                if (image.Length != shape.PixelCount)
                {
                    throw new ArgumentException(
                        $"Row '{rows[r].Label}', image {c} has {image.Length} pixels; {shape.Width}×{shape.Height} needs {shape.PixelCount}.", nameof(rows));
                }

                for (int py = 0; py < shape.Height; py++)
                {
                    for (int px = 0; px < shape.Width; px++)
                    {
                        canvas[(r * cellHeight) + py, (c * cellWidth) + px] = Math.Clamp(image[(py * shape.Width) + px], 0.0, 1.0);
                    }
                }
            }
        }

        Plot plot = Figure.Create();
        var heatmap = plot.Add.Heatmap(canvas);
        heatmap.Colormap = new ScottPlot.Colormaps.GrayscaleReversed();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.Gainsboro;

        // Without an extent cell (row r, column c) sits at (c, gridHeight − 1 − r); lower-left alignment makes it
        // the unit square from there, so the grid covers [0, gridWidth] × [0, gridHeight].
        heatmap.CellAlignment = Alignment.LowerLeft;

        // Row labels become the left axis's tick labels, so the axis makes room for them.
        var ticks = new NumericManual();
        for (int r = 0; r < rows.Count; r++)
        {
            ticks.AddMajor(gridHeight - (r * cellHeight) - (shape.Height / 2.0), rows[r].Label);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.HideGrid();
        plot.Axes.SetLimits(0, gridWidth, 0, gridHeight);
        plot.Title(title);

        // A fixed layout makes the data area exactly `scale` screen pixels per image pixel, so pixels stay square.
        int scale = Math.Max(2, 80 / shape.Width);
        var padding = new PixelPadding(left: 16 + (9 * rows.Max(r => r.Label.Length)), right: 10, bottom: 10, top: 40);
        plot.Layout.Fixed(padding);
        return Figure.Save(
            plot, path, (int)(gridWidth * scale + padding.Left + padding.Right), (int)(gridHeight * scale + padding.Top + padding.Bottom));
    }
}
