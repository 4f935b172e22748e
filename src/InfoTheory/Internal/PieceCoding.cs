using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>Codes one piece of a column through its own table; returns the piece-relative index of the first label it refuses (a null), or −1.</summary>
internal delegate int PieceCoder<T, in TTable>(ReadOnlySpan<T> labels, Span<int> codes, TTable table);

// <summary>
// A long column cut into consecutive pieces, each coded on its own core through its own <see cref="CodeTable{TKey, TWords}"/>,
// and the pieces' codes merged so that they are the codes one pass would have given (<see cref="StringCoding"/>,
// <see cref="BitwiseCodes{T}"/>).
// </summary>
// <remarks>
// Pieces are merged in piece order: piece 0's codes are already global, and the labels of each later piece, taken in
// its own order of first appearance, are looked up (or added) in the growing global table, which is exactly the order
// in which a single pass would have met the new ones (<see cref="CodeTable{TKey, TWords}.MapFrom"/>); a piece's codes
// are then renumbered through that map. So the codes, the counts and the first refused label are the same for any
// number of pieces, hence on any number of cores.
// </remarks>
internal static class PieceCoding
{
    // Above this many labels, each core codes a piece of its own.
    public const int ParallelMinimum = 1 << 18;

    // <summary>The piece count for <paramref name="n"/> labels: one below <see cref="ParallelMinimum"/>, else one per core of at least half that.</summary>
    public static int Pieces(int n) => n < ParallelMinimum ? 1 : Math.Min(Environment.ProcessorCount, n / (ParallelMinimum / 2));

    // <summary>Piece <paramref name="p"/> of <paramref name="pieces"/> near-equal consecutive pieces of <paramref name="n"/> elements.</summary>
    public static (int From, int Length) Piece(int n, int pieces, int p)
    {
        int from = (int)((long)n * p / pieces), to = (int)((long)n * (p + 1) / pieces);
        return (from, to - from);
    }

    // <summary>The labels <paramref name="from"/> … of a column pinned at <paramref name="labels"/>.</summary>
    public static unsafe ReadOnlySpan<T> Pinned<T>(void* labels, int from, int length)
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref Unsafe.AsRef<T>(labels), from), length);

    // <summary>
    // Writes the code of every label into <paramref name="codes"/> in <paramref name="pieces"/> pieces coded side by side,
    // each by <paramref name="codePiece"/> into a new table, and returns the merged table (whose count is the number of
    // distinct labels).
    // </summary>
    // <param name="refusedAt">The index of the first label a piece refused, or −1; the codes are then incomplete.</param>
    public static unsafe TTable Encode<T, TWords, TTable>(
        ReadOnlySpan<T> labels, Span<int> codes, int pieces, Func<TTable> newTable, PieceCoder<T, TTable> codePiece, out int refusedAt)
        where T : notnull
        where TWords : struct
        where TTable : CodeTable<T, TWords>
    {
        int n = labels.Length;
        pieces = Math.Max(1, Math.Min(pieces, n));
        if (pieces == 1)
        {
            TTable table = newTable();
            refusedAt = codePiece(labels, codes, table);
            return table;
        }

        var tables = new TTable[pieces];
        var refused = new int[pieces];
        fixed (byte* labelBytes = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(labels)))
        fixed (int* codeInts = codes)
        {
            // Both spans are pinned for the parallel loops below (a lambda cannot hold a span).
            nint labelsAt = (nint)labelBytes, codesAt = (nint)codeInts;
            Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces }, p =>
            {
                (int from, int length) = Piece(n, pieces, p);
                tables[p] = newTable();
                refused[p] = codePiece(Pinned<T>((void*)labelsAt, from, length), new Span<int>((int*)codesAt + from, length), tables[p]);
            });

            for (int p = 0; p < pieces; p++)
            {
                if (refused[p] >= 0)
                {
                    refusedAt = Piece(n, pieces, p).From + refused[p];
                    return tables[0];
                }
            }

            TTable global = tables[0];
            var maps = new int[pieces][];
            for (int p = 1; p < pieces; p++)
            {
                maps[p] = global.MapFrom(tables[p]);
            }

            Parallel.For(1, pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces - 1 }, p =>
            {
                int[] map = maps[p];
                if (!IsIdentity(map))
                {
                    (int from, int length) = Piece(n, pieces, p);
                    foreach (ref int code in new Span<int>((int*)codesAt + from, length))
                    {
                        code = map[code];
                    }
                }
            });

            refusedAt = -1;
            return global;
        }
    }

    private static bool IsIdentity(int[] map)
    {
        for (int code = 0; code < map.Length; code++)
        {
            if (map[code] != code)
            {
                return false;
            }
        }

        return true;
    }
}
