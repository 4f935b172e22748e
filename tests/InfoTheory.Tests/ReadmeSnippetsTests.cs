using System.Text.RegularExpressions;

namespace InfoTheory.Tests;

/// <summary>
/// The README's C# blocks are test code, verbatim. A block preceded by <c>&lt;!-- snippet: Name --&gt;</c> must
/// equal, after its <c>using</c> lines, the lines of the <c>#region snippet: Name</c> in some test file (indentation
/// aside), and that file must import what the block imports; a snippet region no README block shows is an error too.
/// So a README example cannot drift from the code the tests run. The packages' own READMEs (each src project's
/// PACKAGE.md, shipped as the package's README.md) are held to the same rule.
/// </summary>
public partial class ReadmeSnippetsTests
{
    [Fact]
    public void EveryReadmeSnippet_IsTheRegionOfTheSameNameInATest_Verbatim()
    {
        string root = RepositoryRoot();
        var blocks = new Dictionary<string, (string[] Usings, string[] Body)>(StringComparer.Ordinal);
        foreach (string document in Documents)
        {
            string[] readme = File.ReadAllLines(Path.Combine(root, document));
            var documentBlocks = ReadmeBlocks(readme);
            documentBlocks.Should().HaveCount(readme.Count(l => l == "```csharp"), $"every C# block of {document} is marked as the snippet of a test");
            foreach ((string name, (string[], string[]) block) in documentBlocks)
            {
                blocks.TryAdd(name, block).Should().BeTrue($"snippet '{name}' of {document} is shown in one document only");
            }
        }

        var regions = TestRegions(Path.Combine(root, "tests"));

        regions.Keys.Should().BeEquivalentTo(blocks.Keys, "every snippet region is shown in the README and every README snippet is a test region");
        foreach ((string name, (string[] usings, string[] body)) in blocks)
        {
            (string file, string[] lines) = regions[name];
            lines.Should().Equal(body, $"README snippet '{name}' must be the region of that name in {Path.GetRelativePath(root, file)}, line for line");
            foreach (string import in usings)
            {
                Imports(File.ReadAllText(file), import).Should().BeTrue($"{Path.GetFileName(file)} must import what README snippet '{name}' imports ({import})");
            }
        }
    }

    [Fact]
    public void ReadmeBlocks_OfAMarkedBlock_SplitItsUsingsFromItsBody()
    {
        string[] readme = ["text", "<!-- snippet: A -->", "```csharp", "using X.Y;", "", "int a = 1;", "  a++;", "```", "```csharp", "ignored();", "```"];

        var blocks = ReadmeBlocks(readme);

        blocks.Keys.Should().Equal("A");
        blocks["A"].Usings.Should().Equal("using X.Y;");
        blocks["A"].Body.Should().Equal("int a = 1;", "  a++;");
    }

    [Fact]
    public void Dedent_RemovesOnlyTheCommonIndentation()
    {
        Dedent(["        a();", "", "            b();"]).Should().Equal("a();", "", "    b();");
    }

    // The repository README and the package READMEs a NuGet reader sees.
    private static readonly string[] Documents =
        ["README.md", Path.Combine("src", "InfoTheory", "PACKAGE.md"), Path.Combine("src", "InfoTheory.Variational", "PACKAGE.md")];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfoTheory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No InfoTheory.sln above {AppContext.BaseDirectory}: these tests read the README and the test sources.");
    }

    private static Dictionary<string, (string[] Usings, string[] Body)> ReadmeBlocks(string[] readme)
    {
        var blocks = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal);
        for (int i = 0; i < readme.Length; i++)
        {
            Match marker = SnippetMarker().Match(readme[i]);
            if (!marker.Success)
            {
                continue;
            }

            int start = i + 2;
            int end = Array.IndexOf(readme, "```", start);
            string[] block = readme[start..end];
            int firstCode = Array.FindIndex(block, l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal));
            blocks.Add(marker.Groups[1].Value, (block[..firstCode].Where(l => l.Length > 0).ToArray(), block[firstCode..]));
            i = end;
        }

        return blocks;
    }

    private static Dictionary<string, (string File, string[] Lines)> TestRegions(string testsDirectory)
    {
        var regions = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(testsDirectory, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                Match region = RegionMarker().Match(lines[i]);
                if (region.Success)
                {
                    int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
                    regions.Add(region.Groups[1].Value, (file, Dedent(lines[(i + 1)..end])));
                    i = end;
                }
            }
        }

        return regions;
    }

    private static string[] Dedent(string[] lines)
    {
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]).ToArray();
    }

    // A using is satisfied by the same directive in the file, or by the file's namespace lying inside it.
    private static bool Imports(string source, string usingLine)
    {
        string ns = usingLine["using ".Length..].TrimEnd(';');
        Match fileNamespace = NamespaceLine().Match(source);
        return source.Contains(usingLine, StringComparison.Ordinal)
            || (fileNamespace.Success && (fileNamespace.Groups[1].Value == ns || fileNamespace.Groups[1].Value.StartsWith(ns + ".", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^<!-- snippet: (\S+) -->$")]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"^\s*#region snippet: (\S+)\s*$")]
    private static partial Regex RegionMarker();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
