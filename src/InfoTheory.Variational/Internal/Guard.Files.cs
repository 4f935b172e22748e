namespace InfoTheory.Internal;

// <summary>The file rules of the one validation helper.</summary>
internal static partial class Guard
{
    // <summary>
    // Throws unless <paramref name="path"/> can name a file: the file APIs reject an embedded NUL themselves, but name
    // their own parameter 'path', not the caller's.
    // </summary>
    // <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    // <exception cref="ArgumentException"><paramref name="path"/> is empty or contains a NUL character.</exception>
    public static void FilePath(string? path, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, paramName);
        int nul = path.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ArgumentException($"{paramName} has a NUL character at index {nul}; a file path cannot contain one.", paramName);
        }
    }
}
