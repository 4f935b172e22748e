using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>Runs alone: it caps the process heap while it calls the whole surface with hostile arguments.</summary>
[CollectionDefinition(nameof(PublicSurfaceGroup), DisableParallelization = true)]
public sealed class PublicSurfaceGroup;

/// <summary>
/// Calls every public constructor and method of both packages with one hostile argument at a time, every other
/// argument valid, and checks each call against <see cref="ContractOracle"/>. A new public member is covered
/// as soon as it exists; a new parameter type or receiver the harness cannot build fails
/// <see cref="EveryPublicMember_CanBeCalledWithValidArguments"/> until <see cref="ValidArguments"/> learns it.
/// </summary>
[Collection(nameof(PublicSurfaceGroup))]
public sealed class PublicSurfaceTests(ITestOutputHelper output)
{
    // The budget catches hangs, not slow calls: a loaded CI machine running three test hosts on two cores must not
    // turn a slow call into a reported violation.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    /// <summary>Members that cannot be called safely from a test, each with its reason.</summary>
    private static readonly Dictionary<string, string> NotCalled = new()
    {
        ["Autograd.set_TrapNonFinite"] = "flips a process-wide switch that every other test in the process would see",
    };

    [Fact]
    public void EveryPublicMember_HostileArgument_ReturnsInRangeOrThrowsNamingAParameter()
    {
        var violations = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        int calls = 0;
        using var folder = new Data.TempDirectory();
        var valid = new ValidArguments(folder.Path);
        using (var bounded = new BoundedCall(heapBytes: 4UL << 30))
        {
            foreach (MethodBase member in Members())
            {
                foreach ((string label, string parameter, Func<object?[]> arguments, Hostile? hostile) in Calls(member, valid, folder.Path))
                {
                    calls++;
                    string? violation = Check(member, arguments, hostile, bounded);
                    if (violation is not null)
                    {
                        violations.Add($"{PublicSurface.Describe(member)} | {parameter} = {label} | {violation}");
                    }
                }

                violations.AddRange(Aliasing(member, valid, bounded));
            }

            output.WriteLine($"{calls} calls in {stopwatch.Elapsed.TotalSeconds:F1} s; {bounded.Abandoned} overran {Budget.TotalSeconds} s.");
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "public-surface-violations.txt"), violations);
        if (violations.Count > 0)
        {
            // Every line, not the first few a collection assertion would print: each names the member, the hostile argument and what happened.
            Assert.Fail($"{violations.Count} of {calls} calls neither returned a value in range nor threw a documented exception naming a real parameter:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    [Fact]
    public void EveryPublicMember_CanBeCalledWithValidArguments()
    {
        var gaps = new List<string>();
        using var folder = new Data.TempDirectory();
        var valid = new ValidArguments(folder.Path);
        using var bounded = new BoundedCall(heapBytes: 4UL << 30);
        foreach (MethodBase member in PublicSurface.Types().SelectMany(PublicSurface.Members))
        {
            string name = PublicSurface.Describe(member);
            if (SpanInvoker.Unreachable(member) is { } reason)
            {
                gaps.Add($"{name} | cannot be invoked: {reason}");
                continue;
            }

            if (NotCalled.ContainsKey(member.DeclaringType!.Name + "." + member.Name))
            {
                continue;
            }

            (_, _, Func<object?[]> build, _) = Calls(member, valid, folder.Path).First();
            object?[] arguments;
            try
            {
                arguments = build();
            }
#pragma warning disable CA1031 // A table gap is reported, not thrown.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                gaps.Add($"{name} | no valid arguments: {exception.GetType().Name}: {ContractOracle.FirstLine(exception.Message)}");
                continue;
            }

            if (member is MethodInfo { IsStatic: false } && arguments[0] is null)
            {
                gaps.Add($"{name} | no valid {PublicSurface.TypeName(member.ReflectedType!)} to call it on: teach ValidArguments.NewInstance");
                continue;
            }

            CallOutcome outcome = bounded.Run(() => SpanInvoker.Invoke(member, arguments), Budget);
            if (outcome.TimedOut || outcome.Exception is not null)
            {
                string what = outcome.Exception is { } e ? $"{e.GetType().Name}: {ContractOracle.FirstLine(e.Message)}" : $"still running after {Budget.TotalSeconds} s";
                gaps.Add($"{name} | the valid arguments are rejected, so hostile ones test nothing behind the first check: {what}");
            }
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "public-surface-gaps.txt"), gaps);
        if (gaps.Count > 0)
        {
            Assert.Fail($"ValidArguments must give every public member a call that succeeds; {gaps.Count} do not:{Environment.NewLine}{string.Join(Environment.NewLine, gaps)}");
        }
    }

    private static IEnumerable<MethodBase> Members() =>
        PublicSurface.Types()
            .SelectMany(PublicSurface.Members)
            .Where(m => !NotCalled.ContainsKey(m.DeclaringType!.Name + "." + m.Name) && SpanInvoker.Unreachable(m) is null);

    /// <summary>The call with valid arguments, then one call per hostile value of each parameter.</summary>
    private static IEnumerable<(string Label, string Parameter, Func<object?[]> Arguments, Hostile? Hostile)> Calls(MethodBase member, ValidArguments valid, string folder)
    {
        ParameterInfo[] parameters = member.GetParameters();
        object?[] Build(int hostileIndex, Hostile? hostile) => Arguments(member, valid, hostileIndex, hostile, 0);

        IReadOnlyList<Func<object?>> receivers = member is MethodInfo { IsStatic: false } ? valid.Receivers(member.ReflectedType!) : [() => null];
        for (int r = 0; r < receivers.Count; r++)
        {
            int receiver = r;
            string on = receivers.Count > 1 ? $"on {receivers[r]()}: " : "";
            yield return ("valid arguments", on + "(none)", () => Arguments(member, valid, -1, null, receiver), null);
            for (int i = 0; i < parameters.Length; i++)
            {
                int index = i;
                ParameterInfo parameter = parameters[i];
                foreach (Hostile hostile in HostileArguments.For(member, parameter, () => valid.For(member, parameter), folder))
                {
                    // A blank path would be written to the working directory, outside the test's temp folder.
                    if (member.Name == "Save" && hostile.Label == "\" \"")
                    {
                        continue;
                    }

                    yield return (hostile.Label, on + parameter.Name, () => Arguments(member, valid, index, hostile, receiver), hostile);
                }
            }
        }

        // Ties hurt estimators most when every sample set is discrete at once, as in a table of categorical columns:
        // the true mutual information of such data is at most ln 3 per coordinate of the smaller set.
        int[] sets = Enumerable.Range(0, parameters.Length)
            .Where(i => parameters[i].ParameterType == typeof(double[,]) || (parameters[i].ParameterType == typeof(ReadOnlySpan<double>) && parameters[i].Name is "x" or "y" or "z"))
            .ToArray();
        if (sets.Length >= 2 && member.DeclaringType!.Name == "Knn" && member.Name.Contains("MutualInformation", StringComparison.Ordinal))
        {
            int[] dimensions = sets.Select(i => parameters[i].ParameterType == typeof(double[,]) || parameters.Any(p => p.Name == parameters[i].Name + "Dimension") ? 2 : 1).ToArray();
            object?[] Discrete()
            {
                object?[] arguments = Build(-1, null);
                var random = new Random(7);
                for (int s = 0; s < sets.Length; s++)
                {
                    arguments[sets[s] + 1] = HostileArguments.Discrete(parameters[sets[s]].ParameterType, 300, dimensions[s], random);
                }

                return arguments;
            }

            var discrete = new Hostile("300 points with coordinates in {0, 1, 2}", () => null, Max: Math.Min(dimensions[0], dimensions[1]) * Math.Log(3));
            yield return (discrete.Label, string.Join(" and ", sets.Select(i => parameters[i].Name)), Discrete, discrete);
        }
    }

    /// <summary>The receiver (null for static members and constructors), then a fresh valid argument per parameter but one.</summary>
    private static object?[] Arguments(MethodBase member, ValidArguments valid, int hostileIndex, Hostile? hostile, int receiver)
    {
        ParameterInfo[] parameters = member.GetParameters();
        var arguments = new object?[parameters.Length + 1];
        arguments[0] = member is MethodInfo { IsStatic: false } ? valid.Receivers(member.ReflectedType!)[receiver]() : null;
        for (int i = 0; i < parameters.Length; i++)
        {
            arguments[i + 1] = i == hostileIndex ? hostile!.Make() : valid.For(member, parameters[i]);
        }

        return arguments;
    }

    /// <summary>
    /// A destination span that is also an input (x.Normalize(x), Apply(x, random, x)) must give what separate
    /// buffers give, or be rejected naming a parameter; it must never quietly read what it has already written.
    /// </summary>
    private static List<string> Aliasing(MethodBase member, ValidArguments valid, BoundedCall bounded)
    {
        int receivers = member is MethodInfo { IsStatic: false } ? valid.Receivers(member.ReflectedType!).Count : 1;
        return Enumerable.Range(0, receivers).SelectMany(receiver => Aliasing(member, valid, bounded, receiver)).ToList();
    }

    private static IEnumerable<string> Aliasing(MethodBase member, ValidArguments valid, BoundedCall bounded, int receiver)
    {
        ParameterInfo[] parameters = member.GetParameters();
        for (int destination = 0; destination < parameters.Length; destination++)
        {
            Type type = parameters[destination].ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Span<>))
            {
                continue;
            }

            Type input = typeof(ReadOnlySpan<>).MakeGenericType(type.GetGenericArguments());
            for (int source = 0; source < parameters.Length; source++)
            {
                if (parameters[source].ParameterType != input)
                {
                    continue;
                }

                object?[] separate = Arguments(member, valid, -1, null, receiver);
                object?[] aliased = Arguments(member, valid, -1, null, receiver);
                if (separate[source + 1] is not Array expected || expected.Length != ((Array)separate[destination + 1]!).Length)
                {
                    continue;
                }

                aliased[destination + 1] = aliased[source + 1];
                CallOutcome reference = bounded.Run(() => SpanInvoker.Invoke(member, separate), Budget);
                CallOutcome inPlace = bounded.Run(() => SpanInvoker.Invoke(member, aliased), Budget);
                string label = $"{PublicSurface.Describe(member)} on {separate[0] ?? "no receiver"} | {parameters[destination].Name} = the array passed as {parameters[source].Name}";
                if (inPlace.Exception is { } exception)
                {
                    if (ContractOracle.Judge(member, exception, null) is { } violation)
                    {
                        yield return $"{label} | {violation}";
                    }
                }
                else if (reference.Exception is null && !reference.TimedOut && !inPlace.TimedOut)
                {
                    object?[] want = ((Array)separate[destination + 1]!).Cast<object?>().ToArray();
                    object?[] got = ((Array)aliased[destination + 1]!).Cast<object?>().ToArray();
                    int first = Enumerable.Range(0, want.Length).FirstOrDefault(i => !Equals(want[i], got[i]), -1);
                    if (first >= 0)
                    {
                        yield return $"{label} | writes {HostileArguments.Show(got[first])} at [{first}] where separate buffers give {HostileArguments.Show(want[first])}";
                    }
                }
            }
        }
    }

    private static string? Check(MethodBase member, Func<object?[]> build, Hostile? hostile, BoundedCall bounded)
    {
        object?[] arguments;
        try
        {
            arguments = build();
        }
#pragma warning disable CA1031 // A hostile value the library refuses to build is tested where it is built.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }

        CallOutcome outcome = bounded.Run(() => SpanInvoker.Invoke(member, arguments), Budget);
        if (outcome.TimedOut)
        {
            return $"still running after {Budget.TotalSeconds} s";
        }

        if (outcome.Exception is { } exception)
        {
            return ContractOracle.Judge(member, exception, hostile?.UserException);
        }

        if (hostile is { MustReject: true })
        {
            return $"accepts it and returns {HostileArguments.Show(outcome.Result)}";
        }

        double? value = outcome.Result switch { double d => d, InfoTheory.Estimate e => e.Value, _ => null };
        return hostile is { Max: { } max } && value > max * (1 + 1e-9)
            ? $"returns {HostileArguments.Show(value)}, more than the {HostileArguments.Show(max)} this input can carry"
            : ContractOracle.Judge(member, outcome.Result, arguments);
    }
}
