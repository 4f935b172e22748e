namespace InfoTheory.Variational.Data;

/// <summary>The width and height, in pixels, of the images whose row-major pixels form a <see cref="Dataset"/>'s features.</summary>
/// <param name="Width">Pixels per image row, &gt;= 1.</param>
/// <param name="Height">Image rows, &gt;= 1.</param>
/// <remarks>Feature j of a sample is the pixel at row j / Width, column j % Width.</remarks>
public readonly record struct ImageShape(int Width, int Height)
{
    /// <summary>The number of pixels in one image.</summary>
    /// <returns>Width × Height, a count of features, exact for any two sides (a long, so that 65536 × 65536 does not wrap to 0).</returns>
    public long PixelCount => (long)Width * Height;
}
