// Drift between a reference sample (say, the scores a model saw in training) and a current one (production): the
// population stability index over the reference's deciles, with KL, Jeffreys, Jensen–Shannon and Hellinger beside it,
// for a numeric column and for a categorical one.
using System.Globalization;
using InfoTheory.Sampled;
using MathNet.Numerics.Distributions;

const int Size = 20000;
const double Shift = 0.5;
var random = new Random(2026);
double[] reference = Draw(random, Size, 0.0);
double[] stable = Draw(random, Size, 0.0);
double[] shifted = Draw(random, Size, Shift);

DriftReport same = Drift.PopulationStabilityIndex(reference, stable);
DriftReport moved = Drift.PopulationStabilityIndex(reference, shifted);
Print("same distribution", same);
Print($"mean shifted by {Shift.ToString(CultureInfo.InvariantCulture)} sd", moved);
Console.WriteLine("bin  reference  current  PSI term");
for (int i = 0; i < moved.Contributions.Length; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{i,3}  {moved.ReferenceShares[i],9:F4}  {moved.CurrentShares[i],7:F4}  {moved.Contributions[i],8:F5}"));
}

// The population value, by a route that uses no sample: the reference's deciles of N(0, 1) are Φ⁻¹(k/10), and N(δ, 1)
// puts Φ(e_{k+1} − δ) − Φ(e_k − δ) in bin k, so PSI = Σ (c_k − 0.1) ln(c_k / 0.1).
double expected = 0;
for (int k = 0; k < 10; k++)
{
    double lower = k == 0 ? double.NegativeInfinity : Normal.InvCDF(0, 1, k / 10.0);
    double upper = k == 9 ? double.PositiveInfinity : Normal.InvCDF(0, 1, (k + 1) / 10.0);
    double c = Normal.CDF(Shift, 1, upper) - Normal.CDF(Shift, 1, lower);
    expected += (c - 0.1) * Math.Log(c / 0.1);
}

// Categorical: a channel mix that moved from 50/30/20 % to 40/30/30 %; the index must equal the closed form on the
// exact shares, since the samples are built with exactly those counts.
string[] before = [.. Repeat("web", 500), .. Repeat("store", 300), .. Repeat("phone", 200)];
string[] after = [.. Repeat("web", 400), .. Repeat("store", 300), .. Repeat("phone", 300)];
CategoricalDriftReport<string> channels = Drift.CategoricalPopulationStabilityIndex(before, after);
double channelsExpected = ((0.4 - 0.5) * Math.Log(0.4 / 0.5)) + ((0.3 - 0.2) * Math.Log(0.3 / 0.2));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"channels {string.Join('/', channels.Categories)}: PSI {channels.Value:F6}, closed form {channelsExpected:F6}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shifted PSI {moved.Value:F4}, population value {expected:F4} (normal CDF)"));

bool ok = same.Value < 0.01
    && Math.Abs(moved.Value - expected) < 0.02
    && Math.Abs(channels.Value - channelsExpected) < 1e-12;
Console.WriteLine(ok
    ? "CHECK OK: unshifted PSI < 0.01, shifted PSI within 0.02 of the normal-CDF value, categorical PSI equal to the closed form"
    : "CHECK FAILED: a drift index differs from its independently computed value");
return ok ? 0 : 1;

static void Print(string title, DriftReport report) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{title}: PSI {report.Value:F4} ({Reading(report.Value)}), KL {report.KullbackLeibler:F4}, Jeffreys {report.Jeffreys:F4}, JS {report.JensenShannon:F4}, Hellinger {report.Hellinger:F4}"));

// The common readings of the index; the library leaves thresholds to the caller.
static string Reading(double psi) => psi < 0.1 ? "stable" : psi < 0.25 ? "moderate shift" : "major shift";

static double[] Draw(Random random, int count, double mean)
{
    var values = new double[count];
    for (int i = 0; i < count; i++)
    {
        double u = 1.0 - random.NextDouble();
        values[i] = mean + (Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
    }

    return values;
}

static IEnumerable<string> Repeat(string value, int count) => Enumerable.Repeat(value, count);
