using System.Globalization;
using InfoTheory.Variational.Serialization;

namespace InfoTheory.Variational.Models;

// <summary>
// A model's description of itself in the metadata of its parameter file (format version 2): kind, sizes,
// activations and objective settings, written by <c>Save</c> and read by each model's static <c>Load</c>.
// </summary>
// <remarks>
// Keys: <c>model</c> (the public type's name), <c>input_size</c>, <c>hidden_sizes</c> (comma-separated, empty for
// none), <c>code_size</c> or <c>latent_size</c>, <c>activations</c>, and per kind <c>corruption</c>,
// <c>corruption_level</c>, <c>corruption_low</c>, <c>corruption_high</c> (denoising); <c>target_activation</c>,
// <c>sparsity_weight</c> (sparse); <c>likelihood</c>, <c>likelihood_variance</c>, <c>kl_weight</c> (VAE). Numbers
// are invariant-culture round-trip strings. Reading checks every value and that the parameter bytes are as many as
// the described network holds, before anything is allocated for it.
// </remarks>
internal sealed class ModelDescription
{
    public const string ModelKey = "model";
    public const string InputSizeKey = "input_size";
    public const string HiddenSizesKey = "hidden_sizes";
    public const string ActivationsKey = "activations";

    private readonly Dictionary<string, string> _entries;
    private readonly string _path;

    private ModelDescription(Dictionary<string, string> entries, string path) => (_entries, _path) = (entries, path);

    // <summary>The entries to write with the parameters.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    // <summary>The file's bytes, read once for the description and the parameters.</summary>
    public byte[] Bytes { get; private init; } = [];

    // <summary>The bytes of the file's data section, which the described network must fill exactly.</summary>
    private long DataBytes { get; init; }

    // <summary>A new description of a network with the given sizes.</summary>
    public static ModelDescription Create(string kind, int inputSize, IReadOnlyList<int> hiddenSizes, string codeKey, int codeSize, string activations)
    {
        var description = new ModelDescription(new Dictionary<string, string>(StringComparer.Ordinal), string.Empty);
        description._entries[ModelKey] = kind;
        description.Set(InputSizeKey, inputSize);
        description._entries[HiddenSizesKey] = string.Join(',', hiddenSizes.Select(h => h.ToString(CultureInfo.InvariantCulture)));
        description.Set(codeKey, codeSize);
        description._entries[ActivationsKey] = activations;
        return description;
    }

    // <summary>Reads the description of a <paramref name="kind"/> model from a file written by its <c>Save</c>.</summary>
    // <exception cref="InvalidDataException">The file is corrupt, has no description (an older format), or describes another kind or other activations.</exception>
    public static ModelDescription Read(string path, string kind, string activations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        var metadata = ParameterFile.Metadata(bytes, path, out long dataBytes);
        var description = new ModelDescription(new Dictionary<string, string>(metadata, StringComparer.Ordinal), path) { Bytes = bytes, DataBytes = dataBytes };
        if (!metadata.TryGetValue(ModelKey, out string? found))
        {
            throw new InvalidDataException(
                $"Parameter file '{path}' does not describe its model (it was written before format version {ParameterFile.FormatVersion}); "
                + $"construct a {kind} with the sizes it was saved with and call LoadParameters.");
        }

        if (found != kind)
        {
            throw description.Bad($"it describes a {found}, and {kind}.Load reads only {kind} files; load it with {found}.Load");
        }

        if (description.Text(ActivationsKey) != activations)
        {
            throw description.Bad($"its activations are '{description.Text(ActivationsKey)}' but a {kind} of this library has '{activations}'");
        }

        return description;
    }

    public void Set(string key, int value) => _entries[key] = value.ToString(CultureInfo.InvariantCulture);

    public void Set(string key, double value) => _entries[key] = value.ToString("R", CultureInfo.InvariantCulture);

    public void Set(string key, string value) => _entries[key] = value;

    public void SetCorruption(Corruption corruption)
    {
        Set("corruption", corruption.Kind.ToString());
        Set("corruption_level", corruption.Level);
        Set("corruption_low", (double)corruption.Low);
        Set("corruption_high", (double)corruption.High);
    }

    public void SetSparsity(double targetActivation, double sparsityWeight)
    {
        Set("target_activation", targetActivation);
        Set("sparsity_weight", sparsityWeight);
    }

    // <summary>A size &gt;= 1.</summary>
    public int Size(string key)
        => int.TryParse(Text(key), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw Bad($"its {key} is '{Text(key)}', not an integer >= 1");

    // <summary>The hidden widths, each &gt;= 1.</summary>
    public int[] HiddenSizes()
    {
        string text = Text(HiddenSizesKey);
        if (text.Length == 0)
        {
            return [];
        }

        string[] parts = text.Split(',');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                throw Bad($"its {HiddenSizesKey} is '{text}', not a comma-separated list of integers >= 1");
            }
        }

        return sizes;
    }

    // <summary>A finite number.</summary>
    public double Number(string key)
        => double.TryParse(Text(key), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Bad($"its {key} is '{Text(key)}', not a finite number");

    // <summary>The value of a key the description must have.</summary>
    public string Text(string key) => _entries.TryGetValue(key, out string? value) ? value : throw Bad($"its model description has no '{key}'");

    public Corruption Corruption()
    {
        string kind = Text("corruption");
        return Build(() => Enum.TryParse(kind, ignoreCase: false, out CorruptionKind parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
            ? parsed switch
            {
                CorruptionKind.Masking => Models.Corruption.Masking(Number("corruption_level")),
                CorruptionKind.AdditiveGaussian => Models.Corruption.AdditiveGaussian(Number("corruption_level")),
                _ => Models.Corruption.SaltAndPepper(Number("corruption_level"), (float)Number("corruption_low"), (float)Number("corruption_high")),
            }
            : throw Bad($"its corruption is '{kind}', not one of {string.Join(", ", Enum.GetNames<CorruptionKind>())}"));
    }

    // <summary>
    // Checks that the data section holds exactly <paramref name="parameters"/> single-precision elements, so a corrupt
    // size cannot make the model allocate more than the file holds.
    // </summary>
    public void RequireParameterCount(long parameters)
    {
        if (parameters * sizeof(float) != DataBytes)
        {
            throw Bad($"its description implies {parameters} parameters ({parameters * sizeof(float)} bytes) but its data section has {DataBytes} bytes");
        }
    }

    // <summary>Weights and biases of dense layers through the given widths: Σᵢ wᵢwᵢ₊₁ + wᵢ₊₁; saturates at long.MaxValue / 8, which no file matches.</summary>
    public static long DenseParameters(params ReadOnlySpan<int> widths)
    {
        long total = 0;
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            total = Math.Min(long.MaxValue / 8, total + ((long)widths[i] * widths[i + 1]) + widths[i + 1]);
        }

        return total;
    }

    // <summary>Builds part of the model from described values; a value the constructor rejects makes the file invalid.</summary>
    public TResult Build<TResult>(Func<TResult> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Parameter file '{_path}' describes a model that cannot be built: {e.Message}", e);
        }
    }

    private InvalidDataException Bad(string what) => new($"Parameter file '{_path}' cannot be loaded: {what}.");
}
