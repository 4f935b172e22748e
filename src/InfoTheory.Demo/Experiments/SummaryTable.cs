using System.Text;

namespace InfoTheory.Demo.Experiments;

/// <summary>
/// The summary as plain text columns (experiment, result, value). A value too long for the line is wrapped only where a
/// reader expects a break, at a space or after a path separator, so a file name is never cut in the middle; a single
/// word or path segment longer than the column overflows the line rather than being split.
/// </summary>
internal static class SummaryTable
{
    private const string Gap = "  ";

    // Below this the value column would hold only a word or two per line; past it, lines overflow instead.
    private const int MinValueWidth = 24;

    /// <summary>Lays out the rows; the experiment's name is printed on its first row only.</summary>
    /// <param name="rows">The rows, grouped by experiment in the order they ran.</param>
    /// <param name="width">The line width to wrap values to, or null (output that is not a terminal) for no wrapping.</param>
    /// <returns>The lines of the table, title and header first.</returns>
    public static IReadOnlyList<string> Format(IReadOnlyList<(string Experiment, string Result, string Value)> rows, int? width)
    {
        const string ExperimentHeader = "Experiment", ResultHeader = "Result", ValueHeader = "Value";
        int experimentWidth = Math.Max(ExperimentHeader.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Experiment.Length));
        int resultWidth = Math.Max(ResultHeader.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Result.Length));
        int indent = experimentWidth + Gap.Length + resultWidth + Gap.Length;
        int valueWidth = width is { } w ? Math.Max(w - indent, MinValueWidth) : int.MaxValue;

        var lines = new List<string>
        {
            "Summary",
            Row(ExperimentHeader, ResultHeader, ValueHeader),
            Row(new string('-', experimentWidth), new string('-', resultWidth), new string('-', ValueHeader.Length)),
        };
        string? previous = null;
        foreach ((string experiment, string result, string value) in rows)
        {
            IReadOnlyList<string> parts = Wrap(value, valueWidth);
            lines.Add(Row(experiment == previous ? string.Empty : experiment, result, parts[0]));
            lines.AddRange(parts.Skip(1).Select(part => new string(' ', indent) + part));
            previous = experiment;
        }

        return lines;

        string Row(string experiment, string result, string value) =>
            (experiment.PadRight(experimentWidth) + Gap + result.PadRight(resultWidth) + Gap + value).TrimEnd();
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, breaking only at spaces (dropped) and after '/' or '\' (kept).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach ((string piece, bool afterSpace) in Pieces(text))
        {
            int needed = line.Length + (afterSpace && line.Length > 0 ? 1 : 0) + piece.Length;
            if (line.Length > 0 && needed > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            else if (afterSpace && line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(piece);
        }

        lines.Add(line.ToString());
        return lines;
    }

    // The unbreakable pieces of the text: words, and within a word the path segments, each with its trailing separator.
    private static IEnumerable<(string Piece, bool AfterSpace)> Pieces(string text)
    {
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int start = 0;
            for (int i = 0; i < word.Length; i++)
            {
                if ((word[i] == '/' || word[i] == '\\') && i + 1 < word.Length)
                {
                    yield return (word[start..(i + 1)], start == 0);
                    start = i + 1;
                }
            }

            yield return (word[start..], start == 0);
        }
    }
}
