using System.Numerics;

namespace InfoTheory.Internal;

// <content>Rules for the shapes and variable sets of a <see cref="MultivariateDistribution"/>.</content>
internal static partial class Guard
{
    // <summary>
    // Returns the number of cells of a table of n variables with the alphabet sizes in <paramref name="shape"/>, after checking
    // that there are 1 to <see cref="MultivariateDistribution.MaxVariables"/> variables, each with at least one value, and that the
    // product of the sizes is at most <see cref="MultivariateDistribution.MaxCells"/> (checked as it grows, so it never wraps).
    // </summary>
    // <exception cref="ArgumentException"><paramref name="shape"/> is empty or has more than <see cref="MultivariateDistribution.MaxVariables"/> entries.</exception>
    // <exception cref="ArgumentOutOfRangeException">A size is below 1, or the product exceeds <see cref="MultivariateDistribution.MaxCells"/>.</exception>
    public static int Shape(ReadOnlySpan<int> shape, string paramName)
    {
        VariableCount(shape.Length, paramName);
        long cells = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 1)
            {
                throw new ArgumentOutOfRangeException(paramName, shape[i], $"{paramName}[{i}] is {shape[i]}; every variable takes at least one value.");
            }

            cells *= shape[i];
            if (cells > MultivariateDistribution.MaxCells)
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    $"{paramName} = [{string.Join(", ", shape.ToArray())}] has more than {MultivariateDistribution.MaxCells} cells (the product of the alphabet sizes); "
                    + "marginalise or recode the variables first.");
            }
        }

        return (int)cells;
    }

    // <summary>Throws unless a distribution may have <paramref name="count"/> variables: 1 to <see cref="MultivariateDistribution.MaxVariables"/>.</summary>
    // <exception cref="ArgumentException"><paramref name="count"/> is 0 or above the limit.</exception>
    public static void VariableCount(int count, string paramName)
    {
        if (count < 1 || count > MultivariateDistribution.MaxVariables)
        {
            throw new ArgumentException(
                $"{paramName} describes {count} variables; a distribution has 1 to {MultivariateDistribution.MaxVariables}.", paramName);
        }
    }

    // <summary>
    // The bit set (bit i for variable i) of the variable indices in <paramref name="variables"/>, after checking that each lies in
    // [0, <paramref name="count"/>) and none repeats; an empty set only when <paramref name="allowEmpty"/>.
    // </summary>
    // <exception cref="ArgumentException">The set is empty and may not be, or an index repeats.</exception>
    // <exception cref="ArgumentOutOfRangeException">An index is outside [0, <paramref name="count"/>).</exception>
    public static uint VariableSet(ReadOnlySpan<int> variables, int count, bool allowEmpty, string paramName)
    {
        if (variables.IsEmpty && !allowEmpty)
        {
            throw new ArgumentException($"{paramName} is empty; at least one variable is required.", paramName);
        }

        uint set = 0;
        for (int i = 0; i < variables.Length; i++)
        {
            int v = variables[i];
            if ((uint)v >= (uint)count)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, v, $"{paramName}[{i}] is {v}; variables are numbered 0 to {count - 1}.");
            }

            if ((set & (1u << v)) != 0)
            {
                throw new ArgumentException($"{paramName}[{i}] is {v}, which is already in {paramName}; each variable may appear once.", paramName);
            }

            set |= 1u << v;
        }

        return set;
    }

    // <summary>Throws when two variable sets share a variable.</summary>
    // <exception cref="ArgumentException">The sets overlap; the message names the first shared variable.</exception>
    public static void DisjointVariables(uint set, uint other, string setName, string otherName)
    {
        uint shared = set & other;
        if (shared != 0)
        {
            throw new ArgumentException(
                $"{otherName} holds variable {BitOperations.TrailingZeroCount(shared)}, which is also in {setName}; the two sets must not overlap.",
                otherName);
        }
    }
}
