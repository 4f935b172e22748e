using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>An immutable joint distribution P(X, Y) of two discrete variables: X indexes the rows, Y the columns.</summary>
/// <remarks>
/// The table is validated once, on construction, by the same rule as a probability vector (every entry
/// finite and ≥ 0, the total 1 within 1e-9·√(rows·columns)), and never silently renormalised: call
/// <see cref="FromCounts(long[,])"/> for raw counts. The marginals P(X) = Σ_y P(x, y) and
/// P(Y) = Σ_x P(x, y) are computed once and kept.
/// </remarks>
public sealed class JointDistribution
{
    private readonly double[] _table;
    private readonly double[] _rowMarginal;
    private readonly double[] _columnMarginal;

    private JointDistribution(double[] table, int rows, int columns)
    {
        _table = table;
        Rows = rows;
        Columns = columns;
        _rowMarginal = new double[rows];
        _columnMarginal = new double[columns];
        for (int x = 0; x < rows; x++)
        {
            ReadOnlySpan<double> row = table.AsSpan(x * columns, columns);
            double sum = 0;
            for (int y = 0; y < columns; y++)
            {
                sum += row[y];
                _columnMarginal[y] += row[y];
            }

            _rowMarginal[x] = sum;
        }
    }

    /// <summary>The number of values X takes (rows of the table).</summary>
    public int Rows { get; }

    /// <summary>The number of values Y takes (columns of the table).</summary>
    public int Columns { get; }

    /// <summary>The table P(x, y) in row-major order: entry (x, y) is at x·<see cref="Columns"/> + y.</summary>
    public ReadOnlySpan<double> Probabilities => _table;

    /// <summary>The marginal P(X) = Σ_y P(x, y), one entry per row.</summary>
    public ReadOnlySpan<double> RowMarginal => _rowMarginal;

    /// <summary>The marginal P(Y) = Σ_x P(x, y), one entry per column.</summary>
    public ReadOnlySpan<double> ColumnMarginal => _columnMarginal;

    /// <summary>The probability P(X = <paramref name="row"/>, Y = <paramref name="column"/>).</summary>
    /// <param name="row">The value x, in [0, <see cref="Rows"/>).</param>
    /// <param name="column">The value y, in [0, <see cref="Columns"/>).</param>
    /// <returns>P(x, y), a probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside the table.</exception>
    public double this[int row, int column]
    {
        get
        {
            Guard.InRange(row, 0, Rows - 1, nameof(row));
            Guard.InRange(column, 0, Columns - 1, nameof(column));
            return _table[(row * Columns) + column];
        }
    }

    /// <summary>Creates a joint distribution from a table of probabilities, X the rows and Y the columns.</summary>
    /// <remarks>The table is copied; every entry must be finite and ≥ 0 and the entries must sum to 1.</remarks>
    /// <param name="table">The probabilities P(x, y).</param>
    /// <returns>The joint distribution holding a copy of <paramref name="table"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> has no rows or no columns, an entry (named by [row,column]) is negative, NaN or infinite, or the entries do not sum to 1.</exception>
    public static JointDistribution FromProbabilities(double[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = table.GetLength(0), columns = table.GetLength(1);
        Guard.TableShape(rows, columns, nameof(table));
        double[] flat = RowMajor.Copy(table);

        Guard.ProbabilityTable(flat, columns, nameof(table));
        return new JointDistribution(flat, rows, columns);
    }

    /// <summary>Creates a joint distribution from the rows of a jagged table of probabilities, X the rows and Y the columns.</summary>
    /// <remarks>Every row must have the same length; the values are copied and validated as in <see cref="FromProbabilities(double[,])"/>.</remarks>
    /// <param name="table">The rows P(x, ·).</param>
    /// <returns>The joint distribution holding a copy of <paramref name="table"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="table"/> is ragged, has a null row, no rows or no columns, an entry is negative, NaN or infinite, or the entries do not sum to 1.</exception>
    public static JointDistribution FromProbabilities(double[][] table)
    {
        double[] flat = Flatten(table, nameof(table), out int rows, out int columns);
        Guard.ProbabilityTable(flat, columns, nameof(table));
        return new JointDistribution(flat, rows, columns);
    }

    /// <summary>Creates a joint distribution from a row-major table of probabilities.</summary>
    /// <param name="table">The probabilities, entry (x, y) at x·<paramref name="columns"/> + y.</param>
    /// <param name="rows">The number of values X takes, ≥ 1.</param>
    /// <param name="columns">The number of values Y takes, ≥ 1.</param>
    /// <returns>The joint distribution holding a copy of <paramref name="table"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> or <paramref name="columns"/> is below 1, the length of <paramref name="table"/> is not their product, an entry is negative, NaN or infinite, or the entries do not sum to 1.</exception>
    public static JointDistribution FromProbabilities(ReadOnlySpan<double> table, int rows, int columns)
    {
        Guard.TableShape(rows, columns, nameof(table));
        Guard.TableLength(table.Length, rows, columns, nameof(table));
        Guard.ProbabilityTable(table, columns, nameof(table));
        return new JointDistribution(table.ToArray(), rows, columns);
    }

    /// <summary>Creates the empirical joint distribution P(x, y) = c(x, y) / n from a table of counts.</summary>
    /// <param name="counts">How often each pair (x, y) was observed: every count ≥ 0, total n &gt; 0.</param>
    /// <returns>The joint distribution of the observed frequencies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> has no rows or no columns, a count (named by [row,column]) is negative, or the total is 0.</exception>
    public static JointDistribution FromCounts(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        Guard.TableShape(rows, columns, nameof(counts));
        long[] flat = RowMajor.Copy(counts);

        return FromCounts(flat, rows, columns);
    }

    /// <summary>Creates the empirical joint distribution P(x, y) = c(x, y) / n from a row-major table of counts.</summary>
    /// <param name="counts">The counts, entry (x, y) at x·<paramref name="columns"/> + y: every count ≥ 0, total n &gt; 0.</param>
    /// <param name="rows">The number of values X takes, ≥ 1.</param>
    /// <param name="columns">The number of values Y takes, ≥ 1.</param>
    /// <returns>The joint distribution of the observed frequencies.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> or <paramref name="columns"/> is below 1, the length of <paramref name="counts"/> is not their product, a count is negative, or the total is 0.</exception>
    public static JointDistribution FromCounts(ReadOnlySpan<long> counts, int rows, int columns)
    {
        Guard.TableShape(rows, columns, nameof(counts));
        Guard.TableLength(counts.Length, rows, columns, nameof(counts));
        double n = Guard.Counts(counts, columns, nameof(counts));
        var table = new double[counts.Length];
        for (int k = 0; k < table.Length; k++)
        {
            table[k] = counts[k] / n;
        }

        return new JointDistribution(table, rows, columns);
    }

    /// <summary>Creates the empirical joint distribution of paired category indices (x[i], y[i]).</summary>
    /// <remarks>
    /// Labels are category indices: row x holds label x, so the table has max(x) + 1 rows and max(y) + 1 columns,
    /// with zero rows and columns for indices that never occur. Counting is done by <see cref="ContingencyTable"/>.
    /// </remarks>
    /// <param name="x">The X label of each observation, every one ≥ 0.</param>
    /// <param name="y">The Y label of each observation, every one ≥ 0; same length as <paramref name="x"/>.</param>
    /// <returns>The joint distribution of the observed pair frequencies.</returns>
    /// <exception cref="ArgumentException">The spans are empty or differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative, or the table would exceed <see cref="ContingencyTable.MaxCells"/> cells.</exception>
    public static JointDistribution FromSamples(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        Guard.NotEmpty(x.Length, nameof(x));
        var table = new ContingencyTable();
        table.Add(x, y);
        return table.ToJointDistribution();
    }

    /// <summary>The joint distribution of two independent variables: P(x, y) = P(x)·P(y).</summary>
    /// <param name="px">The distribution of X (the rows): a probability vector.</param>
    /// <param name="py">The distribution of Y (the columns): a probability vector.</param>
    /// <returns>The product distribution, <c>px.Length</c> × <c>py.Length</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="px"/> or <paramref name="py"/> is empty or not a probability vector.</exception>
    public static JointDistribution Independent(ReadOnlySpan<double> px, ReadOnlySpan<double> py)
    {
        Guard.Probabilities(px, nameof(px));
        Guard.Probabilities(py, nameof(py));
        Guard.TableLength((long)px.Length * py.Length, px.Length, py.Length, nameof(py));
        var table = new double[px.Length * py.Length];
        for (int x = 0; x < px.Length; x++)
        {
            for (int y = 0; y < py.Length; y++)
            {
                table[(x * py.Length) + y] = px[x] * py[y];
            }
        }

        return new JointDistribution(table, px.Length, py.Length);
    }

    /// <summary>The conditional distribution P(Y | X = <paramref name="row"/>) = P(row, y) / P(row).</summary>
    /// <param name="row">The value x to condition on, in [0, <see cref="Rows"/>), with P(x) &gt; 0.</param>
    /// <returns>A probability vector over the <see cref="Columns"/> values of Y.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the table or has probability 0.</exception>
    public double[] GivenRow(int row)
    {
        var result = new double[Columns];
        GivenRow(row, result);
        return result;
    }

    /// <summary>Writes the conditional distribution P(Y | X = <paramref name="row"/>) = P(row, y) / P(row) into <paramref name="destination"/>.</summary>
    /// <param name="row">The value x to condition on, in [0, <see cref="Rows"/>), with P(x) &gt; 0.</param>
    /// <param name="destination">Receives one probability per column; length <see cref="Columns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the table or has probability 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not have length <see cref="Columns"/>.</exception>
    public void GivenRow(int row, Span<double> destination)
    {
        Guard.InRange(row, 0, Rows - 1, nameof(row));
        Guard.SameLength(Columns, destination.Length, "Columns", nameof(destination));
        double marginal = RequireSupport(_rowMarginal[row], row, "X", nameof(row));
        ReadOnlySpan<double> cells = _table.AsSpan(row * Columns, Columns);
        for (int y = 0; y < Columns; y++)
        {
            destination[y] = cells[y] / marginal;
        }
    }

    /// <summary>The conditional distribution P(X | Y = <paramref name="column"/>) = P(x, column) / P(column).</summary>
    /// <param name="column">The value y to condition on, in [0, <see cref="Columns"/>), with P(y) &gt; 0.</param>
    /// <returns>A probability vector over the <see cref="Rows"/> values of X.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is outside the table or has probability 0.</exception>
    public double[] GivenColumn(int column)
    {
        var result = new double[Rows];
        GivenColumn(column, result);
        return result;
    }

    /// <summary>Writes the conditional distribution P(X | Y = <paramref name="column"/>) = P(x, column) / P(column) into <paramref name="destination"/>.</summary>
    /// <param name="column">The value y to condition on, in [0, <see cref="Columns"/>), with P(y) &gt; 0.</param>
    /// <param name="destination">Receives one probability per row; length <see cref="Rows"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is outside the table or has probability 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not have length <see cref="Rows"/>.</exception>
    public void GivenColumn(int column, Span<double> destination)
    {
        Guard.InRange(column, 0, Columns - 1, nameof(column));
        Guard.SameLength(Rows, destination.Length, "Rows", nameof(destination));
        double marginal = RequireSupport(_columnMarginal[column], column, "Y", nameof(column));
        for (int x = 0; x < Rows; x++)
        {
            destination[x] = _table[(x * Columns) + column] / marginal;
        }
    }

    /// <summary>Copies the table into a new two-dimensional array, X the rows and Y the columns.</summary>
    /// <returns>A <see cref="Rows"/> × <see cref="Columns"/> array of probabilities.</returns>
    public double[,] ToArray()
    {
        var result = new double[Rows, Columns];
        for (int x = 0; x < Rows; x++)
        {
            for (int y = 0; y < Columns; y++)
            {
                result[x, y] = _table[(x * Columns) + y];
            }
        }

        return result;
    }

    private static double RequireSupport(double marginal, int index, string variable, string paramName)
    {
        if (marginal <= 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName, index, $"{paramName} is {index} but P({variable} = {index}) is 0; the conditional distribution is undefined there.");
        }

        return marginal;
    }

    private static double[] Flatten(double[][] table, string paramName, out int rows, out int columns)
    {
        ArgumentNullException.ThrowIfNull(table, paramName);
        rows = table.Length;
        columns = rows > 0 && table[0] is not null ? table[0].Length : 0;
        for (int x = 0; x < rows; x++)
        {
            if (table[x] is null)
            {
                throw new ArgumentException($"{paramName}[{x}] is null; every row must be present.", paramName);
            }

            if (table[x].Length != columns)
            {
                throw new ArgumentException(
                    $"{paramName}[{x}] has {table[x].Length} entries but {paramName}[0] has {columns}; the table must be rectangular, not ragged.", paramName);
            }
        }

        Guard.TableShape(rows, columns, paramName);
        Guard.TableLength((long)rows * columns, rows, columns, paramName);
        var flat = new double[rows * columns];
        for (int x = 0; x < rows; x++)
        {
            table[x].CopyTo(flat, x * columns);
        }

        return flat;
    }
}
