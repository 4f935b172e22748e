using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Channels;

// <summary>One run of <see cref="Channel.Capacity"/>: the buffers it needs, allocated once, and the steps between evaluations of the bounds.</summary>
// <remarks>The matrix W is the channel's without its all-zero columns; every per-iteration pass is a vectorised dot product or multiply-add per row.</remarks>
internal sealed class CapacitySolver
{
    // <summary>Blahut–Arimoto steps before the Newton steps: enough for I(p) to tell the inputs that matter from those that do not.</summary>
    private const int WarmUpSteps = 30;

    // <summary>How many times a Newton step is halved before a Blahut–Arimoto step is taken instead.</summary>
    private const int Halvings = 30;

    // A zero output probability (an output only inputs without mass reach) is floored here before its logarithm, so the
    // divergence of such an input is large and finite rather than 0·(−∞); its 1/q in the Hessian is floored at the
    // smallest normal double so that stays finite too.
    private const double OutputFloor = double.Epsilon;

    private readonly double[] _w;
    private readonly int _inputs;
    private readonly int _outputs;
    private readonly double[] _negativeEntropy;
    private readonly double[] _p;
    private readonly double[] _q;
    private readonly double[] _logQ;
    private readonly double[] _divergence;
    private readonly double[] _trial;
    private readonly double[] _outputScratch;
    private readonly double[] _rowScratch;
    private readonly int[] _support;
    private readonly double[] _gradient;
    private readonly double[] _ones;
    private double[] _hessian = [];
    private double _lower;
    private double _upper;

    public CapacitySolver(Channel channel)
    {
        _inputs = channel.Inputs;
        _w = WithoutZeroColumns(channel, out _outputs);
        _negativeEntropy = new double[_inputs];
        for (int x = 0; x < _inputs; x++)
        {
            _negativeEntropy[x] = -EntropyKernel<double>.Nats(Row(x), "transition", SimdWidths.Best);
        }

        _p = new double[_inputs];
        _p.AsSpan().Fill(1.0 / _inputs);
        _q = new double[_outputs];
        _logQ = new double[_outputs];
        _outputScratch = new double[_outputs];
        _rowScratch = new double[_outputs];
        _divergence = new double[_inputs];
        _trial = new double[_inputs];
        _support = new int[_inputs];
        _gradient = new double[_inputs];
        _ones = new double[_inputs];
    }

    public ChannelCapacity Run(CapacityAlgorithm algorithm, ConvergenceOptions options, IProgress<CapacityProgress>? progress, LogBase unit, double natsPerUnit)
    {
        int iteration = 0;
        bool converged;
        while (true)
        {
            Evaluate();
            iteration++;
            progress?.Report(new CapacityProgress(iteration, _lower / natsPerUnit, _upper / natsPerUnit));
            converged = _upper - _lower <= options.Tolerance;
            if (converged || iteration >= options.MaxIterations)
            {
                break;
            }

            if (algorithm == CapacityAlgorithm.BlahutArimoto || iteration < WarmUpSteps)
            {
                BlahutArimotoStep();
            }
            else if (iteration == WarmUpSteps)
            {
                DropInputsBelowLowerBound();
            }
            else if (!NewtonStep())
            {
                BlahutArimotoStep();
            }
        }

        return new ChannelCapacity((double[])_p.Clone(), _lower / natsPerUnit, _upper / natsPerUnit, iteration, converged, unit);
    }

    private ReadOnlySpan<double> Row(int x) => _w.AsSpan(x * _outputs, _outputs);

    // <summary>The channel's matrix without its all-zero columns: the channel's own array (read only) when it has none.</summary>
    private static double[] WithoutZeroColumns(Channel channel, out int outputs)
    {
        ReadOnlySpan<double> w = channel.Probabilities;
        int inputs = channel.Inputs, all = channel.Outputs;
        var kept = new bool[all];
        outputs = 0;
        for (int y = 0; y < all; y++)
        {
            for (int x = 0; x < inputs && !kept[y]; x++)
            {
                kept[y] = w[(x * all) + y] > 0;
            }

            outputs += kept[y] ? 1 : 0;
        }

        if (outputs == all)
        {
            return channel.Transition;
        }

        var compact = new double[inputs * outputs];
        for (int x = 0, k = 0; x < inputs; x++)
        {
            for (int y = 0; y < all; y++)
            {
                if (kept[y])
                {
                    compact[k++] = w[(x * all) + y];
                }
            }
        }

        return compact;
    }

    // <summary>q = pW, D_x = D(W_x ‖ q) = Σ_y W log W − W_x·log q for every input, the lower bound I = Σ p D and the upper bound max D.</summary>
    private void Evaluate()
    {
        Mix(_p, _q);
        LogOfOutputs(_q, _logQ);
        for (int x = 0; x < _inputs; x++)
        {
            _divergence[x] = _negativeEntropy[x] - TensorPrimitives.Dot(Row(x), _logQ);
        }

        // C ≥ 0, and rounding may leave Σ p·D a few ulps below max D where they are equal.
        _lower = Math.Max(TensorPrimitives.Dot<double>(_p, _divergence), 0.0);
        _upper = Math.Max(TensorPrimitives.Max<double>(_divergence), _lower);
    }

    private void Mix(ReadOnlySpan<double> p, Span<double> q)
    {
        q.Clear();
        for (int x = 0; x < _inputs; x++)
        {
            if (p[x] > 0)
            {
                TensorPrimitives.MultiplyAdd(Row(x), p[x], q, q);
            }
        }
    }

    private static void LogOfOutputs(ReadOnlySpan<double> q, Span<double> logQ)
    {
        TensorPrimitives.Max(q, OutputFloor, logQ);
        Log.Apply(logQ, logQ, SimdWidths.Best);
    }

    // <summary>p(x) ← p(x)·e^{D_x − max D} / Z: Blahut's step, scaled so that no exponential overflows.</summary>
    private void BlahutArimotoStep()
    {
        Span<double> factor = _trial;
        TensorPrimitives.Subtract(_divergence, _upper, factor);
        TensorPrimitives.Exp(factor, factor);
        TensorPrimitives.Multiply(_p, factor, _p);
        TensorPrimitives.Divide(_p, TensorPrimitives.Sum<double>(_p), _p);
    }

    // <summary>Sets p(x) = 0 where D_x &lt; I(p), the inputs Blahut–Arimoto is shrinking; some input with mass has D_x ≥ I, since I is their average.</summary>
    private void DropInputsBelowLowerBound()
    {
        for (int x = 0; x < _inputs; x++)
        {
            if (_divergence[x] < _lower)
            {
                _p[x] = 0;
            }
        }

        TensorPrimitives.Divide(_p, TensorPrimitives.Sum<double>(_p), _p);
    }

    // <summary>
    // One projected Newton step for max I(p) over the inputs with mass and those whose divergence is past the middle of the
    // bounds; false when the Hessian is not positive definite to working precision or no halving of the step raises I(p).
    // </summary>
    private bool NewtonStep()
    {
        int k = 0;
        double threshold = 0.5 * (_lower + _upper);
        for (int x = 0; x < _inputs; x++)
        {
            if (_p[x] > 0 || _divergence[x] > threshold)
            {
                _support[k++] = x;
            }
        }

        ReadOnlySpan<int> support = _support.AsSpan(0, k);
        if (!SolveNewtonSystem(support, out Span<double> direction))
        {
            return false;
        }

        double current = Information(_p, support);
        for (int halving = 0, t = 1; halving < Halvings; halving++, t *= 2)
        {
            _trial.AsSpan().Clear();
            double sum = 0;
            for (int i = 0; i < k; i++)
            {
                int x = support[i];
                double value = Math.Max(_p[x] + (direction[i] / t), 0.0);
                _trial[x] = value;
                sum += value;
            }

            if (!(sum > 0))
            {
                continue;
            }

            TensorPrimitives.Divide(_trial, sum, _trial);
            if (Information(_trial, support) >= current)
            {
                _trial.CopyTo(_p, 0);
                return true;
            }
        }

        return false;
    }

    // <summary>
    // The Newton direction on the simplex: with H = W_S diag(1/q) W_Sᵀ (minus the Hessian of I) and g = D_S − I, the step
    // Δ = a − μb where H a = g, H b = 1 and μ = Σa / Σb makes ΣΔ = 0. H is Gram, positive semidefinite; a ridge of 1e-12 of
    // its largest diagonal keeps it definite where the rows of W_S are dependent.
    // </summary>
    private bool SolveNewtonSystem(ReadOnlySpan<int> support, out Span<double> direction)
    {
        int k = support.Length;
        direction = _gradient.AsSpan(0, k);
        if (_hessian.Length < k * k)
        {
            _hessian = new double[k * k];
        }

        Span<double> h = _hessian.AsSpan(0, k * k);
        Span<double> reciprocal = _outputScratch;
        TensorPrimitives.Max(_q, Log.SmallestNormal, reciprocal);
        TensorPrimitives.Reciprocal(reciprocal, reciprocal);
        double largest = 0;
        for (int i = 0; i < k; i++)
        {
            TensorPrimitives.Multiply(Row(support[i]), reciprocal, _rowScratch);
            for (int j = 0; j <= i; j++)
            {
                h[(i * k) + j] = TensorPrimitives.Dot(_rowScratch, Row(support[j]));
            }

            largest = Math.Max(largest, h[(i * k) + i]);
        }

        for (int i = 0; i < k; i++)
        {
            h[(i * k) + i] += 1e-12 * largest;
        }

        if (!Cholesky.TryFactor(h, k))
        {
            return false;
        }

        Span<double> b = _ones.AsSpan(0, k);
        b.Fill(1.0);
        for (int i = 0; i < k; i++)
        {
            direction[i] = _divergence[support[i]] - _lower;
        }

        Cholesky.Solve(h, k, direction);
        Cholesky.Solve(h, k, b);
        double mu = TensorPrimitives.Sum<double>(direction) / TensorPrimitives.Sum<double>(b);
        TensorPrimitives.MultiplyAdd(b, -mu, direction, direction);
        return double.IsFinite(TensorPrimitives.SumOfMagnitudes<double>(direction));
    }

    // <summary>I(p) = Σ_x p(x)·Σ_y W log W + H(q) for an input with mass only on <paramref name="support"/>.</summary>
    private double Information(ReadOnlySpan<double> p, ReadOnlySpan<int> support)
    {
        Span<double> q = _outputScratch;
        q.Clear();
        double conditional = 0;
        foreach (int x in support)
        {
            if (p[x] > 0)
            {
                TensorPrimitives.MultiplyAdd(Row(x), p[x], q, q);
                conditional += p[x] * _negativeEntropy[x];
            }
        }

        LogOfOutputs(q, _logQ);
        return conditional - TensorPrimitives.Dot(q, _logQ);
    }
}
