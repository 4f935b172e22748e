// A KL penalty as RL fine-tuning computes it: tokens were sampled from the policy P, and for each sampled token we have
// log p (the policy's log-probability) and log q (the frozen reference model's). The Monte Carlo estimators k1 and k3
// (Schulman 2020) turn those into KL(P‖Q) per token and per sequence, with a standard error over sequences.
using System.Globalization;
using InfoTheory;
using InfoTheory.Continuous;

const int Vocabulary = 32;
const int Sequences = 400;
var random = new Random(42);

// A context-free toy "language model": the reference's logits, and a policy nudged away from them.
var referenceLogits = new double[Vocabulary];
var policyLogits = new double[Vocabulary];
for (int v = 0; v < Vocabulary; v++)
{
    referenceLogits[v] = 2 * random.NextDouble();
    policyLogits[v] = referenceLogits[v] + (0.6 * (random.NextDouble() - 0.5));
}

double[] logQTable = LogSoftmax(referenceLogits);
double[] logPTable = LogSoftmax(policyLogits);

// Sample sequences of 8 to 64 tokens from the policy and record the two log-probabilities of each token, in float as a
// model emits them.
var lengths = new int[Sequences];
var logP = new List<float>();
var logQ = new List<float>();
for (int s = 0; s < Sequences; s++)
{
    lengths[s] = random.Next(8, 65);
    for (int t = 0; t < lengths[s]; t++)
    {
        int token = SampleToken(random, logPTable);
        logP.Add((float)logPTable[token]);
        logQ.Add((float)logQTable[token]);
    }
}

float[] p = [.. logP];
float[] q = [.. logQ];
Estimate k1 = MonteCarlo.KullbackLeibler(p, q, lengths, new double[Sequences], KlAggregation.TokenMean);
Estimate k3 = MonteCarlo.KullbackLeibler(p, q, lengths, new double[Sequences], KlAggregation.TokenMean, new MonteCarloOptions { Estimator = MonteCarloEstimator.K3 });
var perSequence = new double[Sequences];
Estimate sequenceSum = MonteCarlo.KullbackLeibler(p, q, lengths, perSequence, KlAggregation.SequenceSumMean, new MonteCarloOptions { Estimator = MonteCarloEstimator.K3 });

// The exact per-token KL from the two full distributions, a sum over the vocabulary that no sample enters.
double exact = 0;
for (int v = 0; v < Vocabulary; v++)
{
    exact += Math.Exp(logPTable[v]) * (logPTable[v] - logQTable[v]);
}

double meanLength = lengths.Average();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{logP.Count} tokens in {Sequences} sequences"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per-token KL, k1: {k1.Value:F5} ± {k1.StandardError:F5}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per-token KL, k3: {k3.Value:F5} ± {k3.StandardError:F5}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact per-token KL(P‖Q): {exact:F5} (sum over the vocabulary)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per-sequence penalty (k3, mean of sums): {sequenceSum.Value:F4} ± {sequenceSum.StandardError:F4}; exact {meanLength * exact:F4} (mean length {meanLength:F2} × exact)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first sequences' penalties: {string.Join(", ", perSequence.Take(5).Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}"));

// Each estimate must lie within 4 standard errors of the exact value (a 1-in-15,000 miss for a normal error), and k3,
// the low-variance estimator, must have the smaller error when P and Q are this close.
bool ok = Math.Abs(k1.Value - exact) < 4 * k1.StandardError
    && Math.Abs(k3.Value - exact) < 4 * k3.StandardError
    && Math.Abs(sequenceSum.Value - (meanLength * exact)) < 4 * sequenceSum.StandardError
    && k3.StandardError < k1.StandardError;
Console.WriteLine(ok
    ? "CHECK OK: k1, k3 and the per-sequence penalty lie within 4 standard errors of the exact KL, and k3's error is the smaller"
    : "CHECK FAILED: an estimate is further than 4 standard errors from the exact KL, or k3 is not the less noisy");
return ok ? 0 : 1;

static double[] LogSoftmax(double[] logits)
{
    double max = logits.Max();
    double log = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
    return [.. logits.Select(l => l - log)];
}

static int SampleToken(Random random, double[] logProbabilities)
{
    double u = random.NextDouble();
    for (int v = 0; v < logProbabilities.Length - 1; v++)
    {
        u -= Math.Exp(logProbabilities[v]);
        if (u < 0)
        {
            return v;
        }
    }

    return logProbabilities.Length - 1;
}
