using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Distributions;

// <summary>The prior p(z) = N(0, I) of a VAE, as a differentiable log-density.</summary>
internal static class StandardNormalPrior
{
    // <summary>log N(z; 0, I) = −½ Σⱼ (zⱼ² + ln 2π), summed over the last axis.</summary>
    public static AutodiffTensor<T> LogProb<T>(AutodiffTensor<T> z)
        where T : unmanaged, IFloatingPointIeee754<T>
        => (z.Square() + T.CreateChecked(Numerics.LnTwoPi)).Sum(-1) * T.CreateChecked(-0.5);
}
