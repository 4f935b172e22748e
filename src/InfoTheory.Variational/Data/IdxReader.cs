using System.Buffers.Binary;
using System.Globalization;

namespace InfoTheory.Variational.Data;

/// <summary>
/// Reads MNIST-style IDX files (LeCun, Cortes and Burges, "The MNIST database of handwritten digits", 1998),
/// plain or gzip-compressed, into a <see cref="Dataset"/> of images scaled to [0, 1].
/// </summary>
/// <remarks>
/// An IDX file is a big-endian header — magic 0x0000TTDD, where TT = 0x08 marks unsigned bytes and DD is the
/// number of dimensions — then DD 32-bit big-endian sizes, then the values. Images are 0x00000803
/// (count × rows × columns), labels 0x00000801 (count). Pixel p becomes the feature p / 255. The files must
/// hold exactly the declared data: a wrong magic, a size of 0, a short or over-long file, or image and label
/// counts that differ raise <see cref="InvalidDataException"/>, never a partial dataset. This library ships no
/// MNIST files and downloads nothing; the reader is for users who have them.
/// </remarks>
public static class IdxReader
{
    /// <summary>The magic number of an IDX file of unsigned-byte images (3 dimensions).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX file of unsigned-byte labels (1 dimension).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an images file and, optionally, its labels file.</summary>
    /// <param name="imagesPath">The IDX images file (e.g. train-images-idx3-ubyte or its .gz).</param>
    /// <param name="labelsPath">The matching IDX labels file, or <see langword="null"/> for an unlabelled dataset.</param>
    /// <returns>One sample per image: rows × columns features in [0, 1], row-major, with the image shape set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="imagesPath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="imagesPath"/> or <paramref name="labelsPath"/> is empty or contains a NUL character.</exception>
    /// <exception cref="InvalidDataException">A file is not the IDX layout described above, is truncated or over-long, or the counts differ.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static Dataset Read(string imagesPath, string? labelsPath = null)
    {
        InfoTheory.Internal.Guard.FilePath(imagesPath, nameof(imagesPath));
        if (labelsPath is not null)
        {
            InfoTheory.Internal.Guard.FilePath(labelsPath, nameof(labelsPath));
        }

        byte[] images = DataFile.ReadAllBytes(imagesPath);
        byte[]? labels = labelsPath is null ? null : DataFile.ReadAllBytes(labelsPath);
        return Parse(images, imagesPath, labels, labelsPath ?? string.Empty);
    }

    /// <summary>Reads IDX images and, optionally, labels from streams, each to its end.</summary>
    /// <param name="images">The IDX images content, plain or gzip; not disposed.</param>
    /// <param name="labels">The IDX labels content, plain or gzip, or <see langword="null"/>; not disposed.</param>
    /// <returns>One sample per image: rows × columns features in [0, 1], row-major, with the image shape set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="images"/> is null.</exception>
    /// <exception cref="InvalidDataException">The content is not the IDX layout described above, is truncated or over-long, or the counts differ.</exception>
    public static Dataset Read(Stream images, Stream? labels = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        byte[] imageBytes = DataFile.ReadAllBytes(images, "IDX images stream");
        byte[]? labelBytes = labels is null ? null : DataFile.ReadAllBytes(labels, "IDX labels stream");
        return Parse(imageBytes, "IDX images stream", labelBytes, "IDX labels stream");
    }

    private static Dataset Parse(byte[] images, string imagesSource, byte[]? labels, string labelsSource)
    {
        int[] shape = Header(images, ImagesMagic, imagesSource);
        int count = shape[0];
        int rows = shape[1];
        int columns = shape[2];
        int offset = 4 + (4 * shape.Length);
        long pixelsPerImage = (long)rows * columns;
        long expected = count * pixelsPerImage;
        if (pixelsPerImage > int.MaxValue || expected > Array.MaxLength)
        {
            throw new InvalidDataException($"{imagesSource}: {count} images of {rows}×{columns} pixels are too many to hold in memory.");
        }

        ExpectLength(images, offset, expected, imagesSource);
        var features = new float[expected];
        ReadOnlySpan<byte> pixels = images.AsSpan(offset);
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = pixels[i] / 255f;
        }

        int[] labelValues = [];
        if (labels is not null)
        {
            int[] labelShape = Header(labels, LabelsMagic, labelsSource);
            if (labelShape[0] != count)
            {
                throw new InvalidDataException($"{labelsSource}: {labelShape[0]} labels, but {imagesSource} has {count} images.");
            }

            ExpectLength(labels, 8, count, labelsSource);
            labelValues = new int[count];
            for (int i = 0; i < count; i++)
            {
                labelValues[i] = labels[8 + i];
            }
        }

        return Dataset.FromRows(features, (int)pixelsPerImage, labelValues, new ImageShape(columns, rows));
    }

    private static int[] Header(byte[] data, int magic, string source)
    {
        int dimensions = magic & 0xFF;
        int headerLength = 4 + (4 * dimensions);
        if (data.Length < 4)
        {
            throw new InvalidDataException($"{source}: {data.Length} bytes is too short for an IDX header.");
        }

        int found = BinaryPrimitives.ReadInt32BigEndian(data);
        if (found != magic)
        {
            throw new InvalidDataException(
                $"{source}: magic number is 0x{found.ToString("X8", CultureInfo.InvariantCulture)}, expected 0x{magic.ToString("X8", CultureInfo.InvariantCulture)} "
                + $"(unsigned bytes, {dimensions} dimension{(dimensions == 1 ? string.Empty : "s")}).");
        }

        if (data.Length < headerLength)
        {
            throw new InvalidDataException($"{source}: {data.Length} bytes is too short for the {headerLength}-byte IDX header.");
        }

        var sizes = new int[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4 + (4 * d)));
            if (sizes[d] <= 0)
            {
                throw new InvalidDataException($"{source}: dimension {d} has size {sizes[d]}; IDX sizes here must be >= 1.");
            }
        }

        return sizes;
    }

    private static void ExpectLength(byte[] data, int offset, long expected, string source)
    {
        long actual = data.Length - offset;
        if (actual < expected)
        {
            throw new InvalidDataException($"{source}: header declares {expected} data bytes but the file ends after {actual}; it is truncated.");
        }

        if (actual > expected)
        {
            throw new InvalidDataException($"{source}: header declares {expected} data bytes but {actual - expected} more follow; it is not a single IDX array.");
        }
    }
}
