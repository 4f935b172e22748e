// Train a variational autoencoder on a CSV table of your own and sample new rows from it.
//   dotnet run -- path/to/table.csv        a header line of column names, then one row of numbers per line
//   dotnet run                             the shipped data.csv (300 rows of 4 columns driven by 2 hidden factors)
//   dotnet run -- --make-example out.csv   writes that example table again (seeded, so the same file every time)
// The check compares the generated rows with the table itself: each column's mean and spread, and every pair's
// correlation, computed here straight from the rows.
using System.Globalization;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Models;

if (args is ["--make-example", string output])
{
    WriteExample(output);
    Console.WriteLine($"wrote {output}");
    return 0;
}

string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data.csv");
Dataset table = CsvReader.Read(path, hasHeader: true);
int columns = table.FeatureCount;
Console.WriteLine($"{path}: {table.Count} rows, {columns} columns");

// Columns in their own units (metres beside kilograms) are standardised for training and the samples mapped back, so
// that no column dominates the reconstruction term by its scale alone.
float[,] rows = table.ToMatrix();
var (dataMean, dataSd, dataCorrelation) = Moments(rows);
var standardised = new float[table.Count, columns];
for (int i = 0; i < table.Count; i++)
{
    for (int j = 0; j < columns; j++)
    {
        standardised[i, j] = (float)((rows[i, j] - dataMean[j]) / (dataSd[j] > 0 ? dataSd[j] : 1));
    }
}

// Real-valued columns: a Gaussian decoder whose per-column variance is learned, so the reconstruction term can outweigh
// the KL term as the data warrant (a fixed unit variance would let the KL term win and the latents collapse).
var vae = new VariationalAutoencoder(columns, [32], latentSize: 2, new GaussianLikelihood<float>(columns, 0.1), seed: 1);
TrainingHistory history = vae.Fit(standardised, new TrainingOptions { Epochs = 300, BatchSize = 32, LearningRate = 3e-3, Seed = 1 });
ElboEvaluation fit = vae.Evaluate(standardised, seed: 1);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"after {history.Epochs.Count} epochs: negative ELBO {fit.NegativeElbo:F3} per row of z-scores (reconstruction {fit.Reconstruction:F3}, KL {fit.Kl:F3} nats)"));

const int Draws = 5000;
float[,] samples = vae.Sample(Draws, seed: 2);
for (int i = 0; i < Draws; i++)
{
    for (int j = 0; j < columns; j++)
    {
        samples[i, j] = (float)(dataMean[j] + (samples[i, j] * (dataSd[j] > 0 ? dataSd[j] : 1)));
    }
}

Console.WriteLine("first generated rows:");
for (int i = 0; i < 3; i++)
{
    Console.WriteLine("  " + string.Join(", ", Enumerable.Range(0, columns).Select(j => samples[i, j].ToString("F3", CultureInfo.InvariantCulture))));
}

var (sampleMean, sampleSd, sampleCorrelation) = Moments(samples);
Console.WriteLine("column   mean (data / generated)   sd (data / generated)");
for (int j = 0; j < columns; j++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{j,6}   {dataMean[j],8:F3} / {sampleMean[j],8:F3}       {dataSd[j],6:F3} / {sampleSd[j],6:F3}"));
}

// Generated rows are decoded means E[x|z], without the decoder's noise, so their spread sits a little under the data's;
// 20 % of the spread covers that and the sampling error of 300 rows. No latent may be switched off: KL > 0.5 nats.
bool ok = fit.Kl > 0.5;
double worstCorrelation = 0;
for (int j = 0; j < columns; j++)
{
    ok &= Math.Abs(sampleMean[j] - dataMean[j]) < 0.2 * dataSd[j] && Math.Abs((sampleSd[j] / dataSd[j]) - 1) < 0.2;
    for (int k = 0; k < columns; k++)
    {
        worstCorrelation = Math.Max(worstCorrelation, Math.Abs(sampleCorrelation[j, k] - dataCorrelation[j, k]));
    }
}

ok &= worstCorrelation < 0.15;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest correlation difference between data and generated rows: {worstCorrelation:F3}"));
Console.WriteLine(ok
    ? "CHECK OK: generated rows match the table's means (within 0.2 sd), spreads (within 20 %) and correlations (within 0.15), with the latents in use"
    : "CHECK FAILED: the generated rows differ from the table's moments by more than the stated tolerance, or the latents collapsed");
return ok ? 0 : 1;

static (double[] Mean, double[] Sd, double[,] Correlation) Moments(float[,] rows)
{
    int n = rows.GetLength(0), d = rows.GetLength(1);
    var mean = new double[d];
    var covariance = new double[d, d];
    for (int i = 0; i < n; i++)
    {
        for (int j = 0; j < d; j++)
        {
            mean[j] += rows[i, j] / (double)n;
        }
    }

    for (int i = 0; i < n; i++)
    {
        for (int j = 0; j < d; j++)
        {
            for (int k = 0; k < d; k++)
            {
                covariance[j, k] += (rows[i, j] - mean[j]) * (rows[i, k] - mean[k]) / (n - 1);
            }
        }
    }

    var sd = new double[d];
    var correlation = new double[d, d];
    for (int j = 0; j < d; j++)
    {
        sd[j] = Math.Sqrt(covariance[j, j]);
    }

    for (int j = 0; j < d; j++)
    {
        for (int k = 0; k < d; k++)
        {
            correlation[j, k] = covariance[j, k] / (sd[j] * sd[k]);
        }
    }

    return (mean, sd, correlation);
}

static void WriteExample(string output)
{
    // Two hidden factors z1, z2 ~ N(0, 1) drive four observed columns with a little noise.
    var random = new Random(15);
    using var writer = new StreamWriter(output);
    writer.WriteLine("height,weight,reach,balance");
    for (int i = 0; i < 300; i++)
    {
        double z1 = Normal(random), z2 = Normal(random);
        double[] row = [z1 + (0.1 * Normal(random)), (0.8 * z1) + (0.6 * z2) + (0.1 * Normal(random)), z2 + (0.1 * Normal(random)), 2 + z1 - z2 + (0.1 * Normal(random))];
        writer.WriteLine(string.Join(',', row.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))));
    }
}

static double Normal(Random random)
{
    double u = 1.0 - random.NextDouble();
    return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
}
