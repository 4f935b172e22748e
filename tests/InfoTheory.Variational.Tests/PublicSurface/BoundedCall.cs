namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>What one call did: returned a value, threw, or ran past its time budget.</summary>
internal readonly record struct CallOutcome(object? Result, Exception? Exception, bool TimedOut);

/// <summary>
/// Runs each call on its own background thread with a time budget, inside a heap limit, so that a call
/// that hangs or asks for gigabytes is reported instead of stalling or swapping the machine. A thread that
/// overruns cannot be stopped in .NET; it is left running in the background and dies with the test host.
/// </summary>
internal sealed class BoundedCall : IDisposable
{
    private readonly object? _previousLimit;
    private readonly ulong _restoredLimit;

    /// <summary>Caps the managed heap of the test process at <paramref name="heapBytes"/> until disposed.</summary>
    public BoundedCall(ulong heapBytes)
    {
        _previousLimit = AppContext.GetData("GCHeapHardLimit");
        _restoredLimit = (ulong)GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        AppContext.SetData("GCHeapHardLimit", heapBytes);
        GC.RefreshMemoryLimit();
    }

    public int Abandoned { get; private set; }

    public CallOutcome Run(Func<object?> call, TimeSpan budget)
    {
        CallOutcome outcome = default;
        var thread = new Thread(() =>
        {
            try
            {
                outcome = new CallOutcome(call(), null, false);
            }
#pragma warning disable CA1031 // Every exception is data for the oracle.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                outcome = new CallOutcome(null, exception, false);
            }
        }, maxStackSize: 16 << 20)
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(budget))
        {
            Abandoned++;
            return new CallOutcome(null, null, true);
        }

        return outcome;
    }

    public void Dispose()
    {
        AppContext.SetData("GCHeapHardLimit", _previousLimit is ulong previous ? previous : _restoredLimit);
        GC.Collect();
        GC.RefreshMemoryLimit();
    }
}
