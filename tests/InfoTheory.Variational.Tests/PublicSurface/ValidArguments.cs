using System.Reflection;
using System.Text;
using InfoTheory.Continuous;
using InfoTheory.Variational.Data;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Fitting;
using InfoTheory.Variational.Models;
using InfoTheory.Variational.Nn;
using InfoTheory.Variational.Tests.Data;
using ContinuousMixture = InfoTheory.Continuous.GaussianMixture;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>
/// A valid value for any parameter of the public surface, chosen by type and name in one small world:
/// dimension 2, batches of 2, kNN samples of 40 points, models of 2 inputs, 1 epoch. Every call gets
/// fresh objects, so a member that mutates or consumes its argument cannot spoil the next call.
/// </summary>
internal sealed class ValidArguments(string folder)
{
    public const int KnnPoints = 40;

    private int _files;

    public static ITypedFactories Typed(Type type) => TypedFactories.For(ElementOf(type));

    /// <summary>The element type of a generic parameter type (AutodiffTensor&lt;float&gt; → float), double when there is none.</summary>
    public static Type ElementOf(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericArguments() is [var e] && (e == typeof(float) || e == typeof(double)))
            {
                return e;
            }

            if (t.IsGenericType && t.GetGenericArguments() is [var inner] && inner.IsGenericType)
            {
                return ElementOf(inner);
            }
        }

        return typeof(double);
    }

    public object? For(MethodBase member, ParameterInfo parameter)
    {
        Type type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        string name = parameter.Name!;
        string owner = member.DeclaringType!.Name;
        string method = member.Name;
        ParameterInfo[] all = member.GetParameters();
        // Significance's continuous tests take the kNN estimators' samples.
        bool knn = owner == "Knn" || (owner == "Significance" && all.Any(p => p.ParameterType == typeof(double[,]) || p.ParameterType == typeof(ReadOnlySpan<double>)));

        if (type == typeof(int) || type == typeof(int?))
        {
            return type == typeof(int?) && name == "labelColumn" ? null : Int(owner, method, name);
        }

        if (type == typeof(long))
        {
            return 1L;
        }

        if (type == typeof(double))
        {
            return Double(owner, method, name);
        }

        if (type == typeof(float))
        {
            return name switch { "low" => 0f, "high" => 1f, "scale" => 1f, _ => 0.5f };
        }

        if (type == typeof(bool))
        {
            return name == "bias";
        }

        if (type == typeof(char))
        {
            return ',';
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type == typeof(Random))
        {
            return new Random(1);
        }

        if (type == typeof(string))
        {
            return String(owner, method, name, member);
        }

        if (type == typeof(Stream))
        {
            // An accumulator writes into an expandable stream and reads back the bytes a valid instance of its own type wrote.
            if (method == "WriteTo")
            {
                return new MemoryStream();
            }

            if (method == "ReadFrom")
            {
                return Serialized(member.DeclaringType!);
            }

            return name == "labels" ? null : new MemoryStream(owner == "IdxReader" ? IdxImages() : Encoding.UTF8.GetBytes("0.1,0.2\n0.3,0.4\n"));
        }

        if (type == typeof(Exception) || Nullable.GetUnderlyingType(type) == typeof(ImageShape))
        {
            return null;
        }

        if (SpanInvoker.IsSpan(type) || type.IsArray)
        {
            return Array(type, owner, method, name, all, knn);
        }

        return Object(type, owner, method, name);
    }

    private static int Int(string owner, string method, string name) => name switch
    {
        "k" or "bins" or "outcomes" => 3,
        "inputs" or "outputs" or "clusters" => 2,
        "classes" when owner == "Logits" => 4, // the default 8 logits as 2 rows, one per element of the default destination
        "dimension" or "xDimension" or "yDimension" or "zDimension" or "rows" or "columns" or "featureCount"
            or "inputSize" or "codeSize" or "latentSize" or "features" or "inFeatures" or "outFeatures" or "Height" => 2,
        "x" or "y" or "split" or "axis1" or "column" => 1,
        "permutations" or "resamples" => 9,
        "shuffleNeighbors" => 5,
        "maxDegreeOfParallelism" => 2,
        "samples" when owner == "MonteCarlo" => 200,
        "samples" when owner == "VariationalAutoencoder" => 1,
        "samples" or "n" or "count" or "batchSize" or "trainCount" => 3,
        "value" when method == "set_BatchSize" => 4,
        "value" when method is "set_SamplesPerStep" or "set_EvaluationSamples" => 16,
        "length" or "value" or "seed" or "Epoch" or "Steps" or "Step" or "Width" or "ElementsChecked" => 1,
        _ => 0,
    };

    private static double Double(string owner, string method, string name) => name switch
    {
        "probability" => 0.25,
        "slope" => -1,
        "p" => 0.3,
        "q" => 0.6,
        "bound" => 10,
        "step" => 1e-6,
        "mean" or "low" or "min" or "weightDecay" => 0,
        "standardDeviation" when owner == "Corruption" => 0.1,
        "standardDeviation" or "high" or "max" or "variance" or "initialVariance" or "maxNorm" => 1,
        "exponent" or "constant" or "left" or "right" => 2,
        "negativeSlope" => 0.01,
        "fraction" => 0.2,
        "targetActivation" => 0.05,
        "learningRate" => 0.01,
        "beta1" or "momentum" => 0.9,
        "beta2" => 0.999,
        "epsilon" => 1e-8,
        "value" => method switch { "set_TargetActivation" => 0.05, "set_SparsityWeight" => 0.1, "set_LearningRate" => 0.01, _ => 1 },
        _ => 0.5,
    };

    private string? String(string owner, string method, string name, MethodBase member)
    {
        if (owner == "CsvReader")
        {
            return Write("data.csv", Encoding.UTF8.GetBytes("0.1,0.2\n0.3,0.4\n"));
        }

        if (owner == "IdxReader")
        {
            return name == "labelsPath" ? Write("labels.idx", IdxLabels()) : Write("images.idx", IdxImages());
        }

        if (name == "path")
        {
            string path = Path.Combine(folder, $"file{Interlocked.Increment(ref _files)}.bin");
            if (method is "Load" or "LoadParameters" or "LoadState" or "ReadMetadata")
            {
                // A file saved by the matching Save of a model of the same architecture (or optimizer of the same type).
                if (owner == "ParameterFile")
                {
                    Type module = method == "ReadMetadata" ? typeof(Module<double>) : member.GetParameters()[0].ParameterType;
                    global::InfoTheory.Variational.Serialization.ParameterFile.Save((Module<double>)Typed(module).Linear(2, 2), path);
                }
                else
                {
                    object saver = NewInstance(member.ReflectedType!)!;
                    saver.GetType().GetMethod(method == "LoadState" ? "SaveState" : "Save", [typeof(string)])!.Invoke(saver, [path]);
                }
            }

            return path;
        }

        return "message";
    }

    private static object? Array(Type type, string owner, string method, string name, ParameterInfo[] all, bool knn)
    {
        Type element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
        if (type.IsArray && type.GetArrayRank() == 2)
        {
            return Matrix(element, owner, method, name, knn);
        }

        if (element == typeof(double[]))
        {
            return new[] { new[] { 0.1, 0.2 }, new[] { 0.3, 0.4 } };
        }

        if (element == typeof(int[]) && owner == "Antichain")
        {
            return new[] { new[] { 0 }, new[] { 1, 2 } };
        }

        if (element == typeof(int[]))
        {
            // FeatureSelection's features: three code arrays as long as the default target (the default vector's 8 entries).
            return new[] { new[] { 0, 1, 1, 2, 0, 2, 1, 0 }, new[] { 1, 0, 1, 0, 1, 0, 1, 0 }, new[] { 0, 0, 1, 1, 2, 2, 0, 1 } };
        }

        if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
        {
            var tensors = System.Array.CreateInstance(element, 2);
            tensors.SetValue(Typed(element).AutodiffTensor([2, 2], 0.2, 0.4, 0.6, 0.8), 0);
            tensors.SetValue(Typed(element).AutodiffTensor([2, 2], 0.3, 0.5, 0.7, 0.9), 1);
            return tensors;
        }

        if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(Module<>))
        {
            var layers = System.Array.CreateInstance(element, 2);
            layers.SetValue(Typed(element).Linear(2, 2), 0);
            layers.SetValue(Typed(element).Relu(), 1);
            return layers;
        }

        double[] values = Vector(owner, method, name, all, knn);
        return Convert(values, element);
    }

    private static double[] Vector(string owner, string method, string name, ParameterInfo[] all, bool knn)
    {
        bool withDimension = all.Any(p => p.Name is "dimension" || p.Name == name + "Dimension");
        if ((knn || owner == "FeatureRelevance") && name is "labels" or "classes")
        {
            return Enumerable.Range(0, KnnPoints).Select(i => (double)(i % 3)).ToArray();
        }

        if (owner == "FeatureRelevance")
        {
            // The feature table's second column holds codes (see Matrix), flagged discrete.
            return name == "discreteFeatures" ? [0, 1] : KnnSamples(name, 1, method);
        }

        if (knn)
        {
            return KnnSamples(name, withDimension ? 2 : 1, method);
        }

        return (owner, method, name) switch
        {
            ("AutodiffTensor" or "AutodiffTensor`1", _, "shape") => [2, 2],
            ("AutodiffTensor`1", _, "index") => [0, 1],
            ("AutodiffTensor", "FromValues", "values") => [0.2, 0.4, 0.6, 0.8],
            ("AutodiffTensor", "CrossEntropyWithLogits", "labels") => [1, 0],
            ("AutodiffTensor`1", "IndexSelect", "indices") => [1, 0, 1],
            ("ContingencyTable", _, _) => [0, 1, 1, 0],
            ("StreamingMoments", "Add", "row") => [0.1, 0.2],
            ("StreamingMoments", _, "xColumns") => [0],
            ("StreamingMoments", _, "yColumns") => [1],
            ("BinningRule", "Explicit", "edges") => [0, 1, 2.5],
            ("Histogram", "Count", "counts") => [0, 0],
            ("Gaussian", "Diagonal", "variances") => [1, 2],
            ("Gaussian", _, "mean") => [0, 0],
            ("Gaussian" or "GaussianMixture" or "UnivariateDensity", _, "x") => owner == "UnivariateDensity" ? [0.3] : [0.1, 0.2],
            ("Gaussian" or "GaussianMixture", _, "points") => [0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
            ("UnivariateDensity", _, "points") => [0.1, 0.2, 0.3],
            ("Gaussian" or "GaussianMixture", "LogDensity", "destination") => [0, 0, 0],
            ("UnivariateDensity", "LogDensity", "destination") => [0, 0, 0],
            ("UnivariateDensity", "Sample", "destination") => [0],
            ("Gaussian", _, "coordinates" or "first") => [0],
            ("Gaussian", _, "second") => [1],
            ("MonteCarlo", _, "logP") => [-1.2, -0.5, -2.0, -0.1, -0.7, -1.5, -0.3, -0.9],
            ("MonteCarlo", _, "logQ") => [-1.0, -0.6, -1.8, -0.2, -0.9, -1.1, -0.4, -0.8],
            ("MonteCarlo", _, "lengths") => [3, 5],
            ("MonteCarlo", _, "offsets") => [0, 3, 8],
            ("KlPenalty", _, "mask") => [1, 0, 1, 1],
            ("FisherInformation", _, "p") => [0.2, 0.3, 0.5],
            // Every family receiver has 2 coordinates (3 outcomes, the univariate Gaussian, the 1-variate Gaussian); θ and η
            // lie inside all three domains (θ₂ < 0, and 0.2 + 0.3 < 1 with 0.3 > 0.2²).
            ("CategoricalFamily", _, "p") => [0.2, 0.3, 0.5],
            ("ExponentialFamily" or "CategoricalFamily" or "GaussianFamily" or "MultivariateGaussianFamily", _, "theta") => [0.2, -0.5],
            ("ExponentialFamily", _, "thetaPrime") => [0.1, -0.4],
            ("ExponentialFamily", _, "eta") => [0.2, 0.3],
            ("ExponentialFamily", _, "gradient") => [0.1, -0.2],
            ("ExponentialFamily", "FisherMetricNatural" or "FisherMetricExpectation", "destination") => [0, 0, 0, 0],
            ("Channel", _, "transition") => [0.9, 0.1, 0.2, 0.8],
            ("Channel", _, "input") or ("RateDistortion", _, "source") => [0.25, 0.75],
            ("RateDistortion", _, "slopes") => [-1, -2],
            ("FisherInformation", "Categorical", "destination") => [0, 0, 0, 0],
            ("FisherInformation", _, "step") => [0.1, -0.1],
            ("MultivariateDistribution", _, "table") => [0.1, 0.2, 0.3, 0.4],
            ("MultivariateDistribution", _, "counts") => [3, 1, 2, 4],
            ("MultivariateDistribution", _, "shape") => [2, 2],
            ("MultivariateDistribution", "Probability", "outcome") => [0, 1, 0],
            ("MultivariateDistribution" or "Entropy" or "MultivariateInformation", _, "variables") => [0, 1],
            ("Entropy" or "MultivariateInformation", _, "given") => [2],
            ("PartialInformation", _, "first") => [0],
            ("PartialInformation", _, "second") => [1],
            ("PartialInformation", _, "third") => [2],
            ("PartialInformation", "TwoSources", "target") => [2],
            ("PartialInformation", "ThreeSources", "target") => [3],
            ("JointDistribution", _, "table") => [0.1, 0.2, 0.3, 0.4],
            ("JointDistribution", _, "counts") => [3, 1, 2, 4],
            ("JointDistribution", "FromSamples", _) => [0, 1, 1, 0, 1, 0],
            ("Entropy", _, "counts") => [3, 5, 2],
            ("Distribution", "Normalize", "weights") => [1, 3],
            ("Dataset", _, "indices") => [0, 2],
            ("Dataset", "CopyRows", "destination") => [0, 0, 0, 0],
            ("Dataset", "FromRows", "features") => Rows(8, 2),
            ("Dataset", _, "labels") => [0, 1, 0, 1, 0, 1, 0, 1],
            ("Corruption", _, _) => [0.1, 0.5, 0.9, 0.3],
            (_, _, "p" or "px" or "weights") => [0.25, 0.75],
            (_, _, "q" or "py") => [0.5, 0.5],
            (_, _, "destination") => [0, 0],
            _ => [0, 1, 1, 2, 0, 2, 1, 0],
        };
    }

    /// <summary>Untied continuous samples; the second set of a divergence is smaller, as paired sets must not be.</summary>
    private static double[] KnnSamples(string name, int dimension, string method)
    {
        int n = name == "y" && method == "KullbackLeibler" ? KnnPoints - 10 : KnnPoints;
        // A seed fixed by the name's characters, not string.GetHashCode: that is randomised per process, and when it gave
        // x and y the same seed, y was x's first rows and the kNN KL rightly refused the shared points (1 run in 256).
        var random = new Random(name.Aggregate(17, (seed, c) => unchecked((seed * 31) + c)));
        return Enumerable.Range(0, n * dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    private static double[] Rows(int rows, int columns) =>
        Enumerable.Range(0, rows * columns).Select(i => ((i * 7) % 10) / 10.0 + 0.05).ToArray();

    private static Array Matrix(Type element, string owner, string method, string name, bool knn)
    {
        (int rows, int columns, double[] values) = (owner, name) switch
        {
            ("Gaussian", "covariance") => (2, 2, new[] { 1, 0.5, 0.5, 2 }),
            (_, "counts") => (2, 2, new double[] { 3, 1, 2, 4 }),
            ("JointDistribution", _) => (2, 2, new[] { 0.1, 0.2, 0.3, 0.4 }),
            ("Channel", _) => (2, 2, new[] { 0.9, 0.1, 0.2, 0.8 }),
            _ when knn => (name == "y" && method == "KullbackLeibler" ? KnnPoints - 10 : KnnPoints, 2, KnnSamples(name, 2, method)),
            ("FeatureRelevance", _) => (KnnPoints, 2, KnnSamples(name, 2, method).Select((v, i) => i % 2 == 0 ? v : (i / 2) % 3).ToArray()),
            ("Dataset", _) => (8, 2, Rows(8, 2)),
            ("FeatureSelection", _) => (8, 3, Rows(8, 3)),
            ("VariationalAutoencoder" or "Autoencoder" or "DenoisingAutoencoder" or "SparseAutoencoder" or "DeterministicAutoencoder", _) => (8, 2, Rows(8, 2)),
            _ => (2, 2, new[] { 0.1, 0.2, 0.3, 0.4 }),
        };
        var matrix = System.Array.CreateInstance(element, rows, columns);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix.SetValue(System.Convert.ChangeType(values[(i * columns) + j], element, System.Globalization.CultureInfo.InvariantCulture), i, j);
            }
        }

        return matrix;
    }

    public static Array Convert(double[] values, Type element)
    {
        var array = System.Array.CreateInstance(element, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            array.SetValue(System.Convert.ChangeType(values[i], element, System.Globalization.CultureInfo.InvariantCulture), i);
        }

        return array;
    }

    private object? Object(Type type, string owner, string method, string name)
    {
        Type generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (generic == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
        {
            return AutodiffTensor(type, owner, method, name);
        }

        if (generic == typeof(IEnumerable<>) || generic == typeof(IReadOnlyList<>))
        {
            Type element = type.GetGenericArguments()[0];
            if (element == typeof(int))
            {
                return name == "hiddenSizes" ? new List<int> { 3 } : new List<int> { 0, 1, 1, 2, 0 };
            }

            if (element == typeof(double[]))
            {
                return new List<double[]> { new[] { 0.25, 0.75 }, new[] { 0.5, 0.5 } };
            }

            if (element == typeof(Gaussian))
            {
                return new List<Gaussian> { Gaussian.Standard(2), Gaussian.Diagonal([1, 1], [1, 2]) };
            }

            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
            {
                list.Add(Typed(element).RequiringGrad(Typed(element).AutodiffTensor([2, 2], 0.2, 0.4, 0.6, 0.8)));
            }
            else if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(CholeskyGaussian<>))
            {
                list.Add(Typed(element).Cholesky(2));
                list.Add(Typed(element).Cholesky(2));
            }

            return list;
        }

        if (SpanStatistics.Handles(type))
        {
            return SpanStatistics.Returning(type, 0.5);
        }

        // An f-divergence generator's f(t) = t ln t and a Bregman generator's ∇φ for φ = ‖x‖².
        if (type == typeof(Func<double, double>))
        {
            return (Func<double, double>)(t => t * Math.Log(t));
        }

        if (type == typeof(Action<ReadOnlySpan<double>, Span<double>>))
        {
            return (Action<ReadOnlySpan<double>, Span<double>>)((x, gradient) => { for (int i = 0; i < x.Length; i++) { gradient[i] = 2 * x[i]; } });
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            Type[] arguments = type.GetGenericArguments();
            return arguments.Length == 2 && arguments[0].IsGenericType && arguments[0].GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? Typed(arguments[1]).ScalarFunction("valid")
                : Typed(arguments[^1]).Decoder("valid");
        }

        // Three variables (two sources and a target), four for the three-source decomposition.
        if (type == typeof(MultivariateDistribution))
        {
            return Multivariate(method == "ThreeSources" ? 4 : 3);
        }

        if (type == typeof(global::InfoTheory.Decomposition.Antichain))
        {
            return global::InfoTheory.Decomposition.Antichain.Of([0], [1, 2]);
        }

        // A permutation test of KL needs a positive pseudo-count to keep every permuted value finite.
        if (type == typeof(global::InfoTheory.Sampled.Smoothing))
        {
            return global::InfoTheory.Sampled.Smoothing.Laplace;
        }

        if (type == typeof(Gaussian) && owner is "GaussianFamily" or "MultivariateGaussianFamily")
        {
            return Gaussian.Diagonal([0.5], [2]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DiagonalGaussian<>) && owner == "NaturalGradient`1")
        {
            return TrainableDiagonal(type);
        }

        // A divergence between a density and itself is 0 whatever the estimator does; give q its own density.
        if ((type == typeof(IDensity) || type == typeof(Gaussian)) && name == "q")
        {
            return Gaussian.Diagonal([0.5, 0], [1, 1.5]);
        }

        return NewInstance(type, name);
    }

    private static object AutodiffTensor(Type type, string owner, string method, string name)
    {
        ITypedFactories typed = Typed(type);
        return (owner, method, name) switch
        {
            (_, _, "bias") => typed.AutodiffTensor([2], 0.1, 0.2),
            (_, _, "logWeights") => typed.AutodiffTensor([2], Math.Log(0.4), Math.Log(0.6)),
            ("CholeskyGaussian" or "CholeskyGaussian`1", _, "mean") => typed.AutodiffTensor([2], 0.1, 0.2),
            (_, _, "scaleTril") => typed.AutodiffTensor([2, 2], 1, 0, 0.5, 1),
            (_, _, "raw") => typed.AutodiffTensor([2, 2], 0.1, 0, 0.2, 0.3),
            (_, _, "logVariance") => typed.Filled([2, 2], 0),
            (_, _, "x" or "targets") when owner is "Likelihood`1" or "Elbo" or "ImportanceWeightedBound" || name == "targets" => typed.AutodiffTensor([2, 2], 0, 1, 1, 0),
            _ => typed.AutodiffTensor([2, 2], 0.2, 0.4, 0.6, 0.8),
        };
    }

    /// <summary>
    /// The receivers an instance member is called on: one valid instance, or one per kind where each kind has
    /// its own implementation behind the same member (each corruption has its own Apply).
    /// </summary>
    public IReadOnlyList<Func<object?>> Receivers(Type type) => type == typeof(Corruption)
        ? [() => Corruption.Masking(0.2), () => Corruption.AdditiveGaussian(0.1), () => Corruption.SaltAndPepper(0.2, 0, 1)]
        : [() => NewInstance(type)];

    /// <summary>A valid instance of a library type, for arguments and for receivers of instance members.</summary>
    public object? NewInstance(Type type, string name = "")
    {
        Type generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (generic == typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>))
        {
            return Typed(type).AutodiffTensor([2, 2], 0.2, 0.4, 0.6, 0.8);
        }

        if (generic == typeof(CholeskyGaussian<>))
        {
            return Typed(type).Cholesky(2);
        }

        if (generic == typeof(DiagonalGaussian<>))
        {
            return Typed(type).Diagonal(2, 2);
        }

        if (generic == typeof(global::InfoTheory.Variational.Distributions.DifferentiableGaussianMixture<>))
        {
            return Typed(type).Mixture();
        }

        if (generic == typeof(Likelihood<>) || generic == typeof(GaussianLikelihood<>))
        {
            return Typed(type).GaussianLikelihood();
        }

        if (generic == typeof(Module<>) || generic == typeof(Linear<>))
        {
            return Typed(type).Linear(2, 2);
        }

        if (generic == typeof(Sequential<>))
        {
            return Activator.CreateInstance(type, Array(typeof(Module<>).MakeGenericType(type.GetGenericArguments()).MakeArrayType(), "", "", "", [], false));
        }

        if (generic == typeof(LeakyRelu<>))
        {
            return Activator.CreateInstance(type, System.Convert.ChangeType(0.01, type.GetGenericArguments()[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (generic == typeof(global::InfoTheory.Variational.Optim.Adam<>) || generic == typeof(global::InfoTheory.Variational.Optim.AdamW<>) || generic == typeof(global::InfoTheory.Variational.Optim.Sgd<>) || generic == typeof(global::InfoTheory.Variational.Optim.Optimizer<>))
        {
            Type concrete = generic == typeof(global::InfoTheory.Variational.Optim.Optimizer<>) ? typeof(global::InfoTheory.Variational.Optim.Sgd<>).MakeGenericType(type.GetGenericArguments()) : type;
            object parameters = Object(typeof(IEnumerable<>).MakeGenericType(typeof(global::InfoTheory.Variational.Autodiff.AutodiffTensor<>).MakeGenericType(type.GetGenericArguments())), "", "", "parameters")!;
            return concrete.GetConstructors()[0].Invoke(concrete.GetConstructors()[0].GetParameters()
                .Select((p, i) => i == 0 ? parameters : i == 1 ? 0.01 : p.DefaultValue).ToArray());
        }

        if (generic == typeof(global::InfoTheory.Variational.Optim.NaturalGradient<>))
        {
            return Activator.CreateInstance(type, TrainableDiagonal(typeof(DiagonalGaussian<>).MakeGenericType(type.GetGenericArguments())), 0.01);
        }

        if (type == typeof(IDensity) || type == typeof(Gaussian))
        {
            return Gaussian.Diagonal([0, 0], [1, 2]);
        }

        if (type == typeof(global::InfoTheory.Geometry.CategoricalFamily))
        {
            return new global::InfoTheory.Geometry.CategoricalFamily(3);
        }

        if (type == typeof(global::InfoTheory.Geometry.MultivariateGaussianFamily))
        {
            return new global::InfoTheory.Geometry.MultivariateGaussianFamily(1);
        }

        if (type == typeof(ContinuousMixture))
        {
            return new ContinuousMixture([0.4, 0.6], [Gaussian.Standard(2), Gaussian.Diagonal([1, 1], [1, 2])]);
        }

        if (type == typeof(UnivariateDensity))
        {
            return new UnivariateDensity(new MathNet.Numerics.Distributions.Normal(0, 1));
        }

        if (type == typeof(MathNet.Numerics.Distributions.IContinuousDistribution))
        {
            return new MathNet.Numerics.Distributions.Normal(0, 1);
        }

        if (type == typeof(JointDistribution))
        {
            return JointDistribution.FromProbabilities(new[,] { { 0.1, 0.2 }, { 0.3, 0.4 } });
        }

        if (type == typeof(MultivariateDistribution))
        {
            return Multivariate(3);
        }

        if (type == typeof(global::InfoTheory.Decomposition.ThreeSourceDecomposition))
        {
            return global::InfoTheory.Decomposition.PartialInformation.ThreeSources(Multivariate(4));
        }

        if (type == typeof(global::InfoTheory.Channels.Channel))
        {
            return global::InfoTheory.Channels.Channel.FromProbabilities(new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } });
        }

        if (type == typeof(FGenerator))
        {
            return FGenerator.KullbackLeibler;
        }

        if (type == typeof(BregmanGenerator))
        {
            return BregmanGenerator.SquaredEuclidean;
        }

        if (type == typeof(global::InfoTheory.Binning.BinningRule))
        {
            return global::InfoTheory.Binning.BinningRule.EqualWidth(2);
        }

        if (type == typeof(global::InfoTheory.Binning.Histogram))
        {
            return global::InfoTheory.Binning.Histogram.Fit([0, 1, 2], global::InfoTheory.Binning.BinningRule.EqualWidth(2));
        }

        if (type == typeof(ContingencyTable))
        {
            var table = new ContingencyTable(2, 2);
            table.Add(0, 1);
            table.Add(1, 1);
            return table;
        }

        if (type == typeof(Dataset))
        {
            return Dataset.FromRows(Rows(8, 2).Select(v => (float)v).ToArray(), 2, [0, 1, 0, 1, 0, 1, 0, 1]);
        }

        if (type == typeof(VariationalAutoencoder))
        {
            return NewModel();
        }

        if (type == typeof(Autoencoder) || type == typeof(DenoisingAutoencoder) || type == typeof(SparseAutoencoder))
        {
            // Size arguments first, then the defaults of the objective's settings.
            var constructor = type.GetConstructors()[0];
            return constructor.Invoke([2, new List<int> { 3 }, 2, 0, .. constructor.GetParameters().Skip(4).Select(p => p.DefaultValue)]);
        }

        if (type == typeof(Corruption))
        {
            return Corruption.Masking(0.2);
        }

        if (type == typeof(KlFitOptions))
        {
            return new KlFitOptions { Steps = 3, SamplesPerStep = 16, EvaluationSamples = 64 };
        }

        if (typeof(TrainingOptions).IsAssignableFrom(type))
        {
            var options = (TrainingOptions)Activator.CreateInstance(type)!;
            return options with { Epochs = 1, BatchSize = 4 };
        }

        if (type == typeof(HistogramCounts))
        {
            var counts = new HistogramCounts(global::InfoTheory.Binning.Histogram.Fit([0, 1, 2], global::InfoTheory.Binning.BinningRule.EqualWidth(2)));
            counts.Add([0.5, 1.5, 1.5]);
            return counts;
        }

        if (type == typeof(StreamingMoments))
        {
            var moments = new StreamingMoments(2);
            moments.AddRows([0.1, 0.2, 0.3, 0.1, 0.5, 0.7]);
            return moments;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(LabelCounts<>))
        {
            // Two distinct labels, so the entropy is positive and the serialized form has more than one entry.
            object counts = Activator.CreateInstance(type)!;
            Type label = type.GetGenericArguments()[0];
            MethodInfo add = type.GetMethod("Add", [label])!;
            foreach (double value in new[] { 1.0, 2.0, 2.0 })
            {
                add.Invoke(counts, [System.Convert.ChangeType(value, label, System.Globalization.CultureInfo.InvariantCulture)]);
            }

            return counts;
        }

        if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return Activator.CreateInstance(type);
        }

        return null;
    }

    /// <summary>The bytes a valid instance of an accumulator type writes, as a stream to read it back from.</summary>
    private MemoryStream Serialized(Type accumulator)
    {
        object instance = NewInstance(accumulator)!;
        var stream = new MemoryStream();
        MethodInfo write = accumulator.GetMethods().Single(m => m.Name == "WriteTo");
        write.Invoke(instance, [stream, .. write.GetParameters().Skip(1).Select(p => p.DefaultValue)]);
        stream.Position = 0;
        return stream;
    }

    /// <summary>A distribution of n binary variables with no zero cell, so every measure of it is finite and non-trivial.</summary>
    private static MultivariateDistribution Multivariate(int n)
    {
        double[] weights = Enumerable.Range(1, 1 << n).Select(i => (double)i).ToArray();
        return MultivariateDistribution.FromProbabilities(Distribution.Normalize(weights), Enumerable.Repeat(2, n).ToArray());
    }

    /// <summary>A diagonal Gaussian whose mean and log-variance are leaves that require gradients, as an optimizer needs.</summary>
    private static object TrainableDiagonal(Type type)
    {
        ITypedFactories typed = Typed(type);
        return Activator.CreateInstance(type, typed.RequiringGrad(typed.AutodiffTensor([2, 2], 0.2, 0.4, 0.6, 0.8)), typed.RequiringGrad(typed.Filled([2, 2], 0)))!;
    }

    private static VariationalAutoencoder NewModel() => new(2, [3], 2, new GaussianLikelihood<float>(1.0));

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(folder, $"{Interlocked.Increment(ref _files)}-{name}");
        File.WriteAllBytes(path, content);
        return path;
    }

    public static byte[] IdxImages() => IdxBytes.Create(0x00000803, [3, 1, 2], [0, 10, 20, 30, 40, 50]);

    public static byte[] IdxLabels() => IdxBytes.Create(0x00000801, [3], [1, 2, 3]);
}
