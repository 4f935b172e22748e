namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// Thrown when <see cref="Autograd.TrapNonFinite"/> is on and an operation (or its backward rule)
/// produces NaN or ±∞.
/// </summary>
public sealed class NonFiniteValueException : ArithmeticException
{
    /// <summary>Creates the exception with a default message.</summary>
    public NonFiniteValueException()
        : base("An operation produced a non-finite value.")
    {
        Operation = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public NonFiniteValueException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public NonFiniteValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    // <summary>Creates the exception for an operation.</summary>
    // <param name="operation">The operation's name, e.g. <c>"log"</c> or <c>"backward of log"</c>.</param>
    // <param name="message">What happened.</param>
    // <param name="_">Distinguishes this constructor from the public (message, inner) one.</param>
    internal NonFiniteValueException(string operation, string message, bool _)
        : base(message)
    {
        Operation = operation;
    }

    /// <summary>The name of the first operation that produced a non-finite value.</summary>
    public string Operation { get; }
}
