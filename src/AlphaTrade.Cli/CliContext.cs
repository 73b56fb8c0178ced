using AlphaTrade.Configuration;

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
        _config = new Lazy<AlphaTradeConfig>(() => ConfigLoader.LoadFromProcess(RootDirectory, Backtesting.LibraryStrategyTypes.Instance),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error (notices, warnings, errors).</summary>
    public TextWriter Error { get; }

    /// <summary>Directory that relative paths in the configuration are resolved against.</summary>
    public string RootDirectory { get; }

    /// <summary>The validated configuration (config/*.yaml, environment overrides, secrets), loaded on first use.</summary>
    public AlphaTradeConfig Config => _config.Value;

    private readonly Lazy<AlphaTradeConfig> _config;

    /// <summary>
    /// Starts loading <see cref="Config"/> on another thread while the command line is parsed (a command that reads it
    /// waits for that load; a load error reaches the command that reads the configuration, as without the preload).
    /// </summary>
    internal void PreloadConfig() => _ = Task.Run(() => _config.Value);

    /// <summary>Writes a notice for the user to standard error (keeps standard output clean for data).</summary>
    public void Notice(string message) => Error.WriteLine(message);

    /// <summary>A path for display: relative to the root when inside it, absolute otherwise.</summary>
    public string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(RootDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }

    /// <summary>Resolves <paramref name="path"/> against <see cref="RootDirectory"/> unless it is absolute.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(RootDirectory, path));
}
