// Comparing two clusterings of the same items: mutual information, its normalised form (NMI) and the form adjusted for
// chance (AMI). The first pair is scikit-learn's own test case, so the numbers can be compared with its published ones;
// the second shows why the adjustment matters: two unrelated clusterings into many clusters still have NMI well above 0.
using System.Globalization;
using InfoTheory;

int[] a = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
int[] b = [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 3, 1, 3, 3, 3, 2, 2];
double mi = MutualInformation.FromSamples<int, int>(a, b);
double nmi = MutualInformation.Normalized<int, int>(a, b);
double ami = MutualInformation.Adjusted<int, int>(a, b);

// scikit-learn, metrics/cluster/tests/test_supervised.py (mutual_info_score and adjusted_mutual_info_score of these labels).
const double SklearnMi = 0.41021862274045356;
const double SklearnAmi = 0.27820964657269787;
double naiveNmi = NaiveMutualInformation(a, b) / (0.5 * (NaiveEntropy(a) + NaiveEntropy(b)));
Print("scikit-learn's labels", mi, nmi, ami);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  scikit-learn: MI {SklearnMi:F6}, AMI {SklearnAmi:F6}; NMI by a naive count here {naiveNmi:F6}"));

// The same clustering under other names must score 1 on every scale.
string[] renamed = [.. a.Select(label => label switch { 1 => "red", 2 => "green", _ => "blue" })];
double renamedNmi = MutualInformation.Normalized<int, string>(a, renamed);
double renamedAmi = MutualInformation.Adjusted<int, string>(a, renamed);
Print("a against itself renamed", MutualInformation.FromSamples<int, string>(a, renamed), renamedNmi, renamedAmi);

// Two independent random clusterings of 500 items into 25 clusters.
var random = new Random(7);
int[] left = [.. Enumerable.Range(0, 500).Select(_ => random.Next(25))];
int[] right = [.. Enumerable.Range(0, 500).Select(_ => random.Next(25))];
double randomNmi = MutualInformation.Normalized<int, int>(left, right);
double randomAmi = MutualInformation.Adjusted<int, int>(left, right);
Print("two random clusterings (25 clusters, 500 items)", MutualInformation.FromSamples<int, int>(left, right), randomNmi, randomAmi);

bool ok = Math.Abs(mi - SklearnMi) < 1e-12
    && Math.Abs(ami - SklearnAmi) < 1e-12
    && Math.Abs(nmi - naiveNmi) < 1e-12
    && Math.Abs(renamedNmi - 1) < 1e-12 && renamedAmi == 1.0
    && Math.Abs(randomAmi) < 0.02 && randomNmi > 0.1;
Console.WriteLine(ok
    ? "CHECK OK: MI and AMI equal scikit-learn's published values to 1e-12, NMI the naive count, renamed labels score 1, random ones AMI ≈ 0"
    : "CHECK FAILED: a score differs from scikit-learn's value, the naive count or its invariant");
return ok ? 0 : 1;

static void Print(string title, double mi, double nmi, double ami) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{title}: MI {mi:F6} nats, NMI {nmi:F6}, AMI {ami:F6}"));

static double NaiveEntropy<T>(T[] labels)
    where T : notnull
    => -labels.GroupBy(l => l).Sum(g => (double)g.Count() / labels.Length * Math.Log((double)g.Count() / labels.Length));

static double NaiveMutualInformation(int[] x, int[] y)
{
    double n = x.Length, sum = 0;
    foreach (var cell in x.Zip(y).GroupBy(pair => pair))
    {
        double nx = x.Count(v => v == cell.Key.First), ny = y.Count(v => v == cell.Key.Second), nxy = cell.Count();
        sum += nxy / n * Math.Log(n * nxy / (nx * ny));
    }

    return sum;
}
