using InfoTheory.Demo.Experiments;

namespace InfoTheory.Demo.Tests.Experiments;

public class SquaredErrorTests
{
    [Fact]
    public void PerRow_SumsOverFeatures_AndAveragesOverRows()
    {
        // By hand: row 1 (1−0)² + (2−0)² = 5, row 2 (0−3)² + 0 = 9; mean 7.
        SquaredError.PerRow(new float[,] { { 1, 2 }, { 0, 4 } }, new float[,] { { 0, 0 }, { 3, 4 } }).Should().Be(7);
    }

    [Fact]
    public void OfMeanImage_PredictsEveryRowByTheTrainingMean()
    {
        // Training mean (1, 3); target rows (1, 3) and (3, 3): errors 0 and 4, mean 2.
        SquaredError.OfMeanImage(new float[,] { { 0, 2 }, { 2, 4 } }, new float[,] { { 1, 3 }, { 3, 3 } }).Should().Be(2);
    }

    [Fact]
    public void PerRow_ShapeMismatch_Throws()
    {
        Action act = () => SquaredError.PerRow(new float[2, 3], new float[2, 2]);

        act.Should().Throw<ArgumentException>().WithParameterName("output").WithMessage("*2×3*2×2*");
    }
}
