using System.Numerics;
using System.Runtime.ExceptionServices;

namespace InfoTheory.Variational.Kernels;

// <summary>
// The shared state of one parallel product: rectangles of C (partitions) that the calling thread releases as
// soon as their panels are packed, and that it and the <see cref="GemmWorkers"/> claim one at a time.
// </summary>
// <typeparam name="T">The element type.</typeparam>
// <typeparam name="TKernel">The micro-kernel the partitions run.</typeparam>
// <remarks>
// One object per calling thread and element type is reused call after call, so a parallel product allocates nothing after the
// first on its thread. Claims are a
// compare-and-swap on one 64-bit word holding (generation, sealed, released, next), so a worker that arrives
// late, even after its own call has finished, can only claim a partition of the call that is running now,
// and reads that partition's fields after the claim. A worker computes into the partition's pooled buffer
// (spans cannot cross threads); the caller computes straight into C. The caller claims whatever is left, so a
// busy or sleeping worker delays nothing and never deadlocks.
// </remarks>
internal sealed class GemmPartitionJob<T, TKernel> : IThreadPoolWorkItem
    where T : unmanaged, IFloatingPointIeee754<T>
    where TKernel : IGemmMicroKernel<T>
{
    private const long NextMask = 0xFFFF;
    private const long ReleasedUnit = 1L << 16;
    private const long ReleasedMask = 0xFFFFL << 16;
    private const long SealedBit = 1L << 32;
    private const int GenerationShift = 33;

    private readonly List<GemmPartition<T>> _partitions = [];
    private long _state;
    private int _completed;
    private int _generation;
    private ExceptionDispatchInfo? _failure;

    // <summary>The outcome of one attempt to claim a partition.</summary>
    public enum Claim
    {
        // <summary>A partition was claimed and must be run.</summary>
        Claimed,

        // <summary>Nothing is released yet, but more will be.</summary>
        Pending,

        // <summary>Every partition is claimed and no more will be released.</summary>
        Finished,
    }

    // <summary>The packed A of the current call.</summary>
    public T[] PackedA { get; set; } = [];

    // <summary>The packed B of the current call.</summary>
    public T[] PackedB { get; set; } = [];

    // <summary>The depth k of the current call.</summary>
    public int Depth { get; set; }

    // <summary>Whether partitions add to what their buffers (pre-filled from C) hold.</summary>
    public bool Accumulate { get; set; }

    // <summary>The description of partition <paramref name="index"/>, created on first use and reused afterwards.</summary>
    public GemmPartition<T> Partition(int index)
    {
        while (_partitions.Count <= index)
        {
            _partitions.Add(new GemmPartition<T>());
        }

        return _partitions[index];
    }

    // <summary>Starts a new call with nothing released; the previous call must be complete.</summary>
    public void Begin()
    {
        _failure = null;
        Volatile.Write(ref _completed, 0);
        _generation = (_generation + 1) & int.MaxValue;
        Volatile.Write(ref _state, (long)_generation << GenerationShift);
    }

    // <summary>Makes partitions [0, <paramref name="released"/>) claimable; their fields must be set before.</summary>
    // <param name="released">How many partitions are ready, counted from 0.</param>
    // <param name="seal">No partition will follow.</param>
    public void Release(int released, bool seal)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            long next = (state & ~ReleasedMask) | ((long)released * ReleasedUnit) | (seal ? SealedBit : 0);
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return;
            }
        }
    }

    // <summary>Stops further releases, e.g. when the caller fails half-way.</summary>
    public void Seal()
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if (Interlocked.CompareExchange(ref _state, state | SealedBit, state) == state)
            {
                return;
            }
        }
    }

    // <summary>Tries to claim the next released partition.</summary>
    public Claim TryClaim(out int index)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            index = (int)(state & NextMask);
            int released = (int)((state & ReleasedMask) / ReleasedUnit);
            if (index >= released)
            {
                return (state & SealedBit) != 0 ? Claim.Finished : Claim.Pending;
            }

            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                return Claim.Claimed;
            }
        }
    }

    // <summary>Records that a claimed partition is done.</summary>
    public void Complete() => Interlocked.Increment(ref _completed);

    // <summary>Waits until every claimed partition is done (call after sealing), then rethrows a worker's failure.</summary>
    // <exception cref="Exception">Whatever a worker's partition threw, with its original stack.</exception>
    public void WaitForClaimed()
    {
        SpinWait spinner = default;
        while (Volatile.Read(ref _completed) < (int)(Volatile.Read(ref _state) & NextMask))
        {
            // Never Sleep(1): a partition takes microseconds, a millisecond sleep would dominate.
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _failure?.Throw();
    }

    // <summary>The worker's side: claims and runs partitions into their buffers until the call is finished.</summary>
    public void Execute()
    {
        SpinWait spinner = default;
        while (true)
        {
            Claim claim = TryClaim(out int index);
            if (claim == Claim.Finished)
            {
                return;
            }

            if (claim == Claim.Pending)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            GemmPartition<T> partition = _partitions[index];
            partition.InBuffer = true;
            try
            {
                GemmBlocked<T, TKernel>.ComputeTiles(
                    PackedA.AsSpan(partition.RowStart * Depth), PackedB.AsSpan(partition.ColStart * Depth),
                    partition.Rows, partition.Cols, Depth, partition.Buffer.AsSpan(), partition.Cols, Accumulate);
            }
#pragma warning disable CA1031 // A worker thread must not die: the failure is rethrown on the calling thread.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _failure = ExceptionDispatchInfo.Capture(exception);
            }
            finally
            {
                Complete();
            }
        }
    }
}
