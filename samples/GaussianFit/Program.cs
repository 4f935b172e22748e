// Fitting one Gaussian Q to a two-component mixture P, once by forward KL(P‖Q) and once by reverse KL(Q‖P): the forward
// fit covers both modes (it matches P's mean and covariance), the reverse fit picks one mode and sits on it.
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Variational.Fitting;

// P = 0.6 N((−2, 0), 0.25 I) + 0.4 N((2, 0), 0.25 I): modes 8 standard deviations apart.
double[] weights = [0.6, 0.4];
double[][] means = [[-2, 0], [2, 0]];
const double Variance = 0.25;
var target = new GaussianMixture(weights, [Gaussian.Diagonal(means[0], [Variance, Variance]), Gaussian.Diagonal(means[1], [Variance, Variance])]);

// Both fits start from N((−1, 0), I), left of centre: started from N(0, I), exactly between the modes, the reverse fit
// here ends as a broad Gaussian over the gap (KL ≈ 1.8 nats), a local minimum as KlFitOptions' remarks describe.
var options = new KlFitOptions { Steps = 1500, Seed = 3, Start = Gaussian.Diagonal([-1, 0], [1, 1]) };
KlFitResult forward = KlFit.Fit(target, KlDirection.Forward, options);
KlFitResult reverse = KlFit.Fit(target, KlDirection.Reverse, options);
Print("forward KL(P‖Q)", forward);
Print("reverse KL(Q‖P)", reverse);

// Closed forms, worked by hand from the mixture's parameters (no library call):
// forward: μ* = Σ w_k μ_k = (−0.4, 0); Σ*_xx = σ² + Σ w_k μ_kx² − μ*_x² = 0.25 + 4 − 0.16 = 4.09, Σ*_yy = 0.25, Σ*_xy = 0;
//   with the modes this far apart h(P) = h(N_k) + H(w), so KL(P‖Q*) = ½ ln(|Σ*| / |σ² I|) − H(w).
// reverse: Q on mode k is N_k itself, and KL(N_k‖P) = −ln w_k (the other component adds nothing there).
double meanX = (weights[0] * means[0][0]) + (weights[1] * means[1][0]);
double varianceX = Variance + (weights[0] * means[0][0] * means[0][0]) + (weights[1] * means[1][0] * means[1][0]) - (meanX * meanX);
double entropyOfWeights = -weights.Sum(w => w * Math.Log(w));
double forwardKl = (0.5 * Math.Log(varianceX * Variance / (Variance * Variance))) - entropyOfWeights;
int mode = reverse.Fitted.Mean[0] < 0 ? 0 : 1;
double reverseKl = -Math.Log(weights[mode]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"closed forms: forward mean ({meanX:F3}, 0), variances ({varianceX:F3}, {Variance:F3}), KL {forwardKl:F4}; reverse on mode {mode}: mean ({means[mode][0]:F1}, 0), variances {Variance:F3}, KL {reverseKl:F4}"));

Gaussian f = forward.Fitted, r = reverse.Fitted;
bool ok = Math.Abs(f.Mean[0] - meanX) < 0.1 && Math.Abs(f.Mean[1]) < 0.1
    && Math.Abs((f.Covariance(0, 0) / varianceX) - 1) < 0.1 && Math.Abs((f.Covariance(1, 1) / Variance) - 1) < 0.1
    && Math.Abs(forward.Kl.Value - forwardKl) < 0.05
    && Math.Abs(r.Mean[0] - means[mode][0]) < 0.1 && Math.Abs(r.Mean[1]) < 0.1
    && Math.Abs((r.Covariance(0, 0) / Variance) - 1) < 0.1 && Math.Abs((r.Covariance(1, 1) / Variance) - 1) < 0.1
    && Math.Abs(reverse.Kl.Value - reverseKl) < 0.05;
Console.WriteLine(ok
    ? "CHECK OK: the forward fit matches the mixture's moments and the reverse fit one mode, means within 0.1, variances within 10 %, KL within 0.05 of the closed forms"
    : "CHECK FAILED: a fit is further from its closed form than the stated tolerance");
return ok ? 0 : 1;

static void Print(string title, KlFitResult result)
{
    Gaussian g = result.Fitted;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{title}: mean ({g.Mean[0]:F3}, {g.Mean[1]:F3}), covariance [[{g.Covariance(0, 0):F3}, {g.Covariance(0, 1):F3}], [{g.Covariance(1, 0):F3}, {g.Covariance(1, 1):F3}]], KL {result.Kl.Value:F4} ± {result.Kl.StandardError:F4}"));
}
