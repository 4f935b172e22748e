namespace InfoTheory.Selection;

// <summary>One thread's counting space for <see cref="CodedFeatures"/>, grown on demand and reused for every term it counts.</summary>
internal sealed class CountScratch
{
    private int[] _combined = [];
    private int[] _table = [];
    private long[] _keys = [];

    // <summary>Room for the cell code of every row.</summary>
    public Span<int> Combined(int rows) => Grow(ref _combined, rows);

    // <summary>A dense table of <paramref name="cells"/> counts, not cleared.</summary>
    public Span<int> Table(int cells) => Grow(ref _table, cells);

    // <summary>Room for the cell key of every row, for tables too large to hold densely.</summary>
    public Span<long> Keys(int rows) => Grow(ref _keys, rows);

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[length];
        }

        return buffer.AsSpan(0, length);
    }
}
