using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Models;

// <summary>Checks a model's input dataset and sizes, and maps rows through a network in chunks.</summary>
internal static class ModelInput
{
    // Rows per forward pass at inference: bounds the pooled buffers for large datasets.
    private const int ChunkRows = 1024;

    // <summary>Checks that every row of <paramref name="data"/> has <paramref name="columns"/> features.</summary>
    public static Dataset Check(Dataset data, int columns, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (data.FeatureCount != columns)
        {
            throw new ArgumentException(
                $"{paramName} has {data.FeatureCount} features per sample but the model expects {columns}.", paramName);
        }

        return data;
    }

    // <summary>Applies <paramref name="map"/> (inputs [n, in] → outputs [n, out]) to every row without recording a graph.</summary>
    public static float[,] Map(ReadOnlySpan<float> rows, int inColumns, int outColumns, Func<AutodiffTensor<float>, AutodiffTensor<float>> map)
    {
        int count = rows.Length / inColumns;
        var result = new float[count, outColumns];
        using (Autograd.NoGrad())
        {
            for (int start = 0; start < count; start += ChunkRows)
            {
                int n = Math.Min(ChunkRows, count - start);
                using (TensorScope.Begin())
                {
                    var output = map(AutodiffTensor.FromValues<float>(rows.Slice(start * inColumns, n * inColumns), n, inColumns));
                    ReadOnlySpan<float> values = output.Values;
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < outColumns; j++)
                        {
                            result[start + i, j] = values[(i * outColumns) + j];
                        }
                    }
                }
            }
        }

        return result;
    }

    // <summary>Checks the sizes that define a network layer.</summary>
    public static int[] LayerSizes(IReadOnlyList<int> hiddenSizes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes, paramName);
        var sizes = new int[hiddenSizes.Count];
        for (int i = 0; i < sizes.Length; i++)
        {
            if (hiddenSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(paramName, hiddenSizes[i], $"{paramName}[{i}] is {hiddenSizes[i]}; layer sizes must be >= 1.");
            }

            sizes[i] = hiddenSizes[i];
        }

        return sizes;
    }

    // <summary>
    // Checks that every weight of the MLP input → hidden… → code (its decoder mirrors the same products) fits one tensor,
    // before any layer is built, so that the error names the caller's size rather than a layer's.
    // </summary>
    // <exception cref="ArgumentOutOfRangeException">A fan-in × fan-out exceeds <see cref="int.MaxValue"/>; it names the larger of the two sizes.</exception>
    public static void LayerWeights(int inputSize, int[] hidden, int codeSize, string hiddenName, string codeName)
    {
        (int width, string parameter, string label) = (inputSize, nameof(inputSize), nameof(inputSize));
        for (int i = 0; i <= hidden.Length; i++)
        {
            bool code = i == hidden.Length;
            (int next, string nextParameter, string nextLabel) = code ? (codeSize, codeName, codeName) : (hidden[i], hiddenName, $"{hiddenName}[{i}]");
            Guard.ElementCount(next >= width ? nextParameter : parameter, $"the layer weight {label} × {nextLabel}", width, next);
            (width, parameter, label) = (next, nextParameter, nextLabel);
        }
    }
}
