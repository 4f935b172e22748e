using System.Runtime.InteropServices;
using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class BitwiseCodesTests
{
    private const ulong Seed = 0x5EED;

    private enum Colour : byte
    {
        Red,
        Green,
        Blue,
    }

    [Fact]
    public void Encode_LabelsOfEachWidth_GivesTheDictionaryFirstAppearanceCodes()
    {
        // 1, 2, 4, 8 and 16 bytes: the table must number labels exactly as a Dictionary in first-appearance order does,
        // including labels that differ only in their high bytes and alphabets that make the table grow, four at a time
        // (where the machine gathers) and one by one, with tails of 0–3 labels.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 5000), k = rng.Next(1, rng.Next(2) == 0 ? 20 : 3000);
            int[] classes = DiscreteSamples.Labels(rng, n, k);
            AssertFirstAppearance(classes.Select(c => (byte)c).ToArray());
            AssertFirstAppearance(classes.Select(c => (short)(c - 1500)).ToArray());
            AssertFirstAppearance(classes.Select(c => c * 1_000_003).ToArray());
            AssertFirstAppearance(classes.Select(c => (long)c << 40).ToArray());
            AssertFirstAppearance(classes.Select(c => new Guid(c, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)(c >> 8)])).ToArray());
            AssertFirstAppearance(classes.Select(c => (Colour)(c % 3)).ToArray());
        }, iter: 30);
    }

    [Fact]
    public void Encode_AnyNumberOfPieces_GivesTheOnePassCodes()
    {
        // Pieces coded side by side and merged must number labels as one pass does, whether a label first appears in
        // an early or a late piece (the later pieces below draw from more classes than the first).
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 3000);
            long[] labels = [.. Enumerable.Range(0, n).Select(i => (long)rng.Next(1 + (i * 200 / n)) << 33)];
            var expected = new Dictionary<long, int>();
            foreach (long label in labels)
            {
                expected.TryAdd(label, expected.Count);
            }

            foreach (int pieces in new[] { 1, 2, 3, 7 })
            {
                var codes = new int[n];
                BitwiseCodes<long>.Encode(labels, codes, pieces).Should().Be(expected.Count, $"{pieces} pieces");
                codes.Should().Equal(labels.Select(label => expected[label]), $"{pieces} pieces");
            }
        }, iter: 30);
    }

    [Fact]
    public void Supports_OnlyTypesComparedByTheirBits()
    {
        BitwiseCodes<long>.Supports.Should().BeTrue();
        BitwiseCodes<Guid>.Supports.Should().BeTrue();
        BitwiseCodes<Colour>.Supports.Should().BeTrue();

        // 0.0 = −0.0 and 1.0m = 1.00m under their default equality, with different bits.
        BitwiseCodes<double>.Supports.Should().BeFalse();
        BitwiseCodes<decimal>.Supports.Should().BeFalse();
        BitwiseCodes<(int, int)>.Supports.Should().BeFalse();
        FluentActions.Invoking(() => new BitwiseCodes<double>()).Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void CodeOf_ManyLabelsOnOneSlot_FallsBackWithTheSameCodes()
    {
        // 150 labels whose hashes agree in the low 16 bits all start probing at one slot, as a hash-flooding input would:
        // past 100 probes the table moves to the dictionary, and the codes still follow first appearance.
        long[] labels = CollidingColumn(v => (long)v);
        var table = new BitwiseCodes<long>(Seed);
        var expected = new Dictionary<long, int>();

        foreach (long label in labels)
        {
            expected.TryAdd(label, expected.Count);
            table.CodeOf(label).Should().Be(expected[label]);
        }

        table.UsesFallback.Should().BeTrue();
        table.Count.Should().Be(expected.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Copy_GoesOnNumberingFromTheSource_AndLeavesItAlone(bool fallback)
    {
        // How each piece of a long column starts from the table of the column's first labels (PieceCoding): the copy
        // knows their codes and gives a new label the next one, and what it adds is not in the source, whether the
        // source still probes its slots or has moved into the dictionary.
        long[] first = fallback ? CollidingColumn(v => (long)v) : [5L << 40, 9, 5L << 40, -2];
        var source = new BitwiseCodes<long>(Seed);
        int[] codes = [.. first.Select(label => source.CodeOf(label))];
        int count = source.Count;

        BitwiseCodes<long> copy = source.Copy();

        copy.UsesFallback.Should().Be(fallback);
        first.Select(label => copy.CodeOf(label)).Should().Equal(codes);
        copy.CodeOf(7).Should().Be(count);
        copy.CodeOf(8).Should().Be(count + 1);
        copy.Count.Should().Be(count + 2);
        source.Count.Should().Be(count);
        source.CodeOf(8).Should().Be(count, "the source never saw 7 or 8");
        copy.CodeOf(8).Should().Be(count + 1);
    }

    [Fact]
    public void EncodePiece_ManyLabelsOnOneSlot_FallsBackWithTheSameCodes()
    {
        // The coding loop keeps the table's arrays in registers and probes inline: past the probe limit it must hand the
        // label to the fallback like CodeOf, for the one-word hash (longs) and the two-word one (Guids) alike.
        AssertFallsBack(CollidingColumn(v => (long)v));
        AssertFallsBack(CollidingColumn(v => new Guid((int)v, (short)(v >> 32), 0, [0, 0, 0, 0, 0, 0, 0, 1])));
    }

    // 2000 labels, two thirds drawn from 150 whose hashes under Seed agree in their low 16 bits, a third from 50 others.
    private static T[] CollidingColumn<T>(Func<ulong, T> label)
        where T : struct
    {
        var colliding = new List<T>();
        Span<ulong> words = stackalloc ulong[2];
        for (ulong v = 0; colliding.Count < 150; v++)
        {
            T candidate = label(v);
            MemoryMarshal.Write(MemoryMarshal.AsBytes(words), in candidate);
            if ((BitwiseCodes<T>.Hash(words[0], words[1], Seed) & 0xFFFF) == 0)
            {
                colliding.Add(candidate);
            }
        }

        var rng = new Random(14);
        return [.. Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? label(ulong.MaxValue - (ulong)rng.Next(50)) : colliding[rng.Next(i < 1000 ? 60 : 150)])];
    }

    private static void AssertFallsBack<T>(T[] labels)
        where T : struct
    {
        var table = new BitwiseCodes<T>(Seed);
        var codes = new int[labels.Length];
        BitwiseCodes<T>.EncodePiece(labels, codes, table);

        var expected = new Dictionary<T, int>();
        foreach (T label in labels)
        {
            expected.TryAdd(label, expected.Count);
        }

        table.UsesFallback.Should().BeTrue(typeof(T).Name);
        table.Count.Should().Be(expected.Count);
        codes.Should().Equal(labels.Select(label => expected[label]), typeof(T).Name);
    }

    private static void AssertFirstAppearance<T>(T[] labels)
        where T : notnull
    {
        var expected = new Dictionary<T, int>();
        foreach (T label in labels)
        {
            expected.TryAdd(label, expected.Count);
        }

        var codes = new int[labels.Length];
        BitwiseCodes<T>.Encode(labels, codes).Should().Be(expected.Count, typeof(T).Name);
        codes.Should().Equal(labels.Select(label => expected[label]), typeof(T).Name);

        // The one-by-one loop, which machines without AVX2 take for the whole column, must agree with the gathered one.
        var table = new BitwiseCodes<T>(Seed);
        Array.Clear(codes);
        BitwiseCodes<T>.EncodePiece(labels, codes, table, gather: false);
        table.Count.Should().Be(expected.Count, typeof(T).Name);
        codes.Should().Equal(labels.Select(label => expected[label]), $"{typeof(T).Name}, one by one");
    }
}
