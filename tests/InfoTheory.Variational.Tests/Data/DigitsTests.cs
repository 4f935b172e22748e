using System.Globalization;
using System.IO.Compression;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Tests.Data;

public class DigitsTests
{
    [Fact]
    public void Load_Has1797SamplesOf64Features_8By8()
    {
        Dataset digits = Digits.Load();

        digits.Count.Should().Be(1797);
        digits.FeatureCount.Should().Be(64);
        digits.Image.Should().Be(new ImageShape(8, 8));
    }

    [Fact]
    public void Load_LabelHistogram_MatchesScikitLearn()
    {
        // Per-class counts of sklearn.datasets.load_digits (and of the shipped CSV, counted in python3).
        int[] expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

        int[] histogram = new int[10];
        foreach (int label in Digits.Load().Labels)
        {
            histogram[label]++;
        }

        histogram.Should().Equal(expected);
    }

    [Fact]
    public void Load_FirstRow_IsTheFirstCsvLineOverSixteen()
    {
        // The first line of digits.csv.gz (a zero), read with zcat.
        int[] pixels = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
            0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0];

        Dataset digits = Digits.Load();

        digits.Row(0).ToArray().Should().Equal(pixels.Select(p => p / 16f));
        digits.Labels[0].Should().Be(0);
    }

    [Fact]
    public void Load_FeaturesLieInUnitInterval_AndSumAsInTheSource()
    {
        // Sum of every pixel of the CSV is 561718 (python3); features are pixel / 16.
        Dataset digits = Digits.Load();
        double sum = 0;
        foreach (float value in digits.Features)
        {
            value.Should().BeInRange(0f, 1f);
            sum += value;
        }

        sum.Should().BeApproximately(561718 / 16.0, 1e-6);
    }

    [Fact]
    public void Load_EqualsAnIndependentParseOfTheEmbeddedFile()
    {
        using Stream resource = typeof(Digits).Assembly.GetManifestResourceStream("InfoTheory.Variational.Data.digits.csv.gz")!;
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        string[] lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Dataset digits = Digits.Load();

        lines.Should().HaveCount(digits.Count);
        for (int i = 0; i < lines.Length; i++)
        {
            int[] cells = lines[i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            digits.Row(i).ToArray().Should().Equal(cells[..64].Select(p => p / 16f));
            digits.Labels[i].Should().Be(cells[64]);
        }
    }

    [Fact]
    public void Load_ReturnsTheSameImmutableInstance()
    {
        Digits.Load().Should().BeSameAs(Digits.Load());
    }
}
