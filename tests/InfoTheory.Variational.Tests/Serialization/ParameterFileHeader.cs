using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace InfoTheory.Variational.Tests.Serialization;

/// <summary>Rewrites the JSON header of a parameter file in place, keeping its data bytes: how the tests make old-format and corrupt files.</summary>
internal static class ParameterFileHeader
{
    /// <summary>The header of a parameter file as JSON.</summary>
    public static JsonObject Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength))!.AsObject();
    }

    public static void Rewrite(string path, Action<JsonObject> edit)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength))!.AsObject();
        edit(header);
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8;
        byte[] data = bytes[(8 + headerLength)..];
        byte[] result = new byte[8 + padded + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)padded);
        json.CopyTo(result, 8);
        result.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        data.CopyTo(result, 8 + padded);
        File.WriteAllBytes(path, result);
    }

    /// <summary>Makes a file as the format-1 writer did: metadata holding only the format name.</summary>
    public static void MakeVersion1(string path)
        => Rewrite(path, header => header["__metadata__"] = new JsonObject { ["format"] = "InfoTheory.Variational" });

    /// <summary>Sets (or, with null, removes) one metadata entry.</summary>
    public static void SetMetadata(string path, string key, JsonNode? value)
        => Rewrite(path, header =>
        {
            var metadata = header["__metadata__"]!.AsObject();
            if (value is null)
            {
                metadata.Remove(key);
            }
            else
            {
                metadata[key] = value;
            }
        });
}
