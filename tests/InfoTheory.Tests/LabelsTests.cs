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
}
