using System.Reflection;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// Statistics over spans (the bootstrap's <c>Func&lt;ReadOnlySpan&lt;int&gt;, double&gt;</c> and its paired form):
/// a constant one for valid calls, and one returning NaN, which the member must reject naming the delegate.
/// </summary>
internal static class SpanStatistics
{
    public static bool Handles(Type type) =>
        typeof(Delegate).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments() is var arguments
        && arguments.Length is 2 or 3 && arguments[^1] == typeof(double)
        && arguments[..^1].All(a => a.IsGenericType && a.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>));

    public static object Returning(Type type, double value)
    {
        Type[] elements = [.. type.GetGenericArguments()[..^1].Select(a => a.GetGenericArguments()[0])];
        string factory = elements.Length == 1 ? nameof(Single) : nameof(Paired);
        return typeof(SpanStatistics).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(elements).Invoke(null, [value])!;
    }

    private static Func<ReadOnlySpan<T>, double> Single<T>(double value) => _ => value;

    private static Func<ReadOnlySpan<TX>, ReadOnlySpan<TY>, double> Paired<TX, TY>(double value) => (_, _) => value;
}
