namespace AlphaTrade.Core;

/// <summary>
/// Bad input from a user: a malformed file, an unknown key, an out-of-range value. The message is one line that
/// names the file, line or key and what was expected; the command line prints it without a stack trace and
/// exits with code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public InputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (prefer the other constructors).</summary>
    public InputException()
        : base("Bad input.")
    {
    }

    /// <summary>Formats "file:line: message" the way compilers do.</summary>
    public static InputException AtLine(string file, long line, string message) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{line}: {message}"));
}
