using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Data;

/// <summary>Reads a numeric CSV table (one sample per line, optionally gzip-compressed) into a <see cref="Dataset"/>.</summary>
/// <remarks>
/// The text is UTF-8, with or without a byte-order mark, or UTF-16 (either byte order) when it starts with
/// the UTF-16 byte-order mark. Cells are parsed with the invariant culture (decimal point, optional exponent),
/// surrounding spaces and tabs ignored; blank lines are skipped; quoting is not supported. Every data line must
/// have the same number of cells. A file is read whole and validated before anything is returned: bytes that
/// are not valid in the encoding, a bad cell, a ragged line or a truncated gzip file raise
/// <see cref="InvalidDataException"/> naming the line and column (both 1-based), never a partial dataset.
/// </remarks>
public static class CsvReader
{
    /// <summary>Reads a CSV file, plain or gzip (detected from its first bytes).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="hasHeader">Whether the first non-blank line holds column names; it must have as many cells as the data lines.</param>
    /// <param name="labelColumn">
    /// The 0-based column holding an integer class label &gt;= 0, negative to count from the end (−1 is the last
    /// column), or <see langword="null"/> when every column is a feature.
    /// </param>
    /// <param name="scale">A finite factor &gt; 0 every feature is multiplied by, e.g. 1/255 for 8-bit pixels.</param>
    /// <param name="image">The image shape of the features, or <see langword="null"/>; its pixel count must equal the feature count.</param>
    /// <param name="delimiter">The cell separator.</param>
    /// <returns>A dataset of one sample per data line.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or contains a NUL character, or <paramref name="image"/> does not fit the feature count.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not finite and &gt; 0, or <paramref name="labelColumn"/> is outside the table.</exception>
    /// <exception cref="InvalidDataException">Bytes not valid in the text's encoding, no data line, a ragged line, a non-numeric or non-finite cell, a label that is not an integer &gt;= 0, or corrupt gzip.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Dataset Read(string path, bool hasHeader = false, int? labelColumn = null, float scale = 1f, ImageShape? image = null, char delimiter = ',')
    {
        Guard.FilePath(path, nameof(path));
        Guard.Positive(scale, nameof(scale));
        return Parse(DataFile.ReadAllBytes(path), path, hasHeader, labelColumn, scale, image, delimiter);
    }

    /// <summary>Reads CSV content from a stream, plain or gzip (detected from its first bytes), to its end.</summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="hasHeader">Whether the first non-blank line holds column names; it must have as many cells as the data lines.</param>
    /// <param name="labelColumn">The 0-based label column, negative to count from the end, or <see langword="null"/> for none.</param>
    /// <param name="scale">A finite factor &gt; 0 every feature is multiplied by.</param>
    /// <param name="image">The image shape of the features, or <see langword="null"/>.</param>
    /// <param name="delimiter">The cell separator.</param>
    /// <returns>A dataset of one sample per data line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="image"/> does not fit the feature count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not finite and &gt; 0, or <paramref name="labelColumn"/> is outside the table.</exception>
    /// <exception cref="InvalidDataException">Bytes not valid in the text's encoding, no data line, a ragged line, a non-numeric or non-finite cell, a label that is not an integer &gt;= 0, or corrupt gzip.</exception>
    public static Dataset Read(Stream stream, bool hasHeader = false, int? labelColumn = null, float scale = 1f, ImageShape? image = null, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        Guard.Positive(scale, nameof(scale));
        return Parse(DataFile.ReadAllBytes(stream, "CSV stream"), "CSV stream", hasHeader, labelColumn, scale, image, delimiter);
    }

    private static Dataset Parse(byte[] bytes, string source, bool hasHeader, int? labelColumn, float scale, ImageShape? image, char delimiter)
    {
        string text = Decode(bytes, source, delimiter);
        var features = new List<float>();
        var labels = new List<int>();
        int columns = -1;
        int label = -1;
        int lineNumber = 0;
        bool headerPending = hasHeader;
        foreach (ReadOnlySpan<char> rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            ReadOnlySpan<char> line = rawLine.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            int cells = line.Count(delimiter) + 1;
            if (columns < 0)
            {
                columns = cells;
                label = ResolveLabelColumn(labelColumn, columns);
            }
            else if (cells != columns)
            {
                throw new InvalidDataException(
                    $"{source}, line {lineNumber}: {cells} cells, but the first line has {columns}; every line must have the same number of cells.");
            }

            if (headerPending)
            {
                headerPending = false;
                continue;
            }

            int column = 0;
            foreach (Range range in line.Split(delimiter))
            {
                ReadOnlySpan<char> cell = line[range].Trim(" \t");
                column++;
                if (column - 1 == label)
                {
                    labels.Add(ParseLabel(cell, source, lineNumber, column));
                }
                else
                {
                    features.Add(ParseFeature(cell, source, lineNumber, column) * scale);
                }
            }
        }

        if (features.Count == 0)
        {
            throw new InvalidDataException($"{source}: no data lines.");
        }

        int featureCount = label >= 0 ? columns - 1 : columns;
        for (int i = 0; i < features.Count; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                // Only a huge scale can overflow a finite cell; report the cell it happened to.
                throw new InvalidDataException(
                    $"{source}: data row {(i / featureCount) + 1}, feature {(i % featureCount) + 1} overflows to {Guard.Format(features[i])} after scaling by {Guard.Format(scale)}.");
            }
        }

        return Dataset.FromRows(CollectionsMarshal.AsSpan(features), featureCount, CollectionsMarshal.AsSpan(labels), image);
    }

    // UTF-16 only with its byte-order mark: without one, UTF-16 text of ASCII digits is also valid UTF-8 (with NULs).
    private static string Decode(byte[] bytes, string source, char delimiter)
    {
        bool littleEndian = bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE;
        bool bigEndian = bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF;
        Encoding encoding = littleEndian || bigEndian
            ? new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true)
            : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int start = littleEndian || bigEndian ? 2 : 0;
        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            (string prefix, int offset, string what) = littleEndian || bigEndian
                ? ValidUtf16Prefix(bytes.AsSpan(start), bigEndian)
                : ValidUtf8Prefix(bytes);
            throw Undecodable(source, prefix.TrimStart('\uFEFF'), start + offset, what, delimiter);
        }
    }

    // The text before the first invalid UTF-8 sequence, its byte offset, and what is wrong there.
    private static (string Prefix, int Offset, string What) ValidUtf8Prefix(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        return (new string(chars, 0, written), read, $"byte 0x{bytes[read]:X2} does not continue a valid UTF-8 sequence");
    }

    // The text before the first unpaired surrogate or odd trailing byte of UTF-16, its byte offset, and what is wrong.
    private static (string Prefix, int Offset, string What) ValidUtf16Prefix(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var chars = new char[bytes.Length / 2];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(bigEndian ? (bytes[2 * i] << 8) | bytes[(2 * i) + 1] : bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        for (int i = 0; i < chars.Length; i++)
        {
            bool paired = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
            if (paired)
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                return (new string(chars, 0, i), 2 * i, $"U+{(int)chars[i]:X4} is an unpaired UTF-16 surrogate");
            }
        }

        return (new string(chars), 2 * chars.Length, "a last odd byte does not make a UTF-16 code unit");
    }

    private static InvalidDataException Undecodable(string source, string prefix, int offset, string what, char delimiter)
    {
        int line = 0;
        ReadOnlySpan<char> last = default;
        foreach (ReadOnlySpan<char> text in prefix.AsSpan().EnumerateLines())
        {
            line++;
            last = text;
        }

        int column = last.Count(delimiter) + 1;
        return new InvalidDataException(
            $"{source}, line {line}, column {column}: {what} (byte offset {offset}, character {last.Length + 1} of the line); the text must be UTF-8, or UTF-16 with a byte-order mark.");
    }

    private static int ResolveLabelColumn(int? labelColumn, int columns)
    {
        if (labelColumn is not { } requested)
        {
            return -1;
        }

        int resolved = requested < 0 ? columns + requested : requested;
        if (resolved < 0 || resolved >= columns || columns < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(labelColumn), requested, $"{nameof(labelColumn)} is {requested} but the table has {columns} columns; a label column needs at least one feature column beside it.");
        }

        return resolved;
    }

    private static float ParseFeature(ReadOnlySpan<char> cell, string source, int line, int column)
    {
        if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
        {
            throw new InvalidDataException($"{source}, line {line}, column {column}: '{cell}' is not a number.");
        }

        if (!float.IsFinite(value))
        {
            throw new InvalidDataException($"{source}, line {line}, column {column}: '{cell}' is not finite; features must be finite.");
        }

        return value;
    }

    private static int ParseLabel(ReadOnlySpan<char> cell, string source, int line, int column)
    {
        if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 0)
        {
            throw new InvalidDataException($"{source}, line {line}, column {column}: label '{cell}' is not an integer >= 0.");
        }

        return value;
    }
}
