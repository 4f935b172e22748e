using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Models;

// <summary>
// The corruption x → x̃ of a denoising autoencoder as a layer: in training mode it corrupts its input with draws from
// <see cref="Generator"/>, in evaluation mode it passes the input through, so encoding and reconstruction are deterministic.
// </summary>
// <remarks>It has no parameters, so registering it leaves the parameter names (and saved files) of the network unchanged.</remarks>
internal sealed class InputCorruption(Corruption corruption) : Module<float>
{
    private float[] _buffer = [];

    public Corruption Corruption { get; } = corruption;

    // <summary>The training generator; set by the fit that owns this layer for the length of the run.</summary>
    public Random? Generator { get; set; }

    public override AutodiffTensor<float> Forward(AutodiffTensor<float> input)
    {
        if (!Training)
        {
            return input;
        }

        Random random = Generator ?? throw new InvalidOperationException("An input corruption in training mode needs the training generator; only Fit sets it.");
        if (_buffer.Length < input.Length)
        {
            _buffer = new float[input.Length];
        }

        Span<float> corrupted = _buffer.AsSpan(0, input.Length);
        Corruption.Apply(input.Values, random, corrupted);
        return AutodiffTensor.FromValues<float>(corrupted, input.Shape);
    }
}
