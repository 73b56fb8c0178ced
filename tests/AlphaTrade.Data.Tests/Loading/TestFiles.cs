using System.IO.Compression;
using System.Text;

namespace AlphaTrade.Data.Tests.Loading;

/// <summary>A temporary folder deleted on dispose, with helpers to write test files into it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alphatrade-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, exactly as given (no newline translation).</summary>
    public string Write(string name, string text)
    {
        string p = Combine(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, Encoding.UTF8.GetBytes(text));
        return p;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        string p = Combine(name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    public string WriteGzip(string name, string text)
    {
        string p = Combine(name);
        using var file = File.Create(p);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
        return p;
    }

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

/// <summary>UTC helpers for assertions.</summary>
public static class Utc
{
    public static long Ticks(int y, int mo, int d, int h, int mi, int s = 0) => new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).Ticks;

    public static DateTime At(long ticks) => new(ticks, DateTimeKind.Utc);
}

/// <summary>
/// A fact that is skipped, saying why, when the real IBKR sample data is not on this machine. The folder is
/// /work/shared/data/ibkr_5min unless the ALPHATRADE_IBKR_DATA environment variable names another.
/// </summary>
public sealed class IbkrDataFactAttribute : FactAttribute
{
    public static readonly string Folder = Environment.GetEnvironmentVariable("ALPHATRADE_IBKR_DATA") is { Length: > 0 } dir
        ? dir
        : "/work/shared/data/ibkr_5min";

    public IbkrDataFactAttribute()
    {
        if (!Directory.Exists(Folder) || Directory.GetFiles(Folder, "*_5min.csv.gz").Length == 0)
        {
            Skip = $"real IBKR 5-minute data not found in {Folder}";
        }
    }
}
