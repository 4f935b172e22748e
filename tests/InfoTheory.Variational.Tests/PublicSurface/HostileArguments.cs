using System.Globalization;
using System.Reflection;
using InfoTheory.Continuous;
using InfoTheory.Variational.Data;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// One hostile argument: how it reads in a report, how to make a fresh one, the user exception it may
/// raise, whether no answer can be right (an undefined enum value must be rejected, never returned on), and
/// an upper bound the answer cannot exceed for this input.
/// </summary>
internal sealed record Hostile(string Label, Func<object?> Make, Type? UserException = null, bool MustReject = false, double? Max = null);

/// <summary>
/// The hostile values for one parameter, each to be passed with every other argument valid: null, empty,
/// NaN, ±∞, negative, subnormal, huge, int.MaxValue-scale sizes, undefined enums, wrong shapes, and for an
/// options object each of its properties set to each hostile value its setter accepts.
/// </summary>
internal static class HostileArguments
{
    private static readonly double[] Doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1, 0, 5e-324, 1e308, double.MaxValue];

    private static readonly float[] Floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -1, 0, float.Epsilon, float.MaxValue];

    private static readonly int[] Sizes = [0, -1, int.MinValue, int.MaxValue, (int.MaxValue / 2) + 1];

    private static readonly long[] Longs = [0, -1, long.MinValue, long.MaxValue, 1L << 60];

    /// <summary>
    /// Parameters whose huge values ask for 2^31 units of work rather than memory: a valid request that runs
    /// for minutes by design, so only their small and negative values are tried.
    /// </summary>
    private static readonly HashSet<string> WorkCounts =
        ["MonteCarlo.samples", "KlFitOptions.Steps", "KlFitOptions.SamplesPerStep", "KlFitOptions.EvaluationSamples",
         "TrainingOptions.Epochs", "VariationalAutoencoder.samples"];

    public static IEnumerable<Hostile> For(MethodBase member, ParameterInfo parameter, Func<object?> valid, string folder)
    {
        Type type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        bool work = WorkCounts.Contains(member.DeclaringType!.Name + "." + parameter.Name);
        return Of(type, valid, folder, work);
    }

    private static IEnumerable<Hostile> Of(Type type, Func<object?> valid, string folder, bool work)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Of(underlying, () => Activator.CreateInstance(underlying), folder, work)
                .Concat(underlying == typeof(ImageShape)
                    ? new[] { new ImageShape(0, 0), new ImageShape(-1, 2), new ImageShape(65536, 65536), new ImageShape(3, 3) }
                        .Select(s => new Hostile(s.ToString(), () => s))
                    : []);
        }

        if (type == typeof(double))
        {
            return Doubles.Select(d => new Hostile(Show(d), () => d));
        }

        if (type == typeof(float))
        {
            return Floats.Select(f => new Hostile(Show(f), () => f));
        }

        if (type == typeof(int))
        {
            return Sizes.Where(s => !work || Math.Abs((long)s) < 1000).Select(s => new Hostile(Show(s), () => s));
        }

        if (type == typeof(long))
        {
            return Longs.Select(l => new Hostile(Show(l), () => l));
        }

        if (type == typeof(char))
        {
            return "\0\n\".".Select(c => new Hostile($"'\\u{(int)c:x4}'", () => c));
        }

        if (type.IsEnum)
        {
            return new[] { 999, -1 }.Select(v => new Hostile($"({type.Name}){v}", () => Enum.ToObject(type, v), MustReject: true));
        }

        if (type == typeof(string))
        {
            return new Hostile[]
            {
                new("null", () => null), new("\"\"", () => ""), new("\" \"", () => " "), new("\"\\0\"", () => "\0"),
                new("missing file", () => Path.Combine(folder, "missing", "file")),
            };
        }

        if (type == typeof(Stream))
        {
            return new Hostile[]
            {
                new("null", () => null), new("empty stream", () => new MemoryStream()),
                new("random bytes", () => new MemoryStream(Enumerable.Range(0, 64).Select(i => (byte)((i * 73) + 11)).ToArray())),
                new("invalid UTF-8", () => new MemoryStream([0x31, 0x2C, 0xFF, 0xFE, 0x0A, 0xC3, 0x28])),
                new("closed stream", () => { var s = new MemoryStream([1, 2]); s.Dispose(); return s; }),
            };
        }

        if (type.IsValueType && type != typeof(bool) && !SpanInvoker.IsSpan(type))
        {
            return PropertyVariants(type, valid);
        }

        if (type.IsValueType && !SpanInvoker.IsSpan(type))
        {
            return [];
        }

        // A span cannot be null: a null array becomes the empty span, which "empty" already covers.
        var hostile = SpanInvoker.IsSpan(type) ? new List<Hostile>() : [new("null", () => null)];
        if (SpanInvoker.IsSpan(type) || type.IsArray)
        {
            hostile.AddRange(ArrayVariants(type, valid));
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
        {
            hostile.AddRange(TensorVariants(type, valid));
        }
        else if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IEnumerable<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            hostile.AddRange(ListVariants(type, valid));
        }
        else if (type == typeof(Func<double, double>))
        {
            hostile.Add(new("a function returning NaN", () => (Func<double, double>)(_ => double.NaN)));
        }
        else if (type == typeof(Action<ReadOnlySpan<double>, Span<double>>))
        {
            hostile.Add(new("a gradient writing NaN", () => (Action<ReadOnlySpan<double>, Span<double>>)((_, gradient) => gradient.Fill(double.NaN))));
        }
        else if (SpanStatistics.Handles(type))
        {
            hostile.Add(new("a statistic returning NaN", () => SpanStatistics.Returning(type, double.NaN)));
        }
        else if (typeof(Delegate).IsAssignableFrom(type))
        {
            Type[] arguments = type.GetGenericArguments();
            ITypedFactories typed = ValidArguments.Typed(arguments[^1]);
            hostile.Add(new("a function returning null", () => arguments.Length == 2 && arguments[0].IsGenericType && arguments[0].GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? typed.ScalarFunction("null") : typed.Decoder("null")));
            hostile.Add(new("a function returning the wrong shape", () => arguments.Length == 2 && arguments[0].IsGenericType && arguments[0].GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? typed.ScalarFunction("non-scalar") : typed.Decoder("scalar")));
        }
        else
        {
            hostile.AddRange(Alternates(type));
            hostile.AddRange(PropertyVariants(type, valid));
        }

        return hostile;
    }

    private static IEnumerable<Hostile> ArrayVariants(Type type, Func<object?> valid)
    {
        var sample = (Array)valid()!;
        Type element = sample.GetType().GetElementType()!;
        yield return new("empty", () => Array.CreateInstance(element, new int[sample.Rank]));
        if (sample.Rank == 2)
        {
            int rows = sample.GetLength(0), columns = sample.GetLength(1);
            yield return new($"[0, {columns}]", () => Array.CreateInstance(element, 0, columns));
            yield return new($"[{rows}, 0]", () => Array.CreateInstance(element, rows, 0));
            yield return new($"[{rows}, {columns + 1}]", () => Widened(sample, element));
            foreach (object scalar in Scalars(element))
            {
                yield return new($"[0,0] = {Show(scalar)}", () => { var a = (Array)valid()!; a.SetValue(scalar, 0, 0); return a; });
            }

            if (Scalars(element).Any())
            {
                yield return new("every element 1", () => Constant((Array)valid()!, element));
            }

            if (element == typeof(double) && rows > 8)
            {
                yield return new("values in {0, 1, 2}", () => Levels((Array)valid()!));
            }

            yield break;
        }

        if (element.IsArray || !element.IsValueType)
        {
            yield return new("[null]", () => Array.CreateInstance(element, 1));
            if (element == typeof(double[]))
            {
                yield return new("ragged rows", () => new[] { new[] { 0.5, 0.5 }, new[] { 1.0 } });
                yield return new("a row with NaN", () => new[] { new[] { 0.5, 0.5 }, new[] { double.NaN, 1.0 } });
            }

            yield break;
        }

        foreach (object scalar in Scalars(element))
        {
            yield return new($"[0] = {Show(scalar)}", () => { var a = (Array)valid()!; a.SetValue(scalar, 0); return a; });
        }

        if (element == typeof(double) && sample.Length > 8)
        {
            yield return new("values in {0, 1, 2}", () => Levels((Array)valid()!));
        }

        if (Scalars(element).Any())
        {
            yield return new("every element 1", () => Constant((Array)valid()!, element));
            yield return new("one element more", () =>
            {
                var a = (Array)valid()!;
                var longer = Array.CreateInstance(element, a.Length + 1);
                Array.Copy(a, longer, a.Length);
                longer.SetValue(a.GetValue(a.Length - 1), a.Length);
                return longer;
            });
            yield return new("one element less", () =>
            {
                var a = (Array)valid()!;
                var shorter = Array.CreateInstance(element, Math.Max(0, a.Length - 1));
                Array.Copy(a, shorter, shorter.Length);
                return shorter;
            });
        }
    }

    private static IEnumerable<object> Scalars(Type element) =>
        element == typeof(double) ? Doubles.Cast<object>()
        : element == typeof(float) ? Floats.Cast<object>()
        : element == typeof(int) ? Sizes.Cast<object>()
        : element == typeof(long) ? Longs.Cast<object>()
        : [];

    private static Array Constant(Array array, Type element)
    {
        object one = Convert.ChangeType(1, element, CultureInfo.InvariantCulture);
        if (array.Rank == 2)
        {
            for (int i = 0; i < array.GetLength(0); i++)
            {
                for (int j = 0; j < array.GetLength(1); j++)
                {
                    array.SetValue(one, i, j);
                }
            }

            return array;
        }

        for (int i = 0; i < array.Length; i++)
        {
            array.SetValue(one, i);
        }

        return array;
    }

    /// <summary>
    /// <paramref name="points"/> independent draws of <paramref name="dimension"/> coordinates uniform on {0, 1, 2}:
    /// categorical columns handed to a continuous estimator, with ln 3 nats of entropy per coordinate.
    /// </summary>
    public static Array Discrete(Type type, int points, int dimension, Random random)
    {
        if (type == typeof(double[,]))
        {
            var matrix = new double[points, dimension];
            for (int i = 0; i < points; i++)
            {
                for (int j = 0; j < dimension; j++)
                {
                    matrix[i, j] = random.Next(3);
                }
            }

            return matrix;
        }

        return Enumerable.Range(0, points * dimension).Select(_ => (double)random.Next(3)).ToArray();
    }

    /// <summary>Discrete data: three levels, as a user with categorical columns would pass to a continuous estimator.</summary>
    private static Array Levels(Array array)
    {
        int i = 0;
        if (array.Rank == 2)
        {
            for (int r = 0; r < array.GetLength(0); r++)
            {
                for (int c = 0; c < array.GetLength(1); c++)
                {
                    array.SetValue((double)((i++ * 7) % 3), r, c);
                }
            }

            return array;
        }

        for (; i < array.Length; i++)
        {
            array.SetValue((double)((i * 7) % 3), i);
        }

        return array;
    }

    private static Array Widened(Array sample, Type element)
    {
        var wide = Array.CreateInstance(element, sample.GetLength(0), sample.GetLength(1) + 1);
        for (int i = 0; i < sample.GetLength(0); i++)
        {
            for (int j = 0; j <= sample.GetLength(1); j++)
            {
                wide.SetValue(sample.GetValue(i, Math.Min(j, sample.GetLength(1) - 1)), i, j);
            }
        }

        return wide;
    }

    private static IEnumerable<Hostile> TensorVariants(Type type, Func<object?> valid)
    {
        ITypedFactories typed = ValidArguments.Typed(type);
        yield return new("shape [0]", () => typed.AutodiffTensor([0]));
        yield return new("a scalar", () => typed.AutodiffTensor([], 0.5));
        yield return new("shape [3]", () => typed.AutodiffTensor([3], 0.1, 0.2, 0.3));
        yield return new("shape [2, 3]", () => typed.AutodiffTensor([2, 3], 0.1, 0.2, 0.3, 0.4, 0.5, 0.6));
        yield return new("shape [2, 2, 2]", () => typed.AutodiffTensor([2, 2, 2], 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8));
        foreach (double d in Doubles)
        {
            yield return new($"every element {Show(d)}", () => typed.FillLike(valid()!, d));
        }
    }

    private static IEnumerable<Hostile> ListVariants(Type type, Func<object?> valid)
    {
        Type element = type.GetGenericArguments()[0];
        Type list = typeof(List<>).MakeGenericType(element);
        yield return new("empty", () => Activator.CreateInstance(list));
        if (element == typeof(int))
        {
            foreach (int size in Sizes)
            {
                yield return new($"[{Show(size)}]", () => new List<int> { size });
            }

            yield break;
        }

        yield return new("[null]", () => { var l = (System.Collections.IList)Activator.CreateInstance(list)!; l.Add(null); return l; });
        if (element == typeof(double[]))
        {
            yield return new("ragged", () => new List<double[]> { new[] { 0.5, 0.5 }, new[] { 1.0 } });
            yield return new("a NaN entry", () => new List<double[]> { new[] { 0.5, 0.5 }, new[] { double.NaN, 1.0 } });
        }
        else if (element == typeof(Gaussian))
        {
            yield return new("dimensions 2 and 3", () => new List<Gaussian> { Gaussian.Standard(2), Gaussian.Standard(3) });
        }
    }

    /// <summary>Valid objects of the wrong size or kind, and user implementations that break their contract.</summary>
    private static IEnumerable<Hostile> Alternates(Type type)
    {
        Type generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        ITypedFactories typed = ValidArguments.Typed(type);
        if (type == typeof(IDensity))
        {
            yield return new("a 3-dimensional Gaussian", () => Gaussian.Standard(3));
            yield return new("Dimension -1", () => new HostileDensity(-1, "none"), MustReject: true);
            yield return new("Dimension 0", () => new HostileDensity(0, "none"), MustReject: true);
            yield return new("Dimension int.MaxValue", () => new HostileDensity(int.MaxValue, "none"), MustReject: true);
            yield return new("a NaN log-density", () => new HostileDensity(2, "NaN density"));
            yield return new("a throwing Sample", () => new HostileDensity(2, "throws"), typeof(FormatException));
        }
        else if (type == typeof(Gaussian))
        {
            yield return new("a 3-dimensional Gaussian", () => Gaussian.Standard(3));
        }
        else if (type == typeof(FGenerator))
        {
            yield return new("a generator NaN above t = 1", () => new FGenerator(t => t <= 1 ? (t - 1) * (t - 1) : double.NaN, 1, double.PositiveInfinity), MustReject: true);
        }
        else if (type == typeof(BregmanGenerator))
        {
            yield return new("Itakura–Saito", () => BregmanGenerator.ItakuraSaito);
            yield return new("generalized KL", () => BregmanGenerator.GeneralizedKullbackLeibler);
            yield return new("a potential returning NaN", () => new BregmanGenerator(_ => double.NaN, (x, gradient) => x.CopyTo(gradient)), MustReject: true);
        }
        else if (type == typeof(JointDistribution))
        {
            yield return new("a subnormal cell", () => JointDistribution.FromProbabilities(new[,] { { 5e-324, 0 }, { 0, 1 } }));
        }
        else if (type == typeof(ContingencyTable))
        {
            yield return new("a 3×3 table", () => new ContingencyTable(3, 3));
        }
        else if (type == typeof(Dataset))
        {
            yield return new("3 features", () => Dataset.FromRows(Enumerable.Range(0, 24).Select(i => i / 24f).ToArray(), 3));
            yield return new("1 row", () => Dataset.FromRows([0.5f, 0.5f], 2));
        }
        else if (generic == typeof(global::InfoTheory.Variational.Distributions.CholeskyGaussian<>))
        {
            yield return new("dimension 3", () => typed.Cholesky(3));
        }
        else if (generic == typeof(global::InfoTheory.Variational.Distributions.DiagonalGaussian<>))
        {
            yield return new("batch 3, dimension 3", () => typed.Diagonal(3, 3));
        }
        else if (generic == typeof(global::InfoTheory.Variational.Distributions.Likelihood<>))
        {
            yield return new("a Bernoulli likelihood", () => typed.BernoulliLikelihood());
        }
        else if (generic == typeof(global::InfoTheory.Variational.Nn.Module<>))
        {
            yield return new("Linear(3, 3)", () => typed.Linear(3, 3));
        }
    }

    /// <summary>The valid object with one settable property changed to a hostile value its setter lets through.</summary>
    private static IEnumerable<Hostile> PropertyVariants(Type type, Func<object?> valid)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            Type propertyType = property.PropertyType;
            IEnumerable<object> values = propertyType.IsEnum
                ? new[] { Enum.ToObject(propertyType, 999), Enum.ToObject(propertyType, -1) }
                : Scalars(propertyType);
            foreach (object value in values)
            {
                if (WorkCounts.Contains(property.DeclaringType!.Name + "." + property.Name) && value is int size && Math.Abs((long)size) >= 1000)
                {
                    continue;
                }

                object? variant = valid();
                if (variant is null)
                {
                    continue;
                }

                try
                {
                    property.SetValue(variant, value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                yield return new($"{property.Name} = {Show(value)}", () => { object? v = valid(); property.SetValue(v, value); return v; }, MustReject: propertyType.IsEnum);
            }
        }
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        double d => d switch
        {
            double.MaxValue => "double.MaxValue",
            _ => d.ToString("R", CultureInfo.InvariantCulture),
        },
        float f => f switch
        {
            float.MaxValue => "float.MaxValue",
            float.Epsilon => "float.Epsilon",
            _ => f.ToString("R", CultureInfo.InvariantCulture),
        },
        int i => i switch
        {
            int.MaxValue => "int.MaxValue",
            int.MinValue => "int.MinValue",
            (int.MaxValue / 2) + 1 => "2^30",
            _ => i.ToString(CultureInfo.InvariantCulture),
        },
        long l => l switch
        {
            long.MaxValue => "long.MaxValue",
            long.MinValue => "long.MinValue",
            1L << 60 => "2^60",
            _ => l.ToString(CultureInfo.InvariantCulture),
        },
        _ => value.ToString() ?? "?",
    };
}
