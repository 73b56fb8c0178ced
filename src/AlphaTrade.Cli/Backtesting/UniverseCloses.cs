using System.Globalization;
using System.Text;
using AlphaTrade.Backtest.Results;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Cli.Backtesting;

/// <summary>
/// universe_closes.csv: every universe symbol's last close at or before each session close of the run
/// (<c>time_utc,SYM1,SYM2,...</c>; empty before a symbol's first bar). The per-period universe returns of the
/// Brinson–Fachler attribution come from it, so <c>alphatrade report</c> can rebuild the attribution from the folder.
/// </summary>
internal static class UniverseCloses
{
    public const string FileName = "universe_closes.csv";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The file's text for <paramref name="series"/> over the sessions their bars span.</summary>
    public static string Format(IReadOnlyList<BarSeries> series, ITradingCalendar calendar)
    {
        var sb = new StringBuilder("time_utc");
        foreach (var s in series)
        {
            sb.Append(',').Append(s.Symbol);
        }

        sb.Append('\n');
        var nonEmpty = series.Where(s => s.Count > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return sb.ToString();
        }

        var first = DateOnly.FromDateTime(calendar.ToExchangeTime(nonEmpty.Min(s => s.FirstTimeUtc)));
        var last = DateOnly.FromDateTime(calendar.ToExchangeTime(nonEmpty.Max(s => s.LastTimeUtc)));
        var cursor = new int[series.Count];
        Array.Fill(cursor, -1);
        foreach (var session in calendar.Sessions(first, last))
        {
            long close = session.CloseUtc.Ticks;
            sb.Append(ResultsFormat.Time(close));
            for (int k = 0; k < series.Count; k++)
            {
                var s = series[k];
                var time = s.Time;
                long bar = s.TimeFrame.Duration.Ticks;
                int j = cursor[k];
                while (j + 1 < time.Length && time[j + 1] + bar <= close)
                {
                    j++;
                }

                cursor[k] = j;
                sb.Append(',');
                if (j >= 0)
                {
                    sb.Append(s.Close[j].ToString("R", C));
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Parses the file: instants and, per instant, the closes of <paramref name="symbols"/> (NaN when empty).</summary>
    public static (List<long> Times, List<double[]> Closes) Parse(string csv, string name, IReadOnlyList<string> symbols)
    {
        var rows = ResultsCsv.Parse(csv, name, ["time_utc", .. symbols]);
        var times = new List<long>(rows.Count);
        var closes = new List<double[]>(rows.Count);
        foreach (var r in rows)
        {
            times.Add(r.Time("time_utc"));
            var row = new double[symbols.Count];
            for (int k = 0; k < symbols.Count; k++)
            {
                row[k] = r.Text(symbols[k]).Length == 0 ? double.NaN : (double)r.Decimal(symbols[k]);
            }

            closes.Add(row);
        }

        return (times, closes);
    }
}
