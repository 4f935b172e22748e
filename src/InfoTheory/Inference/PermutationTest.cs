namespace InfoTheory.Inference;

/// <summary>The outcome of a permutation test: the observed statistic, its p-value and the null distribution it was compared with.</summary>
/// <param name="Statistic">The statistic on the data as given, in the unit asked for.</param>
/// <param name="PValue">
/// (b + 1)/(m + 1), where b of the m permuted statistics reached the observed one: never 0, as B. Phipson and G. K. Smyth,
/// "Permutation p-values should never be zero" (2010), require, since the data themselves are one of the arrangements.
/// </param>
/// <param name="NullMean">The mean of the m permuted statistics (the bias of a plug-in estimate under independence).</param>
/// <param name="NullStandardDeviation">Their sample standard deviation (0 for m = 1).</param>
/// <param name="Permutations">m, the number of permutations drawn.</param>
/// <param name="Exceedances">b, how many permuted statistics were at least the observed one.</param>
public readonly record struct PermutationTest(
    double Statistic, double PValue, double NullMean, double NullStandardDeviation, int Permutations, int Exceedances);
