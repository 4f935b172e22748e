using System.Collections;
using System.IO;
using System.Reflection;
using InfoTheory.Continuous;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// Judges one call by the house rules: it returns a value inside the member's documented range (never NaN,
/// never an infinity the docs do not promise), or it throws an ArgumentException-family,
/// InvalidDataException or InvalidOperationException (or a type the package defines) whose ParamName is
/// one of the member's parameters (or a path into one: "options.Jitter", "p[3]"; a property setter names
/// its property) and whose message is not empty and names one parameter once.
/// </summary>
internal static class ContractOracle
{
    private const double Ln2 = 0.69314718055994531;

    /// <summary>Members returning tensors whose docs restrict the input domain, so NaN is never a fair answer.</summary>
    private static readonly HashSet<string> StrictTensors = ["SparsityPenalty.Evaluate"];

    /// <summary>Why the exception breaks the contract, or null when it keeps it.</summary>
    public static string? Judge(MethodBase member, Exception exception, Type? userException)
    {
        if (userException is not null && exception.GetType() == userException)
        {
            return null;
        }

        bool io = member.GetParameters().Any(p => p.ParameterType == typeof(Stream) || p.ParameterType == typeof(string) && (p.Name ?? "").Contains("path", StringComparison.OrdinalIgnoreCase));
        bool documented = exception is ArgumentException or InvalidDataException or InvalidOperationException
            || PublicSurface.Assemblies.Contains(exception.GetType().Assembly)
            || (io && exception is IOException or UnauthorizedAccessException or NotSupportedException);
        if (!documented)
        {
            return $"throws {Describe(exception)}";
        }

        string message = exception.Message;
        if (exception is ArgumentException argument)
        {
            if (argument.ParamName is not { } name)
            {
                return $"throws {Describe(exception)} without a ParamName";
            }

            if (!NamesParameter(member, name))
            {
                return $"throws {exception.GetType().Name} naming '{name}', which is not a parameter: {FirstLine(message)}";
            }

            int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (message.IndexOf("(Parameter '", suffix + 2, StringComparison.Ordinal) >= 0)
            {
                return $"throws {exception.GetType().Name} with a garbled message naming two parameters: {FirstLine(message)}";
            }

            message = suffix >= 0 ? message[..suffix] : message;
        }

        return string.IsNullOrWhiteSpace(message) || message.StartsWith("Exception of type", StringComparison.Ordinal)
            ? $"throws {exception.GetType().Name} with an empty message"
            : null;
    }

    /// <summary>
    /// Why the returned value is outside the documented range, or null when it is inside.
    /// <paramref name="arguments"/> holds the receiver (null for static members) and then the arguments.
    /// </summary>
    public static string? Judge(MethodBase member, object? result, object?[] arguments)
    {
        string owner = member.DeclaringType!.Name;
        string name = member.Name;
        if (member is ConstructorInfo && IsRecord(member.DeclaringType))
        {
            // A record's constructor stores what it is given; the members that produce such records are judged instead.
            return null;
        }

        // Building a tensor graph follows IEEE rules, as arithmetic on doubles does: a non-finite input may give NaN.
        bool arithmetic = member.DeclaringType.Namespace is "InfoTheory.Variational.Autodiff" or "InfoTheory.Variational.Nn"
            || (member is MethodInfo { ReturnType.IsGenericType: true } info && info.ReturnType.GetGenericTypeDefinition() == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>) && !StrictTensors.Contains(owner + "." + name));
        bool nonFiniteIn = arguments.Any(HasNonFinite);
        foreach ((string path, double value) in Numbers(result, "result", 0))
        {
            if (double.IsNaN(value) && !(arithmetic && nonFiniteIn))
            {
                return $"returns NaN ({path})";
            }

            if (double.IsInfinity(value) && arithmetic && !nonFiniteIn && name is "RandomUniform" or "RandomNormal")
            {
                return $"returns {value} ({path}) from finite arguments";
            }
        }

        if (result is double d)
        {
            (double min, double max)? range = Range(owner, name, arguments);
            if (range is { } r && !(d >= r.min && d <= r.max))
            {
                return $"returns {HostileArguments.Show(d)}, outside the documented range [{HostileArguments.Show(r.min)}, {HostileArguments.Show(r.max)}]";
            }
        }

        if (result is Estimate estimate && !(estimate.StandardError >= 0 && estimate.ClippedFraction is >= 0 and <= 1 && estimate.SampleCount >= 0))
        {
            return $"returns {estimate}, not a valid estimate";
        }

        return Shape(owner, name, result, arguments);
    }

    /// <summary>Documented ranges of the measures, in the unit the call asked for.</summary>
    private static (double, double)? Range(string owner, string name, object?[] arguments)
    {
        double unit = arguments.OfType<LogBase>().Select(u => u switch { LogBase.Bits => Math.Log(2), LogBase.Hartleys => Math.Log(10), _ => 1.0 }).DefaultIfEmpty(1).First();
        double inf = double.PositiveInfinity;
        return (owner, name) switch
        {
            ("Entropy", "Shannon" or "FromCounts" or "FromSamples" or "Joint" or "Conditional") => (0, double.MaxValue),
            ("Entropy", "Cross" or "SelfInformation") => (0, inf),
            ("Entropy", "ShrinkageIntensity") => (0, 1),
            ("Divergence", "KullbackLeibler" or "Bernoulli") => (0, inf),
            ("Divergence", "JensenShannon") => (0, (Ln2 / unit) * (1 + 1e-12)),
            ("Divergence", "JensenShannonDistance") => (0, Math.Sqrt(Ln2 / unit) * (1 + 1e-12)),
            ("MutualInformation", "Of" or "FromSamples" or "Conditional") => (0, double.MaxValue),
            ("MutualInformation", "Normalized") => (0, 1),
            ("MutualInformation", "Adjusted") => (double.MinValue, 1),
            ("SampledDivergence", "KullbackLeibler") => (0, inf),
            ("SampledDivergence", "JensenShannon") => (0, (Ln2 / unit) * (1 + 1e-12)),
            ("Knn", "MutualInformation" or "ConditionalMutualInformation") => (-1, Math.Log(ValidArguments.KnnPoints) / unit * 2),
            ("Knn", _) => (double.MinValue, double.MaxValue),
            ("Gaussian", "KullbackLeibler" or "MutualInformation") => (0, inf),
            ("Gaussian", "LogDensity") or ("GaussianMixture", "LogDensity") or ("UnivariateDensity", "LogDensity") => (double.NegativeInfinity, double.MaxValue),
            ("Gaussian", _) => (double.MinValue, double.MaxValue),
            ("FisherInformation", "QuadraticForm") => (0, inf),
            _ => null,
        };
    }

    /// <summary>Size postconditions that catch a wrapped product of counts.</summary>
    private static string? Shape(string owner, string name, object? result, object?[] arguments)
    {
        if (owner == "VariationalAutoencoder" && name == "Sample" && result is Array samples && arguments[1] is int count && count >= 0 && samples.GetLength(0) != count)
        {
            return $"returns {samples.GetLength(0)} rows for {count} samples";
        }

        if (owner == "Dataset" && name == "ShuffledBatches" && result is int[][] batches && arguments[0] is global::InfoTheory.Variational.Data.Dataset data && batches.Sum(b => b.Length) != data.Count)
        {
            return $"returns batches holding {batches.Sum(b => b.Length)} of {data.Count} rows";
        }

        return null;
    }

    private static bool NamesParameter(MethodBase member, string name)
    {
        if (member.Name.StartsWith("set_", StringComparison.Ordinal) && member.GetParameters().Length == 1)
        {
            // A property setter names its property, as the options records do; never the implicit 'value'.
            return name == member.Name[4..];
        }

        return member.GetParameters().Any(p => name == p.Name
            || name.StartsWith(p.Name + ".", StringComparison.Ordinal)
            || name.StartsWith(p.Name + "[", StringComparison.Ordinal));
    }

    private static bool IsRecord(Type type) => type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static bool HasNonFinite(object? argument) => Numbers(argument, "", 0).Any(n => !double.IsFinite(n.Value) || Math.Abs(n.Value) > 1e30);

    /// <summary>The numbers inside a result: scalars, arrays, tensors and the numeric properties of records, two levels deep.</summary>
    private static IEnumerable<(string Path, double Value)> Numbers(object? value, string path, int depth)
    {
        switch (value)
        {
            case null or string or Random or Stream or Delegate:
                yield break;
            case double d:
                yield return (path, d);
                yield break;
            case float f:
                yield return (path, f);
                yield break;
            case double[,] or float[,] or double[] or float[]:
                int i = 0;
                foreach (object element in (IEnumerable)value)
                {
                    yield return ($"{path}[element {i++}]", Convert.ToDouble(element, System.Globalization.CultureInfo.InvariantCulture));
                }

                yield break;
        }

        Type type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
        {
            foreach ((string p, double v) in Numbers(type.GetMethod("ToArray")!.Invoke(value, null), path, depth + 1))
            {
                yield return (p, v);
            }

            yield break;
        }

        if (depth >= 2 || type.IsPrimitive || type.IsEnum)
        {
            yield break;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? element in sequence)
            {
                foreach ((string p, double v) in Numbers(element, $"{path}[{i++}]", depth + 1))
                {
                    yield return (p, v);
                }
            }

            yield break;
        }

        if (type.IsValueType && type.Name.StartsWith("ValueTuple", StringComparison.Ordinal))
        {
            foreach (FieldInfo field in type.GetFields())
            {
                foreach ((string p, double v) in Numbers(field.GetValue(value), $"{path}.{field.Name}", depth + 1))
                {
                    yield return (p, v);
                }
            }

            yield break;
        }

        if (!PublicSurface.Assemblies.Contains(type.Assembly))
        {
            yield break;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsByRefLike)
            {
                continue;
            }

            object? inner;
            try
            {
                inner = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            foreach ((string p, double v) in Numbers(inner, $"{path}.{property.Name}", depth + 1))
            {
                yield return (p, v);
            }
        }
    }

    private static string Describe(Exception exception) =>
        $"{exception.GetType().Name}: {FirstLine(exception.Message)}" + (exception.TargetSite is { } site ? $" (at {site.DeclaringType?.Name}.{site.Name})" : "");

    public static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        string line = end >= 0 ? message[..end] : message;
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
