using System.Numerics;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Nn;

/// <summary>
/// A building block of a network: holds named parameters and child modules and maps an input
/// tensor to an output tensor. Derive from it to build models.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> for training, <see cref="double"/> for gradient checks.</typeparam>
/// <remarks>
/// <para>Register parameters and children in the constructor; <see cref="NamedParameters"/> then lists
/// them depth-first in registration order with dotted names (<c>"encoder.0.weight"</c>), which is
/// the order optimizers and ParameterFile rely on.</para>
/// <para>Thread safety: a module's state is its parameter tensors, so the rules of <see cref="AutodiffTensor{T}"/> apply.
/// Concurrent <see cref="Forward"/> calls are safe while nothing writes the parameters; a backward pass, an optimizer
/// step or loading parameters needs the module to itself. Registration (construction) is not synchronised.</para>
/// <para>Modes, as in PyTorch's <c>nn.Module.train()</c>/<c>eval()</c>: a module starts in training mode;
/// <see cref="Eval"/> and <see cref="Train"/> set the mode of the module and every descendant. A module whose forward
/// pass is stochastic while training (input corruption, dropout) reads <see cref="Training"/> and is deterministic in
/// evaluation mode. Switching modes writes every descendant, so it needs the module to itself like an optimizer step.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Module is the name every deep-learning library uses; the clash is only with Visual Basic's keyword.")]
public abstract class Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<KeyValuePair<string, AutodiffTensor<T>>> _parameters = [];
    private readonly List<KeyValuePair<string, Module<T>>> _children = [];

    /// <summary>Whether the module is in training mode (true, the initial mode) or evaluation mode (false).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Puts this module and every descendant in training mode, where stochastic layers draw their noise.</summary>
    public void Train() => SetTraining(true);

    /// <summary>Puts this module and every descendant in evaluation mode, where every layer is deterministic.</summary>
    public void Eval() => SetTraining(false);

    /// <summary>The matrix-product options the module's products use (kernel, thread budget); null for <see cref="MatrixProductOptions.Default"/>.</summary>
    public MatrixProductOptions? MatrixProducts { get; private set; }

    /// <summary>Sets <see cref="MatrixProducts"/> on this module and every descendant, as <see cref="Train"/> sets the mode.</summary>
    /// <param name="options">The options; null for the defaults (the fastest kernel on all cores).</param>
    public void UseMatrixProducts(MatrixProductOptions? options)
    {
        MatrixProducts = options;
        foreach (var (_, child) in _children)
        {
            child.UseMatrixProducts(options);
        }
    }

    /// <summary>Maps an input to an output, recording the graph when gradients are enabled.</summary>
    /// <param name="input">The input tensor.</param>
    /// <returns>The output tensor.</returns>
    public abstract AutodiffTensor<T> Forward(AutodiffTensor<T> input);

    /// <summary>Every parameter of this module and its descendants, depth-first in registration order, each tensor once.</summary>
    /// <returns>A new list of the parameter tensors.</returns>
    public IReadOnlyList<AutodiffTensor<T>> Parameters()
    {
        var list = new List<AutodiffTensor<T>>();
        foreach (var pair in NamedParameters())
        {
            list.Add(pair.Value);
        }

        return list;
    }

    /// <summary>Every parameter with its dotted path name, depth-first in registration order; a tensor reachable by several paths (a shared layer) appears once, under its first name.</summary>
    /// <returns>A new list of (name, tensor) pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, AutodiffTensor<T>>> NamedParameters()
    {
        var list = new List<KeyValuePair<string, AutodiffTensor<T>>>();
        Collect(string.Empty, list, new HashSet<AutodiffTensor<T>>(ReferenceEqualityComparer.Instance));
        return list;
    }

    /// <summary>Zeroes the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters())
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Registers a parameter under a name and makes it require gradients.</summary>
    /// <param name="name">A name unique within this module, without dots.</param>
    /// <param name="parameter">A leaf tensor.</param>
    /// <returns><paramref name="parameter"/>, for assignment to a field.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, contains a dot, or is already used.</exception>
    protected AutodiffTensor<T> RegisterParameter(string name, AutodiffTensor<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        CheckName(name);
        parameter.RequiresGrad = true;
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers a child module under a name.</summary>
    /// <typeparam name="TModule">The child's type.</typeparam>
    /// <param name="name">A name unique within this module, without dots.</param>
    /// <param name="module">The child.</param>
    /// <returns><paramref name="module"/>, for assignment to a field.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, contains a dot, or is already used.</exception>
    protected TModule RegisterModule<TModule>(string name, TModule module)
        where TModule : Module<T>
    {
        ArgumentNullException.ThrowIfNull(module);
        CheckName(name);
        _children.Add(new(name, module));
        return module;
    }

    private void SetTraining(bool training)
    {
        Training = training;
        foreach (var (_, child) in _children)
        {
            child.SetTraining(training);
        }
    }

    // A shared tensor (a module registered twice, or one tensor under two names) is listed once, under its first
    // name, so optimizers step it once and files store it once.
    private void Collect(string prefix, List<KeyValuePair<string, AutodiffTensor<T>>> list, HashSet<AutodiffTensor<T>> seen)
    {
        foreach (var (name, p) in _parameters)
        {
            if (seen.Add(p))
            {
                list.Add(new(prefix + name, p));
            }
        }

        foreach (var (name, child) in _children)
        {
            child.Collect(prefix + name + ".", list, seen);
        }
    }

    private void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"name is \"{name}\"; it must be non-empty and contain no '.'.", nameof(name));
        }

        if (_parameters.Exists(p => p.Key == name) || _children.Exists(c => c.Key == name))
        {
            throw new ArgumentException($"name \"{name}\" is already registered in this module.", nameof(name));
        }
    }
}
