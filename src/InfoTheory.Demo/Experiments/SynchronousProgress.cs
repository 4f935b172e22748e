namespace InfoTheory.Demo.Experiments;

/// <summary>
/// Hands each report to an action on the reporting thread, so the progress bar moves while training runs;
/// <see cref="Progress{T}"/> would post reports to the thread pool and deliver them late and out of order.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
