using System.Buffers.Binary;
using System.Text;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Serialization;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Serialization;

public class ParameterFileTests
{
    private static Sequential<float> Model(int seed, int hidden = 5)
    {
        var random = new Random(seed);
        return new Sequential<float>(new Linear<float>(3, hidden, random), new Relu<float>(), new Linear<float>(hidden, 2, random));
    }

    private static float[] Flat(Module<float> m) => [.. m.Parameters().SelectMany(p => p.ToArray())];

    [Fact]
    public void SaveThenLoad_RoundTripsEveryBit()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        var source = Model(1);
        var target = Model(2);

        ParameterFile.Save(source, path);
        ParameterFile.Load(target, path);

        Flat(target).Should().Equal(Flat(source));
        Directory.GetFiles(dir.Path).Should().ContainSingle("the temporary file was renamed, not left behind");
    }

    [Fact]
    public void Save_WritesTheFormatVersionAndTheCallersMetadata_WhichReadMetadataReturns()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path, new Dictionary<string, string> { ["note"] = "digits run 3" });

        var metadata = ParameterFile.ReadMetadata(path);

        metadata.Keys.Should().BeEquivalentTo(["format", "format_version", "library_version", "note"]);
        (metadata["format"], metadata["format_version"], metadata["note"]).Should().Be(("InfoTheory.Variational", "2", "digits run 3"));
        metadata["library_version"].Should().Be(typeof(ParameterFile).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion);
    }

    [Fact]
    public void Save_MetadataUnderALibraryKey_ThrowsNamingMetadata()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");

        FluentActions.Invoking(() => ParameterFile.Save(Model(1), path, new Dictionary<string, string> { ["format_version"] = "9" }))
            .Should().Throw<ArgumentException>().WithParameterName("metadata");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Load_Version1FileWithOnlyTheFormatName_LoadsAndReportsNoVersion()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "v1.safetensors");
        var source = Model(1);
        ParameterFile.Save(source, path);
        ParameterFileHeader.MakeVersion1(path);
        var target = Model(2);

        ParameterFile.Load(target, path);

        Flat(target).Should().Equal(Flat(source));
        ParameterFile.ReadMetadata(path).Should().BeEquivalentTo(new Dictionary<string, string> { ["format"] = "InfoTheory.Variational" });
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("two")]
    public void Load_UnknownFormatVersion_ThrowsInvalidData(string version)
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);
        ParameterFileHeader.SetMetadata(path, "format_version", version);

        FluentActions.Invoking(() => ParameterFile.Load(Model(2), path)).Should().Throw<InvalidDataException>().WithMessage($"*format_version is '{version}'*");
    }

    [Fact]
    public void Save_WritesTheSafetensorsLayout()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);

        byte[] bytes = File.ReadAllBytes(path);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        string header = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);

        (headerLength % 8).Should().Be(0);
        header.Should().Contain("\"0.weight\":{\"dtype\":\"F32\",\"shape\":[3,5],\"data_offsets\":[0,60]}");
        bytes.Length.Should().Be(8 + (int)headerLength + (4 * ((3 * 5) + 5 + (5 * 2) + 2)));
        BitConverter.ToSingle(bytes, 8 + (int)headerLength).Should().Be(Model(1).Parameters()[0].Values[0]);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsAndLeavesTheModelUntouched()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        var target = Model(2);
        var before = Flat(target);

        var act = () => ParameterFile.Load(target, path);

        act.Should().Throw<InvalidDataException>();
        Flat(target).Should().Equal(before);
    }

    [Fact]
    public void Load_CorruptHeader_Throws()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[9] = (byte)'#';
        File.WriteAllBytes(path, bytes);

        var act = () => ParameterFile.Load(Model(2), path);

        act.Should().Throw<InvalidDataException>().WithMessage("*JSON*");
    }

    [Fact]
    public void Load_TooShortForAHeader_Throws()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("tiny.safetensors", [1, 2, 3]);

        var act = () => ParameterFile.Load(Model(2), path);

        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void Load_ShapeMismatch_NamesTheTensorAndBothShapes()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1, hidden: 5), path);
        var target = Model(2, hidden: 6);
        var before = Flat(target);

        var act = () => ParameterFile.Load(target, path);

        act.Should().Throw<InvalidDataException>().WithMessage("*0.weight*[3, 5]*[3, 6]*");
        Flat(target).Should().Equal(before);
    }

    [Fact]
    public void Load_MissingTensor_NamesIt()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(new Sequential<float>(new Linear<float>(3, 5, new Random(1))), path);

        var act = () => ParameterFile.Load(Model(2), path);

        act.Should().Throw<InvalidDataException>().WithMessage("*2.weight*");
    }

    [Fact]
    public void Load_DTypeMismatch_Throws()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);
        var random = new Random(1);
        var doubleModel = new Sequential<double>(new Linear<double>(3, 5, random), new Relu<double>(), new Linear<double>(5, 2, random));

        var act = () => ParameterFile.Load(doubleModel, path);

        act.Should().Throw<InvalidDataException>().WithMessage("*F32*F64*");
    }

    [Fact]
    public void Save_OverExistingFile_ReplacesIt()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        ParameterFile.Save(Model(1), path);
        ParameterFile.Save(Model(3), path);
        var target = Model(2);

        ParameterFile.Load(target, path);

        Flat(target).Should().Equal(Flat(Model(3)));
    }

    [Fact]
    public void Save_IntoMissingDirectory_ThrowsAndLeavesNothingBehind()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "missing", "model.safetensors");

        var act = () => ParameterFile.Save(Model(1), path);

        act.Should().Throw<IOException>();
        Directory.GetFileSystemEntries(dir.Path).Should().BeEmpty();
    }

    [Fact]
    public void Load_HeaderWithADuplicateKey_ThrowsInvalidData()
    {
        const string entries = "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
            + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
            + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}";

        var act = () => LoadCrafted(Encoding.UTF8.GetBytes("{" + entries + "}"), dataBytes: 8);

        act.Should().Throw<InvalidDataException>().WithMessage("*'0.bias' more than once*");
    }

    [Fact]
    public void Load_TensorsWithOverlappingBytes_ThrowsInvalidData()
    {
        const string header = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
            + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";

        var act = () => LoadCrafted(Encoding.UTF8.GetBytes(header), dataBytes: 4);

        act.Should().Throw<InvalidDataException>().WithMessage("*'0.weight' and '0.bias' have overlapping data_offsets*");
    }

    [Fact]
    public void Load_KeyThatIsNotUtf8_ThrowsInvalidData()
    {
        byte[] header = [.. "{\"0.w"u8, 0xFF, .. "eight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"u8,
            .. "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}"u8];

        var act = () => LoadCrafted(header, dataBytes: 8);

        act.Should().Throw<InvalidDataException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public void LoadCrafted_WellFormedFile_Loads()
    {
        // The crafted layout itself is valid, so the rejections above are about the one defect each plants.
        const string header = "{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
            + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";

        LoadCrafted(Encoding.UTF8.GetBytes(header), dataBytes: 8).Should().Equal(0f, 0f);
    }

    [Fact]
    public void Save_RemovesTemporaryFilesOfKilledSaves_AndLeavesOneBeingWritten()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.safetensors");
        string orphan = Path.Combine(dir.Path, $".model.safetensors.{Guid.NewGuid():N}.tmp");
        string inProgress = Path.Combine(dir.Path, $".model.safetensors.{Guid.NewGuid():N}.tmp");
        string otherFiles = Path.Combine(dir.Path, $".other.safetensors.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(orphan, [1, 2, 3]);
        File.WriteAllBytes(otherFiles, [1, 2, 3]);
        using (new FileStream(inProgress, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            ParameterFile.Save(Model(1), path);

            File.Exists(orphan).Should().BeFalse("a killed save's temporary file is removed by the next save of that path");
            File.Exists(inProgress).Should().BeTrue("a save still writing its file must not lose it");
        }

        File.Exists(otherFiles).Should().BeTrue("temporary files of other paths are not this save's to remove");
        File.Exists(path).Should().BeTrue();
    }

    // A parameter file of one Linear(1, 1) layer with the given JSON header and zeroed data, loaded into such a model.
    private static float[] LoadCrafted(byte[] header, int dataBytes)
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "crafted.safetensors");
        int padded = (header.Length + 7) / 8 * 8;
        byte[] bytes = new byte[8 + padded + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        File.WriteAllBytes(path, bytes);
        var model = new Sequential<float>(new Linear<float>(1, 1, new Random(1)));

        ParameterFile.Load(model, path);
        return Flat(model);
    }
}
