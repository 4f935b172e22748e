namespace InfoTheory.Internal;

// <summary>The one copy of a two-dimensional array into the row-major buffer the table types keep.</summary>
internal static class RowMajor
{
    // <summary>The entries of <paramref name="table"/> row by row: entry (i, j) at i·columns + j.</summary>
    public static T[] Copy<T>(T[,] table)
    {
        var flat = new T[table.Length];
        int k = 0;
        foreach (T v in table)
        {
            flat[k++] = v;
        }

        return flat;
    }
}
