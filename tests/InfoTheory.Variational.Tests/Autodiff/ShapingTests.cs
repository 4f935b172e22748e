using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>Reshape and unit-axis transposes as views of the same storage: sharing, gradients, and the pool.</summary>
public class ShapingTests
{
    [Fact]
    public void Reshape_SharesStorage_AWriteToEitherIsSeenInTheOther()
    {
        var x = AutodiffTensor.FromValues<double>([1, 2, 3, 4, 5, 6], 2, 3);

        var y = x.Reshape(3, 2);
        x.Values[1] = 20;
        y.Values[4] = 50;

        y[0, 1].Should().Be(20);
        x[1, 1].Should().Be(50);
    }

    [Fact]
    public void Reshape_Backward_GradientReachesTheBaseInRowMajorOrder()
    {
        // L = Σ wₖ yₖ with y the [3, 2] view of x [2, 3]: ∂L/∂x is w read in x's shape.
        var x = AutodiffTensor.FromValues<double>([1, 2, 3, 4, 5, 6], 2, 3).RequiringGrad();
        var w = AutodiffTensor.FromValues<double>([10, 20, 30, 40, 50, 60], 3, 2);

        (x.Reshape(3, 2) * w).Sum().Backward();

        x.Gradient.ToArray().Should().Equal(10, 20, 30, 40, 50, 60);
    }

    [Fact]
    public void Transpose_OnlyUnitAxesMove_IsAViewAndStillDifferentiable()
    {
        var row = AutodiffTensor.FromValues<double>([1, 2, 3], 1, 3).RequiringGrad();

        var column = row.Transpose();
        row.Values[2] = 30;
        (column * AutodiffTensor.FromValues<double>([1, 2, 3], 3, 1)).Sum().Backward();

        column.Shape.ToArray().Should().Equal(3, 1);
        column[2, 0].Should().Be(30);
        row.Gradient.ToArray().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Transpose_OfAMatrix_IsACopy()
    {
        var x = AutodiffTensor.FromValues<double>([1, 2, 3, 4, 5, 6], 2, 3);

        var t = x.Transpose();
        x.Values[1] = 20;

        t.ToArray().Should().Equal(1, 4, 2, 5, 3, 6);
    }

    [Fact]
    public void SwapKeepsOrder_EveryShapeUpToRank4_AgreesWithTheTransposedIndexOrder()
    {
        // The oracle: the row-major order of a transposed iota, by index arithmetic, is the identity exactly for a view.
        foreach (var shape in Shapes(4))
        {
            for (int a0 = 0; a0 < shape.Length; a0++)
            {
                for (int a1 = 0; a1 < shape.Length; a1++)
                {
                    bool identity = TransposedOrder(shape, a0, a1).SequenceEqual(Enumerable.Range(0, TransposedOrder(shape, a0, a1).Length));
                    AutodiffTensor<float>.SwapKeepsOrder(shape, a0, a1).Should().Be(identity, $"shape [{string.Join(", ", shape)}], axes {a0} and {a1}");
                }
            }
        }
    }

    [Fact]
    public void Reshape_InsideScope_StorageReturnsToThePoolOnce()
    {
        // A view that also returned the storage would put the same array in the pool twice, and two later tensors would share it.
        using (TensorScope.Begin())
        {
            var x = AutodiffTensor.Zeros<float>(3, 37).RequiringGrad();
            var y = x.Reshape(111).Reshape(37, 3);
            (y * y).Sum().Backward();
        }

        var rented = Enumerable.Range(0, 12).Select(_ => BufferPool<float>.Rent(111, clear: false)).ToArray();

        rented.Distinct().Should().HaveCount(12);
    }

    [Fact]
    public void Reshape_OfAParameterInsideScope_NeverLendsTheParameterStorageToThePool()
    {
        var parameter = AutodiffTensor.Full(1f, 2, 53).RequiringGrad();
        using (TensorScope.Begin())
        {
            (parameter.Reshape(106) * 2f).Sum().Backward();
        }

        using (TensorScope.Begin())
        {
            for (int i = 0; i < 4; i++)
            {
                AutodiffTensor.Full(7f, 106);
            }
        }

        parameter.ToArray().Should().AllSatisfy(v => v.Should().Be(1f));
        parameter.Gradient.ToArray().Should().AllSatisfy(g => g.Should().Be(2f));
    }

    [Fact]
    public void Reshape_ViewOutlivingItsPooledStorage_ThrowsInsteadOfReadingReusedMemory()
    {
        AutodiffTensor<float>? view = null;
        using (TensorScope.Begin())
        {
            var x = AutodiffTensor.Full(3f, 4, 29);

            // Another thread has no scope open, so its view is an ordinary object that outlives this scope.
            var other = new Thread(() => view = x.Reshape(116));
            other.Start();
            other.Join();
        }

        var act = () => view!.Values[0];

        act.Should().Throw<ObjectDisposedException>().WithMessage("*view of a tensor that was released*");
    }

    private static IEnumerable<int[]> Shapes(int maxRank)
    {
        IEnumerable<int[]> shapes = [[]];
        for (int rank = 1; rank <= maxRank; rank++)
        {
            shapes = shapes.SelectMany(s => new[] { 0, 1, 2, 3 }.Select(e => s.Append(e).ToArray())).ToArray();
            foreach (var shape in shapes)
            {
                yield return shape;
            }
        }
    }

    /// <summary>For each position of the transposed tensor in row-major order, the flat index of the source element there.</summary>
    private static int[] TransposedOrder(int[] shape, int a0, int a1)
    {
        var swapped = (int[])shape.Clone();
        (swapped[a0], swapped[a1]) = (swapped[a1], swapped[a0]);
        int length = shape.Aggregate(1, (p, e) => p * e);
        var order = new int[length];
        var index = new int[shape.Length];
        for (int flat = 0; flat < length; flat++)
        {
            int rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = rest % swapped[d];
                rest /= swapped[d];
            }

            (index[a0], index[a1]) = (index[a1], index[a0]);
            int source = 0;
            for (int d = 0; d < shape.Length; d++)
            {
                source = (source * shape[d]) + index[d];
            }

            order[flat] = source;
        }

        return order;
    }
}
