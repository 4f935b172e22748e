using System.Buffers;
using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Kernels;

namespace InfoTheory.Channels;

/// <summary>An immutable discrete memoryless channel: the row-stochastic matrix p(y|x), one row per input x, one column per output y.</summary>
/// <remarks>
/// The matrix is validated once, on construction: every entry finite and ≥ 0 and every row a probability vector, its sum
/// within 1e-9·max(1, √|Y|) of 1 (the rule of a probability vector). Rows are never renormalised silently. Zero entries are
/// allowed anywhere, also whole columns of zeros (an output no input reaches); 0·log 0 = 0 throughout.
/// </remarks>
public sealed partial class Channel
{
    private readonly double[] _transition;

    private Channel(double[] transition, int inputs, int outputs)
    {
        _transition = transition;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The number of input symbols |X| (rows of the matrix).</summary>
    public int Inputs { get; }

    /// <summary>The number of output symbols |Y| (columns of the matrix).</summary>
    public int Outputs { get; }

    /// <summary>The matrix p(y|x) in row-major order: entry (x, y) is at x·<see cref="Outputs"/> + y.</summary>
    public ReadOnlySpan<double> Probabilities => _transition;

    /// <summary>The transition probability p(y = <paramref name="output"/> | x = <paramref name="input"/>).</summary>
    /// <param name="input">The input x, in [0, <see cref="Inputs"/>).</param>
    /// <param name="output">The output y, in [0, <see cref="Outputs"/>).</param>
    /// <returns>p(y|x), a probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> or <paramref name="output"/> is outside the matrix.</exception>
    public double this[int input, int output]
    {
        get
        {
            Guard.InRange(input, 0, Inputs - 1, nameof(input));
            Guard.InRange(output, 0, Outputs - 1, nameof(output));
            return _transition[(input * Outputs) + output];
        }
    }

    /// <summary>Creates a channel from its transition matrix, inputs the rows and outputs the columns.</summary>
    /// <remarks>The matrix is copied; every entry must be finite and ≥ 0 and every row must sum to 1.</remarks>
    /// <param name="transition">The probabilities p(y|x): row x is the output distribution of input x.</param>
    /// <returns>The channel holding a copy of <paramref name="transition"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="transition"/> has no rows or no columns, an entry (named by [row,column]) is negative, NaN or infinite, or a row does not sum to 1.</exception>
    public static Channel FromProbabilities(double[,] transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        int inputs = transition.GetLength(0), outputs = transition.GetLength(1);
        Guard.TableShape(inputs, outputs, nameof(transition));
        double[] flat = RowMajor.Copy(transition);

        Guard.StochasticRows(flat, outputs, nameof(transition));
        return new Channel(flat, inputs, outputs);
    }

    /// <summary>Creates a channel from a row-major transition matrix.</summary>
    /// <param name="transition">The probabilities p(y|x), entry (x, y) at x·<paramref name="outputs"/> + y.</param>
    /// <param name="inputs">The number of input symbols |X|, ≥ 1.</param>
    /// <param name="outputs">The number of output symbols |Y|, ≥ 1.</param>
    /// <returns>The channel holding a copy of <paramref name="transition"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> or <paramref name="outputs"/> is below 1, the length of <paramref name="transition"/> is not their product, an entry is negative, NaN or infinite, or a row does not sum to 1.</exception>
    public static Channel FromProbabilities(ReadOnlySpan<double> transition, int inputs, int outputs)
    {
        Guard.TableShape(inputs, outputs, nameof(transition));
        Guard.TableLength(transition.Length, inputs, outputs, nameof(transition));
        Guard.StochasticRows(transition, outputs, nameof(transition));
        return new Channel(transition.ToArray(), inputs, outputs);
    }

    // <summary>A channel built by this library from rows it has just normalised (a test channel, an encoder): no copy, no validation.</summary>
    internal static Channel Trusted(double[] transition, int inputs, int outputs) => new(transition, inputs, outputs);

    /// <summary>The output distribution q(y) = Σ_x p(x)·p(y|x) of an input distribution.</summary>
    /// <param name="input">The input distribution p(x): a probability vector of length <see cref="Inputs"/>.</param>
    /// <returns>A new probability vector of length <see cref="Outputs"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not a probability vector of length <see cref="Inputs"/>.</exception>
    public double[] OutputDistribution(ReadOnlySpan<double> input)
    {
        var result = new double[Outputs];
        OutputDistribution(input, result);
        return result;
    }

    /// <summary>Writes the output distribution q(y) = Σ_x p(x)·p(y|x) of an input distribution into <paramref name="destination"/>.</summary>
    /// <remarks>Nothing is allocated; the sum runs over the rows with p(x) &gt; 0, one vectorised multiply-add each.</remarks>
    /// <param name="input">The input distribution p(x): a probability vector of length <see cref="Inputs"/>.</param>
    /// <param name="destination">Receives q(y); length <see cref="Outputs"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not a probability vector of length <see cref="Inputs"/>, or <paramref name="destination"/> does not have length <see cref="Outputs"/> or overlaps <paramref name="input"/>.</exception>
    public void OutputDistribution(ReadOnlySpan<double> input, Span<double> destination)
    {
        RequireInput(input, nameof(input));
        Guard.SameLength(Outputs, destination.Length, "Outputs", nameof(destination));
        Guard.Disjoint(input, destination, nameof(input), nameof(destination));
        Mix(input, destination);
    }

    /// <summary>The mutual information I(X;Y) between the input and the output when the input has distribution <paramref name="input"/>.</summary>
    /// <remarks>
    /// I(X;Y) = Σ_x p(x) Σ_y p(y|x) log(p(y|x) / q(y)) with q = Σ_x p(x)·p(y|x) the output distribution and 0·log 0 = 0;
    /// it lies in [0, min(log |X|, log |Y|)] and is clamped at 0 against rounding. Each log-ratio is taken without forming the quotient.
    /// </remarks>
    /// <param name="input">The input distribution p(x): a probability vector of length <see cref="Inputs"/>.</param>
    /// <param name="unit">The unit of the result; nats by default.</param>
    /// <returns>I(X;Y) in <paramref name="unit"/>, ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not a probability vector of length <see cref="Inputs"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public double MutualInformation(ReadOnlySpan<double> input, LogBase unit = LogBase.Nats)
    {
        RequireInput(input, nameof(input));
        double natsPerUnit = Units.NatsPerUnit(unit);
        double[] rented = ArrayPool<double>.Shared.Rent(Outputs);
        try
        {
            Span<double> q = rented.AsSpan(0, Outputs);
            Mix(input, q);
            double mi = 0;
            for (int x = 0; x < Inputs; x++)
            {
                if (input[x] > 0)
                {
                    mi += input[x] * RowDivergence(Row(x), q);
                }
            }

            return Math.Max(mi, 0.0) / natsPerUnit;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    // <summary>The matrix itself, for the solvers of this assembly, which only read it.</summary>
    internal double[] Transition => _transition;

    // <summary>Row x of the matrix, p(·|x).</summary>
    internal ReadOnlySpan<double> Row(int x) => _transition.AsSpan(x * Outputs, Outputs);

    // <summary>D(p(·|x) ‖ q) = Σ_y p(y|x) log(p(y|x)/q(y)) over the outputs with p(y|x) &gt; 0, in nats; +∞ where such an output has q(y) = 0.</summary>
    internal static double RowDivergence(ReadOnlySpan<double> row, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int y = 0; y < row.Length; y++)
        {
            double w = row[y];
            if (w > 0)
            {
                sum += q[y] > 0 ? w * Log.OfRatio(w, q[y]) : double.PositiveInfinity;
            }
        }

        return sum;
    }

    // <summary>q = Σ_x p(x)·p(·|x) for a validated input.</summary>
    private void Mix(ReadOnlySpan<double> input, Span<double> q)
    {
        q.Clear();
        for (int x = 0; x < Inputs; x++)
        {
            if (input[x] > 0)
            {
                TensorPrimitives.MultiplyAdd(Row(x), input[x], q, q);
            }
        }
    }

    private void RequireInput(ReadOnlySpan<double> input, string paramName)
    {
        Guard.SameLength(Inputs, input.Length, "Inputs", paramName);
        Guard.Probabilities(input, paramName);
    }
}
