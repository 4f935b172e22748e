namespace InfoTheory.Variational.Kernels;

// <summary>
// One rectangle of C in a parallel product, with the buffer (row-major, <see cref="Cols"/> wide) a worker thread
// computes it into.
// </summary>
// <typeparam name="T">The element type.</typeparam>
internal sealed class GemmPartition<T>
{
    // <summary>First row of the rectangle in C; a multiple of the kernel's row count.</summary>
    public int RowStart { get; set; }

    // <summary>Number of rows.</summary>
    public int Rows { get; set; }

    // <summary>First column of the rectangle in C; a multiple of the kernel's column count.</summary>
    public int ColStart { get; set; }

    // <summary>Number of columns.</summary>
    public int Cols { get; set; }

    // <summary>A pooled buffer of at least Rows·Cols elements.</summary>
    public T[] Buffer { get; set; } = [];

    // <summary>A worker computed this rectangle into <see cref="Buffer"/>, so it still has to be copied into C.</summary>
    public bool InBuffer { get; set; }
}
