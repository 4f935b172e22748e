using ScottPlot;

namespace InfoTheory.Demo.Figures;

/// <summary>What every figure shares: the shipped font, a fresh plot, and writing the PNG.</summary>
internal static class Figure
{
    /// <summary>The family of the fonts in the Fonts folder next to the program.</summary>
    public const string FontFamily = "DejaVu Sans";

    private static readonly Lazy<bool> FontsRegistered = new(RegisterFonts);

    /// <summary>A new plot whose text uses the shipped font, so figures look the same on every machine.</summary>
    public static Plot Create()
    {
        _ = FontsRegistered.Value;
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> to a PNG file, creating its folder, and disposes the plot.</summary>
    /// <returns>The full path written.</returns>
    public static string Save(Plot plot, string path, int width, int height)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        using (plot)
        {
            plot.SavePng(fullPath, width, height);
        }

        return fullPath;
    }

    private static bool RegisterFonts()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Fonts");
        foreach ((string file, bool bold) in new[] { ("DejaVuSans.ttf", false), ("DejaVuSans-Bold.ttf", true) })
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The demo's font {file} is missing; it is copied next to the program at build time.", path);
            }

            Fonts.AddFontFile(FontFamily, path, bold, italic: false);
        }

        Fonts.Default = FontFamily;
        return true;
    }
}
