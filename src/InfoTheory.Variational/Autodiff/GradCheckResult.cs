namespace InfoTheory.Variational.Autodiff;

/// <summary>The outcome of <see cref="GradCheck"/>: where analytic and numeric gradients disagree most.</summary>
/// <param name="WorstRelativeError">max over all checked elements of |a − n| / max(1, |a|, |n|); 0 when nothing was checked.</param>
/// <param name="InputIndex">Which input holds the worst element (−1 when nothing was checked).</param>
/// <param name="ElementIndex">The worst element's flat index in that input (−1 when nothing was checked).</param>
/// <param name="Analytic">a: the gradient from <see cref="AutodiffTensor{T}.Backward()"/> at the worst element.</param>
/// <param name="Numeric">n: the central finite difference at the worst element.</param>
/// <param name="ElementsChecked">How many input elements were perturbed.</param>
public readonly record struct GradCheckResult(
    double WorstRelativeError, int InputIndex, int ElementIndex, double Analytic, double Numeric, int ElementsChecked);
