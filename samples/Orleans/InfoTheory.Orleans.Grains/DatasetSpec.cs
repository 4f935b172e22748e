namespace InfoTheory.Orleans.Grains;

/// <summary>Which synthetic dataset a job reads and how it is cut into partitions.</summary>
/// <param name="Seed">The dataset's seed: the same seed gives the same rows on every machine.</param>
/// <param name="Rows">The number of rows in the whole dataset; at least one.</param>
/// <param name="Partitions">How many partition grains share the rows; between 1 and <paramref name="Rows"/>.</param>
/// <param name="MaxConcurrency">How many partitions the reducer asks at once; at least one.</param>
[GenerateSerializer, Immutable]
public sealed record DatasetSpec(
    [property: Id(0)] long Seed,
    [property: Id(1)] long Rows,
    [property: Id(2)] int Partitions,
    [property: Id(3)] int MaxConcurrency = 64)
{
    /// <summary>Throws when the spec cannot describe a job.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (Rows < 1)
        {
            throw new ArgumentException($"Rows must be at least 1, but was {Rows}.", nameof(Rows));
        }

        if (Partitions < 1 || Partitions > Rows)
        {
            throw new ArgumentException($"Partitions must be between 1 and Rows ({Rows}), but was {Partitions}.", nameof(Partitions));
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be at least 1, but was {MaxConcurrency}.", nameof(MaxConcurrency));
        }
    }

    /// <summary>The first row of a partition: rows are cut into contiguous, nearly equal ranges.</summary>
    /// <param name="partition">The partition index, in [0, <see cref="Partitions"/>]; <see cref="Partitions"/> gives the end of the last.</param>
    /// <returns>The global index of its first row.</returns>
    public long FirstRow(int partition)
    {
        if (partition < 0 || partition > Partitions)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), partition, $"partition must be in [0, {Partitions}].");
        }

        // Int128 because Rows × partition can pass long.MaxValue for very large datasets.
        return (long)((Int128)Rows * partition / Partitions);
    }
}
