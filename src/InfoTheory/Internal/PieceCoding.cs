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
// The column's first labels are coded alone, and every piece starts from their table, so that the labels met there
// have their global codes everywhere. Pieces are merged in piece order: piece 0's codes are already global, and the
// labels of each later piece, taken in its own order of first appearance after those first ones, are looked up (or
// added) in the growing global table, which is exactly the order in which a single pass would have met the new ones
// (<see cref="CodeTable{TKey, TWords}.MapFrom"/>); a piece's codes are then renumbered through that map, unless it is
// the identity. So the codes, the counts and the first refused label are the same for any number of pieces, hence on
// any number of cores.
// </remarks>
internal static class PieceCoding
{
    // Above this many labels, each core codes a piece of its own.
    public const int ParallelMinimum = 1 << 18;

    // How many labels at most are coded alone before the pieces, to give every piece the codes of the labels common
    // in the column (at most a quarter of the first piece).
    public const int SeedLength = 1 << 15;

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
    // each by <paramref name="codePiece"/> into its own table (a copy of the table of the column's first labels), and
    // returns the merged table (whose count is the number of distinct labels).
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

        // The start of the column is coded alone first, and every later piece begins from a copy of its table: labels
        // met there carry their global codes in every piece, so a later piece's map moves only the labels the start
        // did not meet, and when there are none (a categorical column whose classes all show early) no code is rewritten.
        int seedLength = Math.Min(SeedLength, Piece(n, pieces, 0).Length / 4);
        TTable global = newTable();
        refusedAt = codePiece(labels[..seedLength], codes[..seedLength], global);
        if (refusedAt >= 0)
        {
            return global;
        }

        var tables = new TTable[pieces];
        tables[0] = global;
        for (int p = 1; p < pieces; p++)
        {
            tables[p] = (TTable)global.Copy();
        }

        var refused = new int[pieces];
        fixed (byte* labelBytes = &Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(labels)))
        fixed (int* codeInts = codes)
        {
            // Both spans are pinned for the parallel loops below (a lambda cannot hold a span).
            nint labelsAt = (nint)labelBytes, codesAt = (nint)codeInts;
            Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces }, p =>
            {
                (int from, int length) = Piece(n, pieces, p);
                int skip = p == 0 ? seedLength : 0;
                int at = codePiece(Pinned<T>((void*)labelsAt, from + skip, length - skip), new Span<int>((int*)codesAt + from + skip, length - skip), tables[p]);
                refused[p] = at < 0 ? -1 : from + skip + at;
            });

            foreach (int at in refused)
            {
                if (at >= 0)
                {
                    refusedAt = at;
                    return global;
                }
            }

            // A later piece's map is null when it is the identity. Rewriting the others is a pass over most of the
            // column, so every core takes a share of each piece.
            var maps = new int[]?[pieces];
            for (int p = 1; p < pieces; p++)
            {
                int[] map = global.MapFrom(tables[p]);
                maps[p] = IsIdentity(map) ? null : map;
            }

            Parallel.For(0, (pieces - 1) * pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces }, share =>
            {
                int p = 1 + (share / pieces);
                if (maps[p] is int[] map)
                {
                    (int from, int length) = Piece(n, pieces, p);
                    (int shareFrom, int shareLength) = Piece(length, pieces, share % pieces);
                    foreach (ref int code in new Span<int>((int*)codesAt + from + shareFrom, shareLength))
                    {
                        code = map[code];
                    }
                }
            });

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
