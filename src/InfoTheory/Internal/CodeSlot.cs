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
    // Whether a table of <paramref name="slots"/> holding <paramref name="count"/> codes should double: at 1/32 full up to
    // 2^14 slots (128 KB), at a quarter up to 2^20, at half beyond, where memory counts more; a table of 2^30 slots
    // (8 GB) grows no further, and should it fill, the probe limit hands over to a dictionary.
    // </summary>
    // <remarks>
    // A label not in its home slot costs a mispredicted branch, and in <see cref="BitwiseCodes{T}"/>'s gathered loop its
    // block of four leaves for the scalar one; about half the load factor of the labels are so displaced. The small
    // alphabets of most label columns therefore get room to spare: at 10⁷ longs of 100 and 1000 classes, this took the
    // coding from 49 to 35 and from 72 to 34 ms (with the gathered loop, one core).
    // </remarks>
    public static bool ShouldGrow(int slots, int count)
        => slots < 1 << 30 && (slots <= 1 << 14 ? 32 * count : slots <= 1 << 20 ? 4 * count : 2 * count) > slots;

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
