using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Models;

/// <summary>One optimisation step on a minibatch: returns the objective and its two terms, per example.</summary>
/// <param name="batch">The minibatch, rows × features, row-major; valid only during the call.</param>
/// <param name="rows">The number of samples in the batch.</param>
/// <param name="random">The training generator, for noise the step draws.</param>
internal delegate (double Loss, double Reconstruction, double Regularization) MinibatchStep(ReadOnlySpan<float> batch, int rows, Random random);

/// <summary>The epoch loop every model shares: seeded shuffling, a reused batch buffer, loss averaging and progress.</summary>
internal static class MinibatchTrainer
{
    /// <summary>Runs <see cref="TrainingOptions.Epochs"/> epochs of <paramref name="step"/>; on divergence restores <paramref name="parameters"/> and throws.</summary>
    public static TrainingHistory Run(Dataset data, TrainingOptions options, IProgress<TrainingEpoch>? progress, IReadOnlyList<Tensor<float>> parameters, MinibatchStep step)
    {
        float[][] initial = [.. parameters.Select(p => p.ToArray())];
        var random = new Random(options.Seed);
        int features = data.FeatureCount;
        int batchSize = Math.Min(options.BatchSize, data.Count);
        var buffer = new float[batchSize * features];
        var epochs = new TrainingEpoch[options.Epochs];
        for (int epoch = 0; epoch < epochs.Length; epoch++)
        {
            double loss = 0, reconstruction = 0, regularization = 0;
            foreach (int[] indices in data.ShuffledBatches(batchSize, random))
            {
                data.CopyRows(indices, buffer);
                var terms = step(buffer.AsSpan(0, indices.Length * features), indices.Length, random);
                loss += terms.Loss * indices.Length;
                reconstruction += terms.Reconstruction * indices.Length;
                regularization += terms.Regularization * indices.Length;
            }

            if (!double.IsFinite(loss))
            {
                // A diverged run leaves useless parameters; give the caller back the model it had.
                for (int i = 0; i < initial.Length; i++)
                {
                    initial[i].CopyTo(parameters[i].Values);
                }

                throw new InvalidOperationException(
                    $"Training diverged in epoch {epoch + 1}: the loss is {loss}. The parameters were restored to their values before Fit; lower {nameof(TrainingOptions.LearningRate)} (now {options.LearningRate}).");
            }

            epochs[epoch] = new TrainingEpoch(epoch + 1, loss / data.Count, reconstruction / data.Count, regularization / data.Count);
            progress?.Report(epochs[epoch]);
        }

        return new TrainingHistory(epochs);
    }
}
