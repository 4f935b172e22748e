using InfoTheory.Continuous;
using InfoTheory.Geometry;

namespace InfoTheory.Tests.Geometry;

/// <summary>Random interior points of each family, and the plain linear algebra the tests check the closed forms against.</summary>
internal static class FamilySamples
{
    /// <summary>The families every invariant runs over, by name for the test report.</summary>
    public static TheoryData<string> Names() => ["categorical 2", "categorical 5", "gaussian", "multivariate 1", "multivariate 2", "multivariate 3"];

    public static ExponentialFamily Family(string name) => name switch
    {
        "categorical 2" => new CategoricalFamily(2),
        "categorical 5" => new CategoricalFamily(5),
        "gaussian" => new GaussianFamily(),
        _ => new MultivariateGaussianFamily(int.Parse(name[^1..], System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>A random θ inside the family's natural domain.</summary>
    public static double[] Theta(ExponentialFamily family, Random random)
    {
        var theta = new double[family.Dimension];
        switch (family)
        {
            case CategoricalFamily:
                for (int i = 0; i < theta.Length; i++)
                {
                    theta[i] = (random.NextDouble() * 4) - 2;
                }

                break;
            case GaussianFamily:
                GaussianFamily.FromGaussian(Gaussian.Diagonal([(random.NextDouble() * 4) - 2], [0.3 + (random.NextDouble() * 3)]), theta);
                break;
            case MultivariateGaussianFamily multivariate:
                multivariate.FromGaussian(RandomGaussian(multivariate.GaussianDimension, random), theta);
                break;
        }

        return theta;
    }

    /// <summary>N(μ, AAᵀ + ½I) with μ and A uniform in [−1, 1].</summary>
    public static Gaussian RandomGaussian(int d, Random random)
    {
        var a = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                a[i, j] = (random.NextDouble() * 2) - 1;
            }
        }

        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++)
                {
                    covariance[i, j] += a[i, k] * a[j, k];
                }
            }

            covariance[i, i] += 0.5;
        }

        return new Gaussian([.. Enumerable.Range(0, d).Select(_ => (random.NextDouble() * 2) - 1)], covariance);
    }

    public static double[] Eta(ExponentialFamily family, double[] theta)
    {
        var eta = new double[family.Dimension];
        family.ToExpectation(theta, eta);
        return eta;
    }

    public static double[] Metric(ExponentialFamily family, double[] point, bool natural)
    {
        var g = new double[family.Dimension * family.Dimension];
        if (natural)
        {
            family.FisherMetricNatural(point, g);
        }
        else
        {
            family.FisherMetricExpectation(point, g);
        }

        return g;
    }

    /// <summary>The inverse of a k × k matrix by Gauss–Jordan elimination with partial pivoting.</summary>
    public static double[] Inverse(double[] matrix, int k)
    {
        var a = (double[])matrix.Clone();
        var inverse = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            inverse[(i * k) + i] = 1;
        }

        for (int column = 0; column < k; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < k; row++)
            {
                if (Math.Abs(a[(row * k) + column]) > Math.Abs(a[(pivot * k) + column]))
                {
                    pivot = row;
                }
            }

            for (int j = 0; j < k; j++)
            {
                (a[(column * k) + j], a[(pivot * k) + j]) = (a[(pivot * k) + j], a[(column * k) + j]);
                (inverse[(column * k) + j], inverse[(pivot * k) + j]) = (inverse[(pivot * k) + j], inverse[(column * k) + j]);
            }

            double scale = 1 / a[(column * k) + column];
            for (int j = 0; j < k; j++)
            {
                a[(column * k) + j] *= scale;
                inverse[(column * k) + j] *= scale;
            }

            for (int row = 0; row < k; row++)
            {
                double factor = a[(row * k) + column];
                if (row == column || factor == 0)
                {
                    continue;
                }

                for (int j = 0; j < k; j++)
                {
                    a[(row * k) + j] -= factor * a[(column * k) + j];
                    inverse[(row * k) + j] -= factor * inverse[(column * k) + j];
                }
            }
        }

        return inverse;
    }

    public static double[] Multiply(double[] matrix, double[] vector)
    {
        int k = vector.Length;
        var result = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                result[i] += matrix[(i * k) + j] * vector[j];
            }
        }

        return result;
    }

    public static double Quadratic(double[] matrix, double[] vector) => vector.Zip(Multiply(matrix, vector), (a, b) => a * b).Sum();

    public static double MaxAbs(IEnumerable<double> values) => values.Max(Math.Abs);
}
