using System.Buffers;
using System.Numerics;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>An immutable joint distribution P(X₀, …, Xₙ₋₁) of n discrete variables, held as a dense n-dimensional table.</summary>
/// <remarks>
/// Variable i takes the values 0 … <c>Shape[i]</c> − 1 and the table is row-major: the last variable varies fastest, so outcome
/// (x₀, …, xₙ₋₁) sits at Σᵢ xᵢ·Π_{j &gt; i} Shape[j]. The table is validated once, on construction, by the rule of a probability
/// vector (every entry finite and ≥ 0, the total 1 within 1e-9·√cells) and never silently renormalised: build from counts or
/// samples for raw frequencies. The product of the alphabet sizes is at most <see cref="MaxCells"/>, so no index can wrap.
/// A marginal over any subset of the variables, in any order, is a new distribution (<see cref="Marginal"/>); the entropy of a
/// subset (<c>Entropy.Joint</c>, <c>Entropy.Conditional</c>) and the measures of <see cref="MultivariateInformation"/> sum the
/// table once per subset they need, O(cells) each, with nothing allocated per cell.
/// </remarks>
public sealed class MultivariateDistribution
{
    /// <summary>The most cells (the product of the alphabet sizes) a table may have: 2²⁴, as <see cref="ContingencyTable.MaxCells"/>.</summary>
    public const int MaxCells = ContingencyTable.MaxCells;

    /// <summary>The most variables a distribution may have: 30, since subsets of the variables are handled as bit sets and co-information sums over all 2ⁿ of them.</summary>
    public const int MaxVariables = 30;

    private readonly double[] _table;
    private readonly int[] _shape;

    private MultivariateDistribution(double[] table, int[] shape)
    {
        _table = table;
        _shape = shape;
    }

    /// <summary>The number of variables n.</summary>
    public int VariableCount => _shape.Length;

    /// <summary>The alphabet sizes: variable i takes the values 0 … <c>Shape[i]</c> − 1.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The table P(x₀, …, xₙ₋₁) in row-major order, the last variable varying fastest.</summary>
    public ReadOnlySpan<double> Probabilities => _table;

    /// <summary>The probability P(X₀ = x₀, …, Xₙ₋₁ = xₙ₋₁) of one outcome.</summary>
    /// <param name="outcome">The value of every variable, in variable order: n values, value i in [0, <c>Shape[i]</c>).</param>
    /// <returns>The probability of the outcome, in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> does not have one value per variable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value lies outside its variable's alphabet.</exception>
    public double Probability(ReadOnlySpan<int> outcome)
    {
        Guard.SameLength(VariableCount, outcome.Length, nameof(VariableCount), nameof(outcome));
        int cell = 0;
        for (int i = 0; i < outcome.Length; i++)
        {
            if ((uint)outcome[i] >= (uint)_shape[i])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(outcome), outcome[i], $"{nameof(outcome)}[{i}] is {outcome[i]}; variable {i} takes the values 0 to {_shape[i] - 1}.");
            }

            cell = (cell * _shape[i]) + outcome[i];
        }

        return _table[cell];
    }

    /// <summary>Creates a distribution from an n-dimensional table of probabilities given flat, in row-major order.</summary>
    /// <remarks>The table is copied; every entry must be finite and ≥ 0 and the entries must sum to 1 (within 1e-9·√cells).</remarks>
    /// <param name="table">The probabilities, outcome (x₀, …, xₙ₋₁) at Σᵢ xᵢ·Π_{j &gt; i} shape[j]; length Π shape.</param>
    /// <param name="shape">The alphabet sizes, one per variable: 1 to <see cref="MaxVariables"/> sizes, each ≥ 1, product ≤ <see cref="MaxCells"/>.</param>
    /// <returns>The distribution holding a copy of <paramref name="table"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is empty or too long, the length of <paramref name="table"/> is not the product of the sizes, or an entry is negative, NaN or infinite, or the entries do not sum to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size in <paramref name="shape"/> is below 1, or their product exceeds <see cref="MaxCells"/>.</exception>
    public static MultivariateDistribution FromProbabilities(ReadOnlySpan<double> table, ReadOnlySpan<int> shape)
    {
        int cells = Guard.Shape(shape, nameof(shape));
        RequireLength(table.Length, cells, shape, nameof(table));
        Guard.ProbabilityTable(table, 0, nameof(table));
        return new MultivariateDistribution(table.ToArray(), shape.ToArray());
    }

    /// <summary>Creates the empirical distribution P(x) = c(x) / N from an n-dimensional table of counts given flat, in row-major order.</summary>
    /// <param name="counts">How often each outcome was observed, laid out as in <see cref="FromProbabilities"/>: every count ≥ 0, total N &gt; 0.</param>
    /// <param name="shape">The alphabet sizes, one per variable: 1 to <see cref="MaxVariables"/> sizes, each ≥ 1, product ≤ <see cref="MaxCells"/>.</param>
    /// <returns>The distribution of the observed frequencies.</returns>
    /// <exception cref="ArgumentException"><paramref name="shape"/> is empty or too long, the length of <paramref name="counts"/> is not the product of the sizes, a count is negative, or the total is 0 or past <see cref="long.MaxValue"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size in <paramref name="shape"/> is below 1, or their product exceeds <see cref="MaxCells"/>.</exception>
    public static MultivariateDistribution FromCounts(ReadOnlySpan<long> counts, ReadOnlySpan<int> shape)
    {
        int cells = Guard.Shape(shape, nameof(shape));
        RequireLength(counts.Length, cells, shape, nameof(counts));
        double n = Guard.Counts(counts, 0, nameof(counts));
        var table = new double[cells];
        for (int k = 0; k < cells; k++)
        {
            table[k] = counts[k] / n;
        }

        return new MultivariateDistribution(table, shape.ToArray());
    }

    /// <summary>Creates the empirical distribution of n columns of category indices, one column per variable and one row per observation.</summary>
    /// <remarks>
    /// Labels are category indices, as in <see cref="JointDistribution.FromSamples"/>: variable i takes max(columns[i]) + 1 values, with
    /// zero probability for indices that never occur. Labels of other types go through <see cref="FromLabels{T}"/>.
    /// </remarks>
    /// <param name="columns">One array per variable, all of the same length N ≥ 1, every label ≥ 0.</param>
    /// <returns>The distribution of the observed outcome frequencies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no columns or more than <see cref="MaxVariables"/>, a column is null or empty, or the columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative, or the table (the product of max + 1 over the columns) would exceed <see cref="MaxCells"/> cells.</exception>
    public static MultivariateDistribution FromSamples(params int[][] columns)
    {
        int rows = RequireColumns(columns, nameof(columns));
        var shape = new int[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            int[] column = columns[i];
            LabelCounting.MinMax(column, out int min, out int max);
            if (min < 0)
            {
                int at = Array.IndexOf(column, min);
                throw new ArgumentOutOfRangeException(
                    nameof(columns), min, $"{nameof(columns)}[{i}][{at}] is {min}; category indices must be >= 0 (Labels.Encode codes other labels).");
            }

            shape[i] = (int)Math.Min(max + 1L, int.MaxValue);
        }

        return Count(columns, rows, shape, nameof(columns));
    }

    /// <summary>Creates the empirical distribution of n columns of labels of any type, each column coded by its own distinct labels.</summary>
    /// <remarks>
    /// Each column is coded as the label measures code labels (<see cref="Entropy.FromSamples{T}(ReadOnlySpan{T}, EntropyEstimator, LogBase)"/>):
    /// integers by their offset from the column's minimum, other labels 0, 1, … in order of first appearance; a measure of the
    /// distribution depends only on which observations share a label, not on the codes. Floating-point columns that look like
    /// measurements are rejected as they are there; <see cref="Labels.Encode{T}"/> takes exact values as categories.
    /// </remarks>
    /// <typeparam name="T">The label type.</typeparam>
    /// <param name="columns">One array per variable, all of the same length N ≥ 1, no label null.</param>
    /// <returns>The distribution of the observed outcome frequencies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no columns or more than <see cref="MaxVariables"/>, a column is null or empty, the columns differ in length, a label is null, or floating-point labels look like measurements.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The table (the product of the numbers of distinct labels) would exceed <see cref="MaxCells"/> cells.</exception>
    public static MultivariateDistribution FromLabels<T>(params T[][] columns)
        where T : notnull
    {
        int rows = RequireColumns(columns, nameof(columns));
        var codes = new int[columns.Length][];
        var shape = new int[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            codes[i] = new int[rows];
            shape[i] = LabelCounting.Encode<T>(columns[i], codes[i], nameof(columns));
        }

        return Count(codes, rows, shape, nameof(columns));
    }

    /// <summary>The marginal distribution of the given variables, in the order given: P(x_{v₀}, x_{v₁}, …) = Σ over the others.</summary>
    /// <remarks>
    /// Variable j of the result is variable <c>variables[j]</c> of this one, so a marginal can also reorder the variables. One pass
    /// over the table, O(cells). Summing reorders the additions, so a marginal's total may differ from 1 by rounding; it is not
    /// renormalised.
    /// </remarks>
    /// <param name="variables">The variables to keep: at least one, each in [0, <see cref="VariableCount"/>), none repeated.</param>
    /// <returns>The marginal distribution, with <c>variables.Length</c> variables.</returns>
    /// <exception cref="ArgumentException"><paramref name="variables"/> is empty or repeats a variable.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A variable index is outside [0, <see cref="VariableCount"/>).</exception>
    public MultivariateDistribution Marginal(ReadOnlySpan<int> variables)
    {
        Guard.VariableSet(variables, VariableCount, allowEmpty: false, nameof(variables));
        return MarginalOf(variables);
    }

    // <summary>The marginal over valid, distinct <paramref name="variables"/>, in their order; no validation.</summary>
    internal MultivariateDistribution MarginalOf(ReadOnlySpan<int> variables)
    {
        var shape = new int[variables.Length];
        long cells = 1;
        for (int j = 0; j < variables.Length; j++)
        {
            shape[j] = _shape[variables[j]];
            cells *= shape[j];
        }

        var table = new double[cells];
        SumInto(variables, table);
        return new MultivariateDistribution(table, shape);
    }

    // <summary>
    // The marginal over the variables of the bit set <paramref name="set"/> in ascending order, or this distribution when the set
    // holds every variable.
    // </summary>
    internal MultivariateDistribution MarginalOf(uint set)
    {
        if (set == FullSet)
        {
            return this;
        }

        Span<int> variables = stackalloc int[BitOperations.PopCount(set)];
        Members(set, variables);
        return MarginalOf(variables);
    }

    // <summary>The bit set of all n variables.</summary>
    internal uint FullSet => (1u << _shape.Length) - 1;

    // <summary>H(X_S) in nats for the variables of the bit set <paramref name="set"/> (0 for the empty set): one pass over the table.</summary>
    internal double EntropyNats(uint set)
    {
        if (set == 0)
        {
            return 0;
        }

        if (set == FullSet)
        {
            return Entropy.NatsOfValidated(_table);
        }

        Span<int> variables = stackalloc int[BitOperations.PopCount(set)];
        Members(set, variables);
        long cells = 1;
        foreach (int v in variables)
        {
            cells *= _shape[v];
        }

        double[] rented = ArrayPool<double>.Shared.Rent((int)cells);
        Span<double> marginal = rented.AsSpan(0, (int)cells);
        SumInto(variables, marginal);
        double h = Entropy.NatsOfValidated(marginal);
        ArrayPool<double>.Shared.Return(rented);
        return h;
    }

    // <summary>Writes the variables of a bit set, ascending, into <paramref name="destination"/> (its length is the set's size).</summary>
    internal static void Members(uint set, Span<int> destination)
    {
        for (int j = 0; set != 0; j++, set &= set - 1)
        {
            destination[j] = BitOperations.TrailingZeroCount(set);
        }
    }

    // <summary>Renumbers the bit set <paramref name="set"/> ⊆ <paramref name="union"/> so that the j-th smallest member of the union becomes bit j.</summary>
    internal static uint Compress(uint set, uint union)
    {
        uint result = 0;
        int j = 0;
        for (uint rest = union; rest != 0; rest &= rest - 1, j++)
        {
            if ((set & rest & (0u - rest)) != 0)
            {
                result |= 1u << j;
            }
        }

        return result;
    }

    // <summary>
    // Sums the table into the marginal over <paramref name="variables"/> (row-major in their order), which
    // <paramref name="destination"/> receives; its length is the product of their alphabet sizes.
    // </summary>
    // <remarks>
    // An odometer walks the table once: its digits are the variables with more than one value, the last (stride 1) innermost, and
    // each digit moves the marginal index by that variable's stride in the marginal (0 for a summed-out variable). A carry costs
    // O(1) amortised, so the pass is O(cells) with no division per cell.
    // </remarks>
    private void SumInto(ReadOnlySpan<int> variables, Span<double> destination)
    {
        int n = _shape.Length;
        Span<int> marginalStride = stackalloc int[n];
        marginalStride.Clear();
        int stride = 1;
        for (int j = variables.Length - 1; j >= 0; j--)
        {
            marginalStride[variables[j]] = stride;
            stride *= _shape[variables[j]];
        }

        // Digits, fastest first; variables with one value never move and are left out.
        Span<int> size = stackalloc int[n];
        Span<int> step = stackalloc int[n];
        int digits = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            if (_shape[i] > 1)
            {
                size[digits] = _shape[i];
                step[digits] = marginalStride[i];
                digits++;
            }
        }

        destination.Clear();
        ReadOnlySpan<double> table = _table;
        if (digits == 0)
        {
            destination[0] = table[0];
            return;
        }

        Span<int> digit = stackalloc int[digits];
        digit.Clear();
        int inner = size[0], innerStep = step[0], m = 0;
        for (int c = 0; c < table.Length; c += inner)
        {
            ReadOnlySpan<double> run = table.Slice(c, inner);
            for (int d = 0, at = m; d < run.Length; d++, at += innerStep)
            {
                destination[at] += run[d];
            }

            for (int j = 1; j < digits; j++)
            {
                m += step[j];
                if (++digit[j] < size[j])
                {
                    break;
                }

                digit[j] = 0;
                m -= step[j] * size[j];
            }
        }
    }

    private static void RequireLength(int length, int cells, ReadOnlySpan<int> shape, string paramName)
    {
        if (length != cells)
        {
            throw new ArgumentException(
                $"{paramName} has {length} entries but shape [{string.Join(", ", shape.ToArray())}] needs {cells}, the product of the alphabet sizes.",
                paramName);
        }
    }

    private static int RequireColumns<T>(T[][] columns, string paramName)
    {
        ArgumentNullException.ThrowIfNull(columns, paramName);
        Guard.VariableCount(columns.Length, paramName);
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] is null; every variable needs one label per observation.", paramName);
            }

            if (columns[i].Length != columns[0].Length)
            {
                throw new ArgumentException(
                    $"{paramName}[{i}] has {columns[i].Length} labels but {paramName}[0] has {columns[0].Length}; every variable needs one label per observation.",
                    paramName);
            }
        }

        Guard.NotEmpty(columns[0].Length, paramName);
        return columns[0].Length;
    }

    // <summary>Counts the outcomes of coded columns (code i of column j in [0, shape[j])) into the empirical distribution.</summary>
    private static MultivariateDistribution Count(int[][] codes, int rows, int[] shape, string paramName)
    {
        int cells = Guard.Shape(shape, paramName);
        var counts = new int[cells];
        for (int r = 0; r < rows; r++)
        {
            int cell = 0;
            for (int j = 0; j < codes.Length; j++)
            {
                cell = (cell * shape[j]) + codes[j][r];
            }

            counts[cell]++;
        }

        var table = new double[cells];
        double n = rows;
        for (int k = 0; k < cells; k++)
        {
            table[k] = counts[k] / n;
        }

        return new MultivariateDistribution(table, shape);
    }
}
