using System.Globalization;

namespace InfoTheory.Demo.Experiments;

/// <summary>How the summary table prints numbers, vectors, matrices and estimates, the same on every machine.</summary>
internal static class Formatting
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Vector(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = Number(values[i]);
        }

        return $"({string.Join(", ", parts)})";
    }

    public static string Matrix(double[,] values)
    {
        var rows = new string[values.GetLength(0)];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = new double[values.GetLength(1)];
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = values[i, j];
            }

            rows[i] = $"[{string.Join(", ", row.Select(Number))}]";
        }

        return $"[{string.Join(", ", rows)}]";
    }

    /// <summary>A Monte Carlo estimate in nats: value ± standard error, the sample count and the clipped fraction.</summary>
    public static string Estimate(Estimate estimate) => string.Create(
        CultureInfo.InvariantCulture,
        $"{estimate.Value:0.0000} ± {estimate.StandardError:0.0000} nats (n = {estimate.SampleCount}, {estimate.ClippedFraction:0.##%} clipped)");

    public static string Nats(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.00} nats");
}
