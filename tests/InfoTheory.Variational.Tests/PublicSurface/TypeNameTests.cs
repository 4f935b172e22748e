using System.Reflection;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// Public type names users can import side by side: System.Numerics.Tensors (which the core references and
/// many users import for their data) defines <c>Tensor</c> and <c>Tensor&lt;T&gt;</c>, and a name defined in
/// both of our packages means two things to a reader with both namespaces open.
/// </summary>
public sealed class TypeNameTests
{
    private static string SimpleName(Type type) => type.Name.Split('`')[0];

    private static IEnumerable<string> ExportedNames(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !t.IsNested).Select(SimpleName).Distinct();

    [Fact]
    public void NoPublicType_SharesANameWithSystemNumericsTensors()
    {
        var tensors = ExportedNames(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly).ToHashSet(StringComparer.Ordinal);
        tensors.Should().Contain("Tensor", "the check must see the assembly that defines System.Numerics.Tensors.Tensor");

        var clashes = PublicSurface.Assemblies.SelectMany(ExportedNames).Where(tensors.Contains);

        clashes.Should().BeEmpty();
    }

    [Fact]
    public void NoPublicTypeName_IsDefinedInBothPackages()
    {
        var core = ExportedNames(PublicSurface.Assemblies[0]).ToHashSet(StringComparer.Ordinal);

        var shared = ExportedNames(PublicSurface.Assemblies[1]).Where(core.Contains);

        shared.Should().BeEmpty();
    }
}
