using System.Buffers.Binary;
using System.IO.Compression;

namespace InfoTheory.Variational.Data;

// <summary>Reads a data file whole, inflating it when it is gzip (recognised by its magic bytes, not its name).</summary>
// <remarks>
// <see cref="GZipStream"/> returns a truncated file's prefix without complaint, which would hand the reader a
// plausible partial dataset; the gzip trailer's ISIZE (RFC 1952: uncompressed length mod 2³²) is therefore
// compared with what was inflated. That check covers single-member files, which is what gzip writes.
// </remarks>
internal static class DataFile
{
    // <summary>Reads a file the caller has checked with <c>Guard.FilePath</c>, so that a bad path names the caller's parameter.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        return Decode(File.ReadAllBytes(path), path);
    }

    public static byte[] ReadAllBytes(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.ToArray(), source);
    }

    private static byte[] Decode(byte[] raw, string source)
    {
        bool isGzip = raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
        if (!isGzip)
        {
            return raw;
        }

        // Header (10) + trailer (8) is the least a gzip member can hold.
        if (raw.Length < 18)
        {
            throw new InvalidDataException($"{source}: gzip file of {raw.Length} bytes is truncated.");
        }

        byte[] inflated;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            inflated = output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: corrupt gzip data ({e.Message}).", e);
        }

        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(raw.AsSpan(raw.Length - 4));
        if (declared != unchecked((uint)inflated.Length))
        {
            throw new InvalidDataException(
                $"{source}: gzip trailer declares {declared} bytes (mod 2^32) but {inflated.Length} were inflated; the file is truncated or corrupt.");
        }

        return inflated;
    }
}
