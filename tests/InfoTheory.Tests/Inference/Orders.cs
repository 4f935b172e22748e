namespace InfoTheory.Tests.Inference;

/// <summary>Every order of a few items, for the exact permutation distributions the permutation tests are checked against.</summary>
internal static class Orders
{
    public static IEnumerable<int[]> Of(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (int[] tail in Of(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
