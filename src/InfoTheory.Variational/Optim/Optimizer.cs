using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Serialization;

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
/// <para>Checkpoints: <see cref="SaveState"/> writes the optimizer's running state (Adam's moments and step count, SGD's
/// momentum buffers) and <see cref="LoadState"/> reads it into an optimizer built the same way over the same
/// parameters. Save the parameters too (<see cref="ParameterFile.Save{T}"/>); loading both into fresh objects and
/// continuing gives the same bits as a run that never stopped.</para>
/// </remarks>
public abstract class Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int ChunkLength = 1 << 16;
    private const string OptimizerKey = "optimizer";
    private const string ParameterCountKey = "parameter_count";
    private const string StepCountKey = "step_count";
    private const string StatefulKey = "stateful_parameters";

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

    // <summary>Whether the last <see cref="Step"/> wrote a NaN or ±∞ into some parameter: the divergence check of every Fit.</summary>
    internal bool LastStepNonFinite => _nonFinite;

    /// <summary>
    /// Writes the optimizer's running state to a parameter file (safetensors, see <see cref="ParameterFile"/>), replacing
    /// it atomically: one tensor per state buffer of every parameter that has stepped, named <c>"{index}.{buffer}"</c>
    /// with PyTorch's buffer names (<c>exp_avg</c>, <c>exp_avg_sq</c>, <c>momentum_buffer</c>), and the optimizer's type,
    /// parameter count and step count in the metadata.
    /// </summary>
    /// <param name="path">The destination file.</param>
    /// <remarks>Hyper-parameters (η, β₁, β₂, ε, λ, μ) are not state: the optimizer that loads the file keeps its own.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void SaveState(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var slots = StateSlots();
        var named = new List<KeyValuePair<string, AutodiffTensor<T>>>();
        var stateful = new List<int>();
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (slots.Length == 0 || slots[0].Buffers[i] is null)
            {
                continue;
            }

            stateful.Add(i);
            foreach (var (name, buffers) in slots)
            {
                named.Add(new(StateName(i, name), AutodiffTensor.FromValues<T>(buffers[i], _parameters[i].Shape)));
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [OptimizerKey] = Kind,
            [ParameterCountKey] = _parameters.Length.ToString(CultureInfo.InvariantCulture),
            [StepCountKey] = StateStepCount.ToString(CultureInfo.InvariantCulture),
            [StatefulKey] = string.Join(',', stateful),
        };
        ParameterFile.Write(named, metadata, path, nameof(path));
    }

    /// <summary>Replaces the running state with one written by <see cref="SaveState"/> of an optimizer of the same type over parameters of the same shapes.</summary>
    /// <param name="path">A file written by <see cref="SaveState"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is corrupt, is not an optimizer state, or belongs to another optimizer type, parameter count or parameter shapes (the message says which); the state is unchanged.</exception>
    public void LoadState(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        var metadata = ParameterFile.Metadata(bytes, path, out _);
        string Entry(string key) => metadata.TryGetValue(key, out string? value)
            ? value
            : throw BadState(path, $"its metadata has no '{key}' (not an optimizer state)");
        if (Entry(OptimizerKey) != Kind)
        {
            throw BadState(path, $"it holds the state of {Entry(OptimizerKey)}, not of {Kind}");
        }

        if (Entry(ParameterCountKey) != _parameters.Length.ToString(CultureInfo.InvariantCulture))
        {
            throw BadState(path, $"it is for {Entry(ParameterCountKey)} parameters but this optimizer has {_parameters.Length}");
        }

        if (!int.TryParse(Entry(StepCountKey), NumberStyles.None, CultureInfo.InvariantCulture, out int steps))
        {
            throw BadState(path, $"its {StepCountKey} is '{Entry(StepCountKey)}', not an integer >= 0");
        }

        int[] stateful = StatefulIndices(Entry(StatefulKey), path);
        var slots = StateSlots();
        var named = new List<KeyValuePair<string, AutodiffTensor<T>>>();
        foreach (int i in stateful)
        {
            foreach (var (name, _) in slots)
            {
                named.Add(new(StateName(i, name), AutodiffTensor.Zeros<T>(_parameters[i].Shape)));
            }
        }

        // Validates every name, dtype and shape before anything below changes.
        ParameterFile.Read(bytes, named, path);
        foreach (var (_, buffers) in slots)
        {
            Array.Clear(buffers);
        }

        int k = 0;
        foreach (int i in stateful)
        {
            foreach (var (_, buffers) in slots)
            {
                buffers[i] = named[k++].Value.Values.ToArray();
            }
        }

        StateStepCount = steps;
    }

    /// <summary>Zeroes every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.ZeroGrad();
        }
    }

    // <summary>The steps counted in the state (Adam's t); 0 for an optimizer that counts none.</summary>
    private protected virtual int StateStepCount
    {
        get => 0;
        set
        {
        }
    }

    // <summary>The state buffers, one array slot per parameter (null until it first steps), under PyTorch's names; none for a stateless optimizer.</summary>
    private protected virtual (string Name, T[]?[] Buffers)[] StateSlots() => [];

    // <summary>Called once at the start of every step (to advance step counters).</summary>
    private protected virtual void BeginStep()
    {
    }

    // <summary>Creates (or readies) the state of parameter <paramref name="index"/> before its chunks run, possibly in parallel.</summary>
    private protected virtual void PrepareState(int index, int length)
    {
    }

    // <summary>Updates elements [offset, offset + values.Length) of parameter <paramref name="index"/> in place from their gradient.</summary>
    private protected abstract void Update(int index, int offset, Span<T> values, ReadOnlySpan<T> gradient);

    private string Kind => GetType().Name.Split('`')[0];

    private static string StateName(int index, string buffer) => string.Create(CultureInfo.InvariantCulture, $"{index}.{buffer}");

    private static InvalidDataException BadState(string path, string what) => new($"Optimizer state '{path}' cannot be loaded: {what}.");

    // "0,2,3": distinct ascending parameter indices; an empty string for an optimizer that has not stepped.
    private int[] StatefulIndices(string text, string path)
    {
        if (text.Length == 0)
        {
            return [];
        }

        string[] parts = text.Split(',');
        var indices = new int[parts.Length];
        for (int j = 0; j < parts.Length; j++)
        {
            if (!int.TryParse(parts[j], NumberStyles.None, CultureInfo.InvariantCulture, out indices[j]) || indices[j] >= _parameters.Length || (j > 0 && indices[j] <= indices[j - 1]))
            {
                throw BadState(path, $"its {StatefulKey} is '{text}', not ascending parameter indices below {_parameters.Length}");
            }
        }

        return indices;
    }

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
