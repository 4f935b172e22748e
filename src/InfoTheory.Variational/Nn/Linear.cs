using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Nn;

/// <summary>A dense (fully connected) layer: y = x·W + b.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// W has shape [in, out] (so the forward product needs no transpose) and b shape [out]; both are
/// parameters named <c>weight</c> and <c>bias</c>. The forward pass is the fused
/// <see cref="AutodiffTensor.Linear{T}"/> operation. Weights are drawn from the caller's generator, so a
/// fixed seed gives the same network bit for bit; biases start at 0 (drawn too under UniformFanIn).
/// </remarks>
public sealed class Linear<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer and initialises its weights.</summary>
    /// <param name="inFeatures">Input width, &gt;= 1.</param>
    /// <param name="outFeatures">Output width, &gt;= 1.</param>
    /// <param name="random">The source of the initial weights.</param>
    /// <param name="initialization">The weight distribution; Xavier uniform by default.</param>
    /// <param name="bias">Whether the layer adds a bias.</param>
    /// <exception cref="ArgumentOutOfRangeException">A width is below 1, or the weight's inFeatures × outFeatures exceeds <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public Linear(int inFeatures, int outFeatures, Random random, WeightInitialization initialization = WeightInitialization.XavierUniform, bool bias = true)
    {
        InfoTheory.Internal.Guard.InRange(inFeatures, 1, int.MaxValue, nameof(inFeatures));
        InfoTheory.Internal.Guard.InRange(outFeatures, 1, int.MaxValue, nameof(outFeatures));
        InfoTheory.Internal.Guard.ElementCount(nameof(outFeatures), "the weight's inFeatures × outFeatures", inFeatures, outFeatures);
        ArgumentNullException.ThrowIfNull(random);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        AutodiffTensor<T> w;
        switch (initialization)
        {
            case WeightInitialization.XavierUniform:
                T a = T.CreateChecked(Math.Sqrt(6.0 / ((double)inFeatures + outFeatures)));
                w = AutodiffTensor.RandomUniform(random, -a, a, inFeatures, outFeatures);
                break;
            case WeightInitialization.HeNormal:
                w = AutodiffTensor.RandomNormal(random, T.Zero, T.CreateChecked(Math.Sqrt(2.0 / inFeatures)), inFeatures, outFeatures);
                break;
            case WeightInitialization.UniformFanIn:
                T bound = FanInBound(inFeatures);
                w = AutodiffTensor.RandomUniform(random, -bound, bound, inFeatures, outFeatures);
                break;
            default:
                throw Guard.Undefined(initialization, nameof(initialization));
        }

        Weight = RegisterParameter("weight", w);
        Bias = bias ? RegisterParameter("bias", InitialBias(initialization, inFeatures, outFeatures, random)) : null;
    }

    // <summary>Biases start at 0, except under <see cref="WeightInitialization.UniformFanIn"/>, which draws them like the weights.</summary>
    private static AutodiffTensor<T> InitialBias(WeightInitialization initialization, int inFeatures, int outFeatures, Random random)
    {
        if (initialization != WeightInitialization.UniformFanIn)
        {
            return AutodiffTensor.Zeros<T>(outFeatures);
        }

        T bound = FanInBound(inFeatures);
        return AutodiffTensor.RandomUniform(random, -bound, bound, outFeatures);
    }

    private static T FanInBound(int inFeatures) => T.CreateChecked(1.0 / Math.Sqrt(inFeatures));

    /// <summary>Input width.</summary>
    public int InFeatures { get; }

    /// <summary>Output width.</summary>
    public int OutFeatures { get; }

    /// <summary>W, shape [in, out].</summary>
    public AutodiffTensor<T> Weight { get; }

    /// <summary>b, shape [out], or null when the layer has no bias.</summary>
    public AutodiffTensor<T>? Bias { get; }

    /// <summary>y = x·W + b, with the products of <see cref="Module{T}.MatrixProducts"/>.</summary>
    /// <param name="input">x, shape [..., in].</param>
    /// <returns>y, shape [..., out].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is a scalar or its last extent is not <see cref="InFeatures"/>.</exception>
    public override AutodiffTensor<T> Forward(AutodiffTensor<T> input)
    {
        // Checked here so that the error names this method's input, not the weight of the fused operation; the
        // message is built only on failure, since every training step passes here.
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank == 0 || input.Shape[^1] != InFeatures)
        {
            InfoTheory.Internal.Guard.TrailingShape(input, [InFeatures], nameof(input), $"the layer's {nameof(InFeatures)} = {InFeatures}");
        }

        return AutodiffTensor.Linear(input, Weight, Bias, MatrixProducts);
    }
}
