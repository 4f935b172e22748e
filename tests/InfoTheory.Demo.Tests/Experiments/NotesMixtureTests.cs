using InfoTheory.Continuous;
using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class NotesMixtureTests
{
    [Theory]
    // ln(½ N(x; (0,0), diag(.0625, .25)) + ½ N(x; (1,1), diag(.0625, .0625))), evaluated in python3 with math.
    [InlineData(0.0, 0.0, -0.4515824802191308)]
    [InlineData(1.0, 1.0, 0.2415871749777315)]
    [InlineData(0.5, 0.5, -2.5826015698881393)]
    public void LogDensity_MatchesTheNotesMixture(double x1, double x2, double expected)
    {
        NotesMixture.LogDensity(NotesMixture.Create(), x1, x2).Should().BeApproximately(expected, 1e-12);
    }
}
