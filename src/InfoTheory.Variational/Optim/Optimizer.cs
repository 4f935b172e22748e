using System.Numerics;
using System.Numerics.Tensors;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Optim;

/// <summary>Updates a fixed list of parameters from their accumulated gradients.</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// <para>Each <see cref="Step"/> reads every parameter's gradient and changes its values in place;
/// parameters that no backward pass has reached yet are skipped. Call <see cref="ZeroGrad"/>
/// before each backward pass, since gradients accumulate.</para>
/// <para>Thread safety: not synchronised. <see cref="Step"/>, <see cref="ZeroGrad"/> and setting
/// <see cref="LearningRate"/> change the parameters and the optimizer's state: call them from one thread at a time,
/// and not while another thread runs a forward or backward pass through the same parameters. (A large
/// <see cref="Step"/> runs its own chunks in parallel; that is internal and safe.)</para>
/// </remarks>
public abstract class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int ChunkLength = 1 << 16;

    private readonly AutodiffTensor<T>[] _parameters;
    private readonly List<(int Index, int Offset, int Length)> _chunks = [];
    private readonly Action<int> _updateChunk;
    private double _learningRate;
    private bool _nonFinite;

    /// <summary>Stores the parameters and the learning rate.</summary>
    /// <param name="parameters">The tensors to update; each must require gradients. A tensor listed more than once is kept once, at its first place.</param>
    /// <param name="learningRate">η, finite and &gt; 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A parameter does not require gradients.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not finite and positive.</exception>
    protected Optimizer(IEnumerable<AutodiffTensor<T>> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        AutodiffTensor<T>[] given = [.. parameters];
        for (int i = 0; i < given.Length; i++)
        {
            if (given[i] is null)
            {
                throw new ArgumentNullException(nameof(parameters), $"parameters[{i}] is null.");
            }

            if (!given[i].RequiresGrad)
            {
                throw new ArgumentException($"parameters[{i}] {given[i]} does not require gradients, so no optimizer step could change it.", nameof(parameters));
            }
        }

        // A tensor listed twice (a layer shared by two paths) must still take one step per Step.
        _parameters = [.. given.Distinct(ReferenceEqualityComparer.Instance).Cast<AutodiffTensor<T>>()];
        InfoTheory.Internal.Guard.Positive(learningRate, nameof(learningRate));
        LearningRate = learningRate;
        _updateChunk = UpdateChunk;
    }

    /// <summary>η, the step size; may be changed between steps (learning-rate schedules).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not finite and positive.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set
        {
            InfoTheory.Internal.Guard.Positive(value, nameof(LearningRate));
            _learningRate = value;
        }
    }

    /// <summary>The parameters this optimizer updates, in the order given, each tensor once (compared by reference).</summary>
    public IReadOnlyList<AutodiffTensor<T>> Parameters => _parameters;

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    /// <remarks>
    /// Large steps are cut into chunks of at most 65 536 elements that run in parallel; every
    /// element is updated by the same arithmetic whatever the schedule, so results are identical bit
    /// for bit to a sequential step.
    /// </remarks>
    public void Step()
    {
        _nonFinite = false;
        BeginStep();
        _chunks.Clear();
        long total = 0;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (!p.HasGradient)
            {
                continue;
            }

            // Clears a stale (zeroed-by-flag) gradient here, before chunks of it run in parallel.
            _ = p.GradientSpan;
            PrepareState(i, p.Length);
            for (int offset = 0; offset < p.Length; offset += ChunkLength)
            {
                _chunks.Add((i, offset, Math.Min(ChunkLength, p.Length - offset)));
            }

            total += p.Length;
        }

        if (total < 2 * ChunkLength)
        {
            for (int c = 0; c < _chunks.Count; c++)
            {
                UpdateChunk(c);
            }
        }
        else
        {
            Parallel.For(0, _chunks.Count, _updateChunk);
        }
    }

    /// <summary>Whether the last <see cref="Step"/> wrote a NaN or ±∞ into some parameter: the divergence check of every Fit.</summary>
    internal bool LastStepNonFinite => _nonFinite;

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Called once at the start of every step (to advance step counters).</summary>
    private protected virtual void BeginStep()
    {
    }

    /// <summary>Creates (or readies) the state of parameter <paramref name="index"/> before its chunks run, possibly in parallel.</summary>
    private protected virtual void PrepareState(int index, int length)
    {
    }

    /// <summary>Updates elements [offset, offset + values.Length) of parameter <paramref name="index"/> in place from their gradient.</summary>
    private protected abstract void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient);

    private void UpdateChunk(int chunk)
    {
        var (index, offset, length) = _chunks[chunk];
        var p = _parameters[index];
        var values = p.Data.Slice(offset, length);
        Update(index, offset, values, p.GradientSpan.Slice(offset, length));

        // The chunk is still in cache, so this costs a fraction of a separate pass over all parameters; MaxMagnitude
        // propagates NaN and is ∞ when any element is. Chunks only ever set the flag, so parallel writes agree.
        if (!T.IsFinite(TensorPrimitives.MaxMagnitude<T>(values)))
        {
            _nonFinite = true;
        }
    }
}
