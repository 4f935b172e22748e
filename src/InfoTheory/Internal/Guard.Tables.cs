namespace InfoTheory.Internal;

// <content>Rules for two-dimensional tables: their shape, and row-stochastic (conditional) tables.</content>
internal static partial class Guard
{
    // <summary>Throws unless a table has at least one row and one column.</summary>
    // <exception cref="ArgumentException"><paramref name="rows"/> or <paramref name="columns"/> is below 1.</exception>
    public static void TableShape(long rows, long columns, string paramName)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentException(
                $"{paramName} is {rows} × {columns}; a table needs at least one row and one column.", paramName);
        }
    }

    // <summary>Throws unless a row-major buffer of <paramref name="length"/> entries holds exactly a <paramref name="rows"/> × <paramref name="columns"/> table that fits in an array.</summary>
    // <exception cref="ArgumentException">The length is not rows × columns, or that product exceeds <see cref="Array.MaxLength"/>.</exception>
    public static void TableLength(long length, long rows, long columns, string paramName)
    {
        if (length != rows * columns || length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"{paramName} has {length} entries but a {rows} × {columns} table needs {rows * columns} (at most {Array.MaxLength}).", paramName);
        }
    }

    // <summary>
    // Throws unless every row of a row-major table with <paramref name="columns"/> columns is a probability vector: entries finite
    // and ≥ 0 (named by <c>[row,column]</c>), each row's sum within <see cref="SumTolerance(int)"/> of 1 (named by its row).
    // </summary>
    // <exception cref="ArgumentException">An entry is negative, NaN or infinite, or a row does not sum to 1.</exception>
    public static void StochasticRows(ReadOnlySpan<double> table, int columns, string paramName)
    {
        NonNegativeTable(table, columns, paramName, "probabilities");
        double tolerance = SumTolerance(columns);
        for (int row = 0; row < table.Length / columns; row++)
        {
            double sum = 0;
            foreach (double v in table.Slice(row * columns, columns))
            {
                sum += v;
            }

            if (Math.Abs(sum - 1.0) > tolerance)
            {
                throw new ArgumentException(
                    $"Row {row} of {paramName} sums to {Format(sum)}; every row p(·|x) must sum to 1 (within {Format(tolerance)}). "
                    + "Call Distribution.Normalize on each row first if these are unnormalised weights.",
                    paramName);
            }
        }
    }

    // <summary>Throws unless every entry of a row-major table with <paramref name="columns"/> columns is finite and ≥ 0, naming a bad one by <c>[row,column]</c> and calling the entries <paramref name="entries"/>.</summary>
    // <exception cref="ArgumentException">An entry is negative, NaN or infinite.</exception>
    public static void NonNegativeTable(ReadOnlySpan<double> table, int columns, string paramName, string entries)
        => SumOfEntries(table, paramName, paramName, columns, entries);
}
