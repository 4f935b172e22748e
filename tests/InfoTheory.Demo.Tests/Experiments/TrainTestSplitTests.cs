using InfoTheory.Demo.Experiments;
using InfoTheory.Variational.Data;

namespace InfoTheory.Demo.Tests.Experiments;

public class TrainTestSplitTests
{
    private static Dataset Numbered(int count) => Dataset.FromRows(Enumerable.Range(0, count).Select(i => (float)i).ToArray(), 1);

    [Fact]
    public void Of_TheDigits_Is1500ForTrainingAndThe297RestForTesting()
    {
        (Dataset train, Dataset test) = TrainTestSplit.Of(Digits.Load(), seed: 1);

        train.Count.Should().Be(1500);
        test.Count.Should().Be(297);
    }

    [Theory]
    [InlineData(1600, 1500, 100)]
    [InlineData(1599, 1333, 266)]
    [InlineData(30, 25, 5)]
    [InlineData(2, 1, 1)]
    public void Of_KeepsTheReferenceTrainingSizeWhileEnoughIsLeftForTesting_ElseSplitsFiveToOne(int count, int trainCount, int testCount)
    {
        (Dataset train, Dataset test) = TrainTestSplit.Of(Numbered(count), seed: 3);

        train.Count.Should().Be(trainCount);
        test.Count.Should().Be(testCount);
        train.Features.ToArray().Concat(test.Features.ToArray()).Order().Should().Equal(Numbered(count).Features.ToArray(), "every sample lands in exactly one part");
    }

    [Fact]
    public void Of_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        float[] First(int seed) => TrainTestSplit.Of(Numbered(40), seed).Test.Features.ToArray();

        First(7).Should().Equal(First(7));
        First(7).Should().NotEqual(First(8));
    }

    [Fact]
    public void Of_OneSample_Throws()
    {
        Action act = () => TrainTestSplit.Of(Numbered(1), seed: 0);

        act.Should().Throw<InvalidOperationException>().WithMessage("*1 sample(s)*at least 2*");
    }
}
