using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// String columns numbered by content in order of first appearance (<see cref="StringCodes"/> behind an identity cache,
// <see cref="IStringCoder"/>), in exact (not shared generic) code; long columns are cut into pieces coded on all cores
// and merged so that the codes, the counts and the first null reported are the same for any number of pieces
// (<see cref="PieceCoding"/>). A pair of columns can be counted into its contingency table in the same pass
// (<see cref="TryCountPairs"/>).
// </summary>
internal static class StringCoding
{
    // How many labels ahead a straight loop asks for an instance's cache line: distinct instances (one string per cell, as
    // a parser leaves them) each cost a memory fetch, which the hash and probe of the labels before it then hide.
    // Measured at 10⁷ distinct instances (Ice Lake): 16 and 64 ahead gave a little less than 32.
    public const int PrefetchAhead = 32;

    // <summary>Writes the code of every label into <paramref name="codes"/> and returns how many distinct labels there are.</summary>
    // <exception cref="ArgumentException">A label is null (the first one is named, as <paramref name="paramName"/>[i]).</exception>
    public static int Encode(ReadOnlySpan<string> labels, Span<int> codes, string paramName)
        => Encode(labels, codes, paramName, PieceCoding.Pieces(labels.Length));

    // <summary>As <see cref="Encode(ReadOnlySpan{string}, Span{int}, string)"/> in <paramref name="pieces"/> consecutive pieces coded side by side.</summary>
    internal static int Encode(ReadOnlySpan<string> labels, Span<int> codes, string paramName, int pieces)
    {
        StringCodes table = PieceCoding.Encode<string, StringCodes.Words, StringCodes>(
            labels, codes, pieces, static () => new StringCodes(), EncodePiece, out int nullAt);
        ThrowOnNull(nullAt, 0, paramName);
        return table.Count;
    }

    // <summary>
    // Counts the pairs (x[i], y[i]) into a contingency table of <c>rows</c> × <c>columns</c> classes, numbered as
    // <see cref="Encode(ReadOnlySpan{string}, Span{int}, string)"/> numbers each column, in one pass that writes no codes.
    // </summary>
    // <returns>
    // False, and nothing counted, when a label is null or the table would exceed <paramref name="maxCells"/> cells: the
    // caller then codes the columns one by one, which reports the null or counts a big table its own way.
    // </returns>
    public static bool TryCountPairs(ReadOnlySpan<string> x, ReadOnlySpan<string> y, long maxCells, out PairCounts counts, out int rows, out int columns)
        => TryCountPairs(x, y, maxCells, out counts, out rows, out columns, PieceCoding.Pieces(x.Length));

    // <summary>As <see cref="TryCountPairs(ReadOnlySpan{string}, ReadOnlySpan{string}, long, out PairCounts, out int, out int)"/> in <paramref name="pieces"/> consecutive pieces counted side by side.</summary>
    internal static unsafe bool TryCountPairs(ReadOnlySpan<string> x, ReadOnlySpan<string> y, long maxCells, out PairCounts counts, out int rows, out int columns, int pieces)
    {
        int n = x.Length;
        pieces = Math.Max(1, Math.Min(pieces, n));
        var tablesX = new StringCodes[pieces];
        var tablesY = new StringCodes[pieces];
        var pieceCounts = new PairCounts[pieces];
        bool complete = true;
        if (pieces == 1)
        {
            complete = CountPairsPiece(x, y[..n], tablesX[0] = new StringCodes(), tablesY[0] = new StringCodes(), pieceCounts[0] = new PairCounts(maxCells));
        }
        else
        {
            fixed (byte* xBytes = &Unsafe.As<string, byte>(ref MemoryMarshal.GetReference(x)))
            fixed (byte* yBytes = &Unsafe.As<string, byte>(ref MemoryMarshal.GetReference(y)))
            {
                nint xAt = (nint)xBytes, yAt = (nint)yBytes;
                var completed = new bool[pieces];
                Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces }, p =>
                {
                    (int from, int length) = PieceCoding.Piece(n, pieces, p);
                    completed[p] = CountPairsPiece(
                        PieceCoding.Pinned<string>((void*)xAt, from, length),
                        PieceCoding.Pinned<string>((void*)yAt, from, length),
                        tablesX[p] = new StringCodes(),
                        tablesY[p] = new StringCodes(),
                        pieceCounts[p] = new PairCounts(maxCells));
                });
                complete = !completed.Contains(false);
            }
        }

        counts = pieceCounts[0];
        for (int p = 1; p < pieces && complete; p++)
        {
            complete = counts.AddAll(pieceCounts[p], tablesX[0].MapFrom(tablesX[p]), tablesY[0].MapFrom(tablesY[p]));
        }

        (rows, columns) = (tablesX[0].Count, tablesY[0].Count);
        return complete && (long)rows * columns <= maxCells;
    }

    // <summary>
    // The number of times each distinct label occurs, indexed by the code <see cref="Encode(ReadOnlySpan{string}, Span{int}, string)"/>
    // would give it (so in order of first appearance), in one pass that writes no codes.
    // </summary>
    // <exception cref="ArgumentException">A label is null (the first one is named, as <paramref name="paramName"/>[i]).</exception>
    public static int[] Count(ReadOnlySpan<string> labels, string paramName) => Count(labels, paramName, PieceCoding.Pieces(labels.Length));

    // <summary>As <see cref="Count(ReadOnlySpan{string}, string)"/> in <paramref name="pieces"/> consecutive pieces counted side by side.</summary>
    internal static unsafe int[] Count(ReadOnlySpan<string> labels, string paramName, int pieces)
    {
        int n = labels.Length;
        pieces = Math.Max(1, Math.Min(pieces, n));
        var tables = new StringCodes[pieces];
        var counts = new int[pieces][];
        var nulls = new int[pieces];
        if (pieces == 1)
        {
            nulls[0] = CountPiece(labels, tables[0] = new StringCodes(), out counts[0]);
        }
        else
        {
            fixed (byte* labelBytes = &Unsafe.As<string, byte>(ref MemoryMarshal.GetReference(labels)))
            {
                nint labelsAt = (nint)labelBytes;
                Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = pieces }, p =>
                {
                    (int from, int length) = PieceCoding.Piece(n, pieces, p);
                    nulls[p] = CountPiece(PieceCoding.Pinned<string>((void*)labelsAt, from, length), tables[p] = new StringCodes(), out counts[p]);
                });
            }
        }

        for (int p = 0; p < pieces; p++)
        {
            ThrowOnNull(nulls[p], PieceCoding.Piece(n, pieces, p).From, paramName);
        }

        // Piece 0's codes are the global ones; a later piece's counts go to its labels' global codes, which may be new.
        int[] total = counts[0];
        for (int p = 1; p < pieces; p++)
        {
            int[] map = tables[0].MapFrom(tables[p]);
            if (total.Length < tables[0].Count)
            {
                Array.Resize(ref total, tables[0].Count);
            }

            for (int code = 0; code < map.Length; code++)
            {
                total[map[code]] += counts[p][code];
            }
        }

        return total.Length == tables[0].Count ? total : total[..tables[0].Count];
    }

    private static void ThrowOnNull(int nullAt, int pieceFrom, string paramName)
    {
        if (nullAt >= 0)
        {
            Guard.Label<string?>(null, pieceFrom + nullAt, paramName);
        }
    }

    // Codes one piece through `table`, cached for the trial and then as the trial decided; returns the piece-relative
    // index of the first null label, or −1.
    private static int EncodePiece(ReadOnlySpan<string> labels, Span<int> codes, StringCodes table)
    {
        var cached = new CachedStringCoder(table);
        int trial = Math.Min(labels.Length, LabelCounting.ReferenceCacheTrial), misses = 0;
        int nullAt = EncodeRange(labels, codes, 0, trial, cached, ref misses);
        return nullAt >= 0 || trial == labels.Length ? nullAt
            : LabelCounting.KeepsCache(misses) ? EncodeRange(labels, codes, trial, labels.Length, cached, ref misses)
            : EncodeRange(labels, codes, trial, labels.Length, new DirectStringCoder(table), ref misses);
    }

    // Codes labels [from, to); returns the index of the first null label, or −1.
    private static int EncodeRange<TCoder>(ReadOnlySpan<string> labels, Span<int> codes, int from, int to, TCoder coder, ref int misses)
        where TCoder : struct, IStringCoder
    {
        ref string label = ref MemoryMarshal.GetReference(labels);
        ref int code = ref MemoryMarshal.GetReference(codes);
        int ahead = labels.Length - PrefetchAhead;
        for (int i = from; i < to; i++)
        {
            string current = Unsafe.Add(ref label, i);
            if (current is null)
            {
                return i;
            }

            if (i < ahead)
            {
                coder.Prefetch(Unsafe.Add(ref label, i + PrefetchAhead));
            }

            Unsafe.Add(ref code, i) = coder.Code(current, ref misses);
        }

        return -1;
    }

    // Counts one piece's labels through `table` into `counts` (indexed by the table's codes, possibly longer than its
    // count), cached for the trial and then as the trial decided; returns the piece-relative index of the first null
    // label, or −1.
    private static int CountPiece(ReadOnlySpan<string> labels, StringCodes table, out int[] counts)
    {
        counts = new int[64];
        var cached = new CachedStringCoder(table);
        int trial = Math.Min(labels.Length, LabelCounting.ReferenceCacheTrial), misses = 0;
        int nullAt = CountRange(labels, 0, trial, cached, ref counts, ref misses);
        return nullAt >= 0 || trial == labels.Length ? nullAt
            : LabelCounting.KeepsCache(misses) ? CountRange(labels, trial, labels.Length, cached, ref counts, ref misses)
            : CountRange(labels, trial, labels.Length, new DirectStringCoder(table), ref counts, ref misses);
    }

    // Counts labels [from, to), doubling `counts` when a code reaches its end; returns the index of the first null
    // label, or −1.
    private static int CountRange<TCoder>(ReadOnlySpan<string> labels, int from, int to, TCoder coder, ref int[] counts, ref int misses)
        where TCoder : struct, IStringCoder
    {
        ref string label = ref MemoryMarshal.GetReference(labels);
        int[] local = counts;
        int ahead = labels.Length - PrefetchAhead;
        for (int i = from; i < to; i++)
        {
            string current = Unsafe.Add(ref label, i);
            if (current is null)
            {
                counts = local;
                return i;
            }

            if (i < ahead)
            {
                coder.Prefetch(Unsafe.Add(ref label, i + PrefetchAhead));
            }

            int code = coder.Code(current, ref misses);
            if ((uint)code >= (uint)local.Length)
            {
                // Codes are handed out one at a time, so the first one past the end is the length.
                Array.Resize(ref local, (int)Math.Min(2L * local.Length, Array.MaxLength));
            }

            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(local), code)++;
        }

        counts = local;
        return -1;
    }

    // Counts one piece's pairs through its two tables, each column cached for the trial and then as its trial decided;
    // false at a null label or when the counts outgrow their limit.
    private static bool CountPairsPiece(ReadOnlySpan<string> x, ReadOnlySpan<string> y, StringCodes tableX, StringCodes tableY, PairCounts counts)
    {
        var cachedX = new CachedStringCoder(tableX);
        var cachedY = new CachedStringCoder(tableY);
        int trial = Math.Min(x.Length, LabelCounting.ReferenceCacheTrial), missesX = 0, missesY = 0;
        if (!CountPairRange(x, y, 0, trial, cachedX, cachedY, counts, ref missesX, ref missesY))
        {
            return false;
        }

        if (trial == x.Length)
        {
            return true;
        }

        return (LabelCounting.KeepsCache(missesX), LabelCounting.KeepsCache(missesY)) switch
        {
            (true, true) => CountPairRange(x, y, trial, x.Length, cachedX, cachedY, counts, ref missesX, ref missesY),
            (true, false) => CountPairRange(x, y, trial, x.Length, cachedX, new DirectStringCoder(tableY), counts, ref missesX, ref missesY),
            (false, true) => CountPairRange(x, y, trial, x.Length, new DirectStringCoder(tableX), cachedY, counts, ref missesX, ref missesY),
            (false, false) => CountPairRange(x, y, trial, x.Length, new DirectStringCoder(tableX), new DirectStringCoder(tableY), counts, ref missesX, ref missesY),
        };
    }

    // Counts the pairs [from, to); false at a null label or when the counts outgrow their limit.
    private static bool CountPairRange<TX, TY>(
        ReadOnlySpan<string> x, ReadOnlySpan<string> y, int from, int to, TX coderX, TY coderY, PairCounts counts, ref int missesX, ref int missesY)
        where TX : struct, IStringCoder
        where TY : struct, IStringCoder
    {
        ref string xs = ref MemoryMarshal.GetReference(x);
        ref string ys = ref MemoryMarshal.GetReference(y);
        int ahead = x.Length - PrefetchAhead;
        for (int i = from; i < to; i++)
        {
            string labelX = Unsafe.Add(ref xs, i), labelY = Unsafe.Add(ref ys, i);
            if (labelX is null || labelY is null)
            {
                return false;
            }

            if (i < ahead)
            {
                coderX.Prefetch(Unsafe.Add(ref xs, i + PrefetchAhead));
                coderY.Prefetch(Unsafe.Add(ref ys, i + PrefetchAhead));
            }

            if (!counts.Add(coderX.Code(labelX, ref missesX), coderY.Code(labelY, ref missesY)))
            {
                return false;
            }
        }

        return true;
    }
}
