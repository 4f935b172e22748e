using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// Counts of code pairs (row, column) in a row-major table that grows, doubling a side, as codes beyond it appear; for
// coding loops that count pairs as they number the labels, before anyone knows how many classes there are.
// </summary>
// <remarks>
// No table grows beyond the <c>maxCells</c> (at least its first 64 × 64) it was made with: <see cref="Add"/> then
// returns false and counts nothing.
// </remarks>
internal sealed class PairCounts(long maxCells)
{
    private int[] _cells = new int[64 * 64];
    private int _rows = 64;
    private int _columns = 64;

    // <summary>Adds 1 to the count of (<paramref name="row"/>, <paramref name="column"/>); false when the table would outgrow its limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int row, int column)
    {
        if ((uint)row < (uint)_rows && (uint)column < (uint)_columns)
        {
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_cells), (row * _columns) + column)++;
            return true;
        }

        return GrowAndAdd(row, column, 1);
    }

    // <summary>Adds every count of <paramref name="other"/> here, its rows and columns renumbered by the maps; false when the table would outgrow its limit.</summary>
    public bool AddAll(PairCounts other, ReadOnlySpan<int> rowMap, ReadOnlySpan<int> columnMap)
    {
        for (int r = 0; r < rowMap.Length; r++)
        {
            ReadOnlySpan<int> row = other._cells.AsSpan(r * other._columns, columnMap.Length);
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] != 0 && !GrowAndAdd(rowMap[r], columnMap[c], row[c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // <summary>Writes the counts of rows [0, <paramref name="rows"/>) and columns [0, <paramref name="columns"/>) row-major into <paramref name="table"/>.</summary>
    public void CopyTo(Span<int> table, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            _cells.AsSpan(r * _columns, columns).CopyTo(table.Slice(r * columns, columns));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool GrowAndAdd(int row, int column, int count)
    {
        int rows = Math.Max(_rows, row + 1), columns = Math.Max(_columns, column + 1);
        if (rows > _rows || columns > _columns)
        {
            if ((long)rows * columns <= maxCells)
            {
                // Doubling the side that grows (within the limit) keeps the copies to a few as the classes appear.
                rows = rows > _rows ? (int)Math.Max(rows, Math.Min(2L * _rows, maxCells / columns)) : rows;
                columns = columns > _columns ? (int)Math.Max(columns, Math.Min(2L * _columns, maxCells / rows)) : columns;
            }
            else
            {
                // The other side's room may be what does not fit: size both to what is in use.
                (int usedRows, int usedColumns) = Used();
                (rows, columns) = (Math.Max(usedRows, row + 1), Math.Max(usedColumns, column + 1));
                if ((long)rows * columns > maxCells)
                {
                    return false;
                }
            }

            var cells = new int[rows * columns];
            for (int r = 0; r < Math.Min(_rows, rows); r++)
            {
                _cells.AsSpan(r * _columns, Math.Min(_columns, columns)).CopyTo(cells.AsSpan(r * columns));
            }

            (_cells, _rows, _columns) = (cells, rows, columns);
        }

        _cells[(row * _columns) + column] += count;
        return true;
    }

    // One past the last row and the last column with a count: the rows and columns in use, as every code a coding loop
    // has handed out has been counted.
    private (int Rows, int Columns) Used()
    {
        int rows = 0, columns = 0;
        for (int r = 0; r < _rows; r++)
        {
            ReadOnlySpan<int> cells = _cells.AsSpan(r * _columns, _columns);
            int last = cells.LastIndexOfAnyExcept(0);
            if (last >= 0)
            {
                (rows, columns) = (r + 1, Math.Max(columns, last + 1));
            }
        }

        return (rows, columns);
    }
}
