namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// Compares the gradients <see cref="AutodiffTensor{T}.Backward()"/> computes with central finite
/// differences, in double precision: the test every operation's backward rule must pass.
/// </summary>
/// <remarks>
/// A non-scalar output y is reduced to L = Σᵢ wᵢyᵢ with fixed pseudo-random weights
/// wᵢ ∈ [0.5, 1.5) (seeded), so every output element's gradient is exercised and a rule that
/// swaps or drops elements cannot cancel out. For each input element, the numeric derivative is
/// (L(x + h) − L(x − h)) / 2h, whose truncation error is O(h²) and rounding error O(ε/h); with
/// h = 1e-6 in double both are far below 1e-6 for smooth functions. The reported error mixes
/// relative and absolute scales, |a − n| / max(1, |a|, |n|), so near-zero gradients are not
/// judged on their noise. Inputs must stay away from kinks (ReLU at 0, clamp bounds) by more than h.
/// </remarks>
public static class GradCheck
{
    /// <summary>Checks the gradient of <paramref name="function"/> with respect to every element of every input.</summary>
    /// <param name="function">Builds the output from the inputs (in the order given); must be deterministic.</param>
    /// <param name="inputs">Leaf tensors; they are made to require gradients, and their values are restored after each perturbation.</param>
    /// <returns>The worst disagreement found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/>, <paramref name="inputs"/> or an element of it is null.</exception>
    /// <exception cref="ArgumentException">
    /// No inputs were given, or <paramref name="function"/> returns null, an output with no elements, a non-finite value,
    /// or an output whose shape changes when an input is perturbed.
    /// </exception>
    /// <exception cref="InvalidOperationException">An input is a computed (non-leaf) tensor.</exception>
    public static GradCheckResult Run(Func<IReadOnlyList<AutodiffTensor<double>>, AutodiffTensor<double>> function, params AutodiffTensor<double>[] inputs)
        => Run(function, 1e-6, inputs);

    /// <summary>Checks the gradient of <paramref name="function"/> with a chosen finite-difference step.</summary>
    /// <param name="function">Builds the output from the inputs (in the order given); must be deterministic.</param>
    /// <param name="step">h, finite and &gt; 0.</param>
    /// <param name="inputs">Leaf tensors; they are made to require gradients, and their values are restored after each perturbation.</param>
    /// <returns>The worst disagreement found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/>, <paramref name="inputs"/> or an element of it is null.</exception>
    /// <exception cref="ArgumentException">
    /// No inputs were given, or <paramref name="function"/> returns null, an output with no elements, a non-finite value,
    /// or an output whose shape changes when an input is perturbed.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not finite and positive.</exception>
    /// <exception cref="InvalidOperationException">An input is a computed (non-leaf) tensor.</exception>
    public static GradCheckResult Run(Func<IReadOnlyList<AutodiffTensor<double>>, AutodiffTensor<double>> function, double step, params AutodiffTensor<double>[] inputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        InfoTheory.Internal.Guard.NotEmpty(inputs.Length, nameof(inputs));
        InfoTheory.Internal.Guard.Positive(step, nameof(step));
        for (int t = 0; t < inputs.Length; t++)
        {
            if (inputs[t] is null)
            {
                throw new ArgumentNullException(nameof(inputs), $"inputs[{t}] is null.");
            }

            inputs[t].RequiresGrad = true;
            inputs[t].ZeroGrad();
        }

        var output = function(inputs);
        CheckOutput(output, null, "at the inputs", nameof(function));
        var weights = new double[output.Length];
        var random = new Random(20260416);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = 0.5 + random.NextDouble();
        }

        var loss = (output * AutodiffTensor.FromValues<double>(weights, output.Shape)).Sum();
        loss.Backward();

        var worst = new GradCheckResult(0, -1, -1, 0, 0, 0);
        int checkedCount = 0;
        using (Autograd.NoGrad())
        {
            for (int t = 0; t < inputs.Length; t++)
            {
                var values = inputs[t].Values;
                var analytic = inputs[t].HasGradient ? inputs[t].Gradient.ToArray() : new double[values.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    double original = values[i];
                    values[i] = original + step;
                    var shifted = function(inputs);
                    values[i] = original;
                    CheckOutput(shifted, output, $"at inputs[{t}][{i}] + step", nameof(function));
                    double plus = WeightedSum(shifted, weights);
                    values[i] = original - step;
                    shifted = function(inputs);
                    values[i] = original;
                    CheckOutput(shifted, output, $"at inputs[{t}][{i}] - step", nameof(function));
                    double minus = WeightedSum(shifted, weights);
                    double numeric = (plus - minus) / (2 * step);
                    double error = Math.Abs(analytic[i] - numeric) / Math.Max(1.0, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
                    checkedCount++;
                    if (!(error <= worst.WorstRelativeError) || worst.InputIndex < 0)
                    {
                        worst = new GradCheckResult(error, t, i, analytic[i], numeric, 0);
                    }
                }
            }
        }

        return worst with { ElementsChecked = checkedCount };
    }

    // The output is reduced with one weight per element, so it must keep its shape, and a check of no elements or of
    // non-finite values would pass or fail without saying anything about the gradient.
    private static void CheckOutput(AutodiffTensor<double>? output, AutodiffTensor<double>? first, string where, string paramName)
    {
        if (output is null || output.Length == 0 || (first is not null && !output.Shape.SequenceEqual(first.Shape)))
        {
            string got = output is null ? "null" : $"shape {Shapes.Format(output.Shape)}";
            string expected = first is null ? "an output with at least one element" : $"shape {Shapes.Format(first.Shape)} as at the inputs";
            throw new ArgumentException($"function returned {got} {where}; it must return {expected}.", paramName);
        }

        var values = output.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"function returned {InfoTheory.Internal.Guard.Format(values[i])} at output element {i} {where}; finite differences need finite values, so keep the inputs inside the function's domain.",
                    paramName);
            }
        }
    }

    private static double WeightedSum(AutodiffTensor<double> output, double[] weights)
    {
        var values = output.Values;
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
        }

        return sum;
    }
}
