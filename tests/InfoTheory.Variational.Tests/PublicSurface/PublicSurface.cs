using System.Reflection;
using System.Runtime.CompilerServices;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// Every public constructor and method of both packages that takes at least one argument, with generic
/// types and methods closed over the element types users pick (double and float for tensors, int for labels).
/// </summary>
internal static class PublicSurface
{
    public static IReadOnlyList<Assembly> Assemblies { get; } =
        [typeof(InfoTheory.Entropy).Assembly, typeof(InfoTheory.Variational.Autodiff.AutodiffTensor).Assembly];

    private static readonly HashSet<string> ObjectMembers =
        ["Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "op_Equality", "op_Inequality", "<Clone>$"];

    /// <summary>The exported types, generic definitions closed over every element type they accept.</summary>
    public static IEnumerable<Type> Types() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t) && !(t.IsAbstract && !t.IsSealed))
            .SelectMany(Close)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>
    /// The members a hostile caller can reach with arguments, inherited ones included: abstract types are
    /// reached through each concrete type, so every override and every receiver kind is called.
    /// </summary>
    public static IEnumerable<MethodBase> Members(Type type)
    {
        var members = new List<MethodBase>();
        if (!type.IsAbstract)
        {
            members.AddRange(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        }

        foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (ObjectMembers.Contains(method.Name) || method.IsDefined(typeof(CompilerGeneratedAttribute)) || !Assemblies.Contains(method.DeclaringType!.Assembly))
            {
                continue;
            }

            if (method.IsGenericMethodDefinition)
            {
                MethodInfo? closed = CloseMethod(method);
                if (closed is not null)
                {
                    members.Add(closed);
                }

                continue;
            }

            members.Add(method);
        }

        return members.Where(m => m.GetParameters().Length > 0);
    }

    /// <summary>Type.Method(ParamTypes) for reports.</summary>
    public static string Describe(MethodBase member)
    {
        string type = TypeName(member.ReflectedType!);
        string name = member is ConstructorInfo ? "ctor" : member.Name;
        if (member is MethodInfo { IsGenericMethod: true } generic)
        {
            name += "<" + string.Join(",", generic.GetGenericArguments().Select(TypeName)) + ">";
        }

        return $"{type}.{name}({string.Join(", ", member.GetParameters().Select(p => TypeName(p.ParameterType) + " " + p.Name))})";
    }

    public static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + TypeName(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private static IEnumerable<Type> Close(Type type)
    {
        if (!type.IsGenericTypeDefinition)
        {
            return [type];
        }

        Type[] parameters = type.GetGenericArguments();
        var closed = new List<Type>();
        foreach (Type candidate in new[] { typeof(double), typeof(float) })
        {
            try
            {
                closed.Add(type.MakeGenericType(parameters.Select(_ => candidate).ToArray()));
            }
            catch (ArgumentException)
            {
                // The constraints reject this element type; the other candidate covers the type.
            }
        }

        return closed;
    }

    private static MethodInfo? CloseMethod(MethodInfo method)
    {
        Type[] parameters = method.GetGenericArguments();
        bool numeric = parameters.Any(p => p.GetGenericParameterConstraints().Any(c => c.Name.StartsWith("IFloatingPoint", StringComparison.Ordinal)));
        Type element = numeric || method.DeclaringType!.Assembly != Assemblies[0] ? typeof(double) : typeof(int);
        try
        {
            return method.MakeGenericMethod(parameters.Select(_ => element).ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
