using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class SummaryTableTests
{
    private static readonly (string, string, string)[] Rows =
    [
        ("vae", "train KL(q(z|x) ‖ p(z))", "3.21 nats"),
        ("vae", "figure", "figures/a-rather-long-experiment-name/vae-reconstructions.png"),
        ("klfit", "time", "1.5 s"),
    ];

    [Fact]
    public void Format_NoWidth_KeepsEveryValueOnOneLine_AndNamesEachExperimentOnce()
    {
        IReadOnlyList<string> lines = SummaryTable.Format(Rows, width: null);

        lines.Should().Equal(
            "Summary",
            "Experiment  Result                   Value",
            "----------  -----------------------  -----",
            "vae         train KL(q(z|x) ‖ p(z))  3.21 nats",
            "            figure                   figures/a-rather-long-experiment-name/vae-reconstructions.png",
            "klfit       time                     1.5 s");
    }

    [Fact]
    public void Format_NarrowTerminal_BreaksAPathOnlyAfterASeparator()
    {
        IReadOnlyList<string> lines = SummaryTable.Format(Rows, width: 80);

        string indent = new(' ', 37);
        lines.Should().Contain("            figure                   figures/a-rather-long-experiment-name/")
            .And.Contain(indent + "vae-reconstructions.png");

        // Joining the pieces gives the path back whole: nothing was cut inside a name.
        int first = lines.ToList().FindIndex(l => l.EndsWith("experiment-name/", StringComparison.Ordinal));
        (lines[first][37..] + lines[first + 1][37..]).Should().Be("figures/a-rather-long-experiment-name/vae-reconstructions.png");
    }

    [Fact]
    public void Wrap_Sentence_BreaksAtSpacesWithinTheWidth()
    {
        SummaryTable.Wrap("posterior collapse: try a smaller weight", 20).Should().Equal("posterior collapse:", "try a smaller weight");
    }

    [Fact]
    public void Wrap_SegmentLongerThanTheWidth_OverflowsWhole()
    {
        SummaryTable.Wrap("out/vae-reconstructions-of-the-test-images.png", 10)
            .Should().Equal("out/", "vae-reconstructions-of-the-test-images.png");
    }

    [Fact]
    public void Wrap_WindowsPath_BreaksAfterBackslashes()
    {
        SummaryTable.Wrap(@"C:\Users\me\figures\vae-samples.png", 20).Should().Equal(@"C:\Users\me\figures\", "vae-samples.png");
    }

    [Fact]
    public void Wrap_FitsAlready_ReturnsTheTextUnchanged()
    {
        SummaryTable.Wrap("a  b/c", 10).Should().Equal("a  b/c");
    }
}
