using InfoTheory.Variational.Data;

namespace InfoTheory.Demo.Figures;

/// <summary>One labelled row of an <see cref="ImageGridFigure"/>: images of equal shape, pixel values in [0, 1], row-major.</summary>
internal sealed record ImageRow(string Label, IReadOnlyList<float[]> Images)
{
    /// <summary>Rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of a matrix (one image per row) as a row of images.</summary>
    public static ImageRow FromMatrix(string label, float[,] images, int start, int count)
    {
        int pixels = images.GetLength(1);
        var row = new float[count][];
        for (int i = 0; i < count; i++)
        {
            row[i] = new float[pixels];
            for (int j = 0; j < pixels; j++)
            {
                row[i][j] = images[start + i, j];
            }
        }

        return new ImageRow(label, row);
    }

    /// <summary>Samples <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of a dataset as a row of images.</summary>
    public static ImageRow FromDataset(string label, Dataset data, int start, int count) =>
        new(label, Enumerable.Range(start, count).Select(i => data.Row(i).ToArray()).ToArray());
}
