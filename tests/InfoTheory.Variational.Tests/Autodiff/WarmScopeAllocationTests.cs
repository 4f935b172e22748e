using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>The softmax family, the extrema, index-select, cross-entropy and views borrow every buffer from the scope's pool.</summary>
public class WarmScopeAllocationTests
{
    [Fact]
    public void ForwardAndBackward_InAWarmScope_AllocateNoBuffers()
    {
        // A [64, 100] float tensor is 25.6 kB: one buffer or scratch array allocated per call would show far above
        // the nodes and shape arrays the operations do allocate (about a hundred bytes each).
        var x = AutodiffTensor.RandomUniform(new Random(1), -3f, 3f, 64, 100).RequiringGrad();
        int[] labels = Enumerable.Range(0, 64).Select(i => i % 100).ToArray();
        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            using (TensorScope.Begin())
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var loss = x.Softmax().Sum() + x.LogSoftmax(0).Mean() + x.LogSumExp(-1).Sum() + x.Max(0).Sum() + x.Min()
                    + x.IndexSelect(0, [3, 5]).Sum() + x.Reshape(100, 64).Transpose(0, 1).Sum()
                    + AutodiffTensor.CrossEntropyWithLogits(x, labels, LossReduction.Mean);
                x.ZeroGrad();
                loss.Backward();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        allocated.Should().BeLessThan(4096);
    }
}
