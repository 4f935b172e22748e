using InfoTheory.Demo.Figures;
using InfoTheory.Variational.Data;

namespace InfoTheory.Demo.Experiments;

/// <summary>Several versions of the same images (originals, corrupted, reconstructed, …) stacked so each column is one image.</summary>
internal static class ImageComparison
{
    private const int PerRow = 8;

    /// <summary>
    /// Writes blocks of <see cref="PerRow"/> images, each block one row per version in the given order, or records why
    /// nothing was drawn when the samples are not images.
    /// </summary>
    /// <param name="context">Receives the figure or the reason it is missing.</param>
    /// <param name="fileName">The PNG's name in the output folder.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="shape">The image shape, or null when the samples are not images.</param>
    /// <param name="versions">Matrices with one image per row, all with the same rows; the first is usually the originals.</param>
    /// <param name="blocks">How many blocks of columns to show (fewer when there are not enough images).</param>
    public static void Write(
        ExperimentContext context, string fileName, string title, ImageShape? shape, IReadOnlyList<(string Label, float[,] Images)> versions, int blocks = 2)
    {
        if (shape is not { } s)
        {
            context.AddResult(fileName, "not drawn: the samples are not images");
            return;
        }

        int available = versions.Min(v => v.Images.GetLength(0));
        var rows = new List<ImageRow>();
        for (int b = 0; b < blocks && b * PerRow < available; b++)
        {
            int count = Math.Min(PerRow, available - (b * PerRow));
            rows.AddRange(versions.Select(v => ImageRow.FromMatrix(v.Label, v.Images, b * PerRow, count)));
        }

        context.AddFigure(ImageGridFigure.Write(context.FigurePath(fileName), title, s, rows));
    }

    /// <summary>Every row of <paramref name="images"/> as an image, <see cref="PerRow"/> to a row, each row labelled by its first and last number.</summary>
    public static void WriteSamples(ExperimentContext context, string fileName, string title, ImageShape? shape, float[,] images)
    {
        if (shape is not { } s)
        {
            context.AddResult(fileName, "not drawn: the samples are not images");
            return;
        }

        int count = images.GetLength(0);
        var rows = new List<ImageRow>();
        for (int start = 0; start < count; start += PerRow)
        {
            int n = Math.Min(PerRow, count - start);
            rows.Add(ImageRow.FromMatrix($"{start + 1}–{start + n}", images, start, n));
        }

        context.AddFigure(ImageGridFigure.Write(context.FigurePath(fileName), title, s, rows));
    }
}
