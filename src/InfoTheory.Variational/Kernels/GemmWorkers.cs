using System.Diagnostics;

namespace InfoTheory.Variational.Kernels;

// <summary>
// Background threads that run the helper partitions of parallel products. After each job a worker keeps
// spinning for <see cref="SpinTime"/> before it blocks, so a training loop that multiplies every few
// microseconds finds it awake.
// </summary>
// <remarks>
// Thread-pool threads were measured first: on a virtual machine an idle pool thread often took longer to wake
// than half the product took to compute, so the second core mostly sat idle. Workers are started lazily,
// one fewer than the processor count, and are background threads, so they never keep a process alive.
// </remarks>
internal static class GemmWorkers
{
    // <summary>How long an idle worker polls for the next job before it sleeps.</summary>
    public static readonly TimeSpan SpinTime = TimeSpan.FromMilliseconds(2);

    private static readonly object Gate = new();
    private static readonly long SpinTicks = (long)(SpinTime.TotalSeconds * Stopwatch.Frequency);
    private static IThreadPoolWorkItem? current;
    private static int epoch;
    private static int sleepers;
    private static int started;

    // <summary>Asks up to <paramref name="helpers"/> workers to run <paramref name="work"/>.</summary>
    // <returns>How many workers exist to help (the caller must be ready to do the rest itself).</returns>
    public static int Dispatch(IThreadPoolWorkItem work, int helpers)
    {
        int wanted = Math.Min(helpers, Environment.ProcessorCount - 1);
        if (Volatile.Read(ref started) < wanted)
        {
            Start(wanted);
        }

        Volatile.Write(ref current, work);
        Interlocked.Increment(ref epoch);
        if (Volatile.Read(ref sleepers) > 0)
        {
            lock (Gate)
            {
                Monitor.PulseAll(Gate);
            }
        }

        return Volatile.Read(ref started);
    }

    private static void Start(int wanted)
    {
        lock (Gate)
        {
            while (started < wanted)
            {
                var thread = new Thread(Loop) { IsBackground = true, Name = $"InfoTheory GEMM worker {started + 1}" };
                thread.Start();
                started++;
            }
        }
    }

    private static void Loop()
    {
        int seen = Volatile.Read(ref epoch);
        while (true)
        {
            // SpinWait yields the processor between polls, so on a busy machine the poll costs others little.
            long spinStart = Stopwatch.GetTimestamp();
            SpinWait spinner = default;
            while (Volatile.Read(ref epoch) == seen && Stopwatch.GetTimestamp() - spinStart < SpinTicks)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }

            if (Volatile.Read(ref epoch) == seen)
            {
                lock (Gate)
                {
                    // Announce the sleep before the last look at the epoch: Dispatch bumps the epoch before it
                    // looks for sleepers, so one of the two always sees the other and no wake-up is lost.
                    Interlocked.Increment(ref sleepers);
                    while (Volatile.Read(ref epoch) == seen)
                    {
                        Monitor.Wait(Gate);
                    }

                    Interlocked.Decrement(ref sleepers);
                }
            }

            seen = Volatile.Read(ref epoch);
            Volatile.Read(ref current)?.Execute();
        }
    }
}
