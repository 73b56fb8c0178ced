using System.Globalization;
using System.Text;

namespace AlphaTrade.Benchmarks.Loading;

/// <summary>
/// Writes realistic vendor CSV files for the loading benchmarks: header <c>timestamp,open,high,low,close,volume</c>,
/// ISO-8601 bar starts with the New York offset, two-decimal prices from a seeded random walk, regular-session
/// 15-minute bars (26 a day) on weekdays.
/// </summary>
public static class SyntheticBarFiles
{
    /// <summary>Sessions in about two years.</summary>
    public const int TwoYearsOfSessions = 504;

    /// <summary>15-minute bars in a regular session.</summary>
    public const int BarsPerSession = 26;

    /// <summary>The CSV text of <paramref name="sessions"/> sessions for one symbol.</summary>
    public static string Csv(int sessions, int seed)
    {
        var rng = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var sb = new StringBuilder(sessions * BarsPerSession * 60);
        sb.Append("timestamp,open,high,low,close,volume\n");
        double price = 50 + (rng.NextDouble() * 400);
        var day = new DateTime(2023, 1, 3, 0, 0, 0, DateTimeKind.Unspecified);
        int done = 0;
        while (done < sessions)
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
                continue;
            }

            for (int b = 0; b < BarsPerSession; b++)
            {
                var local = day.AddMinutes(570 + (15 * b));
                var offset = zone.GetUtcOffset(local);
                double open = price;
                double close = Math.Max(1, price * (1 + ((rng.NextDouble() - 0.5) * 0.004)));
                double high = Math.Max(open, close) * (1 + (rng.NextDouble() * 0.001));
                double low = Math.Min(open, close) * (1 - (rng.NextDouble() * 0.001));
                sb.Append(local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
                  .Append(offset < TimeSpan.Zero ? '-' : '+')
                  .Append(offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture))
                  .Append(CultureInfo.InvariantCulture, $",{open:F2},{high:F2},{low:F2},{close:F2},{rng.Next(1_000, 2_000_000)}\n");
                price = close;
            }

            done++;
            day = day.AddDays(1);
        }

        return sb.ToString();
    }

    /// <summary>Writes <c>S00_15min.csv</c> … for <paramref name="symbols"/> symbols into a new temporary folder.</summary>
    public static string WriteUniverse(int symbols, int sessions)
    {
        string dir = Path.Combine(Path.GetTempPath(), "alphatrade-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "raw"));
        for (int k = 0; k < symbols; k++)
        {
            File.WriteAllText(Path.Combine(dir, "raw", $"S{k:D2}_15min.csv"), Csv(sessions, seed: k + 1));
        }

        return dir;
    }
}
