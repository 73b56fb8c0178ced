using Xunit;

namespace AlphaTrade.Testing;

/// <summary>Locates the repository and the shared real-data folder from a test's output directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlphaTrade.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AlphaTrade.slnx not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding AlphaTrade.slnx).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The repository's config folder.</summary>
    public static string Config => Path.Combine(Root, "config");

    /// <summary>
    /// The real intraday data folder (<c>../shared/data/ibkr_5min</c> beside the checkout, or ALPHATRADE_SHARED_DATA),
    /// or null when absent.
    /// </summary>
    public static string? SharedIbkr5Min
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("ALPHATRADE_SHARED_DATA");
            var candidates = new List<string>();
            if (!string.IsNullOrEmpty(env))
            {
                candidates.Add(Path.Combine(env, "ibkr_5min"));
            }

            candidates.Add(Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "ibkr_5min")));
            candidates.Add("/work/shared/data/ibkr_5min");
            return candidates.FirstOrDefault(Directory.Exists);
        }
    }
}

/// <summary>A fact that is skipped, with the reason shown, when the shared real-data folder is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when ../shared/data/ibkr_5min is missing.</summary>
    public RealDataFactAttribute()
    {
        if (RepoPaths.SharedIbkr5Min is null)
        {
            Skip = "real data folder ../shared/data/ibkr_5min is absent (see shared/data/README.md)";
        }
    }
}

/// <summary>A theory that is skipped, with the reason shown, when the shared real-data folder is absent.</summary>
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets Skip when ../shared/data/ibkr_5min is missing.</summary>
    public RealDataTheoryAttribute()
    {
        if (RepoPaths.SharedIbkr5Min is null)
        {
            Skip = "real data folder ../shared/data/ibkr_5min is absent (see shared/data/README.md)";
        }
    }
}

/// <summary>A temporary directory deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Creates a fresh empty directory under the system temp folder.</summary>
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alphatrade-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
