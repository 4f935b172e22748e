using System.Buffers;

namespace InfoTheory.Continuous.Neighbors;

// <summary>
// Range counts around the values of a sorted array themselves, as <see cref="SortedLineIndex.CountAround"/> gives, started
// from a guess: a table of about two values per bucket of equal width tells where the radius ends, and a search outwards
// from that guess with the exact key test finds the true end in a few steps, where galloping from the query costs
// about 2 log₂ m tests for m values counted.
// </summary>
// <remarks>
// The guess only decides where the search starts: the key test is monotone on each side of the query's place, so the
// end found is the same from any start, and so the count (ties, −0 and rounding included). Heavy tails crowd a few
// buckets and make the guesses worse, never the counts. The table is rented; <see cref="Dispose"/> returns it.
// </remarks>
internal sealed class SortedLineCounter : IDisposable
{
    private readonly double[] _sorted;
    private readonly int _count;
    private readonly DistanceNorm _norm;
    private readonly double _min;
    private readonly double _inverseWidth;
    private readonly int _buckets;
    private int[] _bucketStart;

    // <summary>A counter over the first <paramref name="count"/> values of <paramref name="sorted"/>, ascending and finite.</summary>
    public SortedLineCounter(double[] sorted, int count, DistanceNorm norm)
    {
        (_sorted, _count, _norm) = (sorted, count, norm);
        _min = sorted[0];
        double span = sorted[count - 1] - _min;
        _buckets = Math.Max(1, count / 2);
        _inverseWidth = span > 0 && double.IsFinite(_buckets / span) ? _buckets / span : 0;
        _bucketStart = ArrayPool<int>.Shared.Rent(_buckets + 1);

        // bucketStart[b] is the first place whose value falls in bucket b or later.
        int b = 0;
        for (int i = 0; i < count; i++)
        {
            int bucket = Bucket(sorted[i]);
            while (b <= bucket)
            {
                _bucketStart[b++] = i;
            }
        }

        while (b <= _buckets)
        {
            _bucketStart[b++] = count;
        }
    }

    // <summary>How many values pass the key test against the value at place <paramref name="at"/>, that value included when it passes.</summary>
    public int CountAround(int at, double radiusKey, bool inclusive)
    {
        double q = _sorted[at];
        double reach = _norm == DistanceNorm.Euclidean ? Math.Sqrt(radiusKey) : radiusKey;
        int rightGuess = _bucketStart[Math.Min(Bucket(q + reach) + 1, _buckets)] - at;
        int leftGuess = at - _bucketStart[Bucket(q - reach)];
        return Run(q, at, 1, _count - at, rightGuess, radiusKey, inclusive) + Run(q, at - 1, -1, at, leftGuess, radiusKey, inclusive);
    }

    // <summary>Returns the table to the pool; the counter must not be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_bucketStart);
        _bucketStart = [];
    }

    // How many slots from start stepping by direction (at most limit) pass the key test, searched from a guessed length:
    // doubling steps away from the guess bracket the end, then halving without data-dependent branches finds it.
    private int Run(double q, int start, int direction, int limit, int guess, double radiusKey, bool inclusive)
    {
        if (limit <= 0)
        {
            return 0;
        }

        guess = Math.Clamp(guess, 1, limit);
        int low, high;
        if (Passes(q, start, direction, guess, radiusKey, inclusive))
        {
            // The first `low` slots pass; look further out for one that fails.
            low = guess;
            for (int step = 1; ; step *= 2)
            {
                int probe = Math.Min(low + step, limit);
                if (probe == low)
                {
                    return low;
                }

                if (!Passes(q, start, direction, probe, radiusKey, inclusive))
                {
                    high = probe - 1;
                    break;
                }

                low = probe;
            }
        }
        else
        {
            // Slot guess − 1 fails; look further in for one that passes (length 0 passes trivially).
            high = guess - 1;
            for (int step = 1; ; step *= 2)
            {
                int probe = high - step + 1;
                if (probe <= 0)
                {
                    low = 0;
                    break;
                }

                if (Passes(q, start, direction, probe, radiusKey, inclusive))
                {
                    low = probe;
                    break;
                }

                high = probe - 1;
            }
        }

        // The run's length lies in [low, high]: narrow [length, length + width − 1] by halves.
        int length = low, width = high - low + 1;
        while (width > 1)
        {
            int half = width >> 1;
            length += Passes(q, start, direction, length + half, radiusKey, inclusive) ? half : 0;
            width -= half;
        }

        return length;
    }

    // Whether the length-th slot from start (length ≥ 1) passes the key test.
    private bool Passes(double q, int start, int direction, int length, double radiusKey, bool inclusive)
        => Metric.Within(Metric.Key(q, _sorted[start + (direction * (length - 1))], _norm), radiusKey, inclusive);

    private int Bucket(double value)
    {
        // Written so that NaN (∞ · 0 for a sample without spread) falls to bucket 0.
        double b = (value - _min) * _inverseWidth;
        return b > 0 ? (b < _buckets - 1 ? (int)b : _buckets - 1) : 0;
    }
}
