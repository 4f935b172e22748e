using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Optim;

namespace InfoTheory.Variational.Models;

// <summary>One optimisation step on a minibatch: returns the objective and its two terms, per example.</summary>
// <param name="batch">The minibatch, rows × features, row-major; valid only during the call.</param>
// <param name="rows">The number of samples in the batch.</param>
// <param name="random">The training generator, for noise the step draws.</param>
internal delegate (double Loss, double Reconstruction, double Regularization) MinibatchStep(ReadOnlySpan<float> batch, int rows, Random random);

// <summary>The epoch loop every model shares: training mode, seeded shuffling, a reused batch buffer, loss averaging and progress.</summary>
internal static class MinibatchTrainer
{
    // <summary>
    // Runs <see cref="TrainingOptions.Epochs"/> epochs of <paramref name="step"/> under a <see cref="ParameterCheckpoint{T}"/> of the
    // parameters of <paramref name="optimizer"/>, with <paramref name="network"/> in training mode and back in evaluation mode after.
    // </summary>
    // <param name="network">The model's network: in training mode while the epochs run, in evaluation mode when this returns or throws.</param>
    // <param name="data">The training examples.</param>
    // <param name="options">Epochs and batch size.</param>
    // <param name="random">The training generator, seeded by <see cref="TrainingOptions.Seed"/>: shuffles the batches, and the step draws its noise from it.</param>
    // <param name="progress">Receives each epoch's losses, or null.</param>
    // <param name="optimizer">Updates the parameters; its parameters are the ones restored on divergence.</param>
    // <param name="step">One minibatch step.</param>
    // <exception cref="TrainingDivergedException">A loss or a parameter became non-finite; the parameters are restored to the last good values.</exception>
    public static TrainingHistory Run(Module<float> network, Dataset data, TrainingOptions options, Random random, IProgress<TrainingEpoch>? progress, Optimizer<float> optimizer, MinibatchStep step)
    {
        network.Train();
        network.UseMatrixProducts(options.MatrixProducts);
        try
        {
            return Epochs(data, options, random, progress, optimizer, step);
        }
        finally
        {
            network.Eval();
            network.UseMatrixProducts(null);
        }
    }

    private static TrainingHistory Epochs(Dataset data, TrainingOptions options, Random random, IProgress<TrainingEpoch>? progress, Optimizer<float> optimizer, MinibatchStep step)
    {
        var checkpoint = new ParameterCheckpoint<float>(optimizer);
        int features = data.FeatureCount;
        int batchSize = Math.Min(options.BatchSize, data.Count);
        var buffer = new float[batchSize * features];
        var epochs = new TrainingEpoch[options.Epochs];

        // One delegate for the whole run, reading the current batch size: a step allocates no closure.
        int rows = 0;
        var terms = (Loss: 0.0, Reconstruction: 0.0, Regularization: 0.0);
        Func<double> guardedStep = () =>
        {
            terms = step(buffer.AsSpan(0, rows * features), rows, random);
            return terms.Loss;
        };
        for (int epoch = 0; epoch < epochs.Length; epoch++)
        {
            double loss = 0, reconstruction = 0, regularization = 0;
            int batch = 0;
            checkpoint.BeginEpoch();
            foreach (int[] indices in data.ShuffledBatches(batchSize, random))
            {
                data.CopyRows(indices, buffer);
                rows = indices.Length;
                checkpoint.Step(guardedStep, epoch + 1, ++batch);
                loss += terms.Loss * rows;
                reconstruction += terms.Reconstruction * rows;
                regularization += terms.Regularization * rows;
            }

            epochs[epoch] = new TrainingEpoch(epoch + 1, loss / data.Count, reconstruction / data.Count, regularization / data.Count);
            progress?.Report(epochs[epoch]);
        }

        return new TrainingHistory(epochs);
    }
}
