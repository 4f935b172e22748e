using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;

namespace InfoTheory.Variational.Tests;

/// <summary>
/// The variational package's README (src/InfoTheory.Variational/PACKAGE.md, shipped as the package's README.md)
/// example, run as written: the region is that block line for line (<c>ReadmeSnippetsTests</c> in the core tests
/// compares them), and the assertions check what its comments claim.
/// </summary>
public class PackageReadmeExamplesTests
{
    [Fact]
    public void PackageVariational_RunsAsWritten_AndGivesTheValuesItsCommentsQuote()
    {
        #region snippet: PackageVariational
        // Gradients of any expression: d/dx Σ(x² + eˣ) = 2x + eˣ.
        var x = AutodiffTensor.FromValues<double>([1.0, 2.0, 3.0], 3).RequiringGrad();
        var y = (x * x).Sum() + x.Exp().Sum();
        y.Backward();

        // A diagonal Gaussian's analytic KL to N(0, I): ½ Σ(σ² + μ² − 1 − ln σ²).
        var mean = AutodiffTensor.FromValues<double>([0.5, -1.0], 1, 2);
        var logVariance = AutodiffTensor.FromValues<double>([0.0, 0.0], 1, 2);
        var kl = new DiagonalGaussian<double>(mean, logVariance).KullbackLeiblerToStandardNormal();   // 0.625 nats
        #endregion

        x.Gradient.ToArray().Should().BeEquivalentTo(
            new[] { 2 + Math.Exp(1), 4 + Math.Exp(2), 6 + Math.Exp(3) },
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        // ½((1 + 0.25 − 1 − 0) + (1 + 1 − 1 − 0)) = 0.625, by the formula in the comment.
        kl.ToArray().Sum().Should().BeApproximately(0.625, 1e-15);
    }
}
