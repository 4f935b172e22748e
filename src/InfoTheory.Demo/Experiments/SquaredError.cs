namespace InfoTheory.Demo.Experiments;

/// <summary>The autoencoders' reconstruction error, measured the way they are trained.</summary>
internal static class SquaredError
{
    /// <summary>‖output − target‖² summed over features and averaged over rows: squared error per image.</summary>
    public static double PerRow(float[,] output, float[,] target)
    {
        if (output.GetLength(0) != target.GetLength(0) || output.GetLength(1) != target.GetLength(1))
        {
            throw new ArgumentException(
                $"output is {output.GetLength(0)}×{output.GetLength(1)} but target is {target.GetLength(0)}×{target.GetLength(1)}; they must match.", nameof(output));
        }

        double sum = 0;
        for (int i = 0; i < output.GetLength(0); i++)
        {
            for (int j = 0; j < output.GetLength(1); j++)
            {
                double d = output[i, j] - target[i, j];
                sum += d * d;
            }
        }

        return sum / output.GetLength(0);
    }

    /// <summary>The error of predicting every target row by the mean training row: the floor any useful autoencoder must beat.</summary>
    public static double OfMeanImage(float[,] train, float[,] target)
    {
        int features = train.GetLength(1);
        var mean = new double[features];
        for (int i = 0; i < train.GetLength(0); i++)
        {
            for (int j = 0; j < features; j++)
            {
                mean[j] += train[i, j];
            }
        }

        var prediction = new float[target.GetLength(0), features];
        for (int i = 0; i < prediction.GetLength(0); i++)
        {
            for (int j = 0; j < features; j++)
            {
                prediction[i, j] = (float)(mean[j] / train.GetLength(0));
            }
        }

        return PerRow(prediction, target);
    }
}
