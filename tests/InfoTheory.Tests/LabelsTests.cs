namespace InfoTheory.Tests;

public class LabelsTests
{
    [Fact]
    public void Encode_EqualLabelsShareACode_DifferentLabelsDoNot()
    {
        double[] labels = [0.5, 2.0, 0.5, -1.0, 2.0, 0.5];

        int[] codes = Labels.Encode(labels);

        codes.Should().HaveCount(6);
        codes.Should().OnlyContain(c => c >= 0 && c < 6);
        for (int i = 0; i < labels.Length; i++)
        {
            for (int j = 0; j < labels.Length; j++)
            {
                (codes[i] == codes[j]).Should().Be(labels[i] == labels[j], $"labels {i} and {j}");
            }
        }
    }

    [Fact]
    public void Encode_Empty_IsEmpty()
    {
        Labels.Encode(ReadOnlySpan<double>.Empty).Should().BeEmpty();
    }

    [Fact]
    public void Encode_NullLabel_ThrowsNamingLabels()
    {
        string[] labels = ["a", null!];

        var act = () => Labels.Encode(labels);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("labels[1] is null*");
    }

    [Fact]
    public void Encode_ConstantHashCodes_GivesNaiveFirstAppearanceCodes()
    {
        // Every label hashes alike, so each lookup walks one chain and only Equals separates the labels; reference
        // and value types take different paths.
        var rng = new Random(4);
        int[] values = [.. Enumerable.Range(0, 3000).Select(_ => rng.Next(200))];
        int[] expected = NaiveCodes(values);

        Labels.Encode<CollidingClass>([.. values.Select(v => new CollidingClass(v))]).Should().Equal(expected);
        Labels.Encode<CollidingStruct>([.. values.Select(v => new CollidingStruct(v))]).Should().Equal(expected);
    }

    [Fact]
    public void Encode_ManyDistinctStringInstances_GivesNaiveFirstAppearanceCodes()
    {
        // 3·10^5 fresh instances of 5 000 values (the reference cache gives up on them) after a run of shared ones
        // (which it answers), against a Dictionary numbering strings in order of first appearance; past 2^18 labels
        // they are coded in one piece per core and merged.
        var rng = new Random(5);
        string[] names = [.. Enumerable.Range(0, 5000).Select(v => $"category-{v * 7919 % 100_003}")];
        string[] labels = [.. Enumerable.Range(0, 300_000).Select(i => i < 20_000 ? names[rng.Next(50)] : new string(names[rng.Next(5000)].AsSpan()))];

        Labels.Encode<string>(labels).Should().Equal(NaiveCodes(labels));
    }

    private static int[] NaiveCodes<T>(T[] labels)
        where T : notnull
    {
        var codes = new Dictionary<T, int>();
        return [.. labels.Select(label => codes.TryGetValue(label, out int code) ? code : codes[label] = codes.Count)];
    }

    private sealed class CollidingClass(int value) : IEquatable<CollidingClass>
    {
        public int Value { get; } = value;

        public bool Equals(CollidingClass? other) => other is not null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as CollidingClass);

        public override int GetHashCode() => 1;
    }

    private readonly record struct CollidingStruct(int Value)
    {
        public override int GetHashCode() => 1;
    }
}
