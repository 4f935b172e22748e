using System.Reflection;
using InfoTheory.Variational.Autodiff;

namespace InfoTheory.Variational.Tests.Autodiff;

/// <summary>The shape of a node: one object per operation result, and no way to add node types from outside.</summary>
public class AutodiffTensorOfTTests
{
    [Theory]
    [InlineData("exp", 64)]
    [InlineData("multiply", 72)]
    public void RecordedOperation_InAWarmScope_AllocatesOnlyItsNode(string operation, long nodeBytes)
    {
        // A node is one object: the 16-byte object header, the tensor's 40 bytes of fields (three references,
        // two ints, five flags, padded) and 8 bytes per input reference. No closure, no slot record, no buffer
        // (the scope's pool lends those). The engine before typed nodes spent 112 bytes on every node.
        var a = AutodiffTensor.FromValues<float>([1f, 2f, 3f], 3).RequiringGrad();
        var b = AutodiffTensor.FromValues<float>([4f, 5f, 6f], 3).RequiringGrad();
        Func<AutodiffTensor<float>> apply = operation == "exp" ? () => a.Exp() : () => a * b;
        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            using (TensorScope.Begin())
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var y = apply();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                y.Operation.Should().Be(operation);
            }
        }

        allocated.Should().Be(nodeBytes);
    }

    [Fact]
    public void AutodiffTensor_Constructors_AreHiddenFromOtherAssemblies()
    {
        // Operations derive from the tensor type; a constructor visible outside (public, protected or
        // protected internal) would let other code add node types the engine's invariants do not cover.
        var constructors = typeof(AutodiffTensor<float>).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        constructors.Should().HaveCount(2, "a leaf and an operation result are the two ways a tensor comes to be").And.OnlyContain(c => c.IsPrivate || c.IsFamilyAndAssembly || c.IsAssembly);
        typeof(AutodiffTensor<float>).IsSealed.Should().BeFalse("operations are the types deriving from it");
    }
}
