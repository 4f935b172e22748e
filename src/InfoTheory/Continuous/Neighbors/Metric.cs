namespace InfoTheory.Continuous.Neighbors;

// <summary>The one distance computation every neighbour index shares, so their results agree bit for bit.</summary>
internal static class Metric
{
    // <summary>The key between two points: Σ (aᵢ − bᵢ)² for <see cref="DistanceNorm.Euclidean"/>, maxᵢ |aᵢ − bᵢ| for <see cref="DistanceNorm.Maximum"/>.</summary>
    public static double Key(ReadOnlySpan<double> a, ReadOnlySpan<double> b, DistanceNorm norm)
    {
        double key = 0;
        if (norm == DistanceNorm.Euclidean)
        {
            for (int i = 0; i < a.Length; i++)
            {
                double diff = a[i] - b[i];
                key += diff * diff;
            }
        }
        else
        {
            for (int i = 0; i < a.Length; i++)
            {
                key = Math.Max(key, Math.Abs(a[i] - b[i]));
            }
        }

        return key;
    }

    // <summary>The key between two one-dimensional points; the same bits as the span overload gives for length 1.</summary>
    public static double Key(double a, double b, DistanceNorm norm)
    {
        double diff = a - b;
        return norm == DistanceNorm.Euclidean ? diff * diff : Math.Abs(diff);
    }

    // <summary>The natural log of the distance a key stands for.</summary>
    public static double LogDistance(double key, DistanceNorm norm)
        => norm == DistanceNorm.Euclidean ? 0.5 * Math.Log(key) : Math.Log(key);

    // <summary>Whether a key passes a radius test: &lt; radius, or ≤ when <paramref name="inclusive"/>.</summary>
    public static bool Within(double key, double radiusKey, bool inclusive)
        => inclusive ? key <= radiusKey : key < radiusKey;

    // <summary>
    // Inserts (key, row) into the ascending list <paramref name="keys"/>/<paramref name="rows"/> that holds
    // <paramref name="found"/> entries, keeping at most its capacity; ties order by row.
    // </summary>
    public static void Insert(Span<double> keys, Span<int> rows, ref int found, double key, int row)
    {
        int capacity = keys.Length;
        if (found == capacity && !Before(key, row, keys[capacity - 1], rows[capacity - 1]))
        {
            return;
        }

        int i = found < capacity ? found++ : capacity - 1;
        while (i > 0 && Before(key, row, keys[i - 1], rows[i - 1]))
        {
            keys[i] = keys[i - 1];
            rows[i] = rows[i - 1];
            i--;
        }

        keys[i] = key;
        rows[i] = row;
    }

    private static bool Before(double key, int row, double otherKey, int otherRow)
        => key < otherKey || (key == otherKey && row < otherRow);
}
