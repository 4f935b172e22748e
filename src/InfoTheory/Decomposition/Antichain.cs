using System.Globalization;
using System.Numerics;
using System.Text;

namespace InfoTheory.Decomposition;

/// <summary>
/// A node of the redundancy lattice of up to three sources: a collection of sets of sources of which none contains another,
/// written as dit writes it, e.g. <c>{0}{1}{2}</c> (redundancy of all three) or <c>{01}{02}{12}</c>.
/// </summary>
/// <remarks>
/// Sources are numbered 0, 1, 2 in the order they were given to <see cref="PartialInformation"/>. Antichains are ordered as in
/// Williams and Beer (2010): α ≤ β when every set of β contains some set of α, so <c>{0}{1}{2}</c> is the bottom (what every source
/// gives) and <c>{012}</c> the top (what only all of them together give). Two antichains are equal when they hold the same sets.
/// </remarks>
public readonly struct Antichain : IEquatable<Antichain>
{
    // <summary>The largest number of sources an antichain may name.</summary>
    internal const int MaxSources = 3;

    // Bit (m − 1) is set when the set of sources with bit mask m (bit i for source i) belongs to the antichain.
    private readonly byte _sets;

    internal Antichain(byte sets) => _sets = sets;

    /// <summary>The sets of sources of the antichain, each ascending; smaller sets first, as <see cref="ToString"/> writes them.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Sets
    {
        get
        {
            var sets = new List<IReadOnlyList<int>>();
            foreach (int mask in Masks)
            {
                var members = new int[BitOperations.PopCount((uint)mask)];
                for (int i = 0, j = 0; i < MaxSources; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        members[j++] = i;
                    }
                }

                sets.Add(members);
            }

            return sets;
        }
    }

    // <summary>The source sets as bit masks (bit i for source i), smaller sets first, sets of one size by their members.</summary>
    internal IEnumerable<int> Masks
    {
        get
        {
            for (int size = 1; size <= MaxSources; size++)
            {
                for (int m = 1; m < 1 << MaxSources; m++)
                {
                    if ((_sets & (1 << (m - 1))) != 0 && BitOperations.PopCount((uint)m) == size)
                    {
                        yield return m;
                    }
                }
            }
        }
    }

    // <summary>The set of source sets, one bit per possible set.</summary>
    internal byte Bits => _sets;

    // <summary>Whether this is the empty collection, which <c>default</c> gives and no lattice holds.</summary>
    internal bool IsEmpty => _sets == 0;

    /// <summary>The antichain of the given sets of sources.</summary>
    /// <param name="sets">The sets: at least one, each a non-empty set of distinct source numbers 0, 1 or 2, no set repeated or containing another.</param>
    /// <returns>The antichain; e.g. <c>Antichain.Of([0, 1], [2])</c> is <c>{01}{2}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sets"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="sets"/> is empty, a set is null or empty or repeats a source, or a set repeats or contains another.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A source number is not 0, 1 or 2.</exception>
    public static Antichain Of(params int[][] sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Length == 0)
        {
            throw new ArgumentException($"{nameof(sets)} is empty; an antichain holds at least one set of sources.", nameof(sets));
        }

        Span<int> masks = stackalloc int[sets.Length];
        for (int k = 0; k < sets.Length; k++)
        {
            masks[k] = Mask(sets[k], k, nameof(sets));
            for (int j = 0; j < k; j++)
            {
                if ((masks[j] & masks[k]) == masks[j] || (masks[j] & masks[k]) == masks[k])
                {
                    throw new ArgumentException(
                        $"{nameof(sets)}[{j}] and {nameof(sets)}[{k}] are {Format(masks[j])} and {Format(masks[k])}; in an antichain no set repeats or contains another.",
                        nameof(sets));
                }
            }
        }

        byte bits = 0;
        foreach (int m in masks)
        {
            bits |= (byte)(1 << (m - 1));
        }

        return new Antichain(bits);
    }

    // <summary>Whether this antichain lies at or below <paramref name="other"/>: every set of the other contains some set of this one.</summary>
    internal bool IsAtOrBelow(Antichain other)
    {
        foreach (int b in other.Masks)
        {
            bool covered = false;
            foreach (int a in Masks)
            {
                covered |= (a & b) == a;
            }

            if (!covered)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Antichain other) => _sets == other._sets;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Antichain other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _sets;

    /// <summary>Whether two antichains hold the same sets.</summary>
    /// <param name="left">One antichain.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(Antichain left, Antichain right) => left.Equals(right);

    /// <summary>Whether two antichains differ.</summary>
    /// <param name="left">One antichain.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when they are not equal.</returns>
    public static bool operator !=(Antichain left, Antichain right) => !left.Equals(right);

    /// <summary>The antichain in dit's notation: each set in braces, its sources as digits, smaller sets first, e.g. <c>{2}{01}</c>; <c>{}</c> for <c>default</c>.</summary>
    /// <returns>The antichain as text.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "{}";
        }

        var text = new StringBuilder();
        foreach (int m in Masks)
        {
            text.Append(Format(m));
        }

        return text.ToString();
    }

    private static string Format(int mask)
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < MaxSources; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                text.Append(i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Append('}').ToString();
    }

    private static int Mask(int[] set, int index, string paramName)
    {
        if (set is null || set.Length == 0)
        {
            throw new ArgumentException($"{paramName}[{index}] is {(set is null ? "null" : "empty")}; each set names at least one source.", paramName);
        }

        int mask = 0;
        for (int i = 0; i < set.Length; i++)
        {
            int source = set[i];
            if ((uint)source >= MaxSources)
            {
                throw new ArgumentOutOfRangeException(paramName, source, $"{paramName}[{index}][{i}] is {source}; sources are numbered 0 to {MaxSources - 1}.");
            }

            if ((mask & (1 << source)) != 0)
            {
                throw new ArgumentException($"{paramName}[{index}][{i}] is {source}, which is already in {paramName}[{index}]; each source may appear once in a set.", paramName);
            }

            mask |= 1 << source;
        }

        return mask;
    }
}
