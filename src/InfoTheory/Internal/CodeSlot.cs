using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// One cell of the open-addressing code tables (<see cref="StringCodes"/>, <see cref="BitwiseCodes{T}"/>): a label's
// 32-bit hash and its code + 1, 0 marking an empty cell, so a new array is an empty table; with the tables' one rule
// for when to grow and how.
// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CodeSlot(uint hash, int codePlusOne)
{
    public readonly uint Hash = hash;
    public readonly int CodePlusOne = codePlusOne;

    // <summary>
    // Whether a table of <paramref name="slots"/> holding <paramref name="count"/> codes should double: at a quarter full
    // while small (fewer probes, fewer mispredicted branches), at half beyond 2^20 slots, where memory counts more; a
    // table of 2^30 slots (8 GB) grows no further, and should it fill, the probe limit hands over to a dictionary.
    // </summary>
    public static bool ShouldGrow(int slots, int count)
        => slots < 1 << 30 && (slots <= 1 << 20 ? 4 * count : 2 * count) > slots;

    // <summary>The cells of <paramref name="slots"/> rehashed from their stored hashes into twice as many.</summary>
    public static CodeSlot[] Grown(CodeSlot[] slots)
    {
        var grown = new CodeSlot[2 * slots.Length];
        int mask = grown.Length - 1;
        foreach (CodeSlot s in slots)
        {
            if (s.CodePlusOne != 0)
            {
                int at = (int)s.Hash & mask;
                while (grown[at].CodePlusOne != 0)
                {
                    at = (at + 1) & mask;
                }

                grown[at] = s;
            }
        }

        return grown;
    }
}
