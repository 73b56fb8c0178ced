using AlphaTrade.Core.Time;
using AlphaTrade.Data.Loading;
using AlphaTrade.Data.Storage;

namespace AlphaTrade.Data.Tests.Loading;

/// <summary>
/// The real IBKR 5-minute bars in /work/shared/data/ibkr_5min (README facts: 40 symbols, 206 NYSE sessions
/// 2025-05-12 to 2026-03-06, 78 bars a day and 42 on the early closes 2025-07-03, 2025-11-28 and 2025-12-24,
/// bar-start timestamps with New York offsets).
/// </summary>
public class IbkrRealDataTests
{
    private const int Sessions = 206;
    private const int ExpectedBars = ((Sessions - 3) * 78) + (3 * 42); // 15,960

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // The README's "42 on the early closes" holds for 30 files; these 10 also carry bars after the 13:00 early
    // close (the source's extended-hours filter assumed a 16:00 close). The loader keeps every row in file order;
    // dropping them is the cleaning stage's job.
    private static readonly Dictionary<string, int> AfterEarlyClose = new(StringComparer.Ordinal)
    {
        ["AMD"] = 3, ["GOOG"] = 1, ["INTC"] = 6, ["MSFT"] = 1, ["NFLX"] = 8,
        ["NVDA"] = 5, ["ORCL"] = 2, ["QQQ"] = 15, ["SPY"] = 4, ["XLU"] = 1,
    };

    private static readonly DateOnly[] EarlyCloses = [new(2025, 7, 3), new(2025, 11, 28), new(2025, 12, 24)];

    [IbkrDataFact]
    public void LoadMany_AllFortyFiles_DocumentedBarCountsInFileOrder()
    {
        var results = BarLoader.LoadMany(IbkrDataFactAttribute.Folder);
        Assert.Equal(40, results.Count);
        Assert.Equal(results.Select(r => r.Symbol).Order(StringComparer.Ordinal), results.Select(r => r.Symbol));
        Assert.Contains(results, r => r.Symbol == "XLRE");
        Assert.Equal(15_960, ExpectedBars);
        foreach (var r in results)
        {
            int extra = AfterEarlyClose.GetValueOrDefault(r.Symbol);
            Assert.Equal(ExpectedBars + extra, r.Series.Count);
            Assert.Equal(ExpectedBars + extra, r.RowsRead);
            Assert.Equal(0, r.RowsSkipped);
            Assert.Equal(TimeFrame.FiveMinutes, r.Series.TimeFrame);
            Assert.Equal("CSV, gzip (comma-delimited); columns timestamp,open,high,low,close,volume; timestamps ISO-8601 with UTC offset; bar start labelled; 5min bars (from file name)", r.Format);
            var time = r.Series.Time;
            int inSession = 0;
            for (int i = 0; i < time.Length; i++)
            {
                Assert.True(i == 0 || time[i] > time[i - 1], $"{r.Symbol} bar {i} not after the previous");
                var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(time[i], DateTimeKind.Utc), NewYork);
                var close = EarlyCloses.Contains(DateOnly.FromDateTime(local)) ? new TimeOnly(13, 0) : new TimeOnly(16, 0);
                var clock = TimeOnly.FromDateTime(local);
                Assert.True(clock >= new TimeOnly(9, 30) && clock < new TimeOnly(16, 0), $"{r.Symbol} bar at {local:O} outside 09:30-16:00 New York");
                if (clock < close)
                {
                    inSession++;
                }
            }

            Assert.Equal(ExpectedBars, inSession);
        }
    }

    [IbkrDataFact]
    public void Read_Aapl_FirstAndLastBarsInUtcAcrossDst()
    {
        var s = BarFileReader.Read(Path.Combine(IbkrDataFactAttribute.Folder, "AAPL_5min.csv.gz")).Series;

        // 2025-05-12T09:30:00-04:00,211.0400,211.2600,207.0000,208.9000,4315720
        Assert.Equal(Utc.Ticks(2025, 5, 12, 13, 30), s.Time[0]);
        Assert.Equal(211.04, s.Open[0]);
        Assert.Equal(211.26, s.High[0]);
        Assert.Equal(207.0, s.Low[0]);
        Assert.Equal(208.9, s.Close[0]);
        Assert.Equal(4315720, s.Volume[0]);

        // 2026-03-06T15:55:00-05:00,257.4000,258.0100,257.3100,257.4400,2075663 (EST: UTC-5).
        Assert.Equal(Utc.Ticks(2026, 3, 6, 20, 55), s.Time[^1]);
        Assert.Equal(257.44, s.Close[^1]);
        Assert.Equal(2075663, s.Volume[^1]);

        // Every session opens at 09:30 New York whatever the offset (EDT until 2025-11-02, EST after).
        var sessions = new Dictionary<DateOnly, List<long>>();
        foreach (long t in s.Time)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(t, DateTimeKind.Utc), NewYork);
            var day = DateOnly.FromDateTime(local);
            if (!sessions.TryGetValue(day, out var list))
            {
                sessions[day] = list = [];
            }

            list.Add(t);
        }

        Assert.Equal(Sessions, sessions.Count);
        foreach (var (day, bars) in sessions)
        {
            var open = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(bars[0], DateTimeKind.Utc), NewYork);
            Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(open));
            bool early = day == new DateOnly(2025, 7, 3) || day == new DateOnly(2025, 11, 28) || day == new DateOnly(2025, 12, 24);
            Assert.Equal(early ? 42 : 78, bars.Count);
        }

        Assert.Equal(Utc.Ticks(2025, 10, 31, 13, 30), sessions[new DateOnly(2025, 10, 31)][0]);
        Assert.Equal(Utc.Ticks(2025, 11, 3, 14, 30), sessions[new DateOnly(2025, 11, 3)][0]);
    }

    [IbkrDataFact]
    public void Read_MeliAndCost_DocumentedZeroVolumeBars()
    {
        int Zero(string symbol)
        {
            var s = BarFileReader.Read(Path.Combine(IbkrDataFactAttribute.Folder, symbol + "_5min.csv.gz")).Series;
            int n = 0;
            for (int i = 0; i < s.Count; i++)
            {
                if (s.Volume[i] == 0)
                {
                    n++;
                }
            }

            return n;
        }

        Assert.Equal(803, Zero("MELI"));
        Assert.Equal(1, Zero("COST"));
    }

    [IbkrDataFact]
    public void Cache_RealFiles_HitGivesIdenticalFingerprint()
    {
        string dir = Path.Combine(Path.GetTempPath(), "alphatrade-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var opts = new BarLoadOptions { Cache = new BarCache(dir), Symbols = ["AAPL", "SPY", "NFLX"] };
            var miss = BarLoader.LoadMany(IbkrDataFactAttribute.Folder, opts);
            var hit = BarLoader.LoadMany(IbkrDataFactAttribute.Folder, opts);
            Assert.All(hit, r => Assert.True(r.FromCache));
            Assert.Equal(DataFingerprint.Of(miss.Select(r => r.Series)), DataFingerprint.Of(hit.Select(r => r.Series)));
            Assert.Equal(3, Directory.GetFiles(dir).Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
