using System.Reflection;
using System.Runtime.CompilerServices;
using InfoTheory.Continuous;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Losses;
using static InfoTheory.Variational.Tests.Autodiff.TestTensors;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>
/// Every operation's backward rule against central finite differences in double precision
/// (an independent oracle: it only evaluates the forward pass).
/// </summary>
public class GradCheckTests
{
    private const double Tolerance = 1e-6;

    private static readonly Dictionary<string, (Func<IReadOnlyList<AutodiffTensor<double>>, AutodiffTensor<double>> F, Func<AutodiffTensor<double>[]> Inputs)> Cases = new()
    {
        ["add same shape"] = (x => x[0] + x[1], () => [Uniform(1, 2, 3), Uniform(2, 2, 3)]),
        ["add row broadcast"] = (x => x[0] + x[1], () => [Uniform(1, 2, 3), Uniform(2, 3)]),
        ["add column broadcast both ways"] = (x => x[0] + x[1], () => [Uniform(1, 2, 1, 3), Uniform(2, 4, 1)]),
        ["add rank-0"] = (x => x[0] + x[1], () => [Uniform(1, 2, 3), Uniform(2)]),
        ["subtract broadcast"] = (x => x[0] - x[1], () => [Uniform(1, 3, 1), Uniform(2, 1, 4)]),
        ["subtract same shape"] = (x => x[0] - x[1], () => [Uniform(1, 5), Uniform(2, 5)]),
        ["multiply same shape"] = (x => x[0] * x[1], () => [Uniform(1, 2, 3), Uniform(2, 2, 3)]),
        ["multiply broadcast"] = (x => x[0] * x[1], () => [Uniform(1, 2, 1, 3), Uniform(2, 4, 1)]),
        ["divide same shape"] = (x => x[0] / x[1], () => [Uniform(1, 2, 3), Positive(2, 2, 3)]),
        ["divide broadcast"] = (x => x[0] / x[1], () => [Uniform(1, 2, 3), Positive(2, 2, 1)]),
        ["add constant"] = (x => x[0] + 1.5, () => [Uniform(1, 4)]),
        ["subtract from constant"] = (x => 1.5 - x[0], () => [Uniform(1, 4)]),
        ["multiply constant"] = (x => x[0] * -2.5, () => [Uniform(1, 4)]),
        ["divide constant by"] = (x => 3.0 / x[0], () => [Positive(1, 4)]),
        ["negate"] = (x => -x[0], () => [Uniform(1, 2, 2)]),
        ["matmul 2-D"] = (x => AutodiffTensor.MatMul(x[0], x[1]), () => [Uniform(1, 3, 4), Uniform(2, 4, 5)]),
        ["matmul batched"] = (x => AutodiffTensor.MatMul(x[0], x[1]), () => [Uniform(1, 2, 3, 4), Uniform(2, 2, 4, 2)]),
        ["matmul batched by 2-D"] = (x => AutodiffTensor.MatMul(x[0], x[1]), () => [Uniform(1, 2, 3, 4), Uniform(2, 4, 2)]),
        ["matmul 2-D by batched"] = (x => AutodiffTensor.MatMul(x[0], x[1]), () => [Uniform(1, 3, 4), Uniform(2, 2, 4, 2)]),
        ["linear with bias"] = (x => AutodiffTensor.Linear(x[0], x[1], x[2]), () => [Uniform(1, 5, 3), Uniform(2, 3, 4), Uniform(3, 4)]),
        ["linear without bias, rank-3 input"] = (x => AutodiffTensor.Linear(x[0], x[1], null), () => [Uniform(1, 2, 5, 3), Uniform(2, 3, 4)]),
        ["transpose 2-D"] = (x => x[0].Transpose(), () => [Uniform(1, 3, 4)]),
        ["transpose outer axes of rank 3"] = (x => x[0].Transpose(0, 2), () => [Uniform(1, 2, 3, 4)]),
        ["reshape"] = (x => x[0].Reshape(3, -1) * x[1], () => [Uniform(1, 2, 6), Uniform(2, 3, 4)]),
        ["slice"] = (x => x[0].Slice(1, 1, 2), () => [Uniform(1, 2, 4, 3)]),
        ["concat axis 0"] = (x => AutodiffTensor.Concat(0, x[0], x[1]), () => [Uniform(1, 2, 3), Uniform(2, 1, 3)]),
        ["concat axis 1, input used twice"] = (x => AutodiffTensor.Concat(1, x[0], x[1], x[0]), () => [Uniform(1, 2, 3), Uniform(2, 2, 2)]),
        ["sum all"] = (x => x[0].Sum(), () => [Uniform(1, 3, 4)]),
        ["mean all"] = (x => x[0].Mean(), () => [Uniform(1, 3, 4)]),
        ["sum axis 0"] = (x => x[0].Sum(0), () => [Uniform(1, 3, 4, 2)]),
        ["sum axis 1 keepdims"] = (x => x[0].Sum(1, keepDims: true), () => [Uniform(1, 3, 4, 2)]),
        ["mean last axis"] = (x => x[0].Mean(-1), () => [Uniform(1, 3, 4)]),
        ["exp"] = (x => x[0].Exp(), () => [Uniform(1, 3, 4)]),
        ["log"] = (x => x[0].Log(), () => [Positive(1, 3, 4)]),
        ["sqrt"] = (x => x[0].Sqrt(), () => [Positive(1, 3, 4)]),
        ["square"] = (x => x[0].Square(), () => [Uniform(1, 3, 4)]),
        ["pow fractional"] = (x => x[0].Pow(2.5), () => [Positive(1, 3, 4)]),
        ["pow negative integer"] = (x => x[0].Pow(-2.0), () => [AwayFromZero(1, 3, 4)]),
        ["abs"] = (x => x[0].Abs(), () => [AwayFromZero(1, 3, 4)]),
        ["tanh"] = (x => x[0].Tanh(), () => [Uniform(1, 3, 4)]),
        ["sigmoid"] = (x => x[0].Sigmoid(), () => [Uniform(1, 3, 4)]),
        ["relu"] = (x => x[0].Relu(), () => [AwayFromZero(1, 3, 4)]),
        ["relu over SIMD width plus tail"] = (x => x[0].Relu(), () => [AwayFromZero(1, 1031)]),
        ["leaky relu"] = (x => x[0].LeakyRelu(0.1), () => [AwayFromZero(1, 3, 4)]),
        ["softplus"] = (x => x[0].Softplus(), () => [Uniform(1, 3, 4)]),
        ["log sigmoid"] = (x => x[0].LogSigmoid(), () => [Uniform(1, 3, 4)]),
        ["log sum exp last axis"] = (x => x[0].LogSumExp(-1), () => [Uniform(1, 3, 4)]),
        ["log sum exp middle axis keepdims"] = (x => x[0].LogSumExp(1, keepDims: true), () => [Uniform(1, 2, 3, 4)]),
        ["softmax last axis"] = (x => x[0].Softmax(), () => [Uniform(1, 3, 4)]),
        ["softmax axis 0"] = (x => x[0].Softmax(0), () => [Uniform(1, 3, 4)]),
        ["log softmax"] = (x => x[0].LogSoftmax(1), () => [Uniform(1, 2, 3, 4)]),
        ["sin"] = (x => x[0].Sin(), () => [Uniform(1, 3, 4)]),
        ["cos"] = (x => x[0].Cos(), () => [Uniform(1, 3, 4)]),
        ["max all"] = (x => x[0].Max(), () => [Uniform(1, 3, 4)]),
        ["min all"] = (x => x[0].Min(), () => [Uniform(1, 3, 4)]),
        ["max last axis"] = (x => x[0].Max(-1), () => [Uniform(1, 3, 4)]),
        ["min middle axis keepdims"] = (x => x[0].Min(1, keepDims: true), () => [Uniform(1, 2, 3, 4)]),
        ["index select rows with a repeat"] = (x => x[0].IndexSelect(0, [2, 0, 2]), () => [Uniform(1, 3, 4)]),
        ["index select last axis"] = (x => x[0].IndexSelect(-1, [3, 1]), () => [Uniform(1, 2, 3, 4)]),
        ["kl penalty, k3 per-sequence means"] = (x => KlPenalty.Loss(x[0], x[1], KlAggregation.SequenceMeanMean, new MonteCarloOptions { Estimator = MonteCarloEstimator.K3 }), () => [Uniform(1, 2, 3), Uniform(2, 2, 3)]),
        ["cross-entropy with logits, mean"] = (x => AutodiffTensor.CrossEntropyWithLogits(x[0], [2, 0, 3], LossReduction.Mean), () => [Uniform(1, 3, 4)]),
        ["cross-entropy with logits, sum"] = (x => AutodiffTensor.CrossEntropyWithLogits(x[0], [1, 1], LossReduction.Sum), () => [Uniform(1, 2, 5)]),
        ["clamp inside and outside"] = (x => x[0].Clamp(-1.0, 1.0), () => [AutodiffTensor.FromValues<double>([-1.7, -0.4, 0.3, 0.95, 1.6], 5)]),
        ["lower triangular"] = (x => x[0].LowerTriangular(), () => [Uniform(1, 2, 3, 3)]),
        ["strictly lower triangular"] = (x => x[0].LowerTriangular(-1), () => [Uniform(1, 4, 4)]),
        ["diagonal"] = (x => x[0].Diagonal(), () => [Uniform(1, 2, 3, 3)]),
        ["diagonal matrix"] = (x => x[0].DiagonalMatrix(), () => [Uniform(1, 2, 3)]),
        ["bce with logits, sum"] = (x => AutodiffTensor.BinaryCrossEntropyWithLogits(x[0], x[1], LossReduction.Sum), () => [Uniform(1, 3, 4), AutodiffTensor.RandomUniform(new Random(5), 0.0, 1.0, 3, 4)]),
        ["bce with logits, mean"] = (x => AutodiffTensor.BinaryCrossEntropyWithLogits(x[0], x[1], LossReduction.Mean), () => [Uniform(1, 3, 4), AutodiffTensor.RandomUniform(new Random(5), 0.0, 1.0, 3, 4)]),
        ["cholesky-style composite"] = (
            x => x[0].LowerTriangular(-1) + x[1].Exp().DiagonalMatrix(),
            () => [Uniform(1, 3, 3), Uniform(2, 3)]),
        ["node used twice"] = (x => x[0] * x[0] + x[0].Exp() * x[0], () => [Uniform(1, 4)]),
    };

    public static TheoryData<string> Operations => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Backward_MatchesCentralDifferences(string operation)
    {
        var (f, inputs) = Cases[operation];

        var arguments = inputs();
        int elements = arguments.Sum(a => a.Length);

        var result = GradCheck.Run(f, arguments);

        result.ElementsChecked.Should().Be(elements, "every element of every input is perturbed");
        result.WorstRelativeError.Should().BeLessThan(Tolerance, $"{operation}: analytic {result.Analytic} vs numeric {result.Numeric} at input {result.InputIndex}[{result.ElementIndex}]");
    }

    [Fact]
    public void Cases_ReachEveryOperationOfTheEngine()
    {
        // Each operation is a node type nested in AutodiffTensor<T>; one that no case reaches has an unchecked backward
        // rule. The graphs are walked through the nodes' own inputs, so operations used inside a composite count too.
        var tensor = typeof(AutodiffTensor<double>);
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var inputCount = tensor.GetProperty("InputCount", Flags)!;
        var input = tensor.GetMethod("Input", Flags)!;
        var operations = tensor.GetNestedTypes(BindingFlags.NonPublic)
            .Select(t => t.MakeGenericType(typeof(double)))
            .Where(t => !t.IsAbstract && t.IsSubclassOf(tensor))
            .Select(t => ((AutodiffTensor<double>)RuntimeHelpers.GetUninitializedObject(t)).Operation)
            .ToHashSet();

        var reached = new HashSet<string>();
        foreach (var (f, inputs) in Cases.Values)
        {
            var leaves = inputs();
            foreach (var leaf in leaves)
            {
                leaf.RequiresGrad = true;
            }

            var pending = new Stack<AutodiffTensor<double>>([f(leaves)]);
            while (pending.TryPop(out var node))
            {
                reached.Add(node.Operation);
                for (int i = 0; i < (int)inputCount.GetValue(node)!; i++)
                {
                    pending.Push((AutodiffTensor<double>)input.Invoke(node, [i])!);
                }
            }
        }

        operations.Should().HaveCountGreaterThan(30).And.BeSubsetOf(reached);
    }

    [Fact]
    public void Run_GradientBlockedByDetach_ReportsTheMismatch()
    {
        // d/dx [detach(x)·x] is x by the rules of Detach, but the function's true derivative is 2x.
        var x = AutodiffTensor.FromValues<double>([1.5, -2.0], 2);

        var result = GradCheck.Run(t => t[0].Detach() * t[0], x);

        result.WorstRelativeError.Should().BeGreaterThan(0.3);
    }

    [Fact]
    public void Run_NoInputs_Throws()
    {
        var act = () => GradCheck.Run(t => t[0]);

        act.Should().Throw<ArgumentException>().WithParameterName("inputs");
    }

    [Fact]
    public void Run_NonPositiveStep_Throws()
    {
        var act = () => GradCheck.Run(t => t[0], 0.0, Uniform(1, 2));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
    }

    [Fact]
    public void Run_FunctionWithEmptyOutput_ThrowsNamingFunction()
    {
        // Nothing would be checked, and the result would read as a pass.
        FluentActions.Invoking(() => GradCheck.Run(x => x[0].Slice(0, 0, 0), Uniform(1, 3)))
            .Should().Throw<ArgumentException>().WithParameterName("function").WithMessage("*at least one element*");
    }

    [Fact]
    public void Run_FunctionWhoseOutputShapeChanges_ThrowsNamingFunction()
    {
        // The weights of the reduction Σ wᵢyᵢ are fixed per element, so the output must keep its shape under perturbation.
        FluentActions.Invoking(() => GradCheck.Run(x => x[0].Values[0] > 0.3 ? x[0] : x[0].Sum(), AutodiffTensor.FromValues<double>([0.3, 0.1], 2)))
            .Should().Throw<ArgumentException>().WithParameterName("function").WithMessage("*inputs[0][0] + step*");
    }

    [Fact]
    public void Run_FunctionWithNonFiniteOutput_ThrowsNamingFunction()
    {
        FluentActions.Invoking(() => GradCheck.Run(x => x[0].Log(), AutodiffTensor.FromValues<double>([1.0, -1.0], 2)))
            .Should().Throw<ArgumentException>().WithParameterName("function").WithMessage("*NaN at output element 1*");
    }

    [Fact]
    public void Run_NullInput_ThrowsNamingInputs()
    {
        FluentActions.Invoking(() => GradCheck.Run(x => x[0], Uniform(1, 2), null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("inputs");
    }
}
