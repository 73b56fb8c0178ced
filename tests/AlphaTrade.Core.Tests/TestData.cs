using System.Globalization;
using System.IO.Compression;

namespace AlphaTrade.Core.Tests;

/// <summary>Finds the shared real-data folder: $ALPHATRADE_IBKR_DATA, else shared/data/ibkr_5min in an ancestor folder.</summary>
internal static class TestData
{
    public static readonly string? IbkrFolder = FindIbkrFolder();

    public const string IbkrMissing = "Real IBKR data folder (shared/data/ibkr_5min) not found; set ALPHATRADE_IBKR_DATA to run this test.";

    private static string? FindIbkrFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ALPHATRADE_IBKR_DATA");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Directory.Exists(fromEnv) ? fromEnv : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "ibkr_5min");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Bar start times (with their New York offsets) of one symbol's 5-minute file.</summary>
    public static List<DateTimeOffset> ReadIbkrTimestamps(string symbol)
    {
        var path = Path.Combine(IbkrFolder!, symbol + "_5min.csv.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var times = new List<DateTimeOffset>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            var stamp = line.AsSpan(0, line.IndexOf(',', StringComparison.Ordinal));
            times.Add(DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture));
        }

        return times;
    }
}

/// <summary>A fact that is skipped, with a message, when the real IBKR data is absent.</summary>
public sealed class IbkrDataFactAttribute : FactAttribute
{
    public IbkrDataFactAttribute()
    {
        if (TestData.IbkrFolder is null)
        {
            Skip = TestData.IbkrMissing;
        }
    }
}

/// <summary>A fact that is skipped, with a message, when the OS has no America/New_York zone.</summary>
public sealed class NewYorkZoneFactAttribute : FactAttribute
{
    public NewYorkZoneFactAttribute()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("America/New_York", out _))
        {
            Skip = "The OS time-zone database has no America/New_York; the rule-based conversion is not cross-checked.";
        }
    }
}
