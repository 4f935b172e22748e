using CsCheck;
using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

public class StringCodingTests
{
    [Fact]
    public void Encode_AnyNumberOfPieces_GivesTheOnePassCodes()
    {
        // Pieces coded side by side and merged must number labels exactly as one pass in first-appearance order does,
        // whether a label first appears in an early or a late piece, and whatever the pieces share.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 5000), k = rng.Next(1, rng.Next(2) == 0 ? 20 : 3000);
            string[] names = [.. Enumerable.Range(0, k).Select(v => $"v{v}")];
            string[] labels = [.. Enumerable.Range(0, n).Select(i => new string(names[(int)(k * Math.Pow(rng.NextDouble(), 1 + (3.0 * i / n)))].AsSpan()))];
            var expected = new Dictionary<string, int>();
            foreach (string label in labels)
            {
                expected.TryAdd(label, expected.Count);
            }

            foreach (int pieces in new[] { 1, 2, 3, 7 })
            {
                var codes = new int[n];

                int distinct = StringCoding.Encode(labels, codes, "x", pieces);

                distinct.Should().Be(expected.Count);
                codes.Should().Equal(labels.Select(label => expected[label]), $"{pieces} pieces");
            }
        }, iter: 60);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Encode_DistinctInstancesPastTheCacheTrial_GivesTheDictionaryCodes(int pieces)
    {
        // Distinct instances miss the identity cache, so past its trial the column is coded straight through the
        // table's CodeOf: short and long labels (only these have their characters compared), and classes that first
        // appear late, which its home-slot test leaves for Probe to add.
        var rng = new Random(pieces);
        int n = 3 * LabelCounting.ReferenceCacheTrial;
        string[] labels = [.. Enumerable.Range(0, n).Select(i => rng.Next(1 + (i * 600 / n)) switch
        {
            int v when v % 2 == 0 => $"v{v}",
            int v => $"{v}: a label longer than eight characters",
        })];
        var expected = new Dictionary<string, int>();
        foreach (string label in labels)
        {
            expected.TryAdd(label, expected.Count);
        }

        var codes = new int[n];
        StringCoding.Encode(labels, codes, "x", pieces).Should().Be(expected.Count);
        codes.Should().Equal(labels.Select(label => expected[label]));
    }

    [Fact]
    public void Encode_NullPastTheCacheTrial_ReportsIt()
    {
        int n = 2 * LabelCounting.ReferenceCacheTrial, at = n - 7;
        string[] labels = [.. Enumerable.Range(0, n).Select(i => i == at ? null! : $"s{i % 300}")];

        Action act = () => StringCoding.Encode(labels, new int[n], "x", 1);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage($"x[{at}] is null*");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Encode_NullsInLaterPieces_ReportsTheFirstNull(int pieces)
    {
        string[] labels = [.. Enumerable.Range(0, 100).Select(i => i is 61 or 97 ? null! : $"s{i % 9}")];

        Action act = () => StringCoding.Encode(labels, new int[100], "x", pieces);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[61] is null*");
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(2, 60)]
    [InlineData(5, 3)]
    [InlineData(5, 30)]
    public void Encode_NullInTheFirstPiece_ReportsIt(int pieces, int at)
    {
        // The first piece is coded in two steps (its first quarter alone, the rest beside the other pieces): a null
        // in either is reported at its index in the column, before a later piece's null.
        string[] labels = [.. Enumerable.Range(0, 200).Select(i => i == at || i == 150 ? null! : $"s{i % 9}")];

        Action act = () => StringCoding.Encode(labels, new int[200], "x", pieces);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage($"x[{at}] is null*");
    }

    [Fact]
    public void TryCountPairs_AnyNumberOfPieces_CountsTheCrossTabulation()
    {
        // The table counted in the coding pass must be the cross-tabulation of the first-appearance codes of each column,
        // for shared instances and fresh copies (so each column's cache trial may go either way), tables that grow past
        // their first 64 × 64 cells, and any number of pieces.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 40_000);
            string[] x = Column(rng, n, rng.Next(1, 200), copies: rng.Next(2) == 0);
            string[] y = Column(rng, n, rng.Next(1, 200), copies: rng.Next(2) == 0);
            Dictionary<string, int> codesX = FirstAppearance(x), codesY = FirstAppearance(y);
            var expected = new int[codesX.Count, codesY.Count];
            for (int i = 0; i < n; i++)
            {
                expected[codesX[x[i]], codesY[y[i]]]++;
            }

            foreach (int pieces in new[] { 1, 2, 3, 7 })
            {
                bool counted = StringCoding.TryCountPairs(x, y, 1 << 16, out PairCounts counts, out int rows, out int columns, pieces);

                counted.Should().BeTrue();
                (rows, columns).Should().Be((codesX.Count, codesY.Count));
                var table = new int[rows * columns];
                counts.CopyTo(table, rows, columns);
                table.Should().Equal(expected.Cast<int>(), $"{pieces} pieces");
            }
        }, iter: 40);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void TryCountPairs_NullInEitherColumn_DeclinesSoTheCallerReportsIt(int pieces)
    {
        string[] x = [.. Enumerable.Range(0, 100).Select(i => $"x{i % 7}")], y = [.. x];
        x[80] = null!;

        StringCoding.TryCountPairs(x, y, 1 << 16, out _, out _, out _, pieces).Should().BeFalse();
        StringCoding.TryCountPairs(y, x, 1 << 16, out _, out _, out _, pieces).Should().BeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TryCountPairs_MoreCellsThanTheLimit_Declines(int pieces)
    {
        // 300 × 300 classes need 90 000 cells; the same pairs fit when allowed 2^17.
        string[] x = [.. Enumerable.Range(0, 90_000).Select(i => $"x{i % 300}")];
        string[] y = [.. Enumerable.Range(0, 90_000).Select(i => $"y{i / 300}")];

        StringCoding.TryCountPairs(x, y, 1 << 16, out _, out _, out _, pieces).Should().BeFalse();
        StringCoding.TryCountPairs(x, y, 1 << 17, out _, out int rows, out int columns, pieces).Should().BeTrue();
        (rows, columns).Should().Be((300, 300));
    }

    [Fact]
    public void Count_AnyNumberOfPieces_CountsEachLabelInFirstAppearanceOrder()
    {
        // Counts gathered piece by piece must be merged onto the one-pass codes, including labels a later piece meets
        // first and alphabets that outgrow the first 64 counts.
        Gen.Int.Sample(seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 20_000);
            string[] labels = Column(rng, n, rng.Next(1, rng.Next(2) == 0 ? 20 : 3000), copies: rng.Next(2) == 0);
            Dictionary<string, int> codes = FirstAppearance(labels);
            var expected = new int[codes.Count];
            foreach (string label in labels)
            {
                expected[codes[label]]++;
            }

            foreach (int pieces in new[] { 1, 2, 3, 7 })
            {
                StringCoding.Count(labels, "x", pieces).Should().Equal(expected, $"{pieces} pieces");
            }
        }, iter: 40);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Count_NullsInLaterPieces_ReportsTheFirstNull(int pieces)
    {
        string[] labels = [.. Enumerable.Range(0, 100).Select(i => i is 61 or 97 ? null! : $"s{i % 9}")];

        Action act = () => StringCoding.Count(labels, "x", pieces);

        act.Should().Throw<ArgumentException>().WithParameterName("x").WithMessage("x[61] is null*");
    }

    // n labels of k classes, each element a reference to one shared instance per class or (copies) a fresh instance.
    private static string[] Column(Random rng, int n, int k, bool copies)
    {
        string[] names = [.. Enumerable.Range(0, k).Select(v => $"c{v}")];
        return [.. Enumerable.Range(0, n).Select(_ => names[rng.Next(k)]).Select(name => copies ? new string(name.AsSpan()) : name)];
    }

    private static Dictionary<string, int> FirstAppearance(string[] labels)
    {
        var codes = new Dictionary<string, int>();
        foreach (string label in labels)
        {
            codes.TryAdd(label, codes.Count);
        }

        return codes;
    }
}
