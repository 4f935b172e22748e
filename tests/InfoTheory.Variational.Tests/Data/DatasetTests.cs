using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Tests.Data;

public class DatasetTests
{
    // Sample i has features (i, 10 + i) and label i, so every row can be identified after shuffling.
    private static Dataset Numbered(int count)
    {
        var features = new float[count * 2];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            features[2 * i] = i;
            features[(2 * i) + 1] = 10 + i;
            labels[i] = i;
        }

        return Dataset.FromRows(features, 2, labels);
    }

    [Fact]
    public void FromMatrix_ReadsRowMajor_AndCopiesItsInput()
    {
        var matrix = new float[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var labels = new[] { 7, 8 };

        Dataset data = Dataset.FromMatrix(matrix, labels);
        matrix[0, 0] = 99;
        labels[0] = 99;

        data.Count.Should().Be(2);
        data.FeatureCount.Should().Be(3);
        data.Features.ToArray().Should().Equal(1, 2, 3, 4, 5, 6);
        data.Row(1).ToArray().Should().Equal(4, 5, 6);
        data.Labels.ToArray().Should().Equal(7, 8);
        data.ToMatrix().Should().BeEquivalentTo(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
    }

    [Fact]
    public void ImplicitConversion_FromFloatAndDoubleMatrices_GivesTheUnlabelledDatasetOfFromMatrix()
    {
        var rows = new float[,] { { 0.5f, 1f }, { 2f, 0.1f } };
        var wide = new double[,] { { 0.5, 1 }, { 2, 0.1 } };

        Dataset fromFloat = rows;
        Dataset fromDouble = wide;

        fromFloat.Features.ToArray().Should().Equal(Dataset.FromMatrix(rows).Features.ToArray());
        fromDouble.Features.ToArray().Should().Equal([0.5f, 1f, 2f, 0.1f], "doubles round to the nearest float (0.1 → 0.1f)");
        (fromDouble.Count, fromDouble.FeatureCount, fromDouble.HasLabels).Should().Be((2, 2, false));
    }

    [Fact]
    public void ImplicitConversion_BadMatrices_ThrowNamingData()
    {
        FluentActions.Invoking(() => (Dataset)(float[,])null!).Should().Throw<ArgumentNullException>().WithParameterName("data");
        FluentActions.Invoking(() => (Dataset)new double[0, 2]).Should().Throw<ArgumentException>().WithParameterName("data");
        FluentActions.Invoking(() => (Dataset)new double[,] { { 0, 1e300 } }).Should().Throw<ArgumentException>().WithParameterName("data")
            .WithMessage("data[1]*", "1e300 is beyond float and becomes +∞ when rounded");
        FluentActions.Invoking(() => Dataset.FromMatrix(new double[,] { { double.NaN } })).Should().Throw<ArgumentException>().WithParameterName("features");
    }

    [Fact]
    public void FromRows_WithoutLabels_HasNoLabels()
    {
        Dataset data = Dataset.FromRows([1f, 2f, 3f, 4f], 2);

        data.HasLabels.Should().BeFalse();
        data.Labels.IsEmpty.Should().BeTrue();
        data.Image.Should().BeNull();
    }

    [Fact]
    public void Subset_TakesRowsAndLabelsInGivenOrder_KeepsImageShape()
    {
        Dataset data = Dataset.FromRows([0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f], 4, [5, 6, 7], new ImageShape(2, 2));

        Dataset subset = data.Subset([2, 0, 2]);

        subset.Features.ToArray().Should().Equal(8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
        subset.Labels.ToArray().Should().Equal(7, 5, 7);
        subset.Image.Should().Be(new ImageShape(2, 2));
    }

    [Fact]
    public void CopyRows_FillsOnlyTheRowsItWrites()
    {
        Dataset data = Numbered(5);
        var destination = new float[6];
        destination.AsSpan().Fill(-1);

        data.CopyRows([4, 1], destination);

        destination.Should().Equal(4, 14, 1, 11, -1, -1);
    }

    [Fact]
    public void Split_PartsAreDisjoint_CoverEverySample_AndKeepOriginalOrder()
    {
        Dataset data = Numbered(50);

        (Dataset train, Dataset test) = data.Split(37, seed: 3);

        train.Count.Should().Be(37);
        test.Count.Should().Be(13);
        int[] all = [.. train.Labels.ToArray(), .. test.Labels.ToArray()];
        all.Should().OnlyHaveUniqueItems().And.HaveCount(50);
        train.Labels.ToArray().Should().BeInAscendingOrder();
        test.Labels.ToArray().Should().BeInAscendingOrder();
        foreach (int label in train.Labels)
        {
            train.Row(train.Labels.IndexOf(label)).ToArray().Should().Equal(label, 10 + label);
        }
    }

    [Fact]
    public void Split_SameSeed_SameParts_OtherSeed_OtherParts()
    {
        Dataset data = Numbered(50);

        int[] first = data.Split(25, seed: 11).Train.Labels.ToArray();
        int[] again = data.Split(25, seed: 11).Train.Labels.ToArray();
        int[] other = data.Split(25, seed: 12).Train.Labels.ToArray();

        again.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Theory]
    [InlineData(0.8, 10, 8)]
    [InlineData(0.25, 10, 3)] // 2.5 rounds away from zero
    [InlineData(0.01, 10, 1)] // clamped so the training part is not empty
    [InlineData(0.99, 10, 9)] // clamped so the test part is not empty
    public void SplitFraction_RoundsTheTrainingCount(double fraction, int count, int expectedTrain)
    {
        (Dataset train, Dataset test) = Numbered(count).SplitFraction(fraction, seed: 1);

        train.Count.Should().Be(expectedTrain);
        test.Count.Should().Be(count - expectedTrain);
    }

    [Fact]
    public void ShuffledBatches_HoldEveryIndexOnce_WithRemainderLast()
    {
        int[][] batches = Numbered(10).ShuffledBatches(4, new Random(5));

        batches.Select(b => b.Length).Should().Equal(4, 4, 2);
        batches.SelectMany(b => b).Should().BeEquivalentTo(Enumerable.Range(0, 10));
    }

    [Fact]
    public void ShuffledBatches_ReplayFromTheSeed_AndChangeBetweenEpochs()
    {
        Dataset data = Numbered(30);
        var run = new Random(8);
        var replay = new Random(8);

        int[] epoch1 = data.ShuffledBatches(7, run).SelectMany(b => b).ToArray();
        int[] epoch2 = data.ShuffledBatches(7, run).SelectMany(b => b).ToArray();

        data.ShuffledBatches(7, replay).SelectMany(b => b).Should().Equal(epoch1);
        data.ShuffledBatches(7, replay).SelectMany(b => b).Should().Equal(epoch2);
        epoch2.Should().NotEqual(epoch1);
    }

    [Fact]
    public void ShuffledBatches_AllOrdersOfThreeAreEquallyLikely()
    {
        // A Fisher–Yates off-by-one (Next(i) instead of Next(i + 1)) yields only the 2 cyclic orders of 3;
        // a uniform shuffle gives each of the 6 orders 1/6 of the time. Chi-square, 5 degrees of freedom:
        // the 0.999 quantile is 20.52 (standard tables), so a correct shuffle fails with probability 0.001 for a fixed seed, here never.
        Dataset data = Numbered(3);
        var random = new Random(2024);
        const int Draws = 6000;
        var counts = new Dictionary<string, int>();
        for (int k = 0; k < Draws; k++)
        {
            string order = string.Join(",", data.ShuffledBatches(3, random)[0]);
            counts[order] = counts.GetValueOrDefault(order) + 1;
        }

        counts.Should().HaveCount(6);
        double expected = Draws / 6.0;
        double chiSquare = counts.Values.Sum(c => (c - expected) * (c - expected) / expected);
        chiSquare.Should().BeLessThan(20.52);
    }

    [Fact]
    public void FromRows_NonFiniteFeature_Throws()
    {
        Action act = () => Dataset.FromRows([1f, float.NaN], 1);

        act.Should().Throw<ArgumentException>().WithParameterName("features").WithMessage("*features[1]*NaN*");
    }

    [Fact]
    public void FromRows_Empty_Throws()
    {
        Action act = () => Dataset.FromRows([], 2);

        act.Should().Throw<ArgumentException>().WithParameterName("features");
    }

    [Fact]
    public void FromRows_LengthNotAMultipleOfFeatureCount_Throws()
    {
        Action act = () => Dataset.FromRows([1f, 2f, 3f], 2);

        act.Should().Throw<ArgumentException>().WithParameterName("features").WithMessage("*length 3*multiple*2*");
    }

    [Fact]
    public void FromRows_FeatureCountBelowOne_Throws()
    {
        Action act = () => Dataset.FromRows([1f], 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("featureCount");
    }

    [Fact]
    public void FromRows_LabelCountDiffersFromSampleCount_Throws()
    {
        Action act = () => Dataset.FromRows([1f, 2f], 1, [0]);

        act.Should().Throw<ArgumentException>().WithParameterName("labels");
    }

    [Fact]
    public void FromRows_NegativeLabel_Throws()
    {
        Action act = () => Dataset.FromRows([1f, 2f], 1, [0, -3]);

        act.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("*labels[1] is -3*");
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(0, 4)]
    [InlineData(-2, -2)]
    public void FromRows_ImageShapeNotMatchingFeatures_Throws(int width, int height)
    {
        Action act = () => Dataset.FromRows([1f, 2f, 3f, 4f], 4, image: new ImageShape(width, height));

        act.Should().Throw<ArgumentException>().WithParameterName("image");
    }

    [Fact]
    public void FromMatrix_NoColumns_Throws()
    {
        Action act = () => Dataset.FromMatrix(new float[3, 0]);

        act.Should().Throw<ArgumentException>().WithParameterName("features");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Row_IndexOutsideDataset_Throws(int row)
    {
        Action act = () => Numbered(5).Row(row);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void CopyRows_DestinationTooShort_Throws()
    {
        Action act = () => Numbered(5).CopyRows([0, 1], new float[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("destination");
    }

    [Fact]
    public void CopyRows_IndexOutsideDataset_Throws()
    {
        Action act = () => Numbered(5).CopyRows([0, 5], new float[4]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("indices");
    }

    [Fact]
    public void Subset_NoIndices_Throws()
    {
        Action act = () => Numbered(5).Subset([]);

        act.Should().Throw<ArgumentException>().WithParameterName("indices");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Split_TrainCountLeavingAPartEmpty_Throws(int count)
    {
        Action act = () => Numbered(5).Split(count, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("trainCount");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void SplitFraction_FractionNotStrictlyBetweenZeroAndOne_Throws(double fraction)
    {
        Action act = () => Numbered(5).SplitFraction(fraction, seed: 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("trainFraction");
    }

    [Fact]
    public void SplitFraction_SingleSample_Throws()
    {
        Action act = () => Numbered(1).SplitFraction(0.5, seed: 1);

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ShuffledBatches_BatchSizeBelowOne_Throws()
    {
        Action act = () => Numbered(5).ShuffledBatches(0, new Random(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("batchSize");
    }

    [Fact]
    public void ShuffledBatches_BatchSizeIntMaxValue_IsOneBatchOfEverySample()
    {
        int[][] batches = Numbered(5).ShuffledBatches(int.MaxValue, new Random(1));

        batches.Should().ContainSingle();
        batches[0].Order().Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void Subset_MoreFeaturesThanAnArrayHolds_ThrowsNamingIndices()
    {
        Dataset wide = Dataset.FromRows(new float[20_001], 20_001);

        var act = () => wide.Subset(new int[107_375]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("indices").WithMessage("*107375 × 20001*");
    }

    [Fact]
    public void ImageShape_PixelCount_IsExactBeyondTheIntRange()
    {
        new ImageShape(65536, 65536).PixelCount.Should().Be(4_294_967_296L);
        new ImageShape(28, 28).PixelCount.Should().Be(784);
    }
}
