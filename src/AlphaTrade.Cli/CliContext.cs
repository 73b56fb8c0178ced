namespace AlphaTrade.Cli;

/// <summary>What every command handler needs from its host: the output streams and the repository root.</summary>
public sealed class CliContext
{
    /// <summary>Creates a context writing to the given streams, rooted at the current directory.</summary>
    public CliContext(TextWriter stdout, TextWriter stderr, string? rootDirectory = null)
    {
        Out = stdout;
        Error = stderr;
        RootDirectory = rootDirectory ?? Environment.GetEnvironmentVariable("ALPHATRADE_HOME") ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error (notices, warnings, errors).</summary>
    public TextWriter Error { get; }

    /// <summary>Directory that relative paths in the configuration are resolved against.</summary>
    public string RootDirectory { get; }

    /// <summary>Resolves <paramref name="path"/> against <see cref="RootDirectory"/> unless it is absolute.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RootDirectory, path));
}
