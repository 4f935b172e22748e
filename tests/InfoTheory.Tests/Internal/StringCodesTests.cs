using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class StringCodesTests
{
    private const ulong Seed = 0x5EED;

    [Fact]
    public void CodeOf_RandomStringsWithDuplicates_MatchesNaiveDictionary()
    {
        // Lengths 0–40 characters reach every branch of the hash (empty, 1, 2–3, 4–8 and longer than 8 and than 16
        // characters); every occurrence is a fresh instance, as a parser leaves them, over a small alphabet so that
        // labels share prefixes and suffixes.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int k = rng.Next(1, 3000);
            string[] names = [.. Enumerable.Range(0, k).Select(_ => new string([.. Enumerable.Range(0, rng.Next(41)).Select(_ => "ab\0é"[rng.Next(4)])]))];
            var table = new StringCodes();
            var expected = new Dictionary<string, int>();
            for (int i = 0; i < 4 * k; i++)
            {
                string label = new(names[rng.Next(k)].AsSpan());
                expected.TryAdd(label, expected.Count);

                table.CodeOf(label).Should().Be(expected[label]);
            }

            table.Count.Should().Be(expected.Count);
            table.UsesFallback.Should().BeFalse();
        }, iter: 40);
    }

    [Fact]
    public void CodeOf_LabelsTheOverlappingWordsCouldConfuse_AreDistinct()
    {
        // Shorter than 8 characters the two hashed words overlap, so these differ only in the length or in a
        // character one word alone does not see.
        string[] labels = ["", "\0", "\0\0", "a", "a\0", "aa", "aaa", "aaaa", "aaaaa", "aaaaaaaa", "aaaaaaaaa", "abcdefgh", "bbcdefgh", "abcdefgi",
            new string('a', 16), new string('a', 17), new string('a', 33), new string('a', 32) + "b"];
        var table = new StringCodes(Seed);

        int[] codes = [.. labels.Select(table.CodeOf)];
        int[] again = [.. labels.Select(s => table.CodeOf(new string(s.AsSpan())))];

        codes.Should().Equal(Enumerable.Range(0, labels.Length));
        again.Should().Equal(codes);
    }

    [Fact]
    public void CodeOf_FullHashCollision_KeepsLabelsApart()
    {
        // Birthday search over 2^18 labels for pairs whose 32-bit hashes are equal (about 8 expected): the slot's hash
        // cannot tell them apart, only the stored words and lengths can.
        var seen = new Dictionary<uint, string>();
        var pairs = new List<(string, string)>();
        for (int i = 0; i < 1 << 18; i++)
        {
            string label = $"k{i}";
            if (!seen.TryAdd(StringCodes.Hash(label, Seed), label))
            {
                pairs.Add((seen[StringCodes.Hash(label, Seed)], label));
            }
        }

        pairs.Should().NotBeEmpty();
        var table = new StringCodes(Seed);
        var expected = new Dictionary<string, int>();
        foreach ((string first, string second) in pairs.Concat(pairs))
        {
            expected.TryAdd(first, expected.Count);
            expected.TryAdd(second, expected.Count);

            table.CodeOf(first).Should().Be(expected[first]);
            table.CodeOf(second).Should().Be(expected[second]);
        }
    }

    [Fact]
    public void CodeOf_ManyLabelsOnOneSlot_FallsBackWithTheSameCodes()
    {
        // 150 labels whose hashes agree in the low 16 bits all start probing at one slot (the table has fewer than
        // 2^16 slots), as a hash-flooding input would: past 100 probes the table moves to the dictionary, and codes
        // of labels seen before and after the switch still follow first appearance.
        var colliding = new List<string>();
        for (int i = 0; colliding.Count < 150; i++)
        {
            string label = $"c{i}";
            if ((StringCodes.Hash(label, Seed) & 0xFFFF) == 0)
            {
                colliding.Add(label);
            }
        }

        var rng = new Random(14);
        string[] labels = [.. Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? $"other{rng.Next(50)}" : colliding[rng.Next(i < 1000 ? 60 : 150)])];
        var table = new StringCodes(Seed);
        var expected = new Dictionary<string, int>();

        foreach (string label in labels)
        {
            expected.TryAdd(label, expected.Count);
            table.CodeOf(new string(label.AsSpan())).Should().Be(expected[label]);
        }

        table.UsesFallback.Should().BeTrue();
        table.Count.Should().Be(expected.Count);
        Enumerable.Range(0, table.Count).Select(table.Key).Should().Equal(expected.Keys);
    }
}
