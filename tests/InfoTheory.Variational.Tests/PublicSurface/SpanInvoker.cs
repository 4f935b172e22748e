using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// Calls any public member with boxed arguments, spans included: reflection cannot box a
/// <see cref="ReadOnlySpan{T}"/>, so a small emitted wrapper takes an <c>object[]</c> (receiver first),
/// turns each array into the span the member expects and each span it returns into an array. Exceptions
/// come out unwrapped, as a caller would see them.
/// </summary>
internal static class SpanInvoker
{
    private static readonly ConcurrentDictionary<MethodBase, Func<object?[], object?>?> Cache = new();

    /// <summary>Why the member cannot be called through the wrapper, or null when it can.</summary>
    public static string? Unreachable(MethodBase member)
    {
        if (member is MethodInfo { ReturnType: { IsByRef: true } or { IsPointer: true } })
        {
            return "returns a reference or pointer";
        }

        foreach (ParameterInfo parameter in member.GetParameters())
        {
            Type type = parameter.ParameterType;
            if (type.IsPointer || (type.IsByRef && type.GetElementType()!.IsByRefLike) || (type.IsByRefLike && !IsSpan(type)))
            {
                return $"parameter {parameter.Name} is a {PublicSurface.TypeName(type)}";
            }
        }

        return null;
    }

    /// <summary>Calls <paramref name="member"/>; <paramref name="arguments"/>[0] is the receiver (ignored for static members and constructors).</summary>
    public static object? Invoke(MethodBase member, object?[] arguments) =>
        (Cache.GetOrAdd(member, Build) ?? throw new NotSupportedException(Unreachable(member)))(arguments);

    public static bool IsSpan(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Span<>) || type.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>));

    private static Func<object?[], object?>? Build(MethodBase member)
    {
        if (Unreachable(member) is not null)
        {
            return null;
        }

        var method = new DynamicMethod("call_" + member.Name, typeof(object), [typeof(object?[])], typeof(SpanInvoker).Module, skipVisibility: true);
        ILGenerator il = method.GetILGenerator();
        Type declaring = member.DeclaringType!;
        bool instance = member is MethodInfo { IsStatic: false };
        if (instance)
        {
            LoadElement(il, 0);
            if (declaring.IsValueType)
            {
                il.Emit(OpCodes.Unbox, declaring);
            }
            else
            {
                il.Emit(OpCodes.Castclass, declaring);
            }
        }

        ParameterInfo[] parameters = member.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            if (type.IsByRef)
            {
                Type element = type.GetElementType()!;
                LocalBuilder local = il.DeclareLocal(element);
                LoadArgument(il, i + 1, element);
                il.Emit(OpCodes.Stloc, local);
                il.Emit(OpCodes.Ldloca, local);
            }
            else
            {
                LoadArgument(il, i + 1, type);
            }
        }

        switch (member)
        {
            case ConstructorInfo constructor:
                il.Emit(OpCodes.Newobj, constructor);
                BoxResult(il, declaring);
                break;
            case MethodInfo info:
                il.Emit(instance && !declaring.IsValueType && info.IsVirtual ? OpCodes.Callvirt : OpCodes.Call, info);
                if (info.ReturnType == typeof(void))
                {
                    il.Emit(OpCodes.Ldnull);
                }
                else
                {
                    BoxResult(il, info.ReturnType);
                }

                break;
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object?[], object?>>();
    }

    private static void LoadElement(ILGenerator il, int index)
    {
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Ldelem_Ref);
    }

    private static void LoadArgument(ILGenerator il, int index, Type type)
    {
        LoadElement(il, index);
        if (IsSpan(type))
        {
            Type array = type.GetGenericArguments()[0].MakeArrayType();
            il.Emit(OpCodes.Castclass, array);
            il.Emit(OpCodes.Call, type.GetMethod("op_Implicit", [array])!);
        }
        else if (type.IsValueType)
        {
            il.Emit(OpCodes.Unbox_Any, type);
        }
        else
        {
            il.Emit(OpCodes.Castclass, type);
        }
    }

    private static void BoxResult(ILGenerator il, Type type)
    {
        if (IsSpan(type))
        {
            LocalBuilder local = il.DeclareLocal(type);
            il.Emit(OpCodes.Stloc, local);
            il.Emit(OpCodes.Ldloca, local);
            il.Emit(OpCodes.Call, type.GetMethod("ToArray", Type.EmptyTypes)!);
        }
        else if (type.IsValueType)
        {
            il.Emit(OpCodes.Box, type);
        }
    }
}
