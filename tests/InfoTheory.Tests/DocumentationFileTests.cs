using System.Reflection;
using System.Xml.Linq;

namespace InfoTheory.Tests;

/// <summary>
/// The XML documentation shipped in the packages describes the public surface only: every member id in a package's
/// doc file names a public or protected type or member (an internal member's <c>///</c> docs would otherwise ship,
/// exposing implementation notes users can't call). Internal members keep their why-comments as <c>//</c>.
/// </summary>
public class DocumentationFileTests
{
    [Theory]
    [InlineData("InfoTheory")]
    [InlineData("InfoTheory.Variational")]
    public void DocumentationFile_OfAPackage_DocumentsOnlyPublicOrProtectedMembers(string package)
    {
        (Assembly assembly, XDocument xml) = Load(package);

        string[] hidden = xml.Descendants("member").Select(m => (string)m.Attribute("name")!)
            .Where(id => !IsVisible(assembly, id)).ToArray();

        string.Join(Environment.NewLine, hidden).Should().BeEmpty($"{package}.xml ships with the package, so it must not document internal members (make their /// comments //)");
    }

    [Fact]
    public void IsVisible_OfInternalAndPublicIds_TellsThemApart()
    {
        Assembly core = typeof(Entropy).Assembly;

        IsVisible(core, "T:InfoTheory.Entropy").Should().BeTrue();
        IsVisible(core, "M:InfoTheory.Distribution.Normalize(System.ReadOnlySpan{System.Double})").Should().BeTrue();
        IsVisible(core, "T:InfoTheory.Internal.Guard").Should().BeFalse("Guard is internal");
        IsVisible(core, "M:InfoTheory.Entropy.NoSuchMember").Should().BeFalse();
    }

    private static (Assembly Assembly, XDocument Xml) Load(string package)
    {
        // The doc file sits beside the assembly the compiler built it with, in the src project's output folder; the
        // variational package is not referenced by these tests, so it is loaded from there (the test project's build
        // builds it first: a ProjectReference without its output).
        Assembly assembly = package == typeof(Entropy).Assembly.GetName().Name
            ? typeof(Entropy).Assembly
            : Assembly.LoadFrom(SourceOutput(package, package + ".dll"));
        string beside = Path.ChangeExtension(assembly.Location, ".xml");
        string path = File.Exists(beside) ? beside : SourceOutput(package, Path.GetFileName(beside));
        return (assembly, XDocument.Load(path));
    }

    private static string SourceOutput(string package, string file)
    {
        // tests/<project>/bin/<configuration>/<tfm>/ → src/<package>/bin/<configuration>/<tfm>/<file>
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = output.Name, configuration = output.Parent!.Name;
        return Path.Combine(RepositoryRoot(), "src", package, "bin", configuration, tfm, file);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfoTheory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No InfoTheory.sln above {AppContext.BaseDirectory}.");
    }

    // A doc id (ECMA-334 annex D) is visible when its type is visible outside the assembly and, for a member, some
    // public or protected member of that type has its name and parameter count.
    private static bool IsVisible(Assembly assembly, string id)
    {
        char kind = id[0];
        string rest = id[2..];
        int paren = rest.IndexOf('(', StringComparison.Ordinal);
        string path = paren < 0 ? rest : rest[..paren];
        int parameters = paren < 0 ? 0 : CountParameters(rest[(paren + 1)..rest.LastIndexOf(')')]);
        if (kind == 'T')
        {
            return FindType(assembly, path) is { } t && Visible(t);
        }

        int dot = path.LastIndexOf('.');
        string typeName = path[..dot], memberName = path[(dot + 1)..];
        int generic = memberName.IndexOf("``", StringComparison.Ordinal);
        if (generic >= 0)
        {
            memberName = memberName[..generic];
        }

        if (FindType(assembly, typeName) is not { } type || !Visible(type))
        {
            return false;
        }

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return kind switch
        {
            'M' when memberName == "#ctor" => type.GetConstructors(all).Any(c => Visible(c) && c.GetParameters().Length == parameters),
            'M' => type.GetMethods(all).Any(m => m.Name == memberName.Replace('#', '.') && Visible(m) && m.GetParameters().Length == parameters),
            'P' => type.GetProperties(all).Any(p => p.Name == memberName.Replace('#', '.') && (p.GetMethod is { } g && Visible(g) || p.SetMethod is { } s && Visible(s))),
            'F' => type.GetFields(all).Any(f => f.Name == memberName && (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly)),
            'E' => type.GetEvents(all).Any(e => e.Name == memberName && e.AddMethod is { } a && Visible(a)),
            _ => false,
        };
    }

    private static Type? FindType(Assembly assembly, string docPath)
    {
        // Nested types are Outer.Inner in a doc id and Outer+Inner in reflection: try each dot as a nesting point.
        Type? found = assembly.GetType(docPath);
        string[] parts = docPath.Split('.');
        for (int nested = 1; found is null && nested < parts.Length; nested++)
        {
            string name = string.Join('.', parts[..^nested]) + "+" + string.Join('+', parts[^nested..]);
            found = assembly.GetType(name);
        }

        return found;
    }

    private static bool Visible(Type type) => type.IsVisible;

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static int CountParameters(string list)
    {
        if (list.Length == 0)
        {
            return 0;
        }

        int depth = 0, count = 1;
        foreach (char c in list)
        {
            depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            count += c == ',' && depth == 0 ? 1 : 0;
        }

        return count;
    }
}
