using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Serialization;

/// <summary>
/// Saves and loads a module's parameters in the safetensors layout: an 8-byte little-endian
/// header length, a JSON header naming each tensor's dtype, shape and byte range, then the raw
/// little-endian elements.
/// </summary>
/// <remarks>
/// <para>Header example: <c>{"__metadata__":{"format":"InfoTheory.Variational","format_version":"2",
/// "library_version":"0.1.0","model":"VariationalAutoencoder",...},
/// "0.weight":{"dtype":"F32","shape":[784,400],"data_offsets":[0,1254400]}, ...}</c>; offsets count
/// bytes from the end of the header, which is padded with spaces to a multiple of 8 bytes.
/// Files written here can be read by the safetensors library and vice versa (F32/F64 only).</para>
/// <para>Metadata is safetensors' <c>__metadata__</c>, a map of strings to strings. Format version 1 (files without a
/// <c>format_version</c>) held only <c>format</c>; version 2 (<see cref="FormatVersion"/>) adds <c>format_version</c>,
/// <c>library_version</c> and the caller's entries: a model's description of itself (kind, sizes, activations,
/// likelihood, objective settings; see <see cref="Models.VariationalAutoencoder.Load(string)"/>) or an optimizer's
/// state (see <see cref="Optim.Optimizer{T}.SaveState"/>). Both versions load; a newer version is refused.</para>
/// <para>Saving writes a temporary file beside the target (<c>.name.&lt;guid&gt;.tmp</c>) and renames it
/// over the target, so a crash never leaves a half-written file. A process killed mid-save leaves
/// its temporary file behind; the next save of the same path deletes every such file that no save
/// is still writing. Loading validates everything (lengths, JSON, names, dtypes, shapes, offsets)
/// before touching the model, so a bad file leaves it unchanged.</para>
/// </remarks>
public static class ParameterFile
{
    /// <summary>The format version this library writes into <c>format_version</c>; files of this or an earlier version load.</summary>
    public const int FormatVersion = 2;

    /// <summary>The metadata key of the format name, <c>"InfoTheory.Variational"</c>.</summary>
    public const string FormatKey = "format";

    /// <summary>The metadata key of the format version (absent in version-1 files).</summary>
    public const string FormatVersionKey = "format_version";

    /// <summary>The metadata key of the version of the library that wrote the file.</summary>
    public const string LibraryVersionKey = "library_version";

    private const string FormatName = "InfoTheory.Variational";
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100_000_000;

    private static readonly string LibraryVersion =
        (typeof(ParameterFile).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute attribute, ..]
            ? attribute.InformationalVersion
            : typeof(ParameterFile).Assembly.GetName().Version?.ToString()) ?? "unknown";

    /// <summary>Writes every parameter of <paramref name="module"/> to <paramref name="path"/>, replacing any existing file atomically.</summary>
    /// <typeparam name="T">The element type (float is stored as F32, double as F64).</typeparam>
    /// <param name="module">The module whose <see cref="Module{T}.NamedParameters"/> are saved.</param>
    /// <param name="path">The destination file.</param>
    /// <param name="metadata">Entries added to the file's metadata, or null; the keys <see cref="FormatKey"/>, <see cref="FormatVersionKey"/> and <see cref="LibraryVersionKey"/> are the library's own.</param>
    /// <exception cref="ArgumentNullException"><paramref name="module"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="metadata"/> has a null value or one of the library's own keys.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save<T>(Module<T> module, string path, IReadOnlyDictionary<string, string>? metadata = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Write(module.NamedParameters(), metadata, path, nameof(metadata));
    }

    // <summary>Writes named tensors and metadata as a parameter file; the one writer behind every save (modules, optimizer state).</summary>
    internal static void Write<T>(IReadOnlyList<KeyValuePair<string, AutodiffTensor<T>>> named, IReadOnlyDictionary<string, string>? metadata, string path, string metadataName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var entries = new List<KeyValuePair<string, string>>
        {
            new(FormatKey, FormatName),
            new(FormatVersionKey, FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(LibraryVersionKey, LibraryVersion),
        };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            if (key is FormatKey or FormatVersionKey or LibraryVersionKey || value is null)
            {
                throw new ArgumentException(
                    $"{metadataName}[\"{key}\"] is {(value is null ? "null" : "one of the library's own keys")}; give string values under other keys.", metadataName);
            }

            entries.Add(new(key, value));
        }

        string dtype = DType<T>();
        int elementSize = Marshal.SizeOf<T>();

        var headerStream = new MemoryStream();
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            json.WriteStartObject(MetadataKey);
            foreach (var (key, value) in entries)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            long offset = 0;
            foreach (var (name, tensor) in named)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype);
                json.WriteStartArray("shape");
                foreach (int d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += (long)tensor.Length * elementSize;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        while (headerStream.Length % 8 != 0)
        {
            headerStream.WriteByte((byte)' ');
        }

        string fullPath = Path.GetFullPath(path);
        RemoveStaleTemporaries(fullPath);
        string temporary = TemporaryPath(fullPath, Guid.NewGuid().ToString("N"));
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Span<byte> lengthBytes = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)headerStream.Length);
                file.Write(lengthBytes);
                headerStream.Position = 0;
                headerStream.CopyTo(file);
                foreach (var (_, tensor) in named)
                {
                    WriteLittleEndian<T>(file, tensor.Values);
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    private static string TemporaryPath(string fullPath, string id)
        => Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", $".{Path.GetFileName(fullPath)}.{id}.tmp");

    // Deletes the temporary files of earlier saves of this path that were killed before their rename. A save in
    // progress holds its file open with FileShare.None, so opening it fails and it is left alone.
    private static void RemoveStaleTemporaries(string fullPath)
    {
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string prefix = $".{Path.GetFileName(fullPath)}.";
        foreach (string candidate in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            // The pattern's wildcards may match more than this path's files (a name can itself hold '?').
            string name = Path.GetFileName(candidate);
            string id = name.Length == prefix.Length + 32 + 4 ? name.Substring(prefix.Length, 32) : string.Empty;
            if (!Guid.TryParseExact(id, "N", out _) || !string.Equals(TemporaryPath(fullPath, id), candidate, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var stale = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another save is writing it, or it vanished meanwhile: either way it is not ours to remove.
            }
        }
    }

    /// <summary>Reads parameters saved by <see cref="Save{T}"/> into <paramref name="module"/>, which must have exactly the same names and shapes.</summary>
    /// <typeparam name="T">The element type; the file's dtype must match it.</typeparam>
    /// <param name="module">The module to fill; unchanged if anything is wrong with the file.</param>
    /// <param name="path">The file to read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is truncated or corrupt, or its names, dtypes or shapes do not match the module; the message says which.</exception>
    public static void Load<T>(Module<T> module, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Read(File.ReadAllBytes(path), module.NamedParameters(), path);
    }

    /// <summary>The metadata of a parameter file: the library's keys (<see cref="FormatKey"/>, and from version 2 <see cref="FormatVersionKey"/> and <see cref="LibraryVersionKey"/>) and whatever its writer added.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The <c>__metadata__</c> entries; empty for a file without any.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, its header is corrupt, its metadata is not a map of strings to strings, or its format version is newer than <see cref="FormatVersion"/>.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Metadata(File.ReadAllBytes(path), path, out _);
    }

    // <summary>The metadata of the bytes of a parameter file read from <paramref name="path"/>; see <see cref="ReadMetadata(string)"/>.</summary>
    // <param name="bytes">The whole file.</param>
    // <param name="path">The file's path, for messages.</param>
    // <param name="dataBytes">The length of the data section after the header.</param>
    internal static IReadOnlyDictionary<string, string> Metadata(byte[] bytes, string path, out long dataBytes)
    {
        using JsonDocument doc = ParseHeader(bytes, path, out int dataStart);
        dataBytes = bytes.Length - dataStart;
        return MetadataOf(doc.RootElement, path);
    }

    // <summary>Validates the bytes of a parameter file against <paramref name="named"/> (names, dtypes, shapes) and only then copies every tensor in.</summary>
    internal static void Read<T>(byte[] bytes, IReadOnlyList<KeyValuePair<string, AutodiffTensor<T>>> named, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var plan = Validate<T>(bytes, named, path);
        for (int i = 0; i < named.Count; i++)
        {
            ReadLittleEndian(bytes.AsSpan(plan[i].Start, plan[i].Length), named[i].Value.Values);
        }
    }

    private static JsonDocument ParseHeader(byte[] bytes, string path, out int dataStart)
    {
        if (bytes.Length < 8)
        {
            throw Bad(path, $"it has {bytes.Length} bytes, fewer than the 8-byte header length");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(bytes.Length - 8))
        {
            throw Bad(path, $"its header claims {headerLength} bytes but only {bytes.Length - 8} follow (truncated or not a parameter file)");
        }

        dataStart = 8 + (int)headerLength;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Parameter file '{path}' has a corrupt JSON header: {e.Message}", e);
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw Bad(path, "its header is not a JSON object");
        }

        return doc;
    }

    // safetensors' __metadata__ is a map of strings to strings; anything else is a corrupt file, as is a version this
    // library cannot know the meaning of.
    private static Dictionary<string, string> MetadataOf(JsonElement root, string path)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(MetadataKey, out JsonElement element))
        {
            return metadata;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Bad(path, $"its {MetadataKey} is a JSON {element.ValueKind}, not an object of strings");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !metadata.TryAdd(property.Name, property.Value.GetString()!))
            {
                throw Bad(path, $"its {MetadataKey} entry '{property.Name}' is repeated or not a string");
            }
        }

        if (metadata.TryGetValue(FormatVersionKey, out string? version)
            && !(int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= FormatVersion))
        {
            throw Bad(path, $"its {FormatVersionKey} is '{version}'; this library reads versions 1 to {FormatVersion} (a newer library wrote it, or it is corrupt)");
        }

        return metadata;
    }

    private static (int Start, int Length)[] Validate<T>(byte[] bytes, IReadOnlyList<KeyValuePair<string, AutodiffTensor<T>>> named, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using (JsonDocument doc = ParseHeader(bytes, path, out int dataStart))
        {
            long dataLength = bytes.Length - dataStart;
            var entries = ReadEntries(doc.RootElement, path);
            MetadataOf(doc.RootElement, path);

            foreach (var (name, _) in named)
            {
                if (!entries.ContainsKey(name))
                {
                    throw Bad(path, $"it has no tensor named '{name}', which the model needs");
                }
            }

            if (entries.Count != named.Count)
            {
                string extra = entries.Keys.First(k => !named.Any(p => p.Key == k));
                throw Bad(path, $"it has a tensor named '{extra}' that the model does not have");
            }

            string dtype = DType<T>();
            int elementSize = Marshal.SizeOf<T>();
            var plan = new (int Start, int Length)[named.Count];
            long end = 0;
            for (int i = 0; i < named.Count; i++)
            {
                var (name, tensor) = named[i];
                var entry = entries[name];
                var (fileDType, shape, begin, stop) = ReadEntry(entry, name, path);
                if (fileDType != dtype)
                {
                    throw Bad(path, $"tensor '{name}' has dtype {fileDType} but the model stores {dtype}");
                }

                if (!shape.AsSpan().SequenceEqual(tensor.Shape))
                {
                    throw Bad(path, $"tensor '{name}' has shape {Shapes.Format(shape)} but the model's has shape {Shapes.Format(tensor.Shape)}");
                }

                if (begin < 0 || stop < begin || stop > dataLength || stop - begin != (long)tensor.Length * elementSize)
                {
                    throw Bad(path, $"tensor '{name}' has data_offsets [{begin}, {stop}], which do not hold {tensor.Length} elements within the {dataLength} data bytes (truncated or corrupt)");
                }

                plan[i] = (dataStart + (int)begin, (int)(stop - begin));
                end = Math.Max(end, stop);
            }

            if (end != dataLength)
            {
                throw Bad(path, $"its data section has {dataLength} bytes but the tensors account for {end}");
            }

            RequireDisjoint(plan, named, path);
            return plan;
        }
    }

    // The tensors of the header by name; a name given twice would silently lose one of them.
    private static Dictionary<string, JsonElement> ReadEntries(JsonElement root, string path)
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        bool metadata = false;
        foreach (var property in root.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"Parameter file '{path}' has a header key that is not valid UTF-8: {e.Message}", e);
            }

            bool repeated;
            if (name == MetadataKey)
            {
                repeated = metadata;
                metadata = true;
            }
            else
            {
                repeated = !entries.TryAdd(name, property.Value);
            }

            if (repeated)
            {
                throw Bad(path, $"its header has the key '{name}' more than once");
            }
        }

        return entries;
    }

    // Two tensors whose byte ranges overlap would load as aliases of each other's bytes.
    private static void RequireDisjoint<T>((int Start, int Length)[] plan, IReadOnlyList<KeyValuePair<string, AutodiffTensor<T>>> named, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int[] order = [.. Enumerable.Range(0, plan.Length).Where(i => plan[i].Length > 0).OrderBy(i => plan[i].Start)];
        for (int j = 1; j < order.Length; j++)
        {
            var (previous, current) = (plan[order[j - 1]], plan[order[j]]);
            if (current.Start < previous.Start + previous.Length)
            {
                throw Bad(path, $"tensors '{named[order[j - 1]].Key}' and '{named[order[j]].Key}' have overlapping data_offsets; each tensor needs its own bytes");
            }
        }
    }

    private static (string DType, int[] Shape, long Begin, long End) ReadEntry(JsonElement entry, string name, string path)
    {
        try
        {
            string? dtype = entry.GetProperty("dtype").GetString();
            var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (dtype is null || offsets.Length != 2)
            {
                throw Bad(path, $"tensor '{name}' needs a dtype string and two data_offsets");
            }

            return (dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Parameter file '{path}' has a malformed entry for tensor '{name}': {e.Message}", e);
        }
    }

    private static string DType<T>()
        => typeof(T) == typeof(float) ? "F32"
         : typeof(T) == typeof(double) ? "F64"
         : throw new NotSupportedException($"Parameter files store float or double elements, not {typeof(T).Name}.");

    private static void WriteLittleEndian<T>(Stream stream, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(bytes);
            return;
        }

        var copy = bytes.ToArray();
        int size = Marshal.SizeOf<T>();
        for (int i = 0; i < copy.Length; i += size)
        {
            Array.Reverse(copy, i, size);
        }

        stream.Write(copy);
    }

    private static void ReadLittleEndian<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        var target = MemoryMarshal.AsBytes(destination);
        source.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            int size = Marshal.SizeOf<T>();
            for (int i = 0; i < target.Length; i += size)
            {
                target.Slice(i, size).Reverse();
            }
        }
    }

    private static InvalidDataException Bad(string path, string what) => new($"Parameter file '{path}' cannot be loaded: {what}.");
}
