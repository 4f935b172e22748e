namespace InfoTheory.Binning;

// <summary>Which of the rules of <see cref="BinningRule"/> a value is.</summary>
internal enum BinningKind
{
    // <summary>numpy's 'auto'.</summary>
    Auto,

    // <summary>numpy's 'fd'.</summary>
    FreedmanDiaconis,

    // <summary>numpy's 'scott'.</summary>
    Scott,

    // <summary>numpy's 'sturges'.</summary>
    Sturges,

    // <summary>numpy's 'rice'.</summary>
    Rice,

    // <summary>numpy's 'doane'.</summary>
    Doane,

    // <summary>numpy's 'sqrt'.</summary>
    SquareRoot,

    // <summary>A given number of equal-width bins.</summary>
    EqualWidth,

    // <summary>Edges at quantiles of the reference.</summary>
    Quantile,

    // <summary>Edges given by the caller.</summary>
    Explicit,
}
