namespace InfoTheory.Variational.Data;

/// <summary>
/// The UCI "Optical Recognition of Handwritten Digits" 8×8 images, shipped inside this package as the default
/// dataset: 1797 samples, 64 features, labels 0–9.
/// </summary>
/// <remarks>
/// The data is the test set redistributed with scikit-learn (<c>load_digits</c>), embedded as a gzip CSV of 64
/// pixel counts (integers 0..16, 8×8 row-major) followed by the label. Source: E. Alpaydin and C. Kaynak (1998),
/// "Optical Recognition of Handwritten Digits", UCI Machine Learning Repository, licensed CC BY 4.0
/// (https://creativecommons.org/licenses/by/4.0/). Nothing is downloaded.
/// </remarks>
public static class Digits
{
    /// <summary>The number of samples, 1797.</summary>
    public const int SampleCount = 1797;

    /// <summary>The largest pixel value in the source data, 16; features are pixel / 16.</summary>
    public const int MaxPixel = 16;

    private const string ResourceName = "InfoTheory.Variational.Data.digits.csv.gz";

    private static readonly Lazy<Dataset> Cached = new(Parse);

    /// <summary>Loads the embedded digits.</summary>
    /// <returns>
    /// <see cref="SampleCount"/> samples of 64 features in [0, 1] (pixel / <see cref="MaxPixel"/>), labels 0..9, image
    /// shape 8×8. The dataset is immutable, so every call returns the same instance.
    /// </returns>
    public static Dataset Load() => Cached.Value;

    private static Dataset Parse()
    {
        using Stream stream = typeof(Digits).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(Digits).Assembly.GetName().Name}.");
        return CsvReader.Read(stream, labelColumn: -1, scale: 1f / MaxPixel, image: new ImageShape(8, 8));
    }
}
