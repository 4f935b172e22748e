using System.Runtime.ExceptionServices;

namespace InfoTheory.Internal;

// <summary>Independent work items 0 … n − 1 run on a few threads, each thread with state of its own.</summary>
// <remarks>
// Threads claim items in increasing order but finish them in any order, so a caller whose item i computes from i alone
// (its own seeded stream, its own slot of the results) gets the same bits on any number of cores.
// </remarks>
internal static class IndexedWork
{
    // <summary>How many threads to use for <paramref name="items"/> items under <paramref name="maxDegreeOfParallelism"/> (−1: all cores); at least 1.</summary>
    public static int Workers(int items, int maxDegreeOfParallelism)
        => Math.Max(1, Math.Min(items, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism));

    // <summary>Calls <paramref name="body"/>(i, state) for every i in [0, <paramref name="count"/>), on up to one thread per entry of <paramref name="states"/>; thread w only ever passes states[w].</summary>
    // <exception cref="Exception">The first exception a body threw, rethrown as thrown (not wrapped), as a single thread would.</exception>
    public static void For<TState>(int count, TState[] states, Action<int, TState> body)
    {
        int workers = Math.Min(count, states.Length);
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i, states[0]);
            }

            return;
        }

        int next = -1;
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    body(i, states[w]);
                }
            });
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
