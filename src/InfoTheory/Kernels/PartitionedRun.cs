using System.Runtime.ExceptionServices;
using InfoTheory.Internal;

namespace InfoTheory.Kernels;

// <summary>
// Runs the parts of a span pass on the calling thread and on pool threads, without allocating: the caller pins its spans
// and hands the helpers a pointer to a state on its own stack, which stays valid because it waits for every helper.
// </summary>
// <remarks>
// How a pass is cut into parts, and how their results are combined, must depend on the input alone, never on the number
// of threads, so one thread and all cores give the same bits: callers cut into <see cref="Parts"/> pieces and add the
// results in part order. Threads claim parts in increasing order; a failing part stops further claims, every part below
// it was claimed earlier and runs to its end, so the lowest failing part's exception is the one rethrown whatever the
// timing, the same one a single thread meets first.
// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "One instance per thread, alive as long as the thread; its event holds a kernel handle only if a wait ever blocks.")]
internal sealed unsafe class PartitionedRun : IThreadPoolWorkItem
{
    // <summary>The number of parts a partitioned pass is cut into (fixed, so results never depend on the thread count).</summary>
    public const int Parts = 8;

    // <summary>The block a span pass's parts are cut in whole of: 4096 elements, tens of microseconds of work at least.</summary>
    public const int BlockLength = 4096;

    // <summary>The length from which a span pass is cut into parts: one block a part.</summary>
    public const int ShortestLength = Parts * BlockLength;

    // SpinWait rounds before a caller blocks on the event: with sleep(1) disabled, a few hundred microseconds at most.
    private const int SpinsBeforeBlocking = 100;

    // One per calling thread, reused call after call: the only allocation, made once.
    [ThreadStatic]
    private static PartitionedRun? _cached;

    private readonly ManualResetEventSlim _allFinished = new(initialState: false);
    private readonly ExceptionDispatchInfo?[] _failures = new ExceptionDispatchInfo?[Parts];
    private delegate*<void*, int, void> _body;
    private void* _state;
    private int _next = Parts;
    private int _finished;
    private int _firstFailure;

    // <summary>The threads a pass may use under <paramref name="maxDegreeOfParallelism"/> (−1: all cores).</summary>
    public static int Threads(int maxDegreeOfParallelism) => IndexedWork.Workers(Parts, maxDegreeOfParallelism);

    // <summary>The range [start, end) of <paramref name="part"/> when <paramref name="length"/> elements are cut into <see cref="Parts"/> parts of whole blocks of <paramref name="blockLength"/> (the last part takes the rest).</summary>
    // <remarks>Whole blocks, so a part cuts no register and no block of a kernel that sums by blocks.</remarks>
    public static (int Start, int End) Range(int length, int blockLength, int part)
    {
        int blocks = (length + blockLength - 1) / blockLength;
        int start = (int)Math.Min((long)blocks * part / Parts * blockLength, length);
        int end = part == Parts - 1 ? length : (int)Math.Min((long)blocks * (part + 1) / Parts * blockLength, length);
        return (start, end);
    }

    // <summary>What one part of a pass adds up, combined with a later part's.</summary>
    // <typeparam name="TSelf">The implementing struct.</typeparam>
    public interface ITally<TSelf>
        where TSelf : struct, ITally<TSelf>
    {
        // <summary>Adds the tally of a later part.</summary>
        void Add(in TSelf later);
    }

    // <summary>The <see cref="Parts"/> tallies at <paramref name="tallies"/> combined in part order, whatever order they were made in.</summary>
    public static TTally Combine<TTally>(TTally* tallies)
        where TTally : unmanaged, ITally<TTally>
    {
        TTally total = tallies[0];
        for (int part = 1; part < Parts; part++)
        {
            total.Add(tallies[part]);
        }

        return total;
    }

    // <summary>One part of a pass: what it adds up over the range [start, end) of its inputs.</summary>
    // <typeparam name="TTally">What a part adds up.</typeparam>
    public interface IPart<TTally>
        where TTally : unmanaged, ITally<TTally>
    {
        // <summary>The tally of the elements in [<paramref name="start"/>, <paramref name="end"/>).</summary>
        TTally Run(int start, int end);
    }

    // <summary>
    // The tally of <paramref name="pass"/> over <paramref name="length"/> elements, cut into <see cref="Parts"/> parts of whole
    // <see cref="BlockLength"/>-element blocks (<see cref="Range"/>), run on up to <paramref name="threads"/> threads and
    // combined in part order (<see cref="Combine{TTally}"/>), so the result has the same bits on any thread count.
    // </summary>
    // <remarks>The one home of the partition rule: every partitioned pass hands its pinned inputs over as a <typeparamref name="TPass"/>.</remarks>
    // <param name="pass">The pass over a range; it holds pointers to inputs the caller keeps pinned until this returns.</param>
    // <param name="length">The number of elements.</param>
    // <param name="threads">The threads to use, the caller's included.</param>
    public static TTally Tally<TPass, TTally>(in TPass pass, int length, int threads)
        where TPass : unmanaged, IPart<TTally>
        where TTally : unmanaged, ITally<TTally>
    {
        TTally* tallies = stackalloc TTally[Parts];
        var state = new PartState<TPass, TTally> { Pass = pass, Length = length, Tallies = tallies };
        Run(&state, &RunPart<TPass, TTally>, threads);
        return Combine(tallies);
    }

    // <summary>Calls <paramref name="body"/>(<paramref name="state"/>, part) for every part in 0 … <see cref="Parts"/> − 1, on up to <paramref name="threads"/> threads, and returns when all have finished.</summary>
    // <remarks>
    // The calling thread claims parts too, so the pass finishes even if no pool thread ever starts; it waits only for parts
    // a helper has claimed. A helper that starts late finds nothing to claim, or joins a later pass of the same caller,
    // whose state it reads only after claiming one of that pass's parts. Not re-entrant: a body must not start a pass.
    // </remarks>
    // <param name="state">The caller's state, pinned or on its stack; read by every thread until this returns.</param>
    // <param name="body">The work of one part; it writes its result where <paramref name="state"/> says, one slot per part.</param>
    // <param name="threads">The threads to use, the caller's included; 1 runs every part on the calling thread.</param>
    // <exception cref="Exception">Whatever the lowest failing part threw, rethrown with its stack trace.</exception>
    public static void Run(void* state, delegate*<void*, int, void> body, int threads)
    {
        if (threads <= 1)
        {
            for (int part = 0; part < Parts; part++)
            {
                body(state, part);
            }

            return;
        }

        var run = _cached ??= new PartitionedRun();
        run._body = body;
        run._state = state;
        run._finished = 0;
        run._firstFailure = int.MaxValue;
        run._allFinished.Reset();

        // Publishing the claim counter last (a full fence) makes the state above visible to whoever claims a part.
        Interlocked.Exchange(ref run._next, -1);
        for (int helper = 1; helper < threads; helper++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(run, preferLocal: false);
        }

        run.ClaimParts();
        run.AwaitHelpers();
        if (run._firstFailure != int.MaxValue)
        {
            var failure = run._failures[run._firstFailure]!;
            Array.Clear(run._failures);
            failure.Throw();
        }
    }

    void IThreadPoolWorkItem.Execute() => ClaimParts();

    // <summary>Returns once every part has finished and its event is set: spinning first, since a helper's last part usually ends within microseconds of the caller's, and only then blocking.</summary>
    // <remarks>
    // A blocked caller is woken by the kernel, tens of microseconds on a busy machine; spinning on the counter costs one core
    // that has nothing else to do. The spin is bounded (<see cref="SpinWait"/> yields, then sleeps, as it goes on), so a
    // helper that was never scheduled does not keep the caller burning its core for long.
    // </remarks>
    private void AwaitHelpers()
    {
        var spin = default(SpinWait);
        for (int i = 0; i < SpinsBeforeBlocking; i++)
        {
            // The event, not the counter: the last part's Set must land before the next pass's Reset, or it would release that pass early.
            if (_allFinished.IsSet)
            {
                return;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }

        _allFinished.Wait();
    }

    private void ClaimParts()
    {
        int part;
        while ((part = Interlocked.Increment(ref _next)) < Parts)
        {
            // Parts above a failure are skipped; those below still run, so the lowest failure is always found.
            if (part < Volatile.Read(ref _firstFailure))
            {
                try
                {
                    _body(_state, part);
                }
#pragma warning disable CA1031 // A pool thread must not die: the failure is rethrown on the calling thread.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    // Kept and rethrown on the calling thread: an exception escaping a pool thread would end the process.
                    _failures[part] = ExceptionDispatchInfo.Capture(e);
                    int seen;
                    while (part < (seen = Volatile.Read(ref _firstFailure)) && Interlocked.CompareExchange(ref _firstFailure, part, seen) != seen)
                    {
                    }
                }
            }

            if (Interlocked.Increment(ref _finished) == Parts)
            {
                _allFinished.Set();
            }
        }
    }

    private static void RunPart<TPass, TTally>(void* state, int part)
        where TPass : unmanaged, IPart<TTally>
        where TTally : unmanaged, ITally<TTally>
    {
        ref var s = ref *(PartState<TPass, TTally>*)state;
        (int start, int end) = Range(s.Length, BlockLength, part);
        s.Tallies[part] = s.Pass.Run(start, end);
    }

    // <summary>What every part of a pass reads: the pass, the length, and where each part's tally goes.</summary>
    private struct PartState<TPass, TTally>
        where TPass : unmanaged, IPart<TTally>
        where TTally : unmanaged, ITally<TTally>
    {
        public TPass Pass;
        public int Length;
        public TTally* Tallies;
    }
}
