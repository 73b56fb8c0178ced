using System.Globalization;
using System.IO.Compression;
using AlphaTrade.Core.Market;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Data.Tests;

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

    /// <summary>Symbols with a file in the data folder, sorted.</summary>
    public static IReadOnlyList<string> IbkrSymbols() =>
        Directory.GetFiles(IbkrFolder!, "*_5min.csv.gz").Select(f => Path.GetFileName(f).Split('_')[0]).Order(StringComparer.Ordinal).ToList();

    /// <summary>One symbol's 5-minute bars (simple parser for the known, clean format).</summary>
    public static BarSeries ReadIbkr(string symbol)
    {
        var path = Path.Combine(IbkrFolder!, symbol + "_5min.csv.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var series = new BarSeries(symbol, TimeFrame.FiveMinutes, 16_000);
        reader.ReadLine(); // header: timestamp,open,high,low,close,volume
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            var time = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture).UtcTicks;
            series.Add(time, P(f[1]), P(f[2]), P(f[3]), P(f[4]), P(f[5]));
        }

        return series;

        static double P(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
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
