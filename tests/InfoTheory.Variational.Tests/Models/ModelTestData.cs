using InfoTheory.Variational.Data;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Tests.Data;

namespace InfoTheory.Variational.Tests.Models;

/// <summary>Small digit sets and independent yardsticks shared by the model tests.</summary>
internal static class ModelTestData
{
    /// <summary>The first 500 embedded digits: enough to learn from in well under a second per model.</summary>
    public static Dataset Train { get; } = Digits.Load().Subset(Enumerable.Range(0, 500).ToArray());

    /// <summary>The 297 digits the PyTorch peer script also holds back (indices 1500..1796).</summary>
    public static Dataset Test { get; } = Digits.Load().Subset(Enumerable.Range(1500, 297).ToArray());

    /// <summary>Mean over rows of the squared Euclidean distance between matching rows.</summary>
    public static double MeanSquaredError(float[,] a, float[,] b)
    {
        double sum = 0;
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                double d = a[i, j] - b[i, j];
                sum += d * d;
            }
        }

        return sum / a.GetLength(0);
    }

    /// <summary>Each test row replaced by the mean training image: the error any useful autoencoder must beat.</summary>
    public static float[,] MeanImagePrediction(Dataset train, Dataset test)
    {
        var mean = new double[train.FeatureCount];
        for (int i = 0; i < train.Count; i++)
        {
            for (int j = 0; j < mean.Length; j++)
            {
                mean[j] += train.Row(i)[j] / (double)train.Count;
            }
        }

        var prediction = new float[test.Count, mean.Length];
        for (int i = 0; i < test.Count; i++)
        {
            for (int j = 0; j < mean.Length; j++)
            {
                prediction[i, j] = (float)mean[j];
            }
        }

        return prediction;
    }

    /// <summary>Masking noise written out directly (not through <see cref="Corruption"/>): each pixel zeroed with probability <paramref name="fraction"/>.</summary>
    public static float[,] Masked(float[,] clean, double fraction, int seed)
    {
        var random = new Random(seed);
        var result = (float[,])clean.Clone();
        for (int i = 0; i < result.GetLength(0); i++)
        {
            for (int j = 0; j < result.GetLength(1); j++)
            {
                if (random.NextDouble() < fraction)
                {
                    result[i, j] = 0f;
                }
            }
        }

        return result;
    }

    /// <summary>Column means of a matrix.</summary>
    public static double[] ColumnMeans(float[,] values)
    {
        var means = new double[values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < means.Length; j++)
            {
                means[j] += values[i, j] / (double)values.GetLength(0);
            }
        }

        return means;
    }

    /// <summary>
    /// Runs a fit that must diverge and checks what <see cref="TrainingDivergedException"/> promises: it names the failing
    /// epoch, batch and learning rate; the saved parameters before and after are the same bytes (so every parameter is
    /// restored bit for bit); and the model still maps data to finite values.
    /// </summary>
    public static void ShouldDivergeAndRestore(Action<string> save, Action fit, Func<float[,]> reconstruct, (int Epoch, int Batch, double LearningRate) expected)
    {
        using var directory = new TempDirectory();
        string before = Path.Combine(directory.Path, "before.safetensors");
        string after = Path.Combine(directory.Path, "after.safetensors");
        save(before);
        var diverged = FluentActions.Invoking(fit).Should().Throw<TrainingDivergedException>().WithMessage("*lower the learning rate*").Which;
        save(after);
        (diverged.Epoch, diverged.Batch, diverged.LearningRate).Should().Be(expected);
        File.ReadAllBytes(after).Should().Equal(File.ReadAllBytes(before));
        reconstruct().Cast<float>().Should().OnlyContain(v => float.IsFinite(v));
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them to a context.</summary>
    public sealed class RecordingProgress<T> : IProgress<T>
    {
        public List<T> Reports { get; } = [];

        public void Report(T value) => Reports.Add(value);
    }
}
