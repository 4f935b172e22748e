namespace InfoTheory.Demo.Figures;

/// <summary>One labelled row of an <see cref="ImageGridFigure"/>: images of equal shape, pixel values in [0, 1], row-major.</summary>
internal sealed record ImageRow(string Label, IReadOnlyList<float[]> Images);
