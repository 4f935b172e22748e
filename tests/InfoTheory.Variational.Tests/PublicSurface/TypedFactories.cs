using System.Numerics;
using InfoTheory.Variational.Autodiff;
using InfoTheory.Variational.Distributions;
using InfoTheory.Variational.Nn;

namespace InfoTheory.Variational.Tests.PublicSurface;

/// <summary>The valid objects of element type T that the harness passes where a member wants one (d = 2, batch = 2).</summary>
internal interface ITypedFactories
{
    object AutodiffTensor(int[] shape, params double[] values);

    object Filled(int[] shape, double value);

    object Cholesky(int dimension);

    object Diagonal(int batch, int dimension);

    object Mixture();

    object GaussianLikelihood();

    object BernoulliLikelihood();

    object Linear(int inFeatures, int outFeatures);

    object Relu();

    object Decoder(string kind);

    object ScalarFunction(string kind);

    /// <summary>A tensor of the shape of <paramref name="like"/> with every element <paramref name="value"/>.</summary>
    object FillLike(object like, double value);

    object RequiringGrad(object tensor);
}

/// <summary>Creates <see cref="ITypedFactories"/> for double or float.</summary>
internal static class TypedFactories
{
    public static ITypedFactories For(Type element) =>
        (ITypedFactories)Activator.CreateInstance(typeof(TypedFactories<>).MakeGenericType(element))!;
}

internal sealed class TypedFactories<T> : ITypedFactories
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public object AutodiffTensor(int[] shape, params double[] values) =>
        global::InfoTheory.Variational.Autodiff.AutodiffTensor.FromValues(values.Select(T.CreateTruncating).ToArray(), shape);

    public object Filled(int[] shape, double value) => global::InfoTheory.Variational.Autodiff.AutodiffTensor.Full(T.CreateTruncating(value), shape);

    public object Cholesky(int dimension)
    {
        var tril = new double[dimension * dimension];
        for (int i = 0; i < dimension; i++)
        {
            tril[(i * dimension) + i] = 1;
            if (i > 0)
            {
                tril[(i * dimension) + i - 1] = 0.5;
            }
        }

        return new CholeskyGaussian<T>(
            (AutodiffTensor<T>)AutodiffTensor([dimension], Enumerable.Range(0, dimension).Select(i => 0.1 * i).ToArray()),
            (AutodiffTensor<T>)AutodiffTensor([dimension, dimension], tril));
    }

    public object Diagonal(int batch, int dimension) =>
        new DiagonalGaussian<T>(
            (AutodiffTensor<T>)AutodiffTensor([batch, dimension], Enumerable.Range(0, batch * dimension).Select(i => 0.1 * i).ToArray()),
            (AutodiffTensor<T>)Filled([batch, dimension], 0));

    public object Mixture() =>
        new DifferentiableGaussianMixture<T>((AutodiffTensor<T>)AutodiffTensor([2], Math.Log(0.4), Math.Log(0.6)), [(CholeskyGaussian<T>)Cholesky(2), (CholeskyGaussian<T>)Cholesky(2)]);

    public object GaussianLikelihood() => new GaussianLikelihood<T>(1.0);

    public object BernoulliLikelihood() => new BernoulliLikelihood<T>();

    public object Linear(int inFeatures, int outFeatures) => new Linear<T>(inFeatures, outFeatures, new Random(1));

    public object Relu() => new Relu<T>();

    public object FillLike(object like, double value) => global::InfoTheory.Variational.Autodiff.AutodiffTensor.Full(T.CreateTruncating(value), ((AutodiffTensor<T>)like).Shape);

    public object RequiringGrad(object tensor) => ((AutodiffTensor<T>)tensor).RequiringGrad();

    /// <summary>A decoder for the ELBO: the identity (valid), or one that returns null or a scalar.</summary>
    public object Decoder(string kind) => kind switch
    {
        "null" => new Func<AutodiffTensor<T>, AutodiffTensor<T>>(_ => null!),
        "scalar" => new Func<AutodiffTensor<T>, AutodiffTensor<T>>(z => z.Sum()),
        _ => new Func<AutodiffTensor<T>, AutodiffTensor<T>>(z => z),
    };

    /// <summary>A function for GradCheck: sum of squares (valid), or one that returns null or a non-scalar.</summary>
    public object ScalarFunction(string kind) => kind switch
    {
        "null" => new Func<IReadOnlyList<AutodiffTensor<T>>, AutodiffTensor<T>>(_ => null!),
        "non-scalar" => new Func<IReadOnlyList<AutodiffTensor<T>>, AutodiffTensor<T>>(xs => xs[0].Square()),
        _ => new Func<IReadOnlyList<AutodiffTensor<T>>, AutodiffTensor<T>>(xs => xs[0].Square().Sum()),
    };
}
