namespace InfoTheory.Continuous.Neighbors;

// <summary>
// Nearest-neighbour and range-count queries over a fixed point set. Distances travel as "keys":
// the squared distance for the Euclidean norm, the distance itself for the maximum norm, so that
// every implementation compares the same floating-point numbers and returns identical results.
// </summary>
internal interface INeighborIndex
{
    // <summary>The number of points indexed.</summary>
    int Count { get; }

    // <summary>
    // Every row once, in an order where consecutive rows lie near each other in space; querying in
    // this order keeps the index's memory warm in cache. It never changes any query's answer.
    // </summary>
    ReadOnlySpan<int> QueryOrder { get; }

    // <summary>
    // Finds the <c>keys.Length</c> nearest points to <paramref name="query"/>, ordered by (key, row)
    // so ties break by the lower original row, skipping row <paramref name="self"/> (−1 skips none).
    // </summary>
    void Nearest(ReadOnlySpan<double> query, int self, Span<double> keys, Span<int> rows);

    // <summary>Counts indexed points whose key to <paramref name="query"/> is &lt; <paramref name="radiusKey"/> (or ≤ when <paramref name="inclusive"/>).</summary>
    int CountWithin(ReadOnlySpan<double> query, double radiusKey, bool inclusive);
}
